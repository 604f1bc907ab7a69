// A question set as a file: GIFT, Moodle XML, Aiken, CSV or JSON. Anyone may download a published set; a
// draft only its owner (for anyone else it does not exist). Plain text types and nosniff, so
// nothing a teacher wrote is ever run as a page.
import { error } from '@sveltejs/kit';
import { fileStem } from '$lib/domain/file-name';
import { exportAiken } from '$lib/domain/formats/aiken';
import { exportCsv } from '$lib/domain/formats/csv';
import { exportGift } from '$lib/domain/formats/gift';
import { exportJson } from '$lib/domain/formats/json';
import { exportMoodleXml } from '$lib/domain/formats/moodle-xml-export';
import { getDb } from '$lib/server/app-db';
import { exportableSet } from '$lib/server/teacher-sets';
import type { RequestHandler } from './$types';

const formats = {
	json: { type: 'application/json; charset=utf-8', extension: 'json' },
	gift: { type: 'text/plain; charset=utf-8', extension: 'gift' },
	aiken: { type: 'text/plain; charset=utf-8', extension: 'txt' },
	csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
	moodlexml: { type: 'application/xml; charset=utf-8', extension: 'xml' }
} as const;
type Format = keyof typeof formats;

export const GET: RequestHandler = ({ params, url, locals }) => {
	const format = url.searchParams.get('format') ?? '';
	if (!(format in formats)) {
		error(400, `Unknown format "${format.slice(0, 20)}": use json, gift, moodlexml, csv or aiken.`);
	}
	const set = exportableSet(getDb(), locals.user?.id ?? null, params.id);
	if (!set) error(404, 'No set has that id.');
	const { type, extension } = formats[format as Format];
	const headers: Record<string, string> = {
		'content-type': type,
		'content-disposition': `attachment; filename="${fileStem(set.title, 'question-set')}${extension === 'txt' ? '-aiken' : ''}.${extension}"`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, no-store'
	};
	let body: string;
	switch (format as Format) {
		case 'json':
			body = exportJson(set);
			break;
		case 'gift':
			body = exportGift(set);
			break;
		case 'csv':
			body = exportCsv(set);
			break;
		case 'moodlexml':
			body = exportMoodleXml(set);
			break;
		case 'aiken': {
			const { text, leftOut } = exportAiken(set);
			body = text;
			// Aiken holds only multiple choice: say how much was left out.
			headers['x-factdeck-left-out'] = String(leftOut.length);
			break;
		}
	}
	return new Response(body, { headers });
};

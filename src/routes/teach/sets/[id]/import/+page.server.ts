import { fail, redirect } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import {
	importFormatLabels,
	importFormats,
	importLimits,
	importText,
	isImportFormat,
	MAX_IMPORT_BYTES,
	type ImportFormat
} from '$lib/domain/formats/import';
import { describeAnswer } from '$lib/domain/public-question';
import { getDb } from '$lib/server/app-db';
import { field, readFormChecked } from '$lib/server/forms';
import { importQuestions } from '$lib/server/teacher-sets';
import { ownedSet } from '../owned';
import { typeLabels } from '../questions/question-form';
import type { Actions, PageServerLoad } from './$types';

/** Room for a 1 MB file, the same text in the box, and the form around them. */
const MAX_REQUEST_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;

export const load: PageServerLoad = (event) => {
	const { set } = ownedSet(event);
	return {
		set: { id: set.id, title: set.title },
		formats: importFormats.map((f) => ({ value: f, label: importFormatLabels[f] })),
		limits: importLimits
	};
};

/** Browsers send line breaks as CRLF: the text is read, hashed and parsed with LF only. */
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

/** What the preview promised: this parser over this text. */
const hashOf = (format: ImportFormat, text: string) =>
	createHash('sha256').update(`${format}\n${text}`).digest('hex');

type Read = { data: FormData; text: string; chosen: string; fileName: string };

async function readImport(
	request: Request
): Promise<Read | { message: string; status: 400 | 413 }> {
	const read = await readFormChecked(request, MAX_REQUEST_BYTES);
	if (!read.ok) {
		return {
			status: read.status,
			message: read.status === 413 ? `That is too large. ${importLimits}` : read.message
		};
	}
	const data = read.data;
	const chosen = field(data, 'format');
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_IMPORT_BYTES) {
			return { status: 413, message: `${file.name} is too large. ${importLimits}` };
		}
		return { data, text: normalise(await file.text()), chosen, fileName: file.name };
	}
	return { data, text: normalise(field(data, 'text')), chosen, fileName: field(data, 'fileName') };
}

/** Parses the text and describes the result for the page: the questions, or every error. */
function parse(read: Read, format: ImportFormat | 'auto') {
	const outcome = importText(read.text, {
		format,
		...(read.fileName ? { fileName: read.fileName } : {})
	});
	const common = {
		action: 'preview' as const,
		text: read.text,
		chosen: isImportFormat(read.chosen) ? read.chosen : 'auto',
		fileName: read.fileName
	};
	if (!outcome.ok) {
		return {
			outcome,
			view: {
				...common,
				ok: false as const,
				detected: outcome.format ? importFormatLabels[outcome.format] : null,
				errors: outcome.errors
			}
		};
	}
	return {
		outcome,
		view: {
			...common,
			ok: true as const,
			detected: importFormatLabels[outcome.format],
			format: outcome.format,
			hash: hashOf(outcome.format, read.text),
			category: outcome.category?.join(' / ') ?? null,
			skipped: outcome.skipped,
			notes: outcome.notes,
			questions: outcome.questions.map((q) => ({
				type: typeLabels[q.type],
				title: q.title ?? null,
				prompt: q.prompt,
				answer: describeAnswer(q),
				generated: q.provenance !== undefined
			}))
		}
	};
}

export const actions: Actions = {
	preview: async (event) => {
		ownedSet(event);
		const read = await readImport(event.request);
		if ('message' in read)
			return fail(read.status, { action: 'preview' as const, message: read.message });
		const { view } = parse(read, isImportFormat(read.chosen) ? read.chosen : 'auto');
		return view.ok ? view : fail(400, view);
	},
	confirm: async (event) => {
		const { me, set } = ownedSet(event);
		const read = await readImport(event.request);
		if ('message' in read)
			return fail(read.status, { action: 'preview' as const, message: read.message });
		// Nothing from the preview is trusted: the text is parsed again, with the parser the
		// preview used, and must be the very text that was previewed. What is left out is decided
		// by that parse, never by a list the page sends back.
		const detected = field(read.data, 'detected');
		const { outcome, view } = parse(
			read,
			isImportFormat(detected) ? detected : isImportFormat(read.chosen) ? read.chosen : 'auto'
		);
		if (!outcome.ok || !view.ok) return fail(400, view);
		if (outcome.questions.length === 0) {
			return fail(400, { ...view, message: 'None of these questions can be imported.' });
		}
		if (view.hash !== field(read.data, 'hash')) {
			return fail(409, {
				...view,
				message:
					'The text changed after the preview, so nothing was imported. Check this new preview, then import.'
			});
		}
		const saved = importQuestions(getDb(), me.id, set.id, outcome.questions);
		if (!saved.ok) return fail(400, { ...view, message: saved.message });
		redirect(303, `/teach/sets/${set.id}?imported=${saved.added}`);
	}
};

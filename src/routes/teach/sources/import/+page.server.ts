import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { readFormChecked } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/session-cookie';
import { importSource, parseJson } from '$lib/server/source-transfer';
import type { Actions, PageServerLoad } from './$types';

/** A file of a source at its largest (200 KB of text) with a rich fact base beside it. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = (event) => {
	requireTeacher(event);
	return {};
};

export const actions: Actions = {
	import: async (event) => {
		const me = requireTeacher(event);
		const read = await readFormChecked(event.request, MAX_FILE_BYTES + 256 * 1024);
		if (!read.ok) {
			return fail(read.status, { text: '', problems: [{ path: '', message: read.message }] });
		}
		const file = read.data.get('file');
		const pasted = read.data.get('text');
		let text = typeof pasted === 'string' ? pasted : '';
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_FILE_BYTES) {
				return fail(413, {
					text: '',
					problems: [
						{ path: '', message: `${file.name} is over 2 MB: no source file is that large.` }
					]
				});
			}
			text = await file.text();
		}
		const echo = text.length <= MAX_FILE_BYTES ? text : '';
		if (text.trim() === '') {
			return fail(400, {
				text: echo,
				problems: [{ path: '', message: 'Paste the file’s JSON, or upload the .json file.' }]
			});
		}
		const json = parseJson(text);
		if (!json.ok) return fail(400, { text: echo, problems: json.problems });
		const result = importSource(getDb(), me.id, json.value);
		if (!result.ok) return fail(400, { text: echo, problems: result.problems });
		redirect(303, `/teach/sources/${result.id}?imported=${result.facts}`);
	}
};

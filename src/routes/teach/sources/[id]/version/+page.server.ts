import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { readFormChecked } from '$lib/server/forms';
import { MAX_SOURCE_REQUEST_BYTES, readSourceText } from '$lib/server/source-form';
import { addVersion } from '$lib/server/teacher-sources';
import { maxTextBytes } from '$lib/server/text-extract';
import { ownedSource } from '../owned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { source } = ownedSource(event);
	return {
		source: { id: source.id, title: source.title, version: source.version },
		body: source.body,
		maxKb: maxTextBytes / 1024
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { me, source } = ownedSource(event);
		const read = await readFormChecked(event.request, MAX_SOURCE_REQUEST_BYTES);
		if (!read.ok) return fail(read.status, { field: 'form', message: read.message, text: '' });
		const pasted = read.data.get('text');
		const echo = typeof pasted === 'string' && pasted.length <= 2 * maxTextBytes ? pasted : '';
		const text = await readSourceText(read.data);
		if (!text.ok) return fail(400, { field: text.field, message: text.message, text: echo });
		const result = addVersion(getDb(), me.id, source.id, text.text);
		if (!result.ok)
			return fail(result.status, { field: 'text', message: result.message, text: echo });
		redirect(
			303,
			`/teach/sources/${source.id}?version=${result.version}&lost=${result.unanchored}&added=${result.suggested}`
		);
	}
};

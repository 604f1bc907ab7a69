import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { field, fieldErrors, readFormChecked } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/session-cookie';
import { MAX_SOURCE_REQUEST_BYTES, readSourceText } from '$lib/server/source-form';
import { createSource, sourceDetailsSchema } from '$lib/server/teacher-sources';
import { maxTextBytes } from '$lib/server/text-extract';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireTeacher(event);
	return { maxKb: maxTextBytes / 1024 };
};

const empty = { title: '', publishedOn: '', author: '', url: '', text: '' };

export const actions: Actions = {
	create: async (event) => {
		const me = requireTeacher(event);
		const read = await readFormChecked(event.request, MAX_SOURCE_REQUEST_BYTES);
		if (!read.ok) return fail(read.status, { values: empty, errors: { form: read.message } });
		const data = read.data;
		const pasted = field(data, 'text');
		const values = {
			title: field(data, 'title'),
			publishedOn: field(data, 'publishedOn'),
			author: field(data, 'author'),
			url: field(data, 'url'),
			// What was pasted goes back in the box, unless it is far past any use.
			text: pasted.length <= 2 * maxTextBytes ? pasted : ''
		};
		const text = await readSourceText(data);
		// A saved web page names itself: its title stands in for one left empty.
		const details = sourceDetailsSchema.safeParse({
			...values,
			title: values.title.trim() || (text.ok ? (text.title ?? '') : '')
		});
		const errors: Record<string, string> = details.success ? {} : fieldErrors(details.error.issues);
		if (!text.ok) errors[text.field] = text.message;
		if (!details.success || !text.ok) return fail(400, { values, errors });
		const made = createSource(getDb(), me.id, details.data, text.text);
		redirect(303, `/teach/sources/${made.id}?added=${made.suggested}`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { field, fieldErrors, readForm } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/session-cookie';
import { createSet, setDetailsSchema } from '$lib/server/teacher-sets';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireTeacher(event);
	return {};
};

export const actions: Actions = {
	create: async (event) => {
		const me = requireTeacher(event);
		const data = await readForm(event.request);
		if (!data) return fail(400, { values: null, errors: { form: 'The form could not be read.' } });
		const values = {
			title: field(data, 'title'),
			description: field(data, 'description'),
			tags: field(data, 'tags')
		};
		const parsed = setDetailsSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues) });
		const id = createSet(getDb(), me.id, parsed.data);
		redirect(303, `/teach/sets/${id}`);
	}
};

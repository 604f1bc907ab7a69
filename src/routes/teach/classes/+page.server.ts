import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { classNameSchema, createClass, listTeacherClasses } from '$lib/server/classes';
import { field, readForm } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	return { classes: listTeacherClasses(getDb(), me.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const me = requireTeacher(event);
		const data = await readForm(event.request);
		if (!data) return fail(400, { name: '', message: 'The form could not be read.' });
		const parsed = classNameSchema.safeParse(field(data, 'name'));
		if (!parsed.success) {
			return fail(400, { name: field(data, 'name'), message: parsed.error.issues[0]!.message });
		}
		const created = createClass(getDb(), me.id, parsed.data);
		redirect(303, `/teach/classes/${created.id}`);
	}
};

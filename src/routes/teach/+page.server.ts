import { getDb } from '$lib/server/app-db';
import { listTeacherClasses } from '$lib/server/classes';
import { requireTeacher } from '$lib/server/session-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	return { classes: listTeacherClasses(getDb(), me.id) };
};

import { getDb } from '$lib/server/app-db';
import { requireTeacher } from '$lib/server/session-cookie';
import { listTeacherSets } from '$lib/server/teacher-sets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	return {
		sets: listTeacherSets(getDb(), me.id).map((s) => ({
			id: s.id,
			title: s.title,
			tags: s.tags,
			status: s.status,
			questionCount: s.questionCount,
			updatedAt: s.updatedAt
		}))
	};
};

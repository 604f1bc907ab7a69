import { getDb } from '$lib/server/app-db';
import { listTeacherClasses } from '$lib/server/classes';
import { requireTeacher } from '$lib/server/session-cookie';
import { listTeacherSets } from '$lib/server/teacher-sets';
import { listOwnSources } from '$lib/server/teacher-sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	const db = getDb();
	return {
		classes: listTeacherClasses(db, me.id),
		sources: listOwnSources(db, me.id).map((s) => ({
			id: s.id,
			title: s.title,
			facts: s.facts,
			pending: s.pending
		})),
		sets: listTeacherSets(db, me.id).map((s) => ({
			id: s.id,
			title: s.title,
			status: s.status,
			questionCount: s.questionCount
		}))
	};
};

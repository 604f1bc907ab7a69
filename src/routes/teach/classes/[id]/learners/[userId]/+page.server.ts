import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { classRoster, getOwnedClass } from '$lib/server/classes';
import { learnerProgress } from '$lib/server/progress';
import { requireTeacher } from '$lib/server/session-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	const db = getDb();
	const found = getOwnedClass(db, me.id, event.params.id);
	// A learner outside the teacher's own class does not exist for them.
	const learner = found
		? classRoster(db, found.id).find((r) => r.id === event.params.userId)
		: undefined;
	if (!found || !learner) error(404, 'No learner of that id is in a class of yours.');
	return {
		schoolClass: { id: found.id, name: found.name },
		learner: { id: learner.id, username: learner.username ?? 'guest' },
		progress: learnerProgress(db, learner.id)
	};
};

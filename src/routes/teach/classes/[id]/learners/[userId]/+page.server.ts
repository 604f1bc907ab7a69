import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { canTeach } from '$lib/server/access';
import { getDb } from '$lib/server/app-db';
import { classRoster, getOwnedClass } from '$lib/server/classes';
import { readFormChecked } from '$lib/server/forms';
import { learnerProgress } from '$lib/server/progress';
import { issueResetCodeAsTeacher } from '$lib/server/reset-codes';
import { requireTeacher } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's class and the learner in it, or 404: anyone else does not exist for them. */
function learnerInClass(event: RequestEvent<{ id: string; userId: string }>) {
	const me = requireTeacher(event);
	const db = getDb();
	const found = getOwnedClass(db, me.id, event.params.id);
	const learner = found
		? classRoster(db, found.id).find((r) => r.id === event.params.userId)
		: undefined;
	if (!found || !learner) error(404, 'No learner of that id is in a class of yours.');
	return { me, db, found, learner };
}

export const load: PageServerLoad = (event) => {
	const { db, found, learner } = learnerInClass(event);
	return {
		schoolClass: { id: found.id, name: found.name },
		learner: {
			id: learner.id,
			username: learner.username ?? 'guest',
			// Teachers (and admins) who joined as learners are the administrator's to reset.
			resettable: !canTeach(learner.role)
		},
		progress: learnerProgress(db, learner.id)
	};
};

export const actions: Actions = {
	resetCode: async (event) => {
		const { me, db, found, learner } = learnerInClass(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const issued = issueResetCodeAsTeacher(db, me, found.id, learner.id);
		if (!issued.ok) return fail(issued.status, { message: issued.message });
		// The code is shown this once: nothing on the way may keep a copy.
		event.setHeaders({ 'cache-control': 'no-store' });
		return {
			issued: { code: issued.code, expiresAt: issued.expiresAt, username: issued.username }
		};
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { setAttemptHistory } from '$lib/server/progress';
import { getVisibleSet } from '$lib/server/question-sets';
import { startAttempt } from '$lib/server/quiz';
import { unfinishedAttempt } from '$lib/server/quiz-views';
import { canSeeSource } from '$lib/server/sources';
import { requireLearner } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const db = getDb();
	const viewerId = locals.user?.id ?? null;
	const set = getVisibleSet(db, params.id, viewerId);
	if (!set) error(404, 'No set has that id.');
	return {
		set: {
			id: set.id,
			title: set.title,
			description: set.description,
			// The source's page is linked only for those who may read it (a teacher's is private).
			sourceId: set.sourceId && canSeeSource(db, set.sourceId, locals.user) ? set.sourceId : null,
			questionCount: set.questionCount,
			quizSize: set.quizSize,
			status: set.status,
			// The article's generated bank is studied as the article's deck; a teacher's set as its own.
			deckId:
				set.origin === 'generated' && set.sourceId ? `source:${set.sourceId}` : `set:${set.id}`
		},
		signedIn: viewerId !== null,
		resume: viewerId ? (unfinishedAttempt(db, viewerId, set.id)?.id ?? null) : null,
		history: viewerId ? setAttemptHistory(db, viewerId, set.id) : []
	};
};

export const actions: Actions = {
	start: (event) => {
		const db = getDb();
		// Check the set before making a guest: a bad id must not create anything.
		if (!getVisibleSet(db, event.params.id, event.locals.user?.id ?? null)) {
			error(404, 'No set has that id.');
		}
		const me = requireLearner(event);
		const started = startAttempt(db, me.id, event.params.id);
		if (!started.ok) return fail(400, { message: started.message });
		redirect(303, `/attempts/${started.attemptId}`);
	}
};

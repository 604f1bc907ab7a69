import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { getVisibleSet } from '$lib/server/question-sets';
import { ownAttempt } from '$lib/server/quiz';
import { attemptQuestions, linkEvidence } from '$lib/server/quiz-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const db = getDb();
	const found = locals.user ? ownAttempt(db, locals.user.id, params.id) : undefined;
	if (!found) error(404, 'No attempt of yours has that id.');
	if (!found.finishedAt) redirect(303, `/attempts/${found.id}`);
	const questions = linkEvidence(db, locals.user, attemptQuestions(db, found.id, found.seed, true));
	const set = getVisibleSet(db, found.setId, found.userId);
	return {
		attempt: {
			id: found.id,
			setId: found.setId,
			setTitle: set?.title ?? 'Quiz',
			/** Fully right answers, and the marks with part marks added (2 of 3 options: 0.67). */
			right: found.score,
			points: found.points,
			total: found.questionCount,
			timeMs: found.finishedAt.getTime() - found.startedAt.getTime()
		},
		// Descriptions are text between questions: nothing to show in a result.
		questions: questions
			.filter((q) => q.question.type !== 'description')
			.map((q, i) => ({
				number: i + 1,
				prompt: q.question.prompt,
				answered: q.answered,
				rightAnswer: q.answered?.rightAnswer ?? q.rightAnswer ?? ''
			}))
	};
};

import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { readFormChecked } from '$lib/server/forms';
import { getVisibleSet } from '$lib/server/question-sets';
import { selfMarks, type SelfMark } from '$lib/domain/grade-answer';
import { finishAttempt, markOpenResponse, ownAttempt, queueAnswer } from '$lib/server/quiz';
import {
	attemptQuestionView,
	attemptStates,
	linkEvidence,
	type QuestionState
} from '$lib/server/quiz-views';
import { orderFromQuery, parseResponseForm } from '$lib/server/quiz-form';
import type { Actions, PageServerLoad } from './$types';

/** The viewer's own attempt, or 404: another learner's attempt does not exist for them. */
function mine(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const id = (event.params as { id: string }).id;
	const me = event.locals.user;
	const found = me ? ownAttempt(getDb(), me.id, id) : undefined;
	if (!me || !found) error(404, 'No attempt of yours has that id.');
	return { me, found };
}

export const load: PageServerLoad = (event) => {
	const { found } = mine(event);
	// A running live session's attempt is played on the session's page, which holds the answer
	// key back until the host reveals it; this page would show it as soon as one is answered.
	if (found.liveSessionId !== null && !found.finishedAt) {
		redirect(303, `/live/${found.liveSessionId}`);
	}
	const db = getDb();
	const states = attemptStates(db, found.id);
	const set = getVisibleSet(db, found.setId, found.userId);
	const requested = Number(event.url.searchParams.get('q'));
	const isDescription = (q: QuestionState) => q.type === 'description';
	const firstOpen = states.findIndex((q) => q.answered === null && !isDescription(q));
	const index =
		Number.isInteger(requested) && requested >= 1 && requested <= states.length
			? requested - 1
			: firstOpen === -1
				? states.length - 1
				: firstOpen;
	const current = attemptQuestionView(db, found.id, found.seed, states[index]!.position);
	if (!current) error(404, 'No attempt of yours has that id.');
	linkEvidence(db, event.locals.user, [current]);

	const order =
		current.question.type === 'ordering' ? orderFromQuery(current.question.items, event.url) : null;

	return {
		attempt: {
			id: found.id,
			setId: found.setId,
			setTitle: set?.title ?? 'Quiz',
			finished: found.finishedAt !== null,
			// Descriptions are shown in their place but are not questions.
			total: states.filter((q) => !isDescription(q)).length,
			answeredCount: states.filter((q) => q.answered !== null).length,
			pages: states.length
		},
		nav: states.map((q) => ({
			position: q.position,
			state: isDescription(q)
				? ('text' as const)
				: q.answered === null
					? ('open' as const)
					: q.answered.score === null
						? ('to-mark' as const)
						: q.answered.correct
							? ('right' as const)
							: q.answered.score > 0
								? ('partly' as const)
								: ('wrong' as const)
		})),
		current: {
			...current,
			number: index + 1,
			/** Its number among the questions (descriptions are not counted); 0 for a description. */
			questionNumber: isDescription(states[index]!)
				? 0
				: states.slice(0, index + 1).filter((q) => !isDescription(q)).length
		},
		order
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { me, found } = mine(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const data = read.data;
		const rawPosition = data.get('position');
		const position =
			typeof rawPosition === 'string' && /^\d{1,4}$/.test(rawPosition) ? Number(rawPosition) : -1;
		if (position < 0) {
			return fail(400, { message: 'The form does not say which question it answers.' });
		}
		const result = await queueAnswer(getDb(), me.id, found.id, position, (q) =>
			parseResponseForm(q, data)
		);
		if (!result.ok) return fail(result.status, { message: result.message, position });
		redirect(303, `/attempts/${found.id}?q=${position + 1}`);
	},
	mark: async (event) => {
		const { me, found } = mine(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const rawPosition = read.data.get('position');
		const position =
			typeof rawPosition === 'string' && /^\d{1,4}$/.test(rawPosition) ? Number(rawPosition) : -1;
		const mark = read.data.get('mark');
		if (
			position < 0 ||
			typeof mark !== 'string' ||
			!(selfMarks as readonly string[]).includes(mark)
		) {
			return fail(400, { message: 'Mark your answer right, partly right or wrong.' });
		}
		const result = markOpenResponse(getDb(), me.id, found.id, position, mark as SelfMark);
		if (!result.ok) return fail(result.status, { message: result.message, position });
		redirect(303, `/attempts/${found.id}?q=${position + 1}`);
	},
	finish: (event) => {
		const { me, found } = mine(event);
		finishAttempt(getDb(), me.id, found.id);
		redirect(303, `/attempts/${found.id}/result`);
	}
};

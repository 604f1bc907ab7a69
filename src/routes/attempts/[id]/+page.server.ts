import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { readFormChecked } from '$lib/server/forms';
import { getVisibleSet } from '$lib/server/question-sets';
import {
	attemptQuestions,
	finishAttempt,
	linkEvidence,
	ownAttempt,
	queueAnswer
} from '$lib/server/quiz';
import { parseResponseForm } from '$lib/server/quiz-form';
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
	const db = getDb();
	const questions = linkEvidence(db, event.locals.user, attemptQuestions(db, found.id, found.seed));
	const set = getVisibleSet(db, found.setId, found.userId);
	const requested = Number(event.url.searchParams.get('q'));
	const firstOpen = questions.findIndex((q) => q.answered === null);
	const index =
		Number.isInteger(requested) && requested >= 1 && requested <= questions.length
			? requested - 1
			: firstOpen === -1
				? questions.length - 1
				: firstOpen;
	const current = questions[index]!;

	// Ordering questions keep an unsubmitted order in the URL, so move buttons work without JS.
	let order: string[] | null = null;
	if (current.question.type === 'ordering') {
		const items = current.question.items;
		const fromUrl = event.url.searchParams.getAll('order');
		order =
			fromUrl.length === items.length &&
			[...fromUrl].sort().join('\n') === [...items].sort().join('\n')
				? fromUrl
				: [...items];
		const move = /^(up|down):(\d+)$/.exec(event.url.searchParams.get('move') ?? '');
		if (move) {
			const from = Number(move[2]);
			const to = move[1] === 'up' ? from - 1 : from + 1;
			if (from >= 0 && from < order.length && to >= 0 && to < order.length) {
				[order[from], order[to]] = [order[to]!, order[from]!];
			}
		}
	}

	return {
		attempt: {
			id: found.id,
			setId: found.setId,
			setTitle: set?.title ?? 'Quiz',
			finished: found.finishedAt !== null,
			total: questions.length,
			answeredCount: questions.filter((q) => q.answered !== null).length
		},
		nav: questions.map((q) => ({
			position: q.position,
			state: q.answered === null ? 'open' : q.answered.correct ? 'right' : 'wrong'
		})),
		current: { ...current, number: index + 1 },
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
	finish: (event) => {
		const { me, found } = mine(event);
		finishAttempt(getDb(), me.id, found.id);
		redirect(303, `/attempts/${found.id}/result`);
	}
};

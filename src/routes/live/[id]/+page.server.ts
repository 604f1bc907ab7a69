import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { readFormChecked } from '$lib/server/forms';
import { submitLiveAnswer } from '$lib/server/live-answers';
import { livePlayerOf } from '$lib/server/live-sessions';
import {
	latestPhase,
	phaseView,
	playerResults,
	sessionRow,
	sessionTitle
} from '$lib/server/live-views';
import { orderFromQuery, parseResponseForm } from '$lib/server/quiz-form';
import type { Actions, PageServerLoad } from './$types';

/** The viewer's seat in the session, or 404: a session they have not joined is not theirs. */
function seat(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const id = (event.params as { id: string }).id;
	const me = event.locals.user;
	const db = getDb();
	const session = me ? sessionRow(db, id) : undefined;
	const player = me && session ? livePlayerOf(db, session.id, me.id) : undefined;
	if (!me || !session || !player) error(404, 'You have not joined a live session with that id.');
	return { me, session, player };
}

export const load: PageServerLoad = (event) => {
	const { me, session, player } = seat(event);
	const db = getDb();
	const latest = latestPhase(db, session.id);
	const view = latest?.view ?? phaseView(db, session);
	const question = view.question;
	return {
		session: { id: session.id, title: sessionTitle(db, session), leaderboard: session.leaderboard },
		name: player.name,
		removed: player.removedAt !== null,
		seq: latest?.seq ?? 0,
		view,
		you: playerResults(db, session, me.id).get(me.id) ?? { answered: false, yourAnswer: null },
		now: Date.now(),
		order: question?.type === 'ordering' ? orderFromQuery(question.items, event.url) : null
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { me, session } = seat(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const raw = read.data.get('position');
		const position = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : -1;
		if (position < 0) {
			return fail(400, { message: 'The form does not say which question it answers.' });
		}
		const result = await submitLiveAnswer(getDb(), session.id, me.id, position, (q) =>
			parseResponseForm(q, read.data)
		);
		if (!result.ok) return fail(result.status, { message: result.message, position });
		return { received: position, duplicate: result.duplicate, yourAnswer: result.yourAnswer };
	}
};

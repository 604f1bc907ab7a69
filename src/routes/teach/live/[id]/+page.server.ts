import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { HostAction } from '$lib/domain/live-session';
import { getDb } from '$lib/server/app-db';
import { field, readForm } from '$lib/server/forms';
import { liveBus } from '$lib/server/live-bus';
import {
	controlSession,
	hostedSession,
	removePlayer,
	sessionPlayers,
	type ControlResult
} from '$lib/server/live-sessions';
import {
	answeredCount,
	latestPhase,
	liveSummary,
	phaseView,
	sessionTitle
} from '$lib/server/live-views';
import { qrDataUrl } from '$lib/server/qr';
import { requireTeacher } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** The host's own session, or 404: another teacher's session does not exist for them. */
function hosted(event: RequestEvent<{ id: string }>) {
	const me = requireTeacher(event);
	const session = hostedSession(getDb(), me.id, event.params.id);
	if (!session) error(404, 'No live session of yours has that id.');
	return { me, session };
}

export const load: PageServerLoad = (event) => {
	const { session } = hosted(event);
	const db = getDb();
	const latest = latestPhase(db, session.id);
	const joinUrl = `${event.url.origin}/live`;
	const joinLink = session.pin ? `${joinUrl}?pin=${session.pin}` : null;
	return {
		session: {
			id: session.id,
			title: sessionTitle(db, session),
			pin: session.pin,
			classId: session.classId,
			timerSeconds: session.timerSeconds,
			leaderboard: session.leaderboard,
			speedBonus: session.speedBonus,
			createdAt: session.createdAt.getTime()
		},
		joinUrl,
		joinLink,
		qr: joinLink ? qrDataUrl(joinLink) : null,
		players: sessionPlayers(db, session.id),
		seq: latest?.seq ?? 0,
		view: latest?.view ?? phaseView(db, session),
		answered: session.currentIndex >= 0 ? answeredCount(db, session.id, session.currentIndex) : 0,
		summary: session.phase === 'ended' ? liveSummary(db, session) : null,
		now: Date.now()
	};
};

function done(result: ControlResult, action: string) {
	if (!result.ok) return fail(result.status, { action, message: result.message });
	for (const message of result.messages) liveBus.publish(message);
	return { action, done: true };
}

function control(action: HostAction) {
	return (event: RequestEvent<{ id: string }>) => {
		const { me, session } = hosted(event);
		return done(controlSession(getDb(), me.id, session.id, action), action);
	};
}

export const actions: Actions = {
	start: control('start'),
	reveal: control('reveal'),
	next: control('next'),
	pause: control('pause'),
	resume: control('resume'),
	end: control('end'),
	remove: async (event) => {
		const { me, session } = hosted(event);
		const data = await readForm(event.request);
		if (!data) return fail(400, { action: 'remove', message: 'The form could not be read.' });
		return done(removePlayer(getDb(), me.id, session.id, field(data, 'userId')), 'remove');
	}
};

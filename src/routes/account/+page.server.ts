import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { ensureDeviceCookie, signInClient } from '$lib/server/client';
import { field, readFormChecked } from '$lib/server/forms';
import {
	accountOf,
	changePassword,
	changeUsername,
	endOtherSessions,
	endOwnSession,
	listSessions
} from '$lib/server/my-account';
import { requireAccount } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireAccount(event);
	ensureDeviceCookie(event.cookies, event.url);
	const db = getDb();
	const account = accountOf(db, me.id);
	if (!account) error(404, 'No such account.');
	return {
		account: { username: account.username ?? '', role: account.role, createdAt: account.createdAt },
		sessions: listSessions(db, me.id, event.locals.session?.id ?? '').map((s) => ({
			id: s.id,
			device: s.device,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			current: s.current
		})),
		reset: event.url.searchParams.get('reset') === '1'
	};
};

/** The signed-in person, their session, and the form; every action checks again itself. */
async function read(event: RequestEvent) {
	const me = requireAccount(event);
	const sessionId = event.locals.session?.id;
	if (!sessionId) error(401, 'Sign in first.');
	const form = await readFormChecked(event.request);
	if (!form.ok) error(form.status, form.message);
	return { me, sessionId, data: form.data };
}

const ended = (n: number) =>
	n === 0 ? '' : ` ${n === 1 ? 'One other session' : `${n} other sessions`} ended.`;

export const actions: Actions = {
	username: async (event) => {
		const { me, sessionId, data } = await read(event);
		const typed = field(data, 'username').slice(0, 64);
		const result = changeUsername(getDb(), me.id, sessionId, typed);
		if (!result.ok) {
			return fail(result.status, {
				action: 'username',
				field: result.field,
				message: result.message,
				typed
			});
		}
		return {
			action: 'username',
			done: `Your username is now ${typed.trim()}.${ended(result.endedSessions)}`
		};
	},
	password: async (event) => {
		const { me, sessionId, data } = await read(event);
		const next = field(data, 'password');
		if (next !== field(data, 'confirm')) {
			return fail(400, {
				action: 'password',
				field: 'confirm',
				message: 'The two new passwords are not the same.'
			});
		}
		const result = await changePassword(
			getDb(),
			me.id,
			sessionId,
			field(data, 'current'),
			next,
			signInClient(event)
		);
		if (!result.ok) {
			return fail(result.status, {
				action: 'password',
				field: result.field,
				message: result.message
			});
		}
		return {
			action: 'password',
			done: `Your password is changed.${ended(result.endedSessions)}`
		};
	},
	endSession: async (event) => {
		const { me, sessionId, data } = await read(event);
		const target = field(data, 'session');
		if (target === sessionId) {
			return fail(400, {
				action: 'sessions',
				field: 'session',
				message: 'To end this session, sign out.'
			});
		}
		if (!endOwnSession(getDb(), me.id, target)) {
			error(404, 'No session of yours has that id.');
		}
		return { action: 'sessions', done: 'That session has ended.' };
	},
	endOthers: async (event) => {
		const { me, sessionId } = await read(event);
		const n = endOtherSessions(getDb(), me.id, sessionId);
		return {
			action: 'sessions',
			done: n === 0 ? 'You had no other sessions.' : `Signed out everywhere else.${ended(n)}`
		};
	}
};

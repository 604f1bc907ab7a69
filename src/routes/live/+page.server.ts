import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { field, readFormChecked } from '$lib/server/forms';
import { liveBus } from '$lib/server/live-bus';
import {
	displayNameSchema,
	joinSession,
	livePlayerOf,
	nameIsFree,
	sessionByPin
} from '$lib/server/live-sessions';
import { FailureLimiter, livePinRule } from '$lib/server/rate-limit';
import { requireLearner } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** Wrong PINs per address: the one door a stranger could guess a session through. */
const pinLimiter = new FailureLimiter();

export const load: PageServerLoad = ({ url, locals }) => {
	const account = locals.user && !locals.user.isGuest ? locals.user.username : null;
	// The QR code's link carries the PIN; nothing is looked up until the form is sent.
	const pin = /^\d{6}$/.test(url.searchParams.get('pin') ?? '') ? url.searchParams.get('pin') : '';
	return { account, pin };
};

export const actions: Actions = {
	join: async (event) => {
		const read = await readFormChecked(event.request);
		if (!read.ok)
			return fail(read.status, { field: 'form', message: read.message, pin: '', name: '' });
		const pin = field(read.data, 'pin').trim();
		const name = field(read.data, 'name');
		const values = { pin: pin.slice(0, 12), name: name.slice(0, 100) };
		const key = `live-pin:${event.getClientAddress()}`;
		const wait = pinLimiter.retryAfter(key, livePinRule);
		if (wait > 0) {
			const minutes = Math.ceil(wait / 60_000);
			return fail(429, {
				...values,
				field: 'pin',
				message: `Too many wrong PINs from your network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
			});
		}
		const db = getDb();
		const session = sessionByPin(db, pin);
		if (!session) {
			pinLimiter.fail(key, livePinRule);
			return fail(400, {
				...values,
				field: 'pin',
				message: "No live session has that PIN. Check the six digits on your teacher's screen."
			});
		}
		const me = event.locals.user;
		if (me?.id === session.hostId) redirect(303, `/teach/live/${session.id}`);
		const seat = me ? livePlayerOf(db, session.id, me.id) : undefined;
		if (seat?.removedAt) {
			return fail(403, {
				...values,
				field: 'form',
				message: 'The host removed you from this session.'
			});
		}
		if (seat) redirect(303, `/live/${session.id}`);
		const account = me && !me.isGuest ? me.username : null;
		let chosen = '';
		if (!account) {
			// Checked before a guest is made: a bad name must not leave one behind.
			const parsed = displayNameSchema.safeParse(name);
			if (!parsed.success) {
				return fail(400, { ...values, field: 'name', message: parsed.error.issues[0]!.message });
			}
			if (!nameIsFree(db, session.id, parsed.data)) {
				return fail(409, {
					...values,
					field: 'name',
					message: 'Someone in this session already plays under that name. Choose another.'
				});
			}
			chosen = parsed.data;
		}
		const player = requireLearner(event);
		const joined = joinSession(db, session.id, { id: player.id, username: account }, chosen);
		if (!joined.ok) {
			return fail(joined.status, {
				...values,
				field: joined.field ?? 'form',
				message: joined.message
			});
		}
		for (const message of joined.messages) liveBus.publish(message);
		redirect(303, `/live/${session.id}`);
	}
};

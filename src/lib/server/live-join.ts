// Joining a live session by its PIN, as the /live form does it: wrong PINs counted per address
// (guessing a PIN is the one way in for a stranger), the host sent to their own screen, a seat
// found again, a guest's name checked before the guest is made, then the seat taken.
import type { Db } from './db';
import type { LiveMessage } from './live-bus';
import {
	displayNameSchema,
	joinSession,
	livePlayerOf,
	nameIsFree,
	sessionByPin
} from './live-sessions';
import { FailureLimiter, livePinRule } from './rate-limit';

export interface JoinRequest {
	pin: string;
	name: string;
	/** The address the request came from: wrong PINs are counted per address. */
	address: string;
	viewer: { id: string; username: string | null; isGuest: boolean } | null;
	/** Makes the viewer a learner (a guest when signed out), once everything else is checked. */
	player: () => { id: string };
	now?: Date;
}

export type JoinOutcome =
	| { kind: 'go'; to: string; messages: LiveMessage[] }
	| {
			kind: 'refused';
			status: 400 | 403 | 404 | 409 | 429;
			field: 'pin' | 'name' | 'form';
			message: string;
	  };

const pinLimiter = new FailureLimiter();

export function joinWithPin(
	db: Db,
	request: JoinRequest,
	limiter: FailureLimiter = pinLimiter
): JoinOutcome {
	const key = `live-pin:${request.address}`;
	const wait = limiter.retryAfter(key, livePinRule);
	if (wait > 0) {
		const minutes = Math.ceil(wait / 60_000);
		return {
			kind: 'refused',
			status: 429,
			field: 'pin',
			message: `Too many wrong PINs from your network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
		};
	}
	const session = sessionByPin(db, request.pin, request.now);
	if (!session) {
		limiter.fail(key, livePinRule);
		return {
			kind: 'refused',
			status: 400,
			field: 'pin',
			message: "No live session has that PIN. Check the six digits on your teacher's screen."
		};
	}
	const me = request.viewer;
	if (me?.id === session.hostId)
		return { kind: 'go', to: `/teach/live/${session.id}`, messages: [] };
	const seat = me ? livePlayerOf(db, session.id, me.id) : undefined;
	if (seat?.removedAt) {
		return {
			kind: 'refused',
			status: 403,
			field: 'form',
			message: 'The host removed you from this session.'
		};
	}
	if (seat) return { kind: 'go', to: `/live/${session.id}`, messages: [] };
	const account = me && !me.isGuest ? me.username : null;
	let chosen = '';
	if (!account) {
		// Checked before a guest is made: a bad name must not leave one behind.
		const parsed = displayNameSchema.safeParse(request.name);
		if (!parsed.success) {
			return {
				kind: 'refused',
				status: 400,
				field: 'name',
				message: parsed.error.issues[0]!.message
			};
		}
		if (!nameIsFree(db, session.id, parsed.data)) {
			return {
				kind: 'refused',
				status: 409,
				field: 'name',
				message: 'Someone in this session already plays under that name. Choose another.'
			};
		}
		chosen = parsed.data;
	}
	const player = request.player();
	const joined = joinSession(
		db,
		session.id,
		{ id: player.id, username: account },
		chosen,
		request.now
	);
	if (!joined.ok) {
		return {
			kind: 'refused',
			status: joined.status,
			field: joined.field ?? 'form',
			message: joined.message
		};
	}
	return { kind: 'go', to: `/live/${session.id}`, messages: joined.messages };
}

// The live session's event stream (Server-Sent Events) for its host's screen and its players'.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { livePlayerOf } from '$lib/server/live-sessions';
import { liveStream } from '$lib/server/live-stream';
import { sessionRow, type Viewer } from '$lib/server/live-views';
import type { RequestHandler } from './$types';

/** The last event id the screen saw: the browser's Last-Event-ID on a reconnect, else ?after=. */
function lastSeen(request: Request, url: URL): number {
	const raw = request.headers.get('last-event-id') ?? url.searchParams.get('after') ?? '0';
	return /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
}

export const GET: RequestHandler = ({ params, locals, request, url }) => {
	const db = getDb();
	const me = locals.user;
	const session = me ? sessionRow(db, params.id) : undefined;
	let viewer: Viewer | undefined;
	if (me && session?.hostId === me.id) viewer = { role: 'host' };
	else if (me && session && livePlayerOf(db, session.id, me.id)) {
		viewer = { role: 'player', userId: me.id };
	}
	if (!session || !viewer) error(404, 'You are not in a live session with that id.');
	const body = liveStream({
		db,
		session,
		viewer,
		after: lastSeen(request, url),
		signal: request.signal
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			// Proxies such as nginx would otherwise hold events back to fill a buffer.
			'x-accel-buffering': 'no'
		}
	});
};

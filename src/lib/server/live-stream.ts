// The Server-Sent Events stream of one screen of a live session: first what it missed since the
// event id it last saw (Last-Event-ID), read from the database, then every new event from the
// bus, with a heartbeat comment so proxies and sleeping phones notice a dead connection. Players
// get only what is for everyone, plus their own result; the host gets the roster and counts too.
import type { Db } from './db';
import type { LiveSessionRow } from './db/schema';
import { countMessage } from './live-answers';
import { liveBus, type LiveBus, type LiveMessage } from './live-bus';
import { livePlayerOf } from './live-sessions';
import {
	missedEvents,
	playerResults,
	sessionRow,
	type PhaseView,
	type PlayerResult,
	type Viewer
} from './live-views';

export const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after losing the stream. */
export const RETRY_MS = 2_000;

const encoder = new TextEncoder();

function frame(message: LiveMessage, data: unknown): Uint8Array {
	const id = message.id === null ? '' : `id: ${message.id}\n`;
	// JSON never holds a raw line break, so the data fits on one `data:` line.
	return encoder.encode(`${id}event: ${message.kind}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A message's frame for screens that are all sent the same thing: encoded once, for all. */
const shared = new WeakMap<LiveMessage, Uint8Array>();
/** Players' own results at a reveal or the end: read once per message, for every screen. */
const personal = new WeakMap<LiveMessage, Map<string, PlayerResult>>();

function sharedFrame(message: LiveMessage): Uint8Array {
	let bytes = shared.get(message);
	if (!bytes) {
		bytes = frame(message, { ...(message.data as object), sentAt: Date.now() });
		shared.set(message, bytes);
	}
	return bytes;
}

/** A phase whose event carries each player's result (they all changed at once). */
const withResults = (view: PhaseView) => view.phase === 'revealed' || view.phase === 'ended';

function resultsOf(db: Db, message: LiveMessage): Map<string, PlayerResult> {
	let results = personal.get(message);
	if (!results) {
		const session = sessionRow(db, message.sessionId);
		results = session ? playerResults(db, session) : new Map();
		personal.set(message, results);
	}
	return results;
}

/** The streams open in this process, each with the function that ends it. */
const openStreams = new Set<() => void>();

/**
 * Ends every open stream, for a server that is shutting down: adapter-node waits for open
 * connections before it exits, and an event stream never ends by itself. The browsers reconnect
 * (to the next server) and are sent what they missed.
 */
export function closeLiveStreams(): void {
	for (const end of [...openStreams]) end();
}

const nobodyAnswered: PlayerResult = { answered: false, yourAnswer: null };

export interface StreamOptions {
	db: Db;
	session: LiveSessionRow;
	viewer: Viewer;
	/** The last event id the screen has seen. */
	after: number;
	signal: AbortSignal;
	bus?: LiveBus;
}

export function liveStream({
	db,
	session,
	viewer,
	after,
	signal,
	bus = liveBus
}: StreamOptions): ReadableStream<Uint8Array> {
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			let unsubscribe = () => {};
			const send = (bytes: Uint8Array) => {
				if (!closed) controller.enqueue(bytes);
			};
			const heartbeat = setInterval(() => send(encoder.encode(': heartbeat\n\n')), HEARTBEAT_MS);
			stop = () => {
				if (closed) return;
				closed = true;
				clearInterval(heartbeat);
				unsubscribe();
				openStreams.delete(end);
				signal.removeEventListener('abort', stop);
			};
			const end = () => {
				if (closed) return;
				stop();
				controller.close();
			};
			openStreams.add(end);

			/** Sends what this screen may see of a message; `fresh` when read back from the log. */
			const deliver = (message: LiveMessage, fresh: boolean) => {
				if (viewer.role === 'host') {
					send(sharedFrame(message));
					return;
				}
				if (message.kind === 'removed' && message.aboutUserId === viewer.userId) {
					send(frame(message, {}));
					end();
					return;
				}
				if (message.audience !== 'all') return;
				const view = message.data as PhaseView;
				if (message.kind === 'phase' && (fresh || withResults(view))) {
					// A screen that reconnects is told whether it answered; at a reveal, how it went.
					const you = fresh
						? (playerResults(db, sessionRow(db, session.id) ?? session, viewer.userId).get(
								viewer.userId
							) ?? nobodyAnswered)
						: (resultsOf(db, message).get(viewer.userId) ?? nobodyAnswered);
					send(frame(message, { ...view, you, sentAt: Date.now() }));
					return;
				}
				send(sharedFrame(message));
			};

			send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
			if (viewer.role === 'player' && livePlayerOf(db, session.id, viewer.userId)?.removedAt) {
				send(encoder.encode('event: removed\ndata: {}\n\n'));
				end();
				return;
			}
			// Read and subscribe in the same turn of the event loop: nothing is published between.
			for (const message of missedEvents(db, session.id, after, viewer)) {
				deliver(message, true);
				if (closed) return;
			}
			const current = sessionRow(db, session.id);
			if (viewer.role === 'host' && current && current.currentIndex >= 0) {
				send(sharedFrame(countMessage(db, session.id, current.currentIndex)));
			}
			unsubscribe = bus.subscribe(session.id, (message) => deliver(message, false));
			signal.addEventListener('abort', stop);
			if (signal.aborted) stop();
		},
		cancel() {
			stop();
		}
	});
}

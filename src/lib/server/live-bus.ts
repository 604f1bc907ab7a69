// The fan-out of a live session's events to the screens connected to this process. It is only a
// cache in front of the database: every event with an id is written to live_event (in the same
// transaction as the change it reports) before it is published here, so a screen that missed it,
// or a process that restarted, reads it back from there. One small interface, so that several
// processes could share sessions through a pub/sub engine later (docs/live-sessions.md says how).

export type LiveEventKind = 'phase' | 'joined' | 'removed' | 'count';
export type LiveAudience = 'all' | 'host';

export interface LiveMessage {
	sessionId: string;
	/** The event's id in the session's log; null for what is not kept (counts, sent fresh). */
	id: number | null;
	kind: LiveEventKind;
	/** Everyone in the session, or its host's screens only. */
	audience: LiveAudience;
	/** A player the event is also for, whatever its audience (a removal). */
	aboutUserId: string | null;
	/** What every screen of the audience is sent (players' own results are added per screen). */
	data: unknown;
}

export type LiveListener = (message: LiveMessage) => void;

export interface LiveBus {
	/** Hands the message to every listener of its session; call it after the commit. */
	publish(message: LiveMessage): void;
	/** Listens to one session; returns the function that stops listening. */
	subscribe(sessionId: string, listener: LiveListener): () => void;
	/** How many listeners a session has in this process. */
	listeners(sessionId: string): number;
}

/** The bus of a single process: a set of listeners per session. */
export class MemoryLiveBus implements LiveBus {
	readonly #sessions = new Map<string, Set<LiveListener>>();

	publish(message: LiveMessage): void {
		for (const listener of this.#sessions.get(message.sessionId) ?? []) {
			try {
				listener(message);
			} catch (error) {
				// One broken screen must not keep the event from the others.
				console.error('[live] a listener failed', error);
			}
		}
	}

	subscribe(sessionId: string, listener: LiveListener): () => void {
		let listeners = this.#sessions.get(sessionId);
		if (!listeners) {
			listeners = new Set();
			this.#sessions.set(sessionId, listeners);
		}
		listeners.add(listener);
		return () => {
			listeners.delete(listener);
			if (listeners.size === 0 && this.#sessions.get(sessionId) === listeners) {
				this.#sessions.delete(sessionId);
			}
		};
	}

	listeners(sessionId: string): number {
		return this.#sessions.get(sessionId)?.size ?? 0;
	}
}

/** The process's bus. */
export const liveBus: LiveBus = new MemoryLiveBus();

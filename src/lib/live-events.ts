// A live session's events in the browser. EventSource reconnects by itself after a dropped
// connection, sending the last event id it saw (Last-Event-ID), and the server sends what was
// missed. When the browser gives up (the server was away too long) or a phone wakes from sleep
// with the connection gone, a new one is opened from the last id seen.

export type LiveHandler = (data: never, id: number | null) => void;

export interface LiveConnection {
	/** Closes the connection for good (the session ended, or the page is left). */
	stop(): void;
}

/** How long to wait before reopening a connection the browser has given up on. */
const REOPEN_MS = 3000;

export function listenToSession(
	sessionId: string,
	after: number,
	handlers: Record<string, LiveHandler>,
	onConnected: (connected: boolean) => void = () => {}
): LiveConnection {
	let last = after;
	let source: EventSource | undefined;
	let reopen: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const open = () => {
		source?.close();
		if (stopped) return;
		source = new EventSource(`/live/${sessionId}/events?after=${last}`);
		for (const [kind, handle] of Object.entries(handlers)) {
			source.addEventListener(kind, (event) => {
				const message = event as MessageEvent<string>;
				const id = message.lastEventId ? Number(message.lastEventId) : null;
				if (id !== null) last = Math.max(last, id);
				(handle as (data: unknown, id: number | null) => void)(JSON.parse(message.data), id);
			});
		}
		source.onopen = () => onConnected(true);
		source.onerror = () => {
			onConnected(false);
			if (source?.readyState === EventSource.CLOSED && !stopped) {
				clearTimeout(reopen);
				reopen = setTimeout(open, REOPEN_MS);
			}
		};
	};
	const wake = () => {
		if (document.visibilityState === 'visible' && source?.readyState === EventSource.CLOSED) open();
	};

	open();
	document.addEventListener('visibilitychange', wake);
	window.addEventListener('online', wake);
	return {
		stop() {
			stopped = true;
			clearTimeout(reopen);
			source?.close();
			document.removeEventListener('visibilitychange', wake);
			window.removeEventListener('online', wake);
		}
	};
}

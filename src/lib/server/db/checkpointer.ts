// Checkpoints the write-ahead log from a worker thread. SQLite's automatic checkpoint runs
// inside whichever commit crosses the threshold, on the server's one thread: every hundred or so
// answers, one of them would also copy the log into the database and sync it, and every request
// queued behind it would wait. A passive checkpoint on a second connection does that work beside
// the server without blocking its reads or writes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './index';

/** Runs in the worker (CommonJS): one connection, a passive checkpoint every `everyMs`. */
const workerSource = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		// Busy or locked: the next round tries again, and the log only grows meanwhile.
		console.error('[checkpointer]', error && error.message);
	}
}, workerData.everyMs);
`;

export interface Checkpointer {
	stop(): Promise<void>;
}

/**
 * Moves checkpoints of a file database off the calling thread. Turns the connection's own
 * automatic checkpoints off; if the worker cannot start or dies, they are turned back on.
 */
export function startCheckpointer(db: Db, file: string, everyMs = 500): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(workerSource, { eval: true, workerData: { driver, file, everyMs } });
	// The server's lifetime decides; the checkpointer never keeps a process alive.
	worker.unref();
	db.$client.pragma('wal_autocheckpoint = 0');
	const fallBack = () => db.$client.pragma('wal_autocheckpoint = 1000');
	worker.on('error', (error) => {
		console.error('[checkpointer] stopped; checkpoints return to the server thread', error);
		fallBack();
	});
	return {
		async stop() {
			worker.removeAllListeners('error');
			fallBack();
			await worker.terminate();
		}
	};
}

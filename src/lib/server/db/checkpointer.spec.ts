// The checkpointer copies committed pages from the write-ahead log into the database file on
// its own thread, while the server's connection never checkpoints.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { openDatabase, type Db } from './index';

const sizeOf = (file: string) => statSync(file).size;

async function waitFor(check: () => boolean, ms = 5000): Promise<boolean> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (check()) return true;
		await new Promise((r) => setTimeout(r, 20));
	}
	return check();
}

/** Commits about 4 MB in 200 transactions. */
function write(db: Db) {
	const insert = db.$client.prepare('insert into filler (text) values (?)');
	for (let i = 0; i < 200; i++) insert.run('x'.repeat(20_000));
}

describe('startCheckpointer', () => {
	let stop: Checkpointer | undefined;
	afterEach(async () => {
		await stop?.stop();
		stop = undefined;
	});

	function freshDatabase() {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-checkpoint-')), 'c.db');
		const db = openDatabase(file);
		db.$client.exec('create table filler (id integer primary key, text text not null)');
		return { file, db };
	}

	it('turns the connection’s own checkpoints off', () => {
		const { file, db } = freshDatabase();
		stop = startCheckpointer(db, file, 60_000);
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
	});

	it('moves committed pages into the database file from its own thread', async () => {
		const { file, db } = freshDatabase();
		stop = startCheckpointer(db, file, 20);
		const before = sizeOf(file);
		write(db);
		// The writes went to the log; the worker copies them into the database file.
		expect(await waitFor(() => sizeOf(file) > before + 3_000_000)).toBe(true);
		expect(db.$client.prepare('select count(*) as n from filler').get()).toEqual({ n: 200 });
	});

	it('without it, the same writes stay in the log', async () => {
		const { file, db } = freshDatabase();
		db.$client.pragma('wal_autocheckpoint = 0');
		const before = sizeOf(file);
		write(db);
		await new Promise((r) => setTimeout(r, 200));
		expect(sizeOf(file)).toBe(before);
		expect(sizeOf(`${file}-wal`)).toBeGreaterThan(3_000_000);
	});

	it('gives the checkpoints back to the connection when stopped', async () => {
		const { file, db } = freshDatabase();
		const checkpointer = startCheckpointer(db, file, 60_000);
		await checkpointer.stop();
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
	});
});

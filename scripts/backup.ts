// `npm run db:backup -- FILE`: a consistent online backup of DATABASE_URL (or the embedded
// ./data/factdeck.db) into FILE, through SQLite's backup API, while the app keeps running.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { databasePath } from '../src/lib/server/db';

const target = process.argv[2];
if (!target) {
	console.error('usage: npm run db:backup -- FILE');
	process.exit(2);
}
const from = databasePath(process.env.DATABASE_URL);
if (from === ':memory:' || !existsSync(from)) {
	console.error(`No database file at ${from}: set DATABASE_URL to the app's database.`);
	process.exit(2);
}
const source = new Database(from, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const started = performance.now();
const { totalPages } = await source.backup(target);
source.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma('integrity_check', { simple: true });
check.close();
console.log(
	`Backed up ${from} to ${target}: ${totalPages} pages in ${(performance.now() - started).toFixed(0)} ms, integrity ${integrity}`
);
if (integrity !== 'ok') process.exit(1);

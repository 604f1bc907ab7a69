// Opening the database: one better-sqlite3 connection per process, with the pragmas the
// app relies on, and the committed migrations in drizzle/ applied.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction's handle, and either: repository functions that may run inside one take Conn. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Conn = Db | Tx;

export const defaultDatabasePath = 'data/factdeck.db';

/**
 * DATABASE_URL as drizzle-kit and most tools write it for SQLite: a path, `file:path`,
 * or `:memory:`. Unset means the embedded file under ./data/.
 */
export function databasePath(url: string | undefined): string {
	if (!url) return defaultDatabasePath;
	if (url === ':memory:') return url;
	if (url.startsWith('file://')) return new URL(url).pathname;
	if (url.startsWith('file:')) return url.slice('file:'.length);
	return url;
}

export function openDatabase(url?: string): Db {
	const file = databasePath(url);
	if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const client = new Database(file);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	return drizzle(client, { schema });
}

/** The migrations folder: ./drizzle beside package.json, where `npm start` runs. */
export function migrationsFolder(): string {
	return process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), 'drizzle');
}

/**
 * Applies the migrations with foreign keys off, as SQLite asks for table rebuilds (a drizzle-kit
 * migration's own "PRAGMA foreign_keys=OFF" does nothing inside the transaction it runs in, and
 * dropping a rebuilt table with them on would cascade into every row that points at it), then
 * checks every foreign key before turning them back on.
 */
export function migrateDatabase(
	db: BetterSQLite3Database<Record<string, unknown>> & { $client: Database.Database },
	folder = migrationsFolder()
): void {
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	try {
		migrate(db, { migrationsFolder: folder });
		const broken = client.pragma('foreign_key_check') as unknown[];
		if (broken.length) {
			throw new Error(`the migrations left broken references: ${JSON.stringify(broken)}`);
		}
	} finally {
		client.pragma('foreign_keys = ON');
	}
}

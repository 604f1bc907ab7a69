// The process's one database connection, opened, migrated and loaded with content on start-up.
import { factBases } from '../content';
import { loadFactBase } from './db/content';
import { databasePath, migrateDatabase, openDatabase, type Db } from './db';
import { startCheckpointer } from './db/checkpointer';
import { factBaseOf } from './fact-bases';
import { syncFactCards } from './flashcards';
import { syncGeneratedSet } from './question-sets';

let instance: Db | undefined;

/**
 * Opens the database named by DATABASE_URL, applies migrations and loads the shipped content,
 * the only place the compiled fact bases are read: from here on every fact base comes from the
 * database (fact-bases.ts), the shipped article's like any teacher's.
 */
export function startDatabase(): Db {
	if (instance) return instance;
	const db = openDatabase(process.env.DATABASE_URL);
	migrateDatabase(db);
	for (const shipped of factBases) loadShippedSource(db, shipped);
	const file = databasePath(process.env.DATABASE_URL);
	if (file !== ':memory:') startCheckpointer(db, file);
	instance = db;
	return db;
}

/** One shipped fact base into the database, with its generated quiz and its flashcards. */
export function loadShippedSource(db: Db, shipped: (typeof factBases)[number]): void {
	loadFactBase(db, shipped);
	const base = factBaseOf(db, shipped.source.id);
	if (!base) throw new Error(`source ${shipped.source.id} did not load`);
	syncGeneratedSet(db, base);
	syncFactCards(db, shipped.source.id);
}

export function getDb(): Db {
	return instance ?? startDatabase();
}

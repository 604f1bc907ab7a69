// The process's one database connection, opened, migrated and loaded with content on start-up.
import { factBases } from '../content';
import { loadFactBase } from './db/content';
import { databasePath, migrateDatabase, openDatabase, type Db } from './db';
import { startCheckpointer } from './db/checkpointer';
import { syncFactCards } from './flashcards';
import { syncGeneratedSet } from './question-sets';

let instance: Db | undefined;

/** Opens the database named by DATABASE_URL, applies migrations and loads the shipped content. */
export function startDatabase(): Db {
	if (instance) return instance;
	const db = openDatabase(process.env.DATABASE_URL);
	migrateDatabase(db);
	for (const base of factBases) {
		loadFactBase(db, base);
		syncGeneratedSet(db, base);
		syncFactCards(db, base);
	}
	const file = databasePath(process.env.DATABASE_URL);
	if (file !== ':memory:') startCheckpointer(db, file);
	instance = db;
	return db;
}

export function getDb(): Db {
	return instance ?? startDatabase();
}

// An in-memory database with the real migrations applied, for unit tests of server modules.
import { migrateDatabase, openDatabase, type Db } from '../db';

export function createTestDb(): Db {
	const db = openDatabase(':memory:');
	migrateDatabase(db);
	return db;
}

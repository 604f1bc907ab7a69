// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or ./data/factdeck.db).
import { databasePath, migrateDatabase, openDatabase } from '../src/lib/server/db';

const db = openDatabase(process.env.DATABASE_URL);
migrateDatabase(db);
db.$client.close();
console.log(`Migrations applied to ${databasePath(process.env.DATABASE_URL)}`);

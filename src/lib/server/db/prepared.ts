// A statement prepared once per connection. Building a Drizzle query's SQL costs more than
// running it on SQLite: the reads every page view makes (the attempt, the set, its questions)
// are built once and then only run.
import type { Db } from './index';

export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
	const byDb = new WeakMap<Db, T>();
	return (db) => {
		let statements = byDb.get(db);
		if (statements === undefined) {
			statements = build(db);
			byDb.set(db, statements);
		}
		return statements;
	};
}

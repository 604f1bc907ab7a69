// A statement prepared once per connection. Building a Drizzle query's SQL costs more than
// running it on SQLite: the reads every page view makes (the attempt, the set, its questions)
// are built once and then only run.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
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

/**
 * `column in (…)` over a list bound as one JSON array (`JSON.stringify(ids)`) under the
 * placeholder `name`: a read over a list of any length is then one statement, prepared once.
 */
export function inJsonList(column: SQLiteColumn, name: string): SQL {
	return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}

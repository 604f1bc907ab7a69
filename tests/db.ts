// Read-only access to the browser tests' throwaway database, to check what was recorded.
import Database from 'better-sqlite3';

export function openTestDb() {
	const file = process.env.FACTDECK_E2E_DB;
	if (!file)
		throw new Error('FACTDECK_E2E_DB is not set: run the tests through playwright.config.ts');
	return new Database(file, { readonly: true, fileMustExist: true });
}

export function countRows(
	table:
		| 'answer'
		| 'attempt'
		| 'attempt_question'
		| 'audit_log'
		| 'class'
		| 'entity'
		| 'fact'
		| 'live_player'
		| 'live_session'
		| 'question'
		| 'question_set'
		| 'reset_code'
		| 'site_settings'
		| 'source'
		| 'source_version'
		| 'suggestion'
		| 'user',
	where = '1=1',
	...params: unknown[]
) {
	const db = openTestDb();
	try {
		return (
			db.prepare(`select count(*) as n from "${table}" where ${where}`).get(...params) as {
				n: number;
			}
		).n;
	} finally {
		db.close();
	}
}

/** The first column of a query's rows, read and the connection closed. */
export function column<T = string>(sql: string, ...params: unknown[]): T[] {
	const db = openTestDb();
	try {
		return db
			.prepare(sql)
			.pluck()
			.all(...params) as T[];
	} finally {
		db.close();
	}
}

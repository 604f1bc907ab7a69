// Costly reads that change only when the data does (a class's report, the sources' summary),
// kept until the next write. The database says when that is: total_changes() counts every row
// this connection (the app's one) has written, and data_version changes when another one (the
// admin command, a restore) commits. Any write invalidates every entry: simple, and never stale.
import type { Db } from './index';

const statements = new WeakMap<Db, { changes: () => number; version: () => number }>();

/** A value that differs after any write to the database, by this process or another. */
export function dataVersion(db: Db): string {
	let s = statements.get(db);
	if (!s) {
		const changes = db.$client.prepare('select total_changes()').pluck();
		const version = db.$client.prepare('pragma data_version').pluck();
		s = { changes: () => changes.get() as number, version: () => version.get() as number };
		statements.set(db, s);
	}
	return `${s.version()}:${s.changes()}`;
}

/** Values by key, each good while its database is at the version it was read at. */
export class ReadCache<V> {
	private readonly byDb = new WeakMap<Db, Map<string, { version: string; value: V }>>();

	constructor(private readonly limit = 100) {}

	/**
	 * The value for key, read afresh when the version differs from the one it was read at: by
	 * default the whole database's; a narrower one (page-versions.ts) keeps it across writes
	 * that cannot change it.
	 */
	get(db: Db, key: string, read: () => V, version = dataVersion(db)): V {
		let entries = this.byDb.get(db);
		if (!entries) this.byDb.set(db, (entries = new Map()));
		const hit = entries.get(key);
		if (hit && hit.version === version) {
			// The least recently used goes first: a hit moves to the end.
			entries.delete(key);
			entries.set(key, hit);
			return hit.value;
		}
		const value = read();
		entries.delete(key);
		if (entries.size >= this.limit) {
			const oldest = entries.keys().next().value;
			if (oldest !== undefined) entries.delete(oldest);
		}
		entries.set(key, { version, value });
		return value;
	}
}

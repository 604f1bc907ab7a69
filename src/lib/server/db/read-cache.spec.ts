import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './index';
import { dataVersion, ReadCache } from './read-cache';
import { user } from './schema';

describe('the read cache', () => {
	it('keeps a reading until this process or another writes', () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-cache-')), 'app.db');
		const app = openDatabase(file);
		migrateDatabase(app);
		const other = openDatabase(file);
		const cache = new ReadCache<number>();
		let reads = 0;
		const count = () =>
			cache.get(app, 'users', () => {
				reads++;
				return app.select().from(user).all().length;
			});

		expect(count()).toBe(0);
		expect(count()).toBe(0);
		expect(reads).toBe(1);

		app.insert(user).values({ id: 'a', username: 'a', usernameKey: 'a' }).run();
		expect(count()).toBe(1);
		expect(reads).toBe(2);

		// A write by another connection (the admin command, say) is seen too.
		const before = dataVersion(app);
		other.insert(user).values({ id: 'b', username: 'b', usernameKey: 'b' }).run();
		expect(dataVersion(app)).not.toBe(before);
		expect(count()).toBe(2);
		expect(reads).toBe(3);
		other.$client.close();
		app.$client.close();
	});

	it('forgets the oldest entries past its limit', () => {
		const db = openDatabase(':memory:');
		const cache = new ReadCache<string>(2);
		let reads = 0;
		const get = (k: string) => cache.get(db, k, () => `${k}${++reads}`);
		expect([get('a'), get('b'), get('a'), get('c'), get('b')]).toEqual([
			'a1',
			'b2',
			'a1',
			'c3',
			'b4'
		]);
	});
});

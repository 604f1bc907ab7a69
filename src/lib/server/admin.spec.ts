import { beforeEach, describe, expect, it } from 'vitest';
import { listUsers, setDisabled, setRole, USERS_PER_PAGE } from './admin';
import { recentAudit } from './audit';
import { createSession, validateSessionToken } from './auth';
import type { Db } from './db';
import { user } from './db/schema';
import { testAccount } from './testing/accounts';
import { createTestDb } from './testing/test-db';
import { createGuest } from './accounts';

let db: Db;
let admin: { id: string; username: string };

const make = async (username: string) => (await testAccount(db, username)).id;

beforeEach(async () => {
	db = createTestDb();
	admin = { id: await make('head'), username: 'head' };
});

describe('the list of accounts', () => {
	it('searches usernames, never lists guests, and takes % and _ as themselves', async () => {
		await make('ann_smith');
		await make('annXsmith');
		await make('bob');
		createGuest(db);
		expect(listUsers(db).users.map((u) => u.username)).toEqual([
			'ann_smith',
			'annXsmith',
			'bob',
			'head'
		]);
		expect(listUsers(db, 'ANN').users.map((u) => u.username)).toEqual(['ann_smith', 'annXsmith']);
		expect(listUsers(db, 'n_s').users.map((u) => u.username)).toEqual(['ann_smith']);
		expect(listUsers(db, '%').users).toEqual([]);
		expect(listUsers(db, 'head').users[0]).toMatchObject({ role: 'admin', disabled: false });
	});

	it('shows the first page and says how many match', async () => {
		db.insert(user)
			.values(
				Array.from({ length: USERS_PER_PAGE + 5 }, (_, i) => ({
					id: `u${i}`,
					username: `pupil${String(i).padStart(3, '0')}`,
					usernameKey: `pupil${String(i).padStart(3, '0')}`
				}))
			)
			.run();
		const listing = listUsers(db, 'pupil');
		expect(listing.users).toHaveLength(USERS_PER_PAGE);
		expect(listing.total).toBe(USERS_PER_PAGE + 5);
	});
});

describe('roles and disabling', () => {
	it('changes a role and audits it; never the admin’s own', async () => {
		const id = await make('mr_t');
		expect(setRole(db, admin, id, 'teacher')).toEqual({
			ok: true,
			message: 'mr_t is now a teacher.'
		});
		expect(setRole(db, admin, id, 'emperor')).toMatchObject({ ok: false, status: 400 });
		expect(setRole(db, admin, admin.id, 'learner')).toMatchObject({ ok: false, status: 400 });
		expect(setRole(db, admin, 'nobody', 'teacher')).toMatchObject({ ok: false, status: 404 });
		expect(
			recentAudit(db).map((e) => `${e.actor} ${e.what} ${e.targetName} (${e.detail})`)
		).toEqual(['head changed the role of mr_t (from learner to teacher)']);
	});

	it('disables (ending sessions) and re-enables; never the admin themselves', async () => {
		const id = await make('noisy');
		createSession(db, 'noisy-token', id);
		expect(setDisabled(db, admin, id, true)).toMatchObject({ ok: true });
		expect(validateSessionToken(db, 'noisy-token')).toBeNull();
		expect(listUsers(db, 'noisy').users[0]!.disabled).toBe(true);
		expect(setDisabled(db, admin, admin.id, true)).toMatchObject({ ok: false, status: 400 });
		expect(setDisabled(db, admin, id, false)).toMatchObject({ ok: true });
		expect(recentAudit(db).map((e) => e.action)).toEqual(['enable', 'disable']);
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from './accounts';
import { createSession, sessionIdOf, validateSessionToken } from './auth';
import type { Db } from './db';
import {
	changePassword,
	changeUsername,
	endOtherSessions,
	endOwnSession,
	listSessions
} from './my-account';
import { testAccount } from './testing/accounts';
import { createTestDb } from './testing/test-db';

const client = { address: '203.0.113.7', browser: 'laptop' };
let db: Db;
let ada: string;
let bo: string;
const here = sessionIdOf('here');
/** Sessions started within their lifetime, so validating them at the real time finds them. */
const minutesAgo = (n: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - n * 60_000);
let phoneSeen: Date;

const make = async (username: string) => (await testAccount(db, username)).id;

beforeEach(async () => {
	db = createTestDb();
	ada = await make('ada');
	bo = await make('bo_bo');
	phoneSeen = minutesAgo(90);
	createSession(db, 'here', ada, minutesAgo(1), 'Firefox on Linux');
	createSession(db, 'phone', ada, phoneSeen, 'Safari on iPhone');
	createSession(db, 'bo-token', bo);
});

describe('changing the username', () => {
	it('takes a free name and ends every other session', () => {
		expect(changeUsername(db, ada, here, ' Ada_L ')).toEqual({ ok: true, endedSessions: 1 });
		expect(validateSessionToken(db, 'here')?.user.username).toBe('Ada_L');
		expect(validateSessionToken(db, 'phone')).toBeNull();
		expect(validateSessionToken(db, 'bo-token')).not.toBeNull();
	});

	it('refuses a taken or malformed name and changes nothing', () => {
		expect(changeUsername(db, ada, here, 'BO_BO')).toMatchObject({
			ok: false,
			message: 'That username is taken.'
		});
		expect(changeUsername(db, ada, here, 'a b')).toMatchObject({ ok: false, field: 'username' });
		expect(validateSessionToken(db, 'here')?.user.username).toBe('ada');
		expect(validateSessionToken(db, 'phone')).not.toBeNull();
	});
});

describe('changing the password', () => {
	it('needs the current password: a wrong one changes nothing', async () => {
		const result = await changePassword(db, ada, here, 'wrong-password', 'a-new-password', client);
		expect(result).toEqual({
			ok: false,
			status: 400,
			field: 'current',
			message: 'That is not your current password.'
		});
		expect(await signIn(db, 'ada', 'ada-secret-pw', client)).toMatchObject({ ok: true });
		expect(validateSessionToken(db, 'phone')).not.toBeNull();
	});

	it('sets the new one and ends every other session', async () => {
		const result = await changePassword(db, ada, here, 'ada-secret-pw', 'a-new-password', client);
		expect(result).toEqual({ ok: true, endedSessions: 1 });
		expect(await signIn(db, 'ada', 'a-new-password', client)).toMatchObject({ ok: true });
		expect(validateSessionToken(db, 'here')).not.toBeNull();
		expect(validateSessionToken(db, 'phone')).toBeNull();
	});

	it('refuses a new password that is too short', async () => {
		expect(await changePassword(db, ada, here, 'ada-secret-pw', 'short', client)).toMatchObject({
			ok: false,
			field: 'password'
		});
	});
});

describe('sessions', () => {
	it('lists the person’s own, this one first, with device and last seen', () => {
		const list = listSessions(db, ada, here);
		expect(list.map((s) => [s.device, s.current])).toEqual([
			['Firefox on Linux', true],
			['Safari on iPhone', false]
		]);
		expect(list[1]!.lastSeenAt).toEqual(phoneSeen);
	});

	it('ends one of their own, never someone else’s', () => {
		expect(endOwnSession(db, ada, sessionIdOf('bo-token'))).toBe(false);
		expect(validateSessionToken(db, 'bo-token')).not.toBeNull();
		expect(endOwnSession(db, ada, sessionIdOf('phone'))).toBe(true);
		expect(validateSessionToken(db, 'phone')).toBeNull();
	});

	it('ends all the others at once', () => {
		expect(endOtherSessions(db, ada, here)).toBe(1);
		expect(listSessions(db, ada, here)).toHaveLength(1);
		expect(validateSessionToken(db, 'bo-token')).not.toBeNull();
	});
});

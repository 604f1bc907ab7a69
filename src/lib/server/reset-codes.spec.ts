import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from './accounts';
import { createSession, validateSessionToken } from './auth';
import { createClass, joinClass } from './classes';
import type { Db } from './db';
import { auditLog, resetCode, user } from './db/schema';
import { FailureLimiter, signInRules } from './rate-limit';
import {
	CODE_EXPIRED,
	CODE_USED,
	CODE_WRONG,
	issueResetCodeAsAdmin,
	issueResetCodeAsTeacher,
	normaliseResetCode,
	redeemResetCode,
	RESET_CODE_LIFETIME
} from './reset-codes';
import { setDisabled } from './admin';
import { testAccount } from './testing/accounts';
import { createTestDb } from './testing/test-db';

const client = { address: '203.0.113.7', browser: 'laptop' };
let db: Db;
let admin: { id: string; username: string };
let teacher: { id: string; username: string };
let rival: { id: string; username: string };
let learner: string;
let outsider: string;
let teacherAsLearner: string;
let classId: string;

const make = (username: string, role?: 'learner' | 'teacher') => testAccount(db, username, role);

const passwordHash = (id: string) =>
	db.select({ h: user.passwordHash }).from(user).where(eq(user.id, id)).get()!.h;

beforeEach(async () => {
	db = createTestDb();
	admin = await make('head'); // the first account: the admin
	teacher = await make('ms_lee', 'teacher');
	rival = await make('mr_roe', 'teacher');
	learner = (await make('pupil')).id;
	outsider = (await make('stranger')).id;
	teacherAsLearner = (await make('mr_poe', 'teacher')).id;
	const made = createClass(db, teacher.id, 'Year 9');
	classId = made.id;
	joinClass(db, learner, made.joinCode);
	joinClass(db, teacherAsLearner, made.joinCode);
});

describe('issuing a code', () => {
	it('lets a teacher issue one for a learner in their class: shown once, stored hashed', () => {
		const now = new Date('2026-05-01T10:00:00Z');
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner, now);
		if (!issued.ok) throw new Error(issued.message);
		expect(issued.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
		expect(issued.expiresAt.getTime()).toBe(now.getTime() + RESET_CODE_LIFETIME);
		const rows = db.select().from(resetCode).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(rows)).not.toContain(normaliseResetCode(issued.code));
		expect(db.select().from(auditLog).all()).toEqual([
			expect.objectContaining({
				actorName: 'ms_lee',
				action: 'reset-code',
				targetName: 'pupil',
				detail: 'in class Year 9'
			})
		]);
	});

	it('refuses another teacher’s class, a learner outside the class, and a teacher', () => {
		expect(issueResetCodeAsTeacher(db, rival, classId, learner)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(issueResetCodeAsTeacher(db, teacher, classId, outsider)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(issueResetCodeAsTeacher(db, teacher, classId, teacherAsLearner)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(db.select().from(resetCode).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('lets an admin issue one for anyone, teachers included, but not themselves', () => {
		expect(issueResetCodeAsAdmin(db, admin, rival.id)).toMatchObject({
			ok: true,
			username: 'mr_roe'
		});
		expect(issueResetCodeAsAdmin(db, admin, admin.id)).toMatchObject({ ok: false, status: 400 });
		expect(issueResetCodeAsAdmin(db, admin, 'no-such-id')).toMatchObject({
			ok: false,
			status: 404
		});
	});

	it('replaces an unused code with the new one', async () => {
		const first = issueResetCodeAsTeacher(db, teacher, classId, learner);
		const second = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!first.ok || !second.ok) throw new Error('not issued');
		const old = await redeemResetCode(
			db,
			{ username: 'pupil', code: first.code, password: 'a-new-password' },
			client
		);
		expect(old).toMatchObject({ ok: false, message: CODE_WRONG });
	});
});

describe('using a code', () => {
	it('sets the new password and ends every session, keeping the account and its id', async () => {
		createSession(db, 'phone', learner);
		createSession(db, 'laptop', learner);
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!issued.ok) throw new Error(issued.message);
		// Typed as a person might: lower case, spaces for dashes.
		const typed = issued.code.toLowerCase().replaceAll('-', ' ');
		const result = await redeemResetCode(
			db,
			{ username: 'PUPIL', code: typed, password: 'a-new-password' },
			client
		);
		expect(result).toEqual({ ok: true, userId: learner });
		expect(validateSessionToken(db, 'phone')).toBeNull();
		expect(validateSessionToken(db, 'laptop')).toBeNull();
		expect(await signIn(db, 'pupil', 'a-new-password', client)).toMatchObject({ ok: true });
		expect(await signIn(db, 'pupil', 'pupil-secret-pw', client)).toMatchObject({ ok: false });
	});

	it('works once: a reused code is refused and changes nothing', async () => {
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!issued.ok) throw new Error(issued.message);
		const input = { username: 'pupil', code: issued.code, password: 'first-new-password' };
		expect(await redeemResetCode(db, input, client)).toMatchObject({ ok: true });
		const hash = passwordHash(learner);
		createSession(db, 'after', learner);
		const again = await redeemResetCode(db, { ...input, password: 'second-new-password' }, client);
		expect(again).toEqual({ ok: false, status: 400, field: 'code', message: CODE_USED });
		expect(passwordHash(learner)).toBe(hash);
		expect(validateSessionToken(db, 'after')).not.toBeNull();
	});

	it('lasts 24 hours: an expired code is refused and changes nothing', async () => {
		const issuedAt = new Date('2026-05-01T10:00:00Z');
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner, issuedAt);
		if (!issued.ok) throw new Error(issued.message);
		const hash = passwordHash(learner);
		const input = { username: 'pupil', code: issued.code, password: 'a-new-password' };
		const late = new Date(issuedAt.getTime() + RESET_CODE_LIFETIME);
		expect(await redeemResetCode(db, input, client, late)).toEqual({
			ok: false,
			status: 400,
			field: 'code',
			message: CODE_EXPIRED
		});
		expect(passwordHash(learner)).toBe(hash);
		const inTime = new Date(issuedAt.getTime() + RESET_CODE_LIFETIME - 1);
		expect(await redeemResetCode(db, input, client, inTime)).toMatchObject({ ok: true });
	});

	it('belongs to one account: someone else’s username with it is refused', async () => {
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!issued.ok) throw new Error(issued.message);
		const hash = passwordHash(outsider);
		const result = await redeemResetCode(
			db,
			{ username: 'stranger', code: issued.code, password: 'a-new-password' },
			client
		);
		expect(result).toMatchObject({ ok: false, message: CODE_WRONG });
		expect(passwordHash(outsider)).toBe(hash);
	});

	it('refuses a weak new password before spending the code', async () => {
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!issued.ok) throw new Error(issued.message);
		const weak = await redeemResetCode(
			db,
			{ username: 'pupil', code: issued.code, password: 'short' },
			client
		);
		expect(weak).toMatchObject({ ok: false, field: 'password' });
		const same = await redeemResetCode(
			db,
			{ username: 'pupil', code: issued.code, password: 'PUPIL' },
			client
		);
		expect(same).toMatchObject({ ok: false, field: 'password' });
		expect(db.select().from(resetCode).get()!.usedAt).toBeNull();
	});

	it('does not let a disabled account back in', async () => {
		const issued = issueResetCodeAsAdmin(db, admin, learner);
		if (!issued.ok) throw new Error(issued.message);
		setDisabled(db, admin, learner, true);
		const result = await redeemResetCode(
			db,
			{ username: 'pupil', code: issued.code, password: 'a-new-password' },
			client
		);
		expect(result).toMatchObject({ ok: false, status: 403 });
		expect(db.select().from(resetCode).get()!.usedAt).toBeNull();
	});

	it('limits guessing as sign-in does: 5 wrong codes for an account, then even the right one waits', async () => {
		const issued = issueResetCodeAsTeacher(db, teacher, classId, learner);
		if (!issued.ok) throw new Error(issued.message);
		let now = Date.parse('2026-05-01T10:00:00Z');
		const limiter = new FailureLimiter(() => now);
		for (let i = 0; i < signInRules.account.limit; i++) {
			const guess = await redeemResetCode(
				db,
				{ username: 'pupil', code: `AAAA-AAAA-AAA${i}`, password: 'a-new-password' },
				{ address: `198.51.100.${i}`, browser: `b${i}` },
				new Date(now),
				limiter
			);
			expect(guess).toMatchObject({ ok: false, status: 400, message: CODE_WRONG });
		}
		const right = { username: 'pupil', code: issued.code, password: 'a-new-password' };
		expect(await redeemResetCode(db, right, client, new Date(now), limiter)).toMatchObject({
			ok: false,
			status: 429
		});
		now += signInRules.account.windowMs + 1;
		expect(await redeemResetCode(db, right, client, new Date(now), limiter)).toMatchObject({
			ok: true
		});
	});
});

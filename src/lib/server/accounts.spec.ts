import { describe, expect, it } from 'vitest';
import {
	absorbGuest,
	ACCOUNT_DISABLED,
	createAdmin,
	createGuest,
	INVITE_CODE_NEEDED,
	setPasswordByCommand,
	TEACHERS_BY_ADMIN,
	signIn,
	signUp,
	signUpSchema,
	signUpTimeZone
} from './accounts';
import {
	createSession,
	sessionCookieOptions,
	sessionIdOf,
	SESSION_LIFETIME,
	validateSessionToken
} from './auth';
import { factBases } from '../content';
import { loadFactBase } from './db/content';
import { attempt, auditLog, session, user } from './db/schema';
import { getSettings } from './flashcards';
import { bankSetId, syncGeneratedSet } from './question-sets';
import { startAttempt } from './quiz';
import { FailureLimiter, signInRules } from './rate-limit';
import { setDisabled } from './admin';
import { rotateInviteCode, setTeacherSignup } from './site-settings';
import { createTestDb } from './testing/test-db';
import { eq } from 'drizzle-orm';

const school = { address: '203.0.113.7', browser: 'Chrome on the school laptops' };

async function account(
	db: ReturnType<typeof createTestDb>,
	username: string,
	role = 'learner' as const
) {
	const result = await signUp(db, { username, password: `${username}-secret-pw`, role });
	if (!result.ok) throw new Error(result.message);
	return result.userId;
}

describe('sign-up', () => {
	it('stores an argon2id hash with 19 MiB and 2 iterations, never the password', async () => {
		const db = createTestDb();
		const id = await account(db, 'ada');
		const row = db.select().from(user).where(eq(user.id, id)).get()!;
		expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row.passwordHash).not.toContain('ada-secret-pw');
	});

	it('refuses a taken username whatever its case', async () => {
		const db = createTestDb();
		await account(db, 'Ada');
		const again = await signUp(db, { username: 'ADA', password: 'another-pw-1', role: 'learner' });
		expect(again).toEqual({
			ok: false,
			status: 400,
			field: 'username',
			message: 'That username is taken.'
		});
	});

	it('explains what is wrong with a username or password', () => {
		// Nobody signs up as an admin: only the first account is one, or an admin makes one.
		const bad = signUpSchema.safeParse({ username: 'a b', password: 'short', role: 'admin' });
		expect(bad.success).toBe(false);
		const paths = bad.error!.issues.map((i) => i.path[0]);
		expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'role']));
	});

	it('stores the time zone the browser reported, or the one chosen, for the learner’s days', async () => {
		const db = createTestDb();
		const zone = signUpTimeZone('', 'America/Los_Angeles', 'Europe/Paris');
		const result = await signUp(db, {
			username: 'cali',
			password: 'cali-secret-pw',
			role: 'learner',
			timeZone: zone
		});
		if (!result.ok) throw new Error(result.message);
		// The account's zone wins over whatever zone a later browser reports.
		expect(getSettings(db, result.userId, 'Asia/Tokyo')).toMatchObject({
			timeZone: 'America/Los_Angeles',
			dayStartHour: 4
		});
		expect(signUpTimeZone('Europe/Berlin', 'America/Los_Angeles')).toBe('Europe/Berlin');
		// What the browser sends is checked: a made-up zone is passed over, then UTC.
		expect(signUpTimeZone('', 'Mars/Olympus', 'asia/tokyo')).toBe('Asia/Tokyo');
		expect(signUpTimeZone('', 'Mars/Olympus', undefined)).toBe('UTC');
		expect(
			signUpSchema.safeParse({
				username: 'ok_name',
				password: 'long-enough-pw',
				role: 'learner',
				timeZone: 'Mars/Olympus'
			}).success
		).toBe(false);
	});

	it("turns a guest into the account, keeping the guest's id and so their progress", async () => {
		const db = createTestDb();
		await account(db, 'first');
		const guest = createGuest(db);
		const result = await signUp(
			db,
			{ username: 'grace', password: 'grace-secret-pw', role: 'learner' },
			guest
		);
		expect(result).toEqual({ ok: true, userId: guest, role: 'learner' });
		const row = db.select().from(user).where(eq(user.id, guest)).get()!;
		expect(row.isGuest).toBe(false);
		expect(row.username).toBe('grace');
	});

	it('moves the progress of a guest who signs in to an existing account', async () => {
		const db = createTestDb();
		loadFactBase(db, factBases[0]!);
		syncGeneratedSet(db, factBases[0]!);
		const existing = await account(db, 'lin');
		const guest = createGuest(db);
		const started = startAttempt(db, guest, bankSetId(factBases[0]!.source.id), 5);
		expect(started.ok).toBe(true);
		absorbGuest(db, guest, existing);
		expect(db.select().from(user).where(eq(user.id, guest)).get()).toBeUndefined();
		expect(
			db
				.select()
				.from(attempt)
				.all()
				.map((a) => a.userId)
		).toEqual([existing]);
	});
});

describe('sessions', () => {
	it('stores only the hash of the token', () => {
		const db = createTestDb();
		const id = createGuest(db);
		const session = createSession(db, 'token-from-the-cookie', id);
		expect(session.id).toBe(sessionIdOf('token-from-the-cookie'));
		expect(session.id).not.toContain('token');
		expect(validateSessionToken(db, 'token-from-the-cookie')?.user.id).toBe(id);
		expect(validateSessionToken(db, 'a-guessed-token')).toBeNull();
	});

	it('expires, and extends when used in its second half', () => {
		const db = createTestDb();
		const id = createGuest(db);
		const start = new Date('2026-01-01T00:00:00Z');
		createSession(db, 'tok', id, start);
		const later = new Date(start.getTime() + SESSION_LIFETIME - 24 * 3600_000);
		const extended = validateSessionToken(db, 'tok', later)!;
		expect(extended.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME);
		const muchLater = new Date(later.getTime() + SESSION_LIFETIME + 1);
		expect(validateSessionToken(db, 'tok', muchLater)).toBeNull();
		// An expired session is deleted, not just refused.
		expect(validateSessionToken(db, 'tok', later)).toBeNull();
	});

	it('keeps the device, and writes "last seen" at most once a minute', () => {
		const db = createTestDb();
		const id = createGuest(db);
		const start = new Date('2026-01-01T09:00:00Z');
		createSession(db, 'tok', id, start, 'Firefox on Linux');
		const row = () => db.select().from(session).where(eq(session.userId, id)).get()!;
		expect(row()).toMatchObject({ device: 'Firefox on Linux', lastSeenAt: start });
		validateSessionToken(db, 'tok', new Date(start.getTime() + 59_000));
		expect(row().lastSeenAt).toEqual(start);
		const minuteLater = new Date(start.getTime() + 60_000);
		validateSessionToken(db, 'tok', minuteLater);
		expect(row().lastSeenAt).toEqual(minuteLater);
	});

	it('sets HttpOnly, SameSite=Lax cookies, Secure on https only', () => {
		const expires = new Date();
		expect(sessionCookieOptions(new URL('https://factdeck.example/'), expires)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			expires
		});
		expect(sessionCookieOptions(new URL('http://localhost:3000/'), expires).secure).toBe(false);
	});
});

describe('sign-in rate limits', () => {
	it('refuses an account after 5 wrong passwords within 15 minutes, even the right one', async () => {
		const db = createTestDb();
		await account(db, 'kim');
		let now = Date.parse('2026-03-01T09:00:00Z');
		const limiter = new FailureLimiter(() => now);
		for (let i = 0; i < signInRules.account.limit; i++) {
			const wrong = await signIn(db, 'kim', `guess-${i}`, school, limiter);
			expect(wrong).toEqual({ ok: false, status: 400, message: 'Wrong username or password.' });
		}
		const locked = await signIn(db, 'kim', 'kim-secret-pw', school, limiter);
		expect(locked).toMatchObject({ ok: false, status: 429 });
		// Another browser does not get round it: the limit is the account's.
		const elsewhere = { address: '198.51.100.1', browser: 'other' };
		expect(await signIn(db, 'KIM', 'kim-secret-pw', elsewhere, limiter)).toMatchObject({
			status: 429
		});
		now += signInRules.account.windowMs + 1;
		expect(await signIn(db, 'kim', 'kim-secret-pw', school, limiter)).toMatchObject({ ok: true });
	});

	it('lets 30 learners behind one address sign in within a minute, typos and all', async () => {
		const db = createTestDb();
		const names = Array.from({ length: 30 }, (_, i) => `learner${i}`);
		for (const name of names) await account(db, name);
		let now = Date.parse('2026-03-01T09:00:00Z');
		const limiter = new FailureLimiter(() => now);
		for (const [i, name] of names.entries()) {
			const browser = { ...school, browser: `laptop-${i}` };
			// Every third learner mistypes their password once first.
			if (i % 3 === 0) {
				expect(await signIn(db, name, 'oops', browser, limiter)).toMatchObject({ status: 400 });
			}
			expect(await signIn(db, name, `${name}-secret-pw`, browser, limiter)).toMatchObject({
				ok: true
			});
			now += 1000;
		}
	});

	it('stops one browser sweeping many accounts', async () => {
		const db = createTestDb();
		const limiter = new FailureLimiter(() => 0);
		for (let i = 0; i < signInRules.client.limit; i++) {
			await signIn(db, `victim${i}`, 'password1', school, limiter);
		}
		expect(await signIn(db, 'victim99', 'password1', school, limiter)).toMatchObject({
			status: 429
		});
	});
});

describe('who is a teacher, and who the admin', () => {
	const teacher = (username: string, inviteCode?: string) => ({
		username,
		password: `${username}-secret-pw`,
		role: 'teacher' as const,
		inviteCode
	});

	it('makes the first account on a fresh database the admin, whatever it chose', async () => {
		const db = createTestDb();
		createGuest(db); // a guest is no account
		const first = await signUp(db, {
			username: 'head',
			password: 'head-secret-pw',
			role: 'learner'
		});
		expect(first).toMatchObject({ ok: true, role: 'admin' });
		const second = await signUp(db, {
			username: 'pupil',
			password: 'pupil-secret-pw',
			role: 'learner'
		});
		expect(second).toMatchObject({ ok: true, role: 'learner' });
	});

	it('lets anyone sign up as a teacher by default', async () => {
		const db = createTestDb();
		await account(db, 'head');
		expect(await signUp(db, teacher('mr_t'))).toMatchObject({ ok: true, role: 'teacher' });
	});

	it('asks for the invite code when the school says so, and counts wrong codes', async () => {
		const db = createTestDb();
		const admin = { id: await account(db, 'head'), username: 'head' };
		const code = setTeacherSignup(db, admin, 'invite').teacherInviteCode!;
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
		const users = () => db.select().from(user).all().length;
		const before = users();
		const limiter = new FailureLimiter(() => 0);
		expect(await signUp(db, teacher('no_code'), undefined, school, limiter)).toEqual({
			ok: false,
			status: 400,
			field: 'inviteCode',
			message: INVITE_CODE_NEEDED
		});
		expect(users()).toBe(before);
		// Any case, with spaces: the code is for people to type.
		const typed = ` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)} `;
		expect(await signUp(db, teacher('with_code', typed), undefined, school, limiter)).toMatchObject(
			{
				ok: true,
				role: 'teacher'
			}
		);
		// Learners need no code.
		expect(await account(db, 'learner_ok')).toBeTruthy();
		// A rotated code replaces the old one.
		rotateInviteCode(db, admin);
		expect(await signUp(db, teacher('old_code', code), undefined, school, limiter)).toMatchObject({
			ok: false,
			field: 'inviteCode'
		});
		for (let i = 0; i < signInRules.client.limit; i++) {
			await signUp(db, teacher(`guess${i}`, `WRONG${i}`), undefined, school, limiter);
		}
		expect(await signUp(db, teacher('late'), undefined, school, limiter)).toMatchObject({
			ok: false,
			status: 429
		});
	});

	it('refuses teacher sign-ups when nobody may, and writes the change to the audit log', async () => {
		const db = createTestDb();
		const admin = { id: await account(db, 'head'), username: 'head' };
		setTeacherSignup(db, admin, 'nobody');
		expect(await signUp(db, teacher('hopeful'))).toEqual({
			ok: false,
			status: 400,
			field: 'role',
			message: TEACHERS_BY_ADMIN
		});
		expect(db.select().from(auditLog).all()).toEqual([
			expect.objectContaining({
				actorName: 'head',
				action: 'teacher-signup',
				detail: 'from anyone to nobody (administrators make teachers)'
			})
		]);
	});
});

describe('disabled accounts', () => {
	it('cannot sign in, and their sessions end', async () => {
		const db = createTestDb();
		const admin = { id: await account(db, 'head'), username: 'head' };
		const id = await account(db, 'noisy');
		createSession(db, 'noisy-token', id);
		expect(setDisabled(db, admin, id, true)).toMatchObject({ ok: true });
		expect(validateSessionToken(db, 'noisy-token')).toBeNull();
		expect(db.select().from(session).where(eq(session.userId, id)).all()).toEqual([]);
		expect(await signIn(db, 'noisy', 'noisy-secret-pw', school)).toEqual({
			ok: false,
			status: 403,
			message: ACCOUNT_DISABLED
		});
		// A wrong password says nothing about the account being disabled.
		expect(await signIn(db, 'noisy', 'wrong-password', school)).toMatchObject({ status: 400 });
		setDisabled(db, admin, id, false);
		expect(await signIn(db, 'noisy', 'noisy-secret-pw', school)).toMatchObject({ ok: true });
	});
});

describe('the command line', () => {
	it('creates an admin, and sets any account’s password, ending its sessions', async () => {
		const db = createTestDb();
		const made = await createAdmin(db, 'root_user', 'root-secret-pw');
		expect(made).toMatchObject({ ok: true, username: 'root_user' });
		expect(await createAdmin(db, 'ROOT_USER', 'root-secret-pw')).toMatchObject({ ok: false });
		expect(await createAdmin(db, 'x', 'root-secret-pw')).toMatchObject({ ok: false });
		expect(await createAdmin(db, 'shorty', 'short')).toMatchObject({ ok: false });
		const id = await account(db, 'forgetful');
		createSession(db, 'forgetful-token', id);
		expect(await setPasswordByCommand(db, 'Forgetful', 'brand-new-pw')).toMatchObject({ ok: true });
		expect(validateSessionToken(db, 'forgetful-token')).toBeNull();
		expect(await signIn(db, 'forgetful', 'brand-new-pw', school)).toMatchObject({ ok: true });
		expect(await setPasswordByCommand(db, 'nobody_here', 'brand-new-pw')).toMatchObject({
			ok: false
		});
		expect(
			db
				.select({ action: auditLog.action, actor: auditLog.actorName, target: auditLog.targetName })
				.from(auditLog)
				.all()
		).toEqual([
			{ action: 'create-admin', actor: null, target: 'root_user' },
			{ action: 'set-password', actor: null, target: 'forgetful' }
		]);
	});
});

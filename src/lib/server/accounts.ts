// Accounts: sign-up (turning a guest into an account in place; the first account on a fresh
// database is the admin; teachers as the school allows), sign-in with rate limits (disabled
// accounts refused), guests, who may study without an account until they create one, and the
// command line's admin accounts and passwords.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../domain/learner-day';
import { timeZoneSchema } from '../domain/scheduling';
import { recordAudit } from './audit';
import { generateToken, hashPassword, invalidateUserSessions, verifyPassword } from './auth';
import type { Db, Tx } from './db';
import { learnerSettings, user, type UserRole } from './db/schema';
import { moveProgress } from './progress-owner';
import { FailureLimiter, signInRules } from './rate-limit';
import { getSiteSettings, inviteCodeMatches, type SiteSettings } from './site-settings';

export function usernameKey(username: string): string {
	return username.normalize('NFKC').toLowerCase();
}

export const usernameSchema = z
	.string()
	.trim()
	.min(3, 'Choose a username of at least 3 characters.')
	.max(32, 'Usernames are at most 32 characters.')
	.regex(
		/^[\p{L}\p{N}_.-]+$/u,
		'Use letters, digits, dots, dashes and underscores only in a username.'
	);

export const passwordSchema = z
	.string()
	.min(8, 'Choose a password of at least 8 characters.')
	.max(128, 'Passwords are at most 128 characters.');

/** A password must not be the username, whatever its case. */
export function passwordIsUsername(password: string, username: string): boolean {
	return usernameKey(password) === usernameKey(username.trim());
}

export const PASSWORD_IS_USERNAME = 'Your password must not be your username.';

/** The roles one may sign up as; admins are made by the first sign-up, an admin or the CLI. */
export const signUpRoles = ['learner', 'teacher'] as const;

export const signUpSchema = z
	.object({
		username: usernameSchema,
		password: passwordSchema,
		role: z.enum(signUpRoles, { message: 'Choose whether you are a learner or a teacher.' }),
		email: z
			.union([z.literal(''), z.email('That email address does not look right.').max(254)])
			.optional(),
		/** The zone chosen in the list; '' for "this device's", resolved by signUpTimeZone. */
		timeZone: z.union([z.literal(''), timeZoneSchema]).optional(),
		/** Needed to sign up as a teacher when the school asks for one. */
		inviteCode: z.string().max(64).optional()
	})
	.refine((v) => !passwordIsUsername(v.password, v.username), {
		message: PASSWORD_IS_USERNAME,
		path: ['password']
	});

export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * The zone an account's days start in: the one chosen, else the device's (from the sign-up
 * form's script, or the layout's cookie), else UTC. What a browser sends is checked: an
 * unknown name is passed over, not stored.
 */
export function signUpTimeZone(chosen: string | undefined, ...fromDevice: (string | undefined)[]) {
	if (chosen) return chosen;
	for (const zone of fromDevice) {
		const known = zone ? canonicalTimeZone(zone) : undefined;
		if (known) return known;
	}
	return DEFAULT_TIME_ZONE;
}

/** Whether anyone has an account yet (guests do not count): the first becomes the admin. */
export function hasAccounts(db: Db | Tx): boolean {
	return (
		db.select({ id: user.id }).from(user).where(eq(user.isGuest, false)).limit(1).get() !==
		undefined
	);
}

export type SignUpResult =
	| { ok: true; userId: string; role: UserRole }
	| { ok: false; status: 400 | 429; field: 'username' | 'role' | 'inviteCode'; message: string };

export const TEACHERS_BY_ADMIN =
	'Teachers are made by your school’s administrator here: sign up as a learner, and ask them to make you a teacher.';
export const INVITE_CODE_NEEDED =
	'Signing up as a teacher needs the teacher invite code from your school’s administrator. Check the code, or sign up as a learner.';

/** Why the school's rule refuses this teacher sign-up, or undefined when it allows it. */
function teacherRefusal(settings: SiteSettings, inviteCode: string | undefined) {
	if (settings.teacherSignup === 'nobody')
		return { field: 'role', message: TEACHERS_BY_ADMIN } as const;
	if (settings.teacherSignup === 'invite' && !inviteCodeMatches(settings, inviteCode ?? '')) {
		return { field: 'inviteCode', message: INVITE_CODE_NEEDED } as const;
	}
	return undefined;
}

const inviteLimiter = new FailureLimiter();

/**
 * Creates an account. A guest's row becomes the account, so the guest's progress is simply
 * still theirs; otherwise a new row is inserted. The first account of a fresh database is the
 * admin; a teacher sign-up follows the school's rule (wrong invite codes are rate-limited per
 * address, as sign-in failures are).
 */
export async function signUp(
	db: Db,
	input: SignUpInput & { timeZone?: string },
	guestId?: string,
	client?: SignInClient,
	limiter: FailureLimiter = inviteLimiter
): Promise<SignUpResult> {
	const limitKey = `invite:${client?.address ?? ''}|${client?.browser ?? ''}`;
	if (input.role === 'teacher' && hasAccounts(db)) {
		// Refused before the password is hashed: cheap, and the same check runs again below.
		const wait = limiter.retryAfter(limitKey, signInRules.client);
		if (wait > 0) return { ok: false, status: 429, field: 'inviteCode', message: tooMany(wait) };
		const refusal = teacherRefusal(getSiteSettings(db), input.inviteCode);
		if (refusal) {
			if (refusal.field === 'inviteCode') limiter.fail(limitKey, signInRules.client);
			return { ok: false, status: 400, ...refusal };
		}
	}
	const passwordHash = await hashPassword(input.password);
	const key = usernameKey(input.username);
	return db.transaction(
		(tx): SignUpResult => {
			const taken = tx.select({ id: user.id }).from(user).where(eq(user.usernameKey, key)).get();
			if (taken)
				return { ok: false, status: 400, field: 'username', message: 'That username is taken.' };
			let role: UserRole = input.role;
			if (!hasAccounts(tx)) role = 'admin';
			else if (role === 'teacher') {
				const refusal = teacherRefusal(getSiteSettings(tx), input.inviteCode);
				if (refusal) return { ok: false, status: 400, ...refusal };
			}
			const account = {
				username: input.username,
				usernameKey: key,
				email: input.email || null,
				passwordHash,
				role,
				isGuest: false
			};
			if (guestId) {
				const updated = tx
					.update(user)
					.set(account)
					.where(and(eq(user.id, guestId), eq(user.isGuest, true)))
					.run();
				if (updated.changes === 1) {
					storeTimeZone(tx, guestId, input.timeZone);
					return { ok: true, userId: guestId, role };
				}
			}
			const id = generateToken();
			tx.insert(user)
				.values({ id, ...account })
				.run();
			storeTimeZone(tx, id, input.timeZone);
			return { ok: true, userId: id, role };
		},
		{ behavior: 'immediate' }
	);
}

function storeTimeZone(tx: Tx, userId: string, timeZone: string | undefined) {
	if (!timeZone) return;
	tx.insert(learnerSettings)
		.values({ userId, timeZone })
		.onConflictDoUpdate({ target: learnerSettings.userId, set: { timeZone } })
		.run();
}

export function createGuest(db: Db): string {
	const id = generateToken();
	db.insert(user).values({ id, isGuest: true, role: 'learner' }).run();
	return id;
}

export interface SignInClient {
	/** The network address the request came from. */
	address: string;
	/** A per-browser id (a long-lived cookie), or the user agent when there is none. */
	browser: string;
}

export type SignInResult =
	| { ok: true; userId: string; role: UserRole }
	| { ok: false; status: 400 | 403 | 429; message: string };

const loginLimiter = new FailureLimiter();

export const ACCOUNT_DISABLED =
	'This account has been disabled. Ask your school’s administrator to re-enable it.';

/** "Too many failed sign-ins. Wait 3 minutes and try again." */
export function tooMany(wait: number, what = 'failed tries'): string {
	const minutes = Math.ceil(wait / 60_000);
	return `Too many ${what}. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}

/** The three keys sign-in and every other password or code check count failures under. */
export function limitKeys(kind: string, username: string, client: SignInClient) {
	return {
		account: `${kind}:account:${usernameKey(username.trim())}`,
		client: `${kind}:client:${client.address}|${client.browser}`,
		address: `${kind}:address:${client.address}`
	};
}

/** Milliseconds before these keys may try again (0: now). */
export function limitWait(limiter: FailureLimiter, keys: ReturnType<typeof limitKeys>): number {
	return Math.max(
		limiter.retryAfter(keys.account, signInRules.account),
		limiter.retryAfter(keys.client, signInRules.client),
		limiter.retryAfter(keys.address, signInRules.address)
	);
}

export function limitFail(limiter: FailureLimiter, keys: ReturnType<typeof limitKeys>): void {
	limiter.fail(keys.account, signInRules.account);
	limiter.fail(keys.client, signInRules.client);
	limiter.fail(keys.address, signInRules.address);
}

/** Sign-in checks the limits before the password, and counts only failures. */
export async function signIn(
	db: Db,
	username: string,
	password: string,
	client: SignInClient,
	limiter: FailureLimiter = loginLimiter
): Promise<SignInResult> {
	const keys = limitKeys('sign-in', username, client);
	const wait = limitWait(limiter, keys);
	if (wait > 0) return { ok: false, status: 429, message: tooMany(wait, 'failed sign-ins') };
	const row = db
		.select({
			id: user.id,
			passwordHash: user.passwordHash,
			role: user.role,
			disabledAt: user.disabledAt
		})
		.from(user)
		.where(eq(user.usernameKey, usernameKey(username.trim())))
		.get();
	// Verify even for an unknown username, so timing does not tell which usernames exist.
	const valid = await verifyPassword(row?.passwordHash ?? (await dummyHash()), password);
	if (!row || !row.passwordHash || !valid) {
		limitFail(limiter, keys);
		return { ok: false, status: 400, message: 'Wrong username or password.' };
	}
	limiter.reset(keys.account);
	// Said only to someone who knows the password: it tells a stranger nothing.
	if (row.disabledAt) return { ok: false, status: 403, message: ACCOUNT_DISABLED };
	return { ok: true, userId: row.id, role: row.role };
}

/**
 * Checks a signed-in person's own password (to change it, or to delete the account), under
 * the same limits as sign-in, so an unlocked screen is no way to guess it.
 */
export async function confirmPassword(
	db: Db,
	userId: string,
	password: string,
	client: SignInClient,
	limiter: FailureLimiter = loginLimiter
): Promise<{ ok: true } | { ok: false; status: 400 | 429; message: string }> {
	const row = db
		.select({ username: user.username, passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.id, userId))
		.get();
	const keys = limitKeys('sign-in', row?.username ?? userId, client);
	const wait = limitWait(limiter, keys);
	if (wait > 0) return { ok: false, status: 429, message: tooMany(wait) };
	if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, password))) {
		limitFail(limiter, keys);
		return { ok: false, status: 400, message: 'That is not your current password.' };
	}
	return { ok: true };
}

let dummy: Promise<string> | undefined;
/** A hash of a random password, computed once, for the unknown-username path. */
function dummyHash(): Promise<string> {
	dummy ??= hashPassword(generateToken());
	return dummy;
}

/** A guest who signs in to an existing account brings their progress along. */
export function absorbGuest(db: Db, guestId: string, userId: string): void {
	if (guestId === userId) return;
	db.transaction(
		(tx) => {
			const guest = tx
				.select({ id: user.id })
				.from(user)
				.where(and(eq(user.id, guestId), eq(user.isGuest, true)))
				.get();
			if (!guest) return;
			moveProgress(tx, guestId, userId);
			tx.delete(user).where(eq(user.id, guestId)).run();
		},
		{ behavior: 'immediate' }
	);
}

// ---------------------------------------------------------------------------------------------
// The command line (`npm run admin`): whoever can run it owns the database already.

export type CommandResult =
	{ ok: true; userId: string; username: string } | { ok: false; message: string };

/** Creates an admin account (the username must be free). */
export async function createAdmin(
	db: Db,
	username: string,
	password: string
): Promise<CommandResult> {
	const checked = checkCredentials(username, password);
	if (!checked.ok) return checked;
	const passwordHash = await hashPassword(password);
	return db.transaction(
		(tx): CommandResult => {
			const key = usernameKey(checked.username);
			if (tx.select({ id: user.id }).from(user).where(eq(user.usernameKey, key)).get()) {
				return {
					ok: false,
					message: `The username ${checked.username} is taken. Choose another, or use reset-password for that account.`
				};
			}
			const id = generateToken();
			tx.insert(user)
				.values({
					id,
					username: checked.username,
					usernameKey: key,
					passwordHash,
					role: 'admin',
					isGuest: false
				})
				.run();
			recordAudit(tx, { actor: null, action: 'create-admin', targetId: id });
			return { ok: true, userId: id, username: checked.username };
		},
		{ behavior: 'immediate' }
	);
}

/** Sets any account's password; its sessions end, so whoever had it is signed out. */
export async function setPasswordByCommand(
	db: Db,
	username: string,
	password: string
): Promise<CommandResult> {
	const found = db
		.select({ id: user.id, username: user.username })
		.from(user)
		.where(and(eq(user.usernameKey, usernameKey(username.trim())), eq(user.isGuest, false)))
		.get();
	if (!found?.username) return { ok: false, message: `No account is called ${username.trim()}.` };
	const checked = checkCredentials(found.username, password);
	if (!checked.ok) return checked;
	const passwordHash = await hashPassword(password);
	db.transaction(
		(tx) => {
			tx.update(user).set({ passwordHash }).where(eq(user.id, found.id)).run();
			invalidateUserSessions(tx, found.id);
			recordAudit(tx, { actor: null, action: 'set-password', targetId: found.id });
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, userId: found.id, username: found.username };
}

function checkCredentials(
	username: string,
	password: string
): { ok: true; username: string } | { ok: false; message: string } {
	const name = usernameSchema.safeParse(username);
	if (!name.success) return { ok: false, message: name.error.issues[0]!.message };
	const pw = passwordSchema.safeParse(password);
	if (!pw.success) return { ok: false, message: pw.error.issues[0]!.message };
	if (passwordIsUsername(password, name.data)) return { ok: false, message: PASSWORD_IS_USERNAME };
	return { ok: true, username: name.data };
}

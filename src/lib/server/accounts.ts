// Accounts: sign-up (turning a guest into an account in place), sign-in with rate limits,
// and guests, who may study without an account until they create one.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalTimeZone, DEFAULT_TIME_ZONE, timeZoneSchema } from '../domain/learner-day';
import { generateToken, hashPassword, verifyPassword } from './auth';
import type { Db } from './db';
import { learnerSettings, user, userRoles, type UserRole } from './db/schema';
import { moveProgress, type Tx } from './progress-owner';
import { FailureLimiter, signInRules } from './rate-limit';

export function usernameKey(username: string): string {
	return username.normalize('NFKC').toLowerCase();
}

export const signUpSchema = z
	.object({
		username: z
			.string()
			.trim()
			.min(3, 'Choose a username of at least 3 characters.')
			.max(32, 'Usernames are at most 32 characters.')
			.regex(
				/^[\p{L}\p{N}_.-]+$/u,
				'Use letters, digits, dots, dashes and underscores only in a username.'
			),
		password: z
			.string()
			.min(8, 'Choose a password of at least 8 characters.')
			.max(128, 'Passwords are at most 128 characters.'),
		role: z.enum(userRoles, { message: 'Choose whether you are a learner or a teacher.' }),
		email: z
			.union([z.literal(''), z.email('That email address does not look right.').max(254)])
			.optional(),
		/** The zone chosen in the list; '' for "this device's", resolved by signUpTimeZone. */
		timeZone: z.union([z.literal(''), timeZoneSchema]).optional()
	})
	.refine((v) => usernameKey(v.password) !== usernameKey(v.username), {
		message: 'Your password must not be your username.',
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

export type SignUpResult =
	{ ok: true; userId: string } | { ok: false; field: 'username'; message: string };

/**
 * Creates an account. A guest's row becomes the account, so the guest's progress is simply
 * still theirs; otherwise a new row is inserted.
 */
export async function signUp(
	db: Db,
	input: SignUpInput & { timeZone?: string },
	guestId?: string
): Promise<SignUpResult> {
	const passwordHash = await hashPassword(input.password);
	const key = usernameKey(input.username);
	return db.transaction(
		(tx) => {
			const taken = tx.select({ id: user.id }).from(user).where(eq(user.usernameKey, key)).get();
			if (taken)
				return { ok: false, field: 'username', message: 'That username is taken.' } as const;
			const account = {
				username: input.username,
				usernameKey: key,
				email: input.email || null,
				passwordHash,
				role: input.role,
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
					return { ok: true, userId: guestId } as const;
				}
			}
			const id = generateToken();
			tx.insert(user)
				.values({ id, ...account })
				.run();
			storeTimeZone(tx, id, input.timeZone);
			return { ok: true, userId: id } as const;
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
	{ ok: true; userId: string; role: UserRole } | { ok: false; status: 400 | 429; message: string };

const loginLimiter = new FailureLimiter();

/** Sign-in checks the limits before the password, and counts only failures. */
export async function signIn(
	db: Db,
	username: string,
	password: string,
	client: SignInClient,
	limiter: FailureLimiter = loginLimiter
): Promise<SignInResult> {
	const key = usernameKey(username.trim());
	const keys = {
		account: `account:${key}`,
		client: `client:${client.address}|${client.browser}`,
		address: `address:${client.address}`
	};
	const wait = Math.max(
		limiter.retryAfter(keys.account, signInRules.account),
		limiter.retryAfter(keys.client, signInRules.client),
		limiter.retryAfter(keys.address, signInRules.address)
	);
	if (wait > 0) {
		const minutes = Math.ceil(wait / 60_000);
		return {
			ok: false,
			status: 429,
			message: `Too many failed sign-ins. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
		};
	}
	const row = db
		.select({ id: user.id, passwordHash: user.passwordHash, role: user.role })
		.from(user)
		.where(eq(user.usernameKey, key))
		.get();
	// Verify even for an unknown username, so timing does not tell which usernames exist.
	const valid = await verifyPassword(row?.passwordHash ?? (await dummyHash()), password);
	if (!row || !row.passwordHash || !valid) {
		limiter.fail(keys.account, signInRules.account);
		limiter.fail(keys.client, signInRules.client);
		limiter.fail(keys.address, signInRules.address);
		return { ok: false, status: 400, message: 'Wrong username or password.' };
	}
	limiter.reset(keys.account);
	return { ok: true, userId: row.id, role: row.role };
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

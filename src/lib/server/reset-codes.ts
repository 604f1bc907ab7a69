// Password recovery without email: a teacher (for a learner in one of their classes) or an admin
// (for anyone) issues a one-time code, shown once; only its SHA-256 is stored. It lasts 24 hours
// and works once; the learner enters it with a new password at /signin/reset, which ends every
// session of theirs. Guessing codes is rate-limited as sign-in is.
import { and, eq, isNull } from 'drizzle-orm';
import { canTeach } from './access';
import {
	ACCOUNT_DISABLED,
	limitFail,
	limitKeys,
	limitWait,
	passwordIsUsername,
	passwordSchema,
	PASSWORD_IS_USERNAME,
	tooMany,
	usernameKey,
	type SignInClient
} from './accounts';
import { recordAudit, type Actor } from './audit';
import { hashPassword, invalidateUserSessions, randomCode, sha256Hex } from './auth';
import { JOIN_CODE_ALPHABET } from './classes';
import type { Db } from './db';
import { classMember, resetCode, schoolClass, user } from './db/schema';
import { FailureLimiter } from './rate-limit';

export const RESET_CODE_LIFETIME = 24 * 60 * 60 * 1000;
/** 12 characters of 31: about 59 bits, far beyond guessing at the rate limit. */
const CODE_LENGTH = 12;

/** Read aloud or copied by hand: groups of four, without look-alike characters. */
export function formatResetCode(raw: string): string {
	return raw.match(/.{1,4}/g)!.join('-');
}

/** What a person types: any case, with or without spaces and dashes. */
export function normaliseResetCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}

function codeId(typed: string): string {
	return sha256Hex(`reset:${normaliseResetCode(typed)}`);
}

export type IssueResult =
	| { ok: true; code: string; expiresAt: Date; username: string }
	| { ok: false; status: 400 | 403 | 404; message: string };

/** Stores a new code for the account, replacing any it had not used yet. */
function issue(db: Db, actor: Actor, userId: string, detail: string, now: Date) {
	const raw = randomCode(JOIN_CODE_ALPHABET, CODE_LENGTH);
	const expiresAt = new Date(now.getTime() + RESET_CODE_LIFETIME);
	db.transaction(
		(tx) => {
			tx.delete(resetCode)
				.where(and(eq(resetCode.userId, userId), isNull(resetCode.usedAt)))
				.run();
			tx.insert(resetCode)
				.values({ id: codeId(raw), userId, issuedBy: actor?.id ?? null, createdAt: now, expiresAt })
				.run();
			recordAudit(tx, { actor, action: 'reset-code', targetId: userId, detail }, now);
		},
		{ behavior: 'immediate' }
	);
	return { code: formatResetCode(raw), expiresAt };
}

/**
 * A teacher's code for a learner in one of their classes. Another teacher's class, or someone
 * not in it, is a 404; a teacher or admin who joined the class as a learner is not theirs to
 * reset (an admin can).
 */
export function issueResetCodeAsTeacher(
	db: Db,
	teacher: { id: string; username: string },
	classId: string,
	learnerId: string,
	now = new Date()
): IssueResult {
	const found = db
		.select({ username: user.username, role: user.role, className: schoolClass.name })
		.from(classMember)
		.innerJoin(schoolClass, eq(schoolClass.id, classMember.classId))
		.innerJoin(user, eq(user.id, classMember.userId))
		.where(
			and(
				eq(classMember.classId, classId),
				eq(classMember.userId, learnerId),
				eq(schoolClass.teacherId, teacher.id),
				eq(user.isGuest, false)
			)
		)
		.get();
	if (!found?.username)
		return { ok: false, status: 404, message: 'That learner is not in this class.' };
	if (canTeach(found.role)) {
		return {
			ok: false,
			status: 403,
			message: `${found.username} is a teacher: only the school’s administrator can reset their password.`
		};
	}
	const issued = issue(db, teacher, learnerId, `in class ${found.className}`, now);
	return { ok: true, ...issued, username: found.username };
}

/** An admin's code, for any account but their own (which they change on their account page). */
export function issueResetCodeAsAdmin(
	db: Db,
	admin: { id: string; username: string },
	userId: string,
	now = new Date()
): IssueResult {
	const found = db
		.select({ username: user.username })
		.from(user)
		.where(and(eq(user.id, userId), eq(user.isGuest, false)))
		.get();
	if (!found?.username) return { ok: false, status: 404, message: 'No account has that id.' };
	if (userId === admin.id) {
		return {
			ok: false,
			status: 400,
			message: 'Change your own password on your account page; reset codes are for other people.'
		};
	}
	const issued = issue(db, admin, userId, '', now);
	return { ok: true, ...issued, username: found.username };
}

const resetLimiter = new FailureLimiter();

export interface RedeemInput {
	username: string;
	code: string;
	password: string;
}

export type RedeemResult =
	| { ok: true; userId: string }
	| {
			ok: false;
			status: 400 | 403 | 429;
			field?: 'username' | 'code' | 'password';
			message: string;
	  };

export const CODE_USED = 'That reset code has already been used. Ask your teacher for a new one.';
export const CODE_EXPIRED =
	'That reset code is more than 24 hours old and no longer works. Ask your teacher for a new one.';
export const CODE_WRONG =
	'That username and reset code do not go together. Check both with your teacher: the code is 12 letters and digits, like ABCD-EFGH-JK23.';

/**
 * Sets a new password with a code, in one transaction: the code is spent, the password changes
 * and every session of the account ends. A reused, expired or wrong code changes nothing.
 */
export async function redeemResetCode(
	db: Db,
	input: RedeemInput,
	client: SignInClient,
	now = new Date(),
	limiter: FailureLimiter = resetLimiter
): Promise<RedeemResult> {
	const keys = limitKeys('reset', input.username, client);
	const wait = limitWait(limiter, keys);
	if (wait > 0) return { ok: false, status: 429, message: tooMany(wait, 'wrong codes') };
	const password = passwordSchema.safeParse(input.password);
	if (!password.success) {
		return {
			ok: false,
			status: 400,
			field: 'password',
			message: password.error.issues[0]!.message
		};
	}
	if (passwordIsUsername(input.password, input.username)) {
		return { ok: false, status: 400, field: 'password', message: PASSWORD_IS_USERNAME };
	}
	const account = db
		.select({ id: user.id, disabledAt: user.disabledAt })
		.from(user)
		.where(and(eq(user.usernameKey, usernameKey(input.username.trim())), eq(user.isGuest, false)))
		.get();
	const id = codeId(input.code);
	const row = account
		? db
				.select({ expiresAt: resetCode.expiresAt, usedAt: resetCode.usedAt })
				.from(resetCode)
				.where(and(eq(resetCode.id, id), eq(resetCode.userId, account.id)))
				.get()
		: undefined;
	if (!account || !row) {
		limitFail(limiter, keys);
		return { ok: false, status: 400, field: 'code', message: CODE_WRONG };
	}
	// Only someone holding the real code learns these: telling them apart gives nothing away.
	if (row.usedAt) return { ok: false, status: 400, field: 'code', message: CODE_USED };
	if (row.expiresAt.getTime() <= now.getTime()) {
		return { ok: false, status: 400, field: 'code', message: CODE_EXPIRED };
	}
	if (account.disabledAt) return { ok: false, status: 403, message: ACCOUNT_DISABLED };
	const passwordHash = await hashPassword(input.password);
	const spent = db.transaction(
		(tx) => {
			// Spent only if still unused and unexpired now: two tabs racing get one success.
			const used = tx
				.update(resetCode)
				.set({ usedAt: now })
				.where(and(eq(resetCode.id, id), isNull(resetCode.usedAt)))
				.run();
			if (used.changes !== 1) return false;
			tx.update(user).set({ passwordHash }).where(eq(user.id, account.id)).run();
			invalidateUserSessions(tx, account.id);
			return true;
		},
		{ behavior: 'immediate' }
	);
	if (!spent) return { ok: false, status: 400, field: 'code', message: CODE_USED };
	limiter.reset(keys.account);
	return { ok: true, userId: account.id };
}

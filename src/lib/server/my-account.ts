// What a person does to their own account at /account: change their username (if free) or
// password (with the current one), each ending every other session of theirs, and see and end
// their signed-in sessions.
import { and, desc, eq } from 'drizzle-orm';
import {
	confirmPassword,
	passwordIsUsername,
	passwordSchema,
	PASSWORD_IS_USERNAME,
	usernameKey,
	usernameSchema,
	type SignInClient
} from './accounts';
import { hashPassword, invalidateUserSessions } from './auth';
import type { Db } from './db';
import { session, user } from './db/schema';

export type ChangeResult =
	| { ok: true; endedSessions: number }
	| { ok: false; status: 400 | 429; field: string; message: string };

export function accountOf(db: Db, userId: string) {
	return db
		.select({ id: user.id, username: user.username, role: user.role, createdAt: user.createdAt })
		.from(user)
		.where(eq(user.id, userId))
		.get();
}

/** A new username, if free (case aside: "Ada" may become "ada"). */
export function changeUsername(
	db: Db,
	userId: string,
	currentSessionId: string,
	typed: string
): ChangeResult {
	const parsed = usernameSchema.safeParse(typed);
	if (!parsed.success) {
		return { ok: false, status: 400, field: 'username', message: parsed.error.issues[0]!.message };
	}
	const key = usernameKey(parsed.data);
	return db.transaction(
		(tx): ChangeResult => {
			const holder = tx.select({ id: user.id }).from(user).where(eq(user.usernameKey, key)).get();
			if (holder && holder.id !== userId) {
				return { ok: false, status: 400, field: 'username', message: 'That username is taken.' };
			}
			tx.update(user)
				.set({ username: parsed.data, usernameKey: key })
				.where(eq(user.id, userId))
				.run();
			return { ok: true, endedSessions: invalidateUserSessions(tx, userId, currentSessionId) };
		},
		{ behavior: 'immediate' }
	);
}

export async function changePassword(
	db: Db,
	userId: string,
	currentSessionId: string,
	current: string,
	next: string,
	client: SignInClient
): Promise<ChangeResult> {
	if (!current) {
		return { ok: false, status: 400, field: 'current', message: 'Enter your current password.' };
	}
	const parsed = passwordSchema.safeParse(next);
	if (!parsed.success) {
		return { ok: false, status: 400, field: 'password', message: parsed.error.issues[0]!.message };
	}
	const me = accountOf(db, userId);
	if (me?.username && passwordIsUsername(next, me.username)) {
		return { ok: false, status: 400, field: 'password', message: PASSWORD_IS_USERNAME };
	}
	const confirmed = await confirmPassword(db, userId, current, client);
	if (!confirmed.ok) return { ...confirmed, field: 'current' };
	const passwordHash = await hashPassword(next);
	return db.transaction(
		(tx): ChangeResult => {
			tx.update(user).set({ passwordHash }).where(eq(user.id, userId)).run();
			return { ok: true, endedSessions: invalidateUserSessions(tx, userId, currentSessionId) };
		},
		{ behavior: 'immediate' }
	);
}

/** The person's sessions, the current one first, then by when they were last used. */
export function listSessions(db: Db, userId: string, currentSessionId: string) {
	return db
		.select({
			id: session.id,
			device: session.device,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			expiresAt: session.expiresAt
		})
		.from(session)
		.where(eq(session.userId, userId))
		.orderBy(desc(session.lastSeenAt), desc(session.createdAt))
		.all()
		.map((s) => ({
			...s,
			device: s.device || 'Unknown browser',
			lastSeenAt: s.lastSeenAt ?? s.createdAt,
			current: s.id === currentSessionId
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the person's own sessions; someone else's is not found. */
export function endOwnSession(db: Db, userId: string, sessionId: string): boolean {
	return (
		db
			.delete(session)
			.where(and(eq(session.id, sessionId), eq(session.userId, userId)))
			.run().changes === 1
	);
}

export function endOtherSessions(db: Db, userId: string, currentSessionId: string): number {
	return invalidateUserSessions(db, userId, currentSessionId);
}

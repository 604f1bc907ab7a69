// An admin's work on accounts: finding them, changing a role, disabling and re-enabling. Each
// change is written to the audit log in its own transaction. An admin cannot change their own
// role or disable themselves, so a school always keeps an admin who can undo a mistake.
import { and, asc, count, eq, isNotNull, max, sql } from 'drizzle-orm';
import { usernameKey } from './accounts';
import { recordAudit } from './audit';
import { invalidateUserSessions } from './auth';
import type { Conn, Db } from './db';
import { session, user, userRoles, type UserRole } from './db/schema';

export const USERS_PER_PAGE = 50;

export interface UserListing {
	users: {
		id: string;
		username: string;
		role: UserRole;
		disabled: boolean;
		createdAt: Date;
		lastSeenAt: Date | null;
	}[];
	/** How many accounts match, of which `users` holds the first USERS_PER_PAGE. */
	total: number;
}

/** Accounts (never guests) whose username contains the search, in username order. */
export function listUsers(db: Db, search = ''): UserListing {
	const typed = usernameKey(search.trim()).slice(0, 64);
	// LIKE's own wildcards in what was typed are matched as themselves.
	const pattern = `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const where = and(
		eq(user.isGuest, false),
		isNotNull(user.usernameKey),
		typed ? sql`${user.usernameKey} like ${pattern} escape '\\'` : undefined
	);
	const lastSeen = db
		.select({ userId: session.userId, at: max(session.lastSeenAt).as('at') })
		.from(session)
		.groupBy(session.userId)
		.as('last_seen');
	const rows = db
		.select({
			id: user.id,
			username: user.username,
			role: user.role,
			disabledAt: user.disabledAt,
			createdAt: user.createdAt,
			lastSeenAt: lastSeen.at
		})
		.from(user)
		.leftJoin(lastSeen, eq(lastSeen.userId, user.id))
		.where(where)
		.orderBy(asc(user.usernameKey))
		.limit(USERS_PER_PAGE)
		.all();
	const total = db.select({ n: count() }).from(user).where(where).get()?.n ?? 0;
	return {
		users: rows.map((r) => ({
			id: r.id,
			username: r.username ?? '',
			role: r.role,
			disabled: r.disabledAt !== null,
			createdAt: r.createdAt,
			lastSeenAt: typeof r.lastSeenAt === 'number' ? new Date(r.lastSeenAt) : null
		})),
		total
	};
}

export type AdminResult =
	{ ok: true; message: string } | { ok: false; status: 400 | 404; message: string };

type Admin = { id: string; username: string };

function target(db: Conn, userId: string) {
	return db
		.select({ id: user.id, username: user.username, role: user.role, disabledAt: user.disabledAt })
		.from(user)
		.where(and(eq(user.id, userId), eq(user.isGuest, false)))
		.get();
}

const NOT_FOUND = { ok: false, status: 404, message: 'No account has that id.' } as const;

export function isUserRole(value: string): value is UserRole {
	return (userRoles as readonly string[]).includes(value);
}

/**
 * A new role. Demoted teachers keep their sets and classes, out of their reach until they
 * teach again; nothing is deleted.
 */
export function setRole(
	db: Db,
	admin: Admin,
	userId: string,
	role: string,
	now = new Date()
): AdminResult {
	if (!isUserRole(role)) {
		return { ok: false, status: 400, message: 'Choose learner, teacher or administrator.' };
	}
	if (userId === admin.id) {
		return {
			ok: false,
			status: 400,
			message:
				'You cannot change your own role: another administrator can, so the school is never left without one.'
		};
	}
	return db.transaction(
		(tx): AdminResult => {
			const found = target(tx, userId);
			if (!found) return NOT_FOUND;
			if (found.role === role)
				return { ok: true, message: `${found.username} is already a ${roleName(role)}.` };
			tx.update(user).set({ role }).where(eq(user.id, userId)).run();
			recordAudit(
				tx,
				{
					actor: admin,
					action: 'role',
					targetId: userId,
					detail: `from ${roleName(found.role)} to ${roleName(role)}`
				},
				now
			);
			return { ok: true, message: `${found.username} is now a ${roleName(role)}.` };
		},
		{ behavior: 'immediate' }
	);
}

export function roleName(role: UserRole): string {
	return role === 'admin' ? 'administrator' : role;
}

/** Disabling ends every session of the account at once; it cannot sign in until re-enabled. */
export function setDisabled(
	db: Db,
	admin: Admin,
	userId: string,
	disabled: boolean,
	now = new Date()
): AdminResult {
	if (userId === admin.id) {
		return { ok: false, status: 400, message: 'You cannot disable your own account.' };
	}
	return db.transaction(
		(tx): AdminResult => {
			const found = target(tx, userId);
			if (!found) return NOT_FOUND;
			if ((found.disabledAt !== null) === disabled) {
				return {
					ok: true,
					message: `${found.username} is already ${disabled ? 'disabled' : 'enabled'}.`
				};
			}
			tx.update(user)
				.set({ disabledAt: disabled ? now : null })
				.where(eq(user.id, userId))
				.run();
			if (disabled) invalidateUserSessions(tx, userId);
			recordAudit(
				tx,
				{ actor: admin, action: disabled ? 'disable' : 'enable', targetId: userId },
				now
			);
			return {
				ok: true,
				message: disabled
					? `${found.username} is disabled and signed out everywhere.`
					: `${found.username} can sign in again.`
			};
		},
		{ behavior: 'immediate' }
	);
}

// The audit log: every admin's and teacher's action on another account (reset codes, roles,
// disabling, removal from a class) and on who may sign up, written in the same transaction as
// the action, and read by admins at /admin.
import { desc, eq } from 'drizzle-orm';
import type { Conn, Db } from './db';
import { auditLog, user, type AuditAction } from './db/schema';

/** Who acted: an account, or null for the command line (`npm run admin`). */
export type Actor = { id: string; username: string } | null;

export interface AuditEntry {
	actor: Actor;
	action: AuditAction;
	/** The account acted on, if any. */
	targetId?: string | null;
	detail?: string;
}

export function recordAudit(db: Conn, entry: AuditEntry, now = new Date()): void {
	const target = entry.targetId
		? db.select({ username: user.username }).from(user).where(eq(user.id, entry.targetId)).get()
		: undefined;
	db.insert(auditLog)
		.values({
			at: now,
			actorId: entry.actor?.id ?? null,
			actorName: entry.actor?.username ?? null,
			action: entry.action,
			targetId: entry.targetId ?? null,
			targetName: target?.username ?? null,
			detail: entry.detail ?? ''
		})
		.run();
}

export const auditLabels: Record<AuditAction, string> = {
	'reset-code': 'issued a password reset code for',
	role: 'changed the role of',
	disable: 'disabled',
	enable: 're-enabled',
	'remove-from-class': 'removed',
	'teacher-signup': 'changed who may sign up as a teacher',
	'invite-code': 'rotated the teacher invite code',
	'create-admin': 'created the administrator',
	'set-password': 'set the password of'
};

/** The latest entries, newest first, as the admin page shows them. */
export function recentAudit(db: Db, limit = 100) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorName: auditLog.actorName,
			action: auditLog.action,
			targetName: auditLog.targetName,
			detail: auditLog.detail
		})
		.from(auditLog)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit)
		.all()
		.map((e) => ({
			...e,
			actor: e.actorName ?? 'The command line',
			what: auditLabels[e.action]
		}));
}

// The school's own settings, kept in one row: who may sign up as a teacher (anyone, anyone with
// the invite code an admin hands out, or nobody) and that invite code.
import { eq } from 'drizzle-orm';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { recordAudit, type Actor } from './audit';
import { randomCode } from './auth';
import { JOIN_CODE_ALPHABET, normaliseJoinCode } from './classes';
import type { Conn, Db } from './db';
import { siteSettings, type TeacherSignupPolicy } from './db/schema';

const ROW = 1;
export const INVITE_CODE_LENGTH = 8;

export interface SiteSettings {
	teacherSignup: TeacherSignupPolicy;
	teacherInviteCode: string | null;
}

export function getSiteSettings(db: Conn): SiteSettings {
	const row = db
		.select({
			teacherSignup: siteSettings.teacherSignup,
			teacherInviteCode: siteSettings.teacherInviteCode
		})
		.from(siteSettings)
		.where(eq(siteSettings.id, ROW))
		.get();
	return row ?? { teacherSignup: 'anyone', teacherInviteCode: null };
}

function save(db: Conn, change: Partial<SiteSettings>, now: Date) {
	db.insert(siteSettings)
		.values({ id: ROW, ...change, updatedAt: now })
		.onConflictDoUpdate({ target: siteSettings.id, set: { ...change, updatedAt: now } })
		.run();
}

function newInviteCode(): string {
	return randomCode(JOIN_CODE_ALPHABET, INVITE_CODE_LENGTH);
}

export const policyLabels: Record<TeacherSignupPolicy, string> = {
	anyone: 'anyone',
	invite: 'only with the teacher invite code',
	nobody: 'nobody (administrators make teachers)'
};

/** Changes the policy; switching to invite-only makes an invite code if there is none. */
export function setTeacherSignup(
	db: Db,
	actor: Actor,
	policy: TeacherSignupPolicy,
	now = new Date()
): SiteSettings {
	return db.transaction(
		(tx) => {
			const current = getSiteSettings(tx);
			const code =
				policy === 'invite' && !current.teacherInviteCode
					? newInviteCode()
					: current.teacherInviteCode;
			save(tx, { teacherSignup: policy, teacherInviteCode: code }, now);
			if (current.teacherSignup !== policy) {
				recordAudit(
					tx,
					{
						actor,
						action: 'teacher-signup',
						detail: `from ${policyLabels[current.teacherSignup]} to ${policyLabels[policy]}`
					},
					now
				);
			}
			return { teacherSignup: policy, teacherInviteCode: code };
		},
		{ behavior: 'immediate' }
	);
}

/** A new invite code; the old one stops working at once. */
export function rotateInviteCode(db: Db, actor: Actor, now = new Date()): string {
	const code = newInviteCode();
	db.transaction(
		(tx) => {
			save(tx, { teacherInviteCode: code }, now);
			recordAudit(tx, { actor, action: 'invite-code' }, now);
		},
		{ behavior: 'immediate' }
	);
	return code;
}

/** Whether what was typed is the invite code (any case, spaces and dashes ignored). */
export function inviteCodeMatches(settings: SiteSettings, typed: string): boolean {
	if (!settings.teacherInviteCode) return false;
	const encode = (s: string) => new TextEncoder().encode(s);
	const a = encode(normaliseJoinCode(typed));
	const b = encode(settings.teacherInviteCode);
	return a.length === b.length && constantTimeEqual(a, b);
}

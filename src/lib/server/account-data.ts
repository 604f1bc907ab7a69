// Everything Factdeck stores about a person, as one JSON document they can download
// (docs/account-data.md describes it), and the deletion of their account with everything that
// is theirs, in one transaction. A teacher's sets, classes and sources go with them: moving
// them to another teacher is not something Factdeck does (yet), and the deletion page says so.
import { and, asc, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { toPublicQuestion } from '../domain/public-question';
import type { Question } from '../domain/question';
import { confirmPassword, type SignInClient } from './accounts';
import type { Conn, Db } from './db';
import {
	answer,
	attempt,
	attemptQuestion,
	auditLog,
	cardState,
	classAssignment,
	classMember,
	learnerSettings,
	livePlayer,
	liveSession,
	question,
	questionSet,
	resetCode,
	reviewLog,
	schoolClass,
	session,
	source,
	sourceVersion,
	suggestion,
	user
} from './db/schema';
import { exportSource } from './source-transfer';

export const EXPORT_FORMAT = 'factdeck-account-data';
export const EXPORT_VERSION = 1;

/**
 * Where each column that points at a person lands in the export: the completeness test reads
 * the database's foreign keys and fails for a column missing here, so a new table that stores
 * something about a person cannot be left out of the download unnoticed.
 */
export const exportedColumns = {
	'user.id': 'account',
	'learner_settings.user_id': 'settings',
	'session.user_id': 'sessions',
	'class_member.user_id': 'classMemberships',
	'class.teacher_id': 'classesTaught',
	'question_set.owner_id': 'questionSets',
	'source.owner_id': 'sources',
	'attempt.user_id': 'attempts',
	'card_state.user_id': 'cardStates',
	'review_log.user_id': 'reviewLogs',
	'reset_code.user_id': 'resetCodes',
	'reset_code.issued_by': 'resetCodesIssued',
	'audit_log.actor_id': 'auditByYou',
	'audit_log.target_id': 'auditAboutYou',
	'live_session.host_id': 'liveSessionsHosted',
	'live_player.user_id': 'liveSessionsPlayed'
} as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The export, built from reads only; the caller serialises it. */
export function exportAccountData(db: Db, userId: string, now = new Date()) {
	const account = db.select().from(user).where(eq(user.id, userId)).get();
	if (!account) return undefined;
	const issuer = alias(user, 'issuer');
	const teacher = alias(user, 'teacher');
	const actor = alias(user, 'actor');

	const settings = db
		.select()
		.from(learnerSettings)
		.where(eq(learnerSettings.userId, userId))
		.get();

	const sets = db
		.select()
		.from(questionSet)
		.where(eq(questionSet.ownerId, userId))
		.orderBy(asc(questionSet.createdAt))
		.all();
	const setQuestions = sets.length
		? db
				.select()
				.from(question)
				.where(
					inArray(
						question.setId,
						sets.map((s) => s.id)
					)
				)
				.orderBy(asc(question.setId), asc(question.position))
				.all()
		: [];

	const sources = db
		.select()
		.from(source)
		.where(eq(source.ownerId, userId))
		.orderBy(asc(source.loadedAt))
		.all()
		.map((s) => ({
			id: s.id,
			title: s.title,
			publishedOn: s.publishedOn,
			author: s.author,
			url: s.url,
			version: s.version,
			createdAt: iso(s.loadedAt),
			updatedAt: iso(s.updatedAt),
			// Every text it has had, oldest first; the fact base quotes the current one.
			versions: db
				.select()
				.from(sourceVersion)
				.where(eq(sourceVersion.sourceId, s.id))
				.orderBy(asc(sourceVersion.version))
				.all()
				.map((v) => ({ version: v.version, body: v.body, createdAt: iso(v.createdAt) })),
			factBase: exportSource(db, s.id),
			suggestions: db
				.select()
				.from(suggestion)
				.where(eq(suggestion.sourceId, s.id))
				.orderBy(asc(suggestion.version), asc(suggestion.position))
				.all()
				.map((x) => ({
					version: x.version,
					kind: x.kind,
					status: x.status,
					factId: x.factId,
					decidedAt: iso(x.decidedAt),
					suggested: x.body.fact
				}))
		}));

	const attempts = db
		.select({ row: attempt, setTitle: questionSet.title })
		.from(attempt)
		.innerJoin(questionSet, eq(questionSet.id, attempt.setId))
		.where(eq(attempt.userId, userId))
		.orderBy(asc(attempt.startedAt))
		.all();
	const attemptIds = attempts.map((a) => a.row.id);
	const asked = attemptIds.length
		? db
				.select()
				.from(attemptQuestion)
				.where(inArray(attemptQuestion.attemptId, attemptIds))
				.orderBy(asc(attemptQuestion.attemptId), asc(attemptQuestion.position))
				.all()
		: [];
	const answered = attemptIds.length
		? db
				.select()
				.from(answer)
				.where(inArray(answer.attemptId, attemptIds))
				.orderBy(asc(answer.attemptId), asc(answer.position))
				.all()
		: [];

	const auditRows = (column: typeof auditLog.actorId | typeof auditLog.targetId) =>
		db
			.select({ row: auditLog })
			.from(auditLog)
			.where(eq(column, userId))
			.orderBy(asc(auditLog.at), asc(auditLog.id))
			.all()
			.map(({ row }) => ({
				at: iso(row.at),
				by: row.actorName ?? 'the command line',
				action: row.action,
				account: row.targetName,
				detail: row.detail
			}));

	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		account: {
			id: account.id,
			username: account.username,
			email: account.email,
			role: account.role,
			createdAt: iso(account.createdAt),
			disabledAt: iso(account.disabledAt),
			// The password is kept only as an argon2id hash; it is left out of the file on purpose.
			password: 'not included: stored only as a one-way hash'
		},
		settings: settings
			? {
					desiredRetention: settings.desiredRetention,
					newPerDay: settings.newPerDay,
					reviewsPerDay: settings.reviewsPerDay,
					timeZone: settings.timeZone,
					dayStartHour: settings.dayStartHour,
					updatedAt: iso(settings.updatedAt)
				}
			: null,
		sessions: db
			.select()
			.from(session)
			.where(eq(session.userId, userId))
			.orderBy(asc(session.createdAt))
			.all()
			.map((s) => ({
				device: s.device,
				createdAt: iso(s.createdAt),
				lastSeenAt: iso(s.lastSeenAt),
				expiresAt: iso(s.expiresAt)
			})),
		classMemberships: db
			.select({
				classId: schoolClass.id,
				className: schoolClass.name,
				teacher: teacher.username,
				joinedAt: classMember.joinedAt
			})
			.from(classMember)
			.innerJoin(schoolClass, eq(schoolClass.id, classMember.classId))
			.innerJoin(teacher, eq(teacher.id, schoolClass.teacherId))
			.where(eq(classMember.userId, userId))
			.orderBy(asc(classMember.joinedAt))
			.all()
			.map((m) => ({ ...m, joinedAt: iso(m.joinedAt) })),
		classesTaught: db
			.select()
			.from(schoolClass)
			.where(eq(schoolClass.teacherId, userId))
			.orderBy(asc(schoolClass.createdAt))
			.all()
			.map((c) => ({
				id: c.id,
				name: c.name,
				joinCode: c.joinCode,
				createdAt: iso(c.createdAt),
				// Other people's names are theirs, not this account's: only how many.
				learners:
					db.select({ n: count() }).from(classMember).where(eq(classMember.classId, c.id)).get()
						?.n ?? 0,
				assignedSets: db
					.select({ setId: classAssignment.setId, dueOn: classAssignment.dueOn })
					.from(classAssignment)
					.where(eq(classAssignment.classId, c.id))
					.all()
			})),
		questionSets: sets.map((s) => ({
			id: s.id,
			title: s.title,
			description: s.description,
			tags: s.tags,
			status: s.status,
			origin: s.origin,
			quizSize: s.quizSize,
			createdAt: iso(s.createdAt),
			updatedAt: iso(s.updatedAt),
			questions: setQuestions
				.filter((q) => q.setId === s.id)
				.map((q) => ({ id: q.id, position: q.position, type: q.type, body: q.body }))
		})),
		sources,
		attempts: attempts.map(({ row, setTitle }) => ({
			id: row.id,
			setId: row.setId,
			setTitle,
			seed: row.seed,
			questionCount: row.questionCount,
			startedAt: iso(row.startedAt),
			finishedAt: iso(row.finishedAt),
			score: row.score,
			questions: asked
				.filter((q) => q.attemptId === row.id)
				.map((q) => {
					// A question still to answer is exported as the quiz shows it: without its key,
					// so the export is no way to look answers up mid-quiz.
					const open =
						!row.finishedAt &&
						!answered.some((a) => a.attemptId === row.id && a.position === q.position);
					return open
						? {
								position: q.position,
								questionId: q.questionId,
								unanswered: true,
								question: toPublicQuestion(
									q.body as Question,
									row.seed + q.position,
									`q${q.position + 1}`
								)
							}
						: {
								position: q.position,
								questionId: q.questionId,
								factIds: q.factIds,
								question: q.body
							};
				}),
			answers: answered
				.filter((a) => a.attemptId === row.id)
				.map((a) => ({
					position: a.position,
					response: a.response,
					correct: a.correct,
					reason: a.reason,
					partial: a.partial,
					timeMs: a.timeMs,
					answeredAt: iso(a.answeredAt)
				}))
		})),
		cardStates: db
			.select()
			.from(cardState)
			.where(eq(cardState.userId, userId))
			.orderBy(asc(cardState.cardId))
			.all()
			.map(({ userId: _, ...c }) => ({
				...c,
				due: iso(c.due),
				lastReview: iso(c.lastReview),
				buriedUntil: iso(c.buriedUntil)
			})),
		reviewLogs: db
			.select()
			.from(reviewLog)
			.where(eq(reviewLog.userId, userId))
			.orderBy(asc(reviewLog.id))
			.all()
			.map(({ userId: _, ...r }) => ({
				...r,
				due: iso(r.due),
				previousDue: iso(r.previousDue),
				reviewedAt: iso(r.reviewedAt)
			})),
		resetCodes: db
			.select({ row: resetCode, issuedBy: issuer.username })
			.from(resetCode)
			.leftJoin(issuer, eq(issuer.id, resetCode.issuedBy))
			.where(eq(resetCode.userId, userId))
			.orderBy(asc(resetCode.createdAt))
			.all()
			.map(({ row, issuedBy }) => ({
				// The code itself is not kept, only its hash, which is left out.
				issuedBy: issuedBy ?? 'the command line',
				createdAt: iso(row.createdAt),
				expiresAt: iso(row.expiresAt),
				usedAt: iso(row.usedAt)
			})),
		resetCodesIssued: db
			.select({ row: resetCode, forUser: actor.username })
			.from(resetCode)
			.innerJoin(actor, eq(actor.id, resetCode.userId))
			.where(eq(resetCode.issuedBy, userId))
			.orderBy(asc(resetCode.createdAt))
			.all()
			.map(({ row, forUser }) => ({
				for: forUser,
				createdAt: iso(row.createdAt),
				expiresAt: iso(row.expiresAt),
				usedAt: iso(row.usedAt)
			})),
		auditByYou: auditRows(auditLog.actorId),
		auditAboutYou: auditRows(auditLog.targetId),
		liveSessionsHosted: db
			.select({ row: liveSession, setTitle: questionSet.title })
			.from(liveSession)
			.innerJoin(questionSet, eq(questionSet.id, liveSession.setId))
			.where(eq(liveSession.hostId, userId))
			.orderBy(asc(liveSession.createdAt))
			.all()
			.map(({ row, setTitle }) => ({
				id: row.id,
				setTitle,
				phase: row.phase,
				questionCount: row.questionCount,
				createdAt: iso(row.createdAt),
				endedAt: iso(row.endedAt),
				// Players' names are theirs, not this account's: only how many.
				players:
					db.select({ n: count() }).from(livePlayer).where(eq(livePlayer.sessionId, row.id)).get()
						?.n ?? 0
			})),
		// The answers themselves are in `attempts` (a live session's answers are an attempt's).
		liveSessionsPlayed: db
			.select({ row: livePlayer, setTitle: questionSet.title })
			.from(livePlayer)
			.innerJoin(liveSession, eq(liveSession.id, livePlayer.sessionId))
			.innerJoin(questionSet, eq(questionSet.id, liveSession.setId))
			.where(eq(livePlayer.userId, userId))
			.orderBy(asc(livePlayer.joinedAt))
			.all()
			.map(({ row, setTitle }) => ({
				sessionId: row.sessionId,
				setTitle,
				name: row.name,
				attemptId: row.attemptId,
				joinedAt: iso(row.joinedAt),
				removedAt: iso(row.removedAt)
			}))
	};
}

export type AccountExport = NonNullable<ReturnType<typeof exportAccountData>>;

// ---------------------------------------------------------------------------------------------
// Deletion

/** What deleting the account takes with it, for the page that asks to confirm. */
export function deletionSummary(db: Conn, userId: string) {
	const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
	const me = db.select({ role: user.role }).from(user).where(eq(user.id, userId)).get();
	const otherLearnersAttempts = (setId: string) =>
		n(
			db
				.select({ n: count() })
				.from(attempt)
				.where(and(eq(attempt.setId, setId), ne(attempt.userId, userId)))
				.get()
		);
	return {
		attempts: n(db.select({ n: count() }).from(attempt).where(eq(attempt.userId, userId)).get()),
		cards: n(db.select({ n: count() }).from(cardState).where(eq(cardState.userId, userId)).get()),
		classMemberships: n(
			db.select({ n: count() }).from(classMember).where(eq(classMember.userId, userId)).get()
		),
		ownedSets: db
			.select({ id: questionSet.id, title: questionSet.title, status: questionSet.status })
			.from(questionSet)
			.where(eq(questionSet.ownerId, userId))
			.orderBy(asc(questionSet.title))
			.all()
			.map((s) => ({ ...s, othersAttempts: otherLearnersAttempts(s.id) })),
		ownedSources: db
			.select({ id: source.id, title: source.title })
			.from(source)
			.where(eq(source.ownerId, userId))
			.orderBy(asc(source.title))
			.all(),
		ownedClasses: db
			.select({ id: schoolClass.id, name: schoolClass.name, learners: count(classMember.userId) })
			.from(schoolClass)
			.leftJoin(classMember, eq(classMember.classId, schoolClass.id))
			.where(eq(schoolClass.teacherId, userId))
			.groupBy(schoolClass.id)
			.orderBy(asc(schoolClass.name))
			.all(),
		lastAdmin: me?.role === 'admin' && !otherAdminExists(db, userId)
	};
}

function otherAdminExists(db: Conn, userId: string): boolean {
	return (
		db
			.select({ id: user.id })
			.from(user)
			.where(and(eq(user.role, 'admin'), ne(user.id, userId), isNull(user.disabledAt)))
			.limit(1)
			.get() !== undefined
	);
}

export type DeleteResult =
	| { ok: true }
	| { ok: false; status: 400 | 409 | 429; field: 'password' | 'confirm' | 'form'; message: string };

export const LAST_ADMIN =
	'You are the only administrator. Make another account an administrator first, so someone can still manage accounts.';
export const CONFIRM_OWNED =
	'Tick the box to confirm that your question sets, classes and sources are deleted with your account.';

/**
 * Deletes the account after checking its password: the user row goes, and with it (by the
 * schema's cascades, in the same transaction) sessions, settings, class memberships, attempts
 * and answers, cards' memory and review logs, reset codes, and the sets, classes and sources
 * (with their texts, facts, suggestions and flashcards) the person owns, with what others did
 * in them. The audit log keeps its entries, without the link.
 */
export async function deleteAccount(
	db: Db,
	userId: string,
	password: string,
	confirmedOwned: boolean,
	client: SignInClient
): Promise<DeleteResult> {
	if (!password) {
		return {
			ok: false,
			status: 400,
			field: 'password',
			message: 'Enter your password to delete your account.'
		};
	}
	const confirmed = await confirmPassword(db, userId, password, client);
	if (!confirmed.ok) return { ...confirmed, field: 'password' };
	return db.transaction(
		(tx): DeleteResult => {
			const summary = deletionSummary(tx, userId);
			if (summary.lastAdmin) return { ok: false, status: 409, field: 'form', message: LAST_ADMIN };
			const owns =
				summary.ownedSets.length || summary.ownedClasses.length || summary.ownedSources.length;
			if (owns && !confirmedOwned) {
				return { ok: false, status: 400, field: 'confirm', message: CONFIRM_OWNED };
			}
			tx.delete(user).where(eq(user.id, userId)).run();
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

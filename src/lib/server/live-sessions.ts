// Live sessions in the database: a host creates one from a set they may use, controls it through
// the state machine of src/lib/domain/live-session.ts, and removes players; learners and guests
// join by PIN under a display name. Each change and the event that reports it are written in
// one transaction; the caller publishes the returned messages on the bus after the commit.
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	applyHostAction,
	joinRefusal,
	MAX_TIMER_SECONDS,
	MIN_TIMER_SECONDS,
	type HostAction
} from '../domain/live-session';
import { questionTypes, type QuestionType } from '../domain/question';
import { usernameKey } from './accounts';
import { generateToken } from './auth';
import { getOwnedClass } from './classes';
import type { Db } from './db';
import {
	attempt,
	attemptQuestion,
	liveEvent,
	livePlayer,
	liveQuestion,
	liveSession,
	question,
	questionSet,
	type LiveSessionRow
} from './db/schema';
import type { LiveAudience, LiveEventKind, LiveMessage } from './live-bus';
import { liveStateOf, phaseView, playerCount } from './live-views';
import { getVisibleSet } from './question-sets';
import { newSeed, questionsForAttempt } from './quiz';

export const MAX_LIVE_QUESTIONS = 50;
export const PIN_LENGTH = 6;
/** A session never ended by its host stops taking players after this long. */
export const PIN_LIFETIME_MS = 24 * 60 * 60_000;
export const MAX_NAME_LENGTH = 24;

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');

export const liveOptionsSchema = z
	.object({
		setId: z.string().min(1, 'Choose a set.'),
		count: z.coerce
			.number({ message: 'Give the number of questions.' })
			.int('Give a whole number of questions.')
			.min(1, 'Ask at least one question.')
			.max(MAX_LIVE_QUESTIONS, `Ask at most ${MAX_LIVE_QUESTIONS} questions.`),
		types: z
			.array(z.enum(questionTypes, { message: 'Choose question types from the list.' }))
			.min(1, 'Choose at least one question type.'),
		timer: checkbox,
		timerSeconds: z.coerce
			.number({ message: 'Give the timer in seconds.' })
			.int('Give the timer in whole seconds.')
			.min(MIN_TIMER_SECONDS, `The timer is at least ${MIN_TIMER_SECONDS} seconds.`)
			.max(MAX_TIMER_SECONDS, `The timer is at most ${MAX_TIMER_SECONDS} seconds.`),
		leaderboard: checkbox,
		speedBonus: checkbox,
		classId: z.string().optional().default('')
	})
	.refine((o) => o.leaderboard || !o.speedBonus, {
		message: 'The speed bonus adds to the leaderboard: turn the leaderboard on too.',
		path: ['speedBonus']
	});
export type LiveOptions = z.output<typeof liveOptionsSchema>;

/** The sets a teacher may run live: Factdeck's own, and every set of theirs with questions. */
export function usableSets(db: Db, teacherId: string) {
	const sets = db
		.select({ id: questionSet.id, title: questionSet.title, type: question.type })
		.from(questionSet)
		.innerJoin(question, eq(question.setId, questionSet.id))
		.where(
			or(
				and(isNull(questionSet.ownerId), eq(questionSet.status, 'published')),
				eq(questionSet.ownerId, teacherId)
			)
		)
		.orderBy(asc(questionSet.title))
		.all();
	const bySet = new Map<string, { id: string; title: string; types: Map<string, number> }>();
	for (const row of sets) {
		const entry = bySet.get(row.id) ?? { id: row.id, title: row.title, types: new Map() };
		entry.types.set(row.type, (entry.types.get(row.type) ?? 0) + 1);
		bySet.set(row.id, entry);
	}
	return [...bySet.values()].map((s) => ({
		id: s.id,
		title: s.title,
		questionCount: [...s.types.values()].reduce((a, b) => a + b, 0),
		types: questionTypes
			.filter((t) => s.types.has(t))
			.map((t) => ({ type: t, count: s.types.get(t)! }))
	}));
}

function uniquePin(db: Db): string {
	for (;;) {
		const pin = String(randomInt(10 ** (PIN_LENGTH - 1), 10 ** PIN_LENGTH));
		const clash = db
			.select({ id: liveSession.id })
			.from(liveSession)
			.where(eq(liveSession.pin, pin))
			.get();
		if (!clash) return pin;
	}
}

export type CreateResult = { ok: true; id: string } | { ok: false; field: string; message: string };

/** A new session in its lobby, its questions drawn from the set and fixed now. */
export function createLiveSession(
	db: Db,
	hostId: string,
	options: LiveOptions,
	now = new Date(),
	seed = newSeed()
): CreateResult {
	const set = getVisibleSet(db, options.setId, hostId);
	if (!set || (set.ownerId === null && set.status !== 'published')) {
		return { ok: false, field: 'setId', message: 'Choose one of the sets you may use.' };
	}
	if (options.classId && !getOwnedClass(db, hostId, options.classId)) {
		return { ok: false, field: 'classId', message: 'Choose one of your classes, or none.' };
	}
	const wanted = new Set<QuestionType>(options.types);
	const picked = questionsForAttempt(db, { ...set, quizSize: null }, seed)
		.filter((q) => wanted.has(q.question.type))
		.slice(0, options.count);
	if (picked.length === 0) {
		return { ok: false, field: 'types', message: 'This set has no questions of those types.' };
	}
	const id = generateToken();
	db.transaction(
		() => {
			const row = db
				.insert(liveSession)
				.values({
					id,
					hostId,
					setId: set.id,
					classId: options.classId || null,
					pin: uniquePin(db),
					questionCount: picked.length,
					timerSeconds: options.timer ? options.timerSeconds : null,
					leaderboard: options.leaderboard,
					speedBonus: options.speedBonus,
					seed,
					createdAt: now
				})
				.returning()
				.get();
			db.insert(liveQuestion)
				.values(
					picked.map((q, position) => ({
						sessionId: id,
						position,
						questionId: q.questionId,
						body: q.question,
						factIds: q.question.provenance?.factIds ?? []
					}))
				)
				.run();
			// The lobby is the first phase event, so a screen always has one to start from.
			writeEvent(db, row, 'phase', 'all', null, phaseView(db, row));
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, id };
}

/** Appends an event to the session's log, moving its sequence on; the message to publish. */
function writeEvent(
	db: Db,
	session: LiveSessionRow,
	kind: LiveEventKind,
	audience: LiveAudience,
	aboutUserId: string | null,
	data: unknown
): LiveMessage {
	const seq = session.lastSeq + 1;
	session.lastSeq = seq;
	db.update(liveSession).set({ lastSeq: seq }).where(eq(liveSession.id, session.id)).run();
	db.insert(liveEvent)
		.values({ sessionId: session.id, seq, kind, audience, aboutUserId, data })
		.run();
	return { sessionId: session.id, id: seq, kind, audience, aboutUserId, data };
}

/** The host's own session, or undefined: another teacher's session does not exist for them. */
export function hostedSession(db: Db, hostId: string, sessionId: string) {
	return db
		.select()
		.from(liveSession)
		.where(and(eq(liveSession.id, sessionId), eq(liveSession.hostId, hostId)))
		.get();
}

export type ControlResult =
	{ ok: true; messages: LiveMessage[] } | { ok: false; status: 404 | 409; message: string };

/** Runs a change to the host's own session in one write transaction; 404 for anyone else's. */
function asHost(
	db: Db,
	hostId: string,
	sessionId: string,
	change: (row: LiveSessionRow) => ControlResult
): ControlResult {
	return db.transaction(
		(): ControlResult => {
			const row = hostedSession(db, hostId, sessionId);
			if (!row) return { ok: false, status: 404, message: 'No live session of yours has that id.' };
			return change(row);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The host's action, applied if the state machine allows it in the session's phase. Opening a
 * question adds it to every player's attempt; ending finishes their attempts with the questions
 * asked, and retires the PIN.
 */
export function controlSession(
	db: Db,
	hostId: string,
	sessionId: string,
	action: HostAction,
	now = new Date()
): ControlResult {
	return asHost(db, hostId, sessionId, (row) => {
		const next = applyHostAction(liveStateOf(row), action, now.getTime());
		if (!next.ok) return { ok: false, status: 409, message: next.message };
		const s = next.state;
		const date = (ms: number | null) => (ms === null ? null : new Date(ms));
		const changes = {
			phase: s.phase,
			currentIndex: s.index,
			openedAt: date(s.openedAt),
			deadline: date(s.deadline),
			remainingMs: s.remainingMs,
			pausedAt: date(s.pausedAt),
			...(s.phase === 'ended' ? { pin: null, endedAt: now } : {})
		};
		db.update(liveSession).set(changes).where(eq(liveSession.id, sessionId)).run();
		const updated = { ...row, ...changes };
		if (s.index !== row.currentIndex) askEveryone(db, updated, s.index);
		if (s.phase === 'ended') finishAttempts(db, sessionId, s.index + 1, now);
		return {
			ok: true,
			messages: [writeEvent(db, updated, 'phase', 'all', null, phaseView(db, updated))]
		};
	});
}

/** Adds the question at `position` to the attempt of every player still in the session. */
function askEveryone(db: Db, session: LiveSessionRow, position: number) {
	const q = db
		.select()
		.from(liveQuestion)
		.where(and(eq(liveQuestion.sessionId, session.id), eq(liveQuestion.position, position)))
		.get();
	if (!q) return;
	const players = db
		.select({ attemptId: livePlayer.attemptId })
		.from(livePlayer)
		.where(and(eq(livePlayer.sessionId, session.id), isNull(livePlayer.removedAt)))
		.all();
	// In slices: SQLite caps the parameters of one statement.
	for (let i = 0; i < players.length; i += 500) {
		db.insert(attemptQuestion)
			.values(
				players.slice(i, i + 500).map((p) => ({
					attemptId: p.attemptId,
					position,
					questionId: q.questionId,
					body: q.body,
					factIds: q.factIds
				}))
			)
			.onConflictDoNothing()
			.run();
	}
}

/** Each player's attempt counts the questions that were asked, and is finished. */
function finishAttempts(db: Db, sessionId: string, asked: number, now: Date) {
	db.update(attempt)
		.set({ finishedAt: now, questionCount: asked })
		.where(and(eq(attempt.liveSessionId, sessionId), isNull(attempt.finishedAt)))
		.run();
}

/** Removes a player: their screen is told, their answers stop counting and they cannot rejoin. */
export function removePlayer(
	db: Db,
	hostId: string,
	sessionId: string,
	userId: string,
	now = new Date()
): ControlResult {
	return asHost(db, hostId, sessionId, (row) => {
		if (row.phase === 'ended')
			return { ok: false, status: 409, message: 'This session has ended.' };
		const removed = db
			.update(livePlayer)
			.set({ removedAt: now })
			.where(
				and(
					eq(livePlayer.sessionId, sessionId),
					eq(livePlayer.userId, userId),
					isNull(livePlayer.removedAt)
				)
			)
			.run();
		if (removed.changes === 0) {
			return { ok: false, status: 404, message: 'That player is not in this session.' };
		}
		const data = { userId, players: playerCount(db, sessionId) };
		return { ok: true, messages: [writeEvent(db, row, 'removed', 'host', userId, data)] };
	});
}

/** The running session a PIN opens, if any: not ended, and not older than the PIN's lifetime. */
export function sessionByPin(db: Db, pinInput: string, now = new Date()) {
	const pin = pinInput.replace(/\s/g, '');
	if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) return undefined;
	return db
		.select()
		.from(liveSession)
		.where(
			and(
				eq(liveSession.pin, pin),
				ne(liveSession.phase, 'ended'),
				gt(liveSession.createdAt, new Date(now.getTime() - PIN_LIFETIME_MS))
			)
		)
		.get();
}

export const displayNameSchema = z
	.string()
	.trim()
	.min(1, 'Choose a name to play under.')
	.max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`)
	.refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'Use letters, digits, spaces and punctuation only.');

function prepareSeat(db: Db) {
	const p = sql.placeholder;
	return db
		.select()
		.from(livePlayer)
		.where(and(eq(livePlayer.sessionId, p('sessionId')), eq(livePlayer.userId, p('userId'))))
		.prepare();
}
const seatStatements = new WeakMap<Db, ReturnType<typeof prepareSeat>>();

/** A player's seat in a session (removed or not). Every answer asks it: prepared once. */
export function livePlayerOf(db: Db, sessionId: string, userId: string) {
	let statement = seatStatements.get(db);
	if (!statement) seatStatements.set(db, (statement = prepareSeat(db)));
	return statement.get({ sessionId, userId });
}

/** Is this name free in the session (ignoring case and width)? */
export function nameIsFree(db: Db, sessionId: string, name: string): boolean {
	return !db
		.select({ userId: livePlayer.userId })
		.from(livePlayer)
		.where(and(eq(livePlayer.sessionId, sessionId), eq(livePlayer.nameKey, usernameKey(name))))
		.get();
}

export type JoinResult =
	| { ok: true; already: boolean; messages: LiveMessage[] }
	| { ok: false; status: 403 | 404 | 409; field?: 'name'; message: string };

/**
 * Seats a player: a new attempt at the set (with the questions asked so far, so a latecomer can
 * answer the open one) under a name unique in the session. Joining again finds the same seat.
 * An account plays under its username (numbered when a guest already took it).
 */
export function joinSession(
	db: Db,
	sessionId: string,
	player: { id: string; username: string | null },
	chosenName: string,
	now = new Date()
): JoinResult {
	return db.transaction(
		(): JoinResult => {
			const session = db.select().from(liveSession).where(eq(liveSession.id, sessionId)).get();
			if (!session) return { ok: false, status: 404, message: 'No live session has that id.' };
			if (session.hostId === player.id) {
				return { ok: false, status: 409, message: 'You are hosting this session.' };
			}
			const seat = livePlayerOf(db, sessionId, player.id);
			if (seat?.removedAt) {
				return { ok: false, status: 403, message: 'The host removed you from this session.' };
			}
			if (seat) return { ok: true, already: true, messages: [] };
			const refused = joinRefusal(liveStateOf(session));
			if (refused) return { ok: false, status: 409, message: refused };
			let name = player.username ?? chosenName;
			for (let n = 2; player.username && !nameIsFree(db, sessionId, name); n++) {
				name = `${player.username} ${n}`;
			}
			if (!nameIsFree(db, sessionId, name)) {
				return {
					ok: false,
					status: 409,
					field: 'name',
					message: 'Someone in this session already plays under that name. Choose another.'
				};
			}
			const attemptId = generateToken();
			db.insert(attempt)
				.values({
					id: attemptId,
					userId: player.id,
					setId: session.setId,
					seed: session.seed,
					questionCount: session.questionCount,
					startedAt: now,
					liveSessionId: sessionId
				})
				.run();
			db.insert(livePlayer)
				.values({
					sessionId,
					userId: player.id,
					attemptId,
					name,
					nameKey: usernameKey(name),
					joinedAt: now
				})
				.run();
			const asked = db
				.select()
				.from(liveQuestion)
				.where(
					and(
						eq(liveQuestion.sessionId, sessionId),
						sql`${liveQuestion.position} <= ${session.currentIndex}`
					)
				)
				.all();
			for (const q of asked) {
				db.insert(attemptQuestion)
					.values({
						attemptId,
						position: q.position,
						questionId: q.questionId,
						body: q.body,
						factIds: q.factIds
					})
					.run();
			}
			const data = { userId: player.id, name, players: playerCount(db, sessionId) };
			return {
				ok: true,
				already: false,
				messages: [writeEvent(db, session, 'joined', 'host', null, data)]
			};
		},
		{ behavior: 'immediate' }
	);
}

/** The players of a session for the host's list, in the order they joined. */
export function sessionPlayers(db: Db, sessionId: string) {
	return db
		.select({ userId: livePlayer.userId, name: livePlayer.name })
		.from(livePlayer)
		.where(and(eq(livePlayer.sessionId, sessionId), isNull(livePlayer.removedAt)))
		.orderBy(asc(livePlayer.joinedAt), asc(livePlayer.name))
		.all();
}

const listColumns = {
	id: liveSession.id,
	phase: liveSession.phase,
	createdAt: liveSession.createdAt,
	endedAt: liveSession.endedAt,
	questionCount: liveSession.questionCount,
	asked: sql<number>`${liveSession.currentIndex} + 1`,
	setTitle: questionSet.title,
	players: sql<number>`(select count(*) from ${livePlayer} where ${livePlayer.sessionId} = ${liveSession.id} and ${livePlayer.removedAt} is null)`
};

/** A host's sessions, newest first. */
export function hostedSessions(db: Db, hostId: string) {
	return db
		.select(listColumns)
		.from(liveSession)
		.innerJoin(questionSet, eq(questionSet.id, liveSession.setId))
		.where(eq(liveSession.hostId, hostId))
		.orderBy(desc(liveSession.createdAt))
		.all();
}

/** The sessions run for one of the teacher's classes, newest first. */
export function classSessions(db: Db, teacherId: string, classId: string) {
	return db
		.select(listColumns)
		.from(liveSession)
		.innerJoin(questionSet, eq(questionSet.id, liveSession.setId))
		.where(and(eq(liveSession.hostId, teacherId), eq(liveSession.classId, classId)))
		.orderBy(desc(liveSession.createdAt))
		.all();
}

// What the screens of a live session are shown, read from the database: the phase everyone sees
// (the question without its key until the reveal; then the right answer, the spread of answers,
// the evidence), each player's own results, the leaderboard, the summary, and the events a
// reconnecting screen missed.
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { describeResponse } from '../domain/describe-response';
import type { Response } from '../domain/grade-answer';
import {
	answerSpread,
	questionOutcome,
	rankPlayers,
	type QuestionOutcome,
	type Ranked,
	type SpreadRow
} from '../domain/live-scoring';
import {
	allowedActions,
	type HostAction,
	type LivePhase,
	type LiveState
} from '../domain/live-session';
import { describeAnswer, toPublicQuestion, type PublicQuestion } from '../domain/public-question';
import type { Question } from '../domain/question';
import type { Db } from './db';
import {
	answer,
	liveAnswer,
	liveEvent,
	livePlayer,
	liveQuestion,
	liveSession,
	questionSet,
	type LiveSessionRow
} from './db/schema';
import type { LiveMessage } from './live-bus';
import { canSeeSource } from './sources';

/** How many places of the leaderboard the screens show. */
export const LEADERBOARD_SIZE = 5;

export interface RevealView {
	rightAnswer: string;
	explanation: string;
	/** Linked only to a public source: every screen of the session sees the same view. */
	evidence: { quote: string; sourceId: string; factId: string; linked: boolean } | null;
	spread: SpreadRow[];
	answered: number;
	players: number;
}

/** What every screen of the session sees of the phase it is in (no answer key before the reveal). */
export interface PhaseView {
	phase: LivePhase;
	/** The question on screen, from 0; -1 in the lobby. */
	index: number;
	count: number;
	question: PublicQuestion | null;
	timer: { totalMs: number | null; deadline: number | null; remainingMs: number | null };
	reveal: RevealView | null;
	/** The top of the leaderboard after a reveal and at the end, when the session shows one. */
	leaderboard: { name: string; points: number; rank: number }[] | null;
	/** What the host may do next. */
	actions: HostAction[];
}

/** A player's own part: what they answered and, from the reveal on, how it went. */
export interface PlayerResult {
	answered: boolean;
	yourAnswer: string | null;
	correct?: boolean;
	reason?: string;
	feedback?: string;
	points?: number;
	total?: { right: number; points: number; rank: number; of: number };
}

export function liveStateOf(row: LiveSessionRow): LiveState {
	return {
		phase: row.phase,
		index: row.currentIndex,
		count: row.questionCount,
		timerMs: row.timerSeconds === null ? null : row.timerSeconds * 1000,
		openedAt: row.openedAt?.getTime() ?? null,
		deadline: row.deadline?.getTime() ?? null,
		remainingMs: row.remainingMs,
		pausedAt: row.pausedAt?.getTime() ?? null
	};
}

export function sessionQuestion(db: Db, sessionId: string, position: number): Question | undefined {
	const row = db
		.select({ body: liveQuestion.body })
		.from(liveQuestion)
		.where(and(eq(liveQuestion.sessionId, sessionId), eq(liveQuestion.position, position)))
		.get();
	return row?.body as Question | undefined;
}

/** Every player's layout of a question is the same: the session's seed fixes it. */
export function publicQuestionOf(session: LiveSessionRow, q: Question): PublicQuestion {
	return toPublicQuestion(q, session.seed + session.currentIndex, `q${session.currentIndex + 1}`);
}

/** Answers to one question by the players still in the session. */
function givenAnswers(db: Db, sessionId: string, position: number) {
	return db
		.select({ userId: livePlayer.userId, response: answer.response, correct: answer.correct })
		.from(livePlayer)
		.innerJoin(
			answer,
			and(eq(answer.attemptId, livePlayer.attemptId), eq(answer.position, position))
		)
		.where(and(eq(livePlayer.sessionId, sessionId), isNull(livePlayer.removedAt)))
		.all()
		.map((a) => ({ ...a, response: a.response as Response }));
}

export function playerCount(db: Db, sessionId: string): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(livePlayer)
			.where(and(eq(livePlayer.sessionId, sessionId), isNull(livePlayer.removedAt)))
			.get()?.n ?? 0
	);
}

export function answeredCount(db: Db, sessionId: string, position: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(liveAnswer)
			.innerJoin(livePlayer, eq(livePlayer.attemptId, liveAnswer.attemptId))
			.where(
				and(
					eq(liveAnswer.sessionId, sessionId),
					eq(liveAnswer.position, position),
					isNull(livePlayer.removedAt)
				)
			)
			.get()?.n ?? 0
	);
}

/** Points and right answers of every player still in the session, ranked. */
export function standings(db: Db, sessionId: string): Ranked[] {
	const rows = db
		.select({
			userId: livePlayer.userId,
			name: livePlayer.name,
			points: sql<number>`coalesce(sum(${liveAnswer.points}), 0)`,
			right: sql<number>`coalesce(sum(${liveAnswer.correct}), 0)`
		})
		.from(livePlayer)
		.leftJoin(liveAnswer, eq(liveAnswer.attemptId, livePlayer.attemptId))
		.where(and(eq(livePlayer.sessionId, sessionId), isNull(livePlayer.removedAt)))
		.groupBy(livePlayer.userId)
		.all();
	return rankPlayers(rows);
}

/** The phase as every screen sees it, built when it changes (and kept in the event log). */
export function phaseView(db: Db, session: LiveSessionRow): PhaseView {
	const state = liveStateOf(session);
	const q =
		session.currentIndex >= 0 ? sessionQuestion(db, session.id, session.currentIndex) : undefined;
	const showQuestion = q && session.phase !== 'lobby' && session.phase !== 'ended';
	let reveal: RevealView | null = null;
	if (q && session.phase === 'revealed') {
		const given = givenAnswers(db, session.id, session.currentIndex);
		const factId = q.provenance?.factIds[0];
		reveal = {
			rightAnswer: describeAnswer(q),
			explanation: q.explanation,
			evidence:
				q.provenance && factId
					? {
							quote: q.provenance.quote,
							sourceId: q.provenance.sourceId,
							factId,
							linked: canSeeSource(db, q.provenance.sourceId, null)
						}
					: null,
			spread: answerSpread(q, given),
			answered: given.length,
			players: playerCount(db, session.id)
		};
	}
	const showBoard =
		session.leaderboard && (session.phase === 'revealed' || session.phase === 'ended');
	return {
		phase: session.phase,
		index: session.currentIndex,
		count: session.questionCount,
		question: showQuestion ? publicQuestionOf(session, q) : null,
		timer: {
			totalMs: state.timerMs,
			deadline: state.deadline,
			remainingMs: state.remainingMs
		},
		reveal,
		leaderboard: showBoard
			? standings(db, session.id)
					.slice(0, LEADERBOARD_SIZE)
					.map(({ name, points, rank }) => ({ name, points, rank }))
			: null,
		actions: allowedActions(state)
	};
}

function playerAnswers(db: Db, sessionId: string, position: number, userId?: string) {
	return db
		.select({
			userId: livePlayer.userId,
			response: answer.response,
			correct: answer.correct,
			reason: answer.reason,
			points: liveAnswer.points
		})
		.from(livePlayer)
		.innerJoin(
			answer,
			and(eq(answer.attemptId, livePlayer.attemptId), eq(answer.position, position))
		)
		.leftJoin(
			liveAnswer,
			and(eq(liveAnswer.attemptId, answer.attemptId), eq(liveAnswer.position, position))
		)
		.where(
			and(eq(livePlayer.sessionId, sessionId), userId ? eq(livePlayer.userId, userId) : undefined)
		)
		.all();
}

/**
 * Each player's own result for the phase the session is in (keyed by user id): whether they have
 * answered the question on screen and, once it is revealed or the session has ended, whether
 * they were right, why, their points and their place. Pass a user id to read one player's only.
 */
export function playerResults(
	db: Db,
	session: LiveSessionRow,
	onlyUserId?: string
): Map<string, PlayerResult> {
	const results = new Map<string, PlayerResult>();
	const position = session.currentIndex;
	if (position < 0) return results;
	const q = sessionQuestion(db, session.id, position);
	const shown = session.phase === 'revealed' || session.phase === 'ended';
	for (const a of playerAnswers(db, session.id, position, onlyUserId)) {
		const response = a.response as Response;
		const chosen =
			q?.type === 'multiple_choice' && response.type === 'multiple_choice'
				? q.choices.find((c) => c.id === response.choiceId)?.feedback
				: undefined;
		results.set(a.userId, {
			answered: true,
			yourAnswer: q ? describeResponse(q, response) : null,
			...(shown
				? {
						correct: a.correct,
						reason: a.reason,
						points: a.points ?? 0,
						...(chosen ? { feedback: chosen } : {})
					}
				: {})
		});
	}
	if (shown) {
		const ranked = standings(db, session.id);
		for (const r of ranked) {
			if (onlyUserId && r.userId !== onlyUserId) continue;
			const own = results.get(r.userId) ?? { answered: false, yourAnswer: null };
			results.set(r.userId, {
				...own,
				total: { right: r.right, points: r.points, rank: r.rank, of: ranked.length }
			});
		}
	}
	return results;
}

/** The latest phase event's view: what a screen that has just (re)connected must show. */
export function latestPhase(
	db: Db,
	sessionId: string
): { seq: number; view: PhaseView } | undefined {
	const row = db
		.select({ seq: liveEvent.seq, data: liveEvent.data })
		.from(liveEvent)
		.where(and(eq(liveEvent.sessionId, sessionId), eq(liveEvent.kind, 'phase')))
		.orderBy(desc(liveEvent.seq))
		.limit(1)
		.get();
	return row ? { seq: row.seq, view: row.data as PhaseView } : undefined;
}

export type Viewer = { role: 'host' } | { role: 'player'; userId: string };

/**
 * The events after `after` a screen did not see, as messages to send again. Phase events are
 * whole snapshots, so only the latest is needed; roster events are the host's, all of them.
 */
export function missedEvents(
	db: Db,
	sessionId: string,
	after: number,
	viewer: Viewer
): LiveMessage[] {
	const visible =
		viewer.role === 'host'
			? undefined
			: or(eq(liveEvent.audience, 'all'), eq(liveEvent.aboutUserId, viewer.userId));
	const rows = db
		.select()
		.from(liveEvent)
		.where(and(eq(liveEvent.sessionId, sessionId), gt(liveEvent.seq, after), visible))
		.orderBy(asc(liveEvent.seq))
		.all();
	const lastPhase = rows.findLast((r) => r.kind === 'phase')?.seq;
	return rows
		.filter((r) => r.kind !== 'phase' || r.seq === lastPhase)
		.map((r) => ({
			sessionId,
			id: r.seq,
			kind: r.kind as LiveMessage['kind'],
			audience: r.audience,
			aboutUserId: r.aboutUserId,
			data: r.data
		}));
}

export interface SummaryQuestion extends QuestionOutcome {
	number: number;
	prompt: string;
	rightAnswer: string;
}

export interface LiveSummary {
	questions: SummaryQuestion[];
	players: Ranked[];
}

/** The questions asked so far, each with its outcome, and every player's score. */
export function liveSummary(db: Db, session: LiveSessionRow): LiveSummary {
	const asked = session.currentIndex + 1;
	const questions = db
		.select({ position: liveQuestion.position, body: liveQuestion.body })
		.from(liveQuestion)
		.where(and(eq(liveQuestion.sessionId, session.id), lt(liveQuestion.position, asked)))
		.orderBy(asc(liveQuestion.position))
		.all();
	const answers =
		questions.length === 0
			? []
			: db
					.select({ position: answer.position, response: answer.response, correct: answer.correct })
					.from(livePlayer)
					.innerJoin(answer, eq(answer.attemptId, livePlayer.attemptId))
					.where(
						and(
							eq(livePlayer.sessionId, session.id),
							isNull(livePlayer.removedAt),
							inArray(
								answer.position,
								questions.map((q) => q.position)
							)
						)
					)
					.all();
	return {
		questions: questions.map((row) => {
			const q = row.body as Question;
			const given = answers
				.filter((a) => a.position === row.position)
				.map((a) => ({ response: a.response as Response, correct: a.correct }));
			return {
				number: row.position + 1,
				prompt: q.prompt,
				rightAnswer: describeAnswer(q),
				...questionOutcome(q, given)
			};
		}),
		players: standings(db, session.id)
	};
}

/** The title a session's screens show: its set's. */
export function sessionTitle(db: Db, session: LiveSessionRow): string {
	return (
		db
			.select({ title: questionSet.title })
			.from(questionSet)
			.where(eq(questionSet.id, session.setId))
			.get()?.title ?? 'Live session'
	);
}

const sessionStatements = new WeakMap<Db, ReturnType<typeof prepareSessionRow>>();
function prepareSessionRow(db: Db) {
	return db
		.select()
		.from(liveSession)
		.where(eq(liveSession.id, sql.placeholder('sessionId')))
		.prepare();
}

/**
 * The session row by id alone: for code that has already checked who is asking. Every answer
 * and every stream asks it, so it is prepared once per connection.
 */
export function sessionRow(db: Db, sessionId: string): LiveSessionRow | undefined {
	let statement = sessionStatements.get(db);
	if (!statement) sessionStatements.set(db, (statement = prepareSessionRow(db)));
	return statement.get({ sessionId });
}

// A player's answer in a live session: graded and stored by the quiz's own write path (the
// batched transaction of queueAnswer: an attempt's answer, its flashcard review), with the
// session's check of phase and timer and the answer's points inside the same savepoint. The
// host's count of answers in is sent a few times a second at most, however fast answers come.
import { and, eq, sql } from 'drizzle-orm';
import { describeResponse } from '../domain/describe-response';
import type { Response } from '../domain/grade-answer';
import { pointsFor } from '../domain/live-scoring';
import { answerRefusal } from '../domain/live-session';
import type { Question } from '../domain/question';
import type { Db } from './db';
import { liveAnswer, livePlayer, liveSession, type LiveSessionRow } from './db/schema';
import { liveBus, type LiveBus } from './live-bus';
import { livePlayerOf } from './live-sessions';
import { answeredCount, liveStateOf, playerCount } from './live-views';
import { queueAnswer } from './quiz';

export type LiveAnswerResult =
	| { ok: true; duplicate: boolean; yourAnswer: string | null }
	| { ok: false; status: 400 | 403 | 404 | 409; message: string };

type Parse = (q: Question) => { ok: true; response: Response } | { ok: false; message: string };

/** The session and the player's seat, read once per answer inside its transaction. */
function prepare(db: Db) {
	const p = sql.placeholder;
	return {
		session: db
			.select()
			.from(liveSession)
			.where(eq(liveSession.id, p('sessionId')))
			.prepare(),
		removed: db
			.select({ removedAt: livePlayer.removedAt })
			.from(livePlayer)
			.where(and(eq(livePlayer.sessionId, p('sessionId')), eq(livePlayer.userId, p('userId'))))
			.prepare(),
		add: db
			.insert(liveAnswer)
			.values({
				attemptId: p('attemptId'),
				position: p('position'),
				sessionId: p('sessionId'),
				correct: p('correct'),
				points: p('points'),
				elapsedMs: p('elapsedMs')
			})
			.prepare()
	};
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function statementsFor(db: Db) {
	let s = statements.get(db);
	if (!s) statements.set(db, (s = prepare(db)));
	return s;
}

/**
 * Records a player's answer to the question at `position`, once: a repeat is acknowledged and
 * changes nothing; one after the reveal, after the timer or while paused is refused with a
 * message. The grade is not returned: a player learns it at the reveal, with everyone.
 */
export async function submitLiveAnswer(
	db: Db,
	sessionId: string,
	userId: string,
	position: number,
	parse: Parse,
	now = new Date(),
	bus: LiveBus = liveBus
): Promise<LiveAnswerResult> {
	const seat = livePlayerOf(db, sessionId, userId);
	if (!seat) return { ok: false, status: 404, message: 'You have not joined this session.' };
	const st = statementsFor(db);
	let session: LiveSessionRow | undefined;
	let yourAnswer: string | null = null;
	const result = await queueAnswer(db, userId, seat.attemptId, position, parse, now, {
		refuse: () => {
			session = st.session.get({ sessionId });
			if (!session) return { status: 409, message: 'This session has ended.' };
			if (st.removed.get({ sessionId, userId })?.removedAt) {
				return { status: 403, message: 'The host removed you from this session.' };
			}
			const refused = answerRefusal(liveStateOf(session), position, now.getTime());
			return refused ? { status: 409, message: refused } : null;
		},
		since: () => session?.openedAt ?? undefined,
		recorded: (_db, { question, response, grade }) => {
			yourAnswer = describeResponse(question, response);
			const elapsedMs = Math.max(
				0,
				now.getTime() - (session?.openedAt?.getTime() ?? now.getTime())
			);
			st.add.run({
				attemptId: seat.attemptId,
				position,
				sessionId,
				correct: grade.correct,
				points: pointsFor({
					correct: grade.correct,
					elapsedMs,
					timerMs: session?.timerSeconds ? session.timerSeconds * 1000 : null,
					speedBonus: session?.speedBonus ?? false
				}),
				elapsedMs
			});
		}
	});
	if (!result.ok) return result;
	if (!result.duplicate) scheduleCount(db, bus, sessionId, position);
	return { ok: true, duplicate: result.duplicate, yourAnswer };
}

/** How often, at most, the host's screen is sent the count of answers in. */
export const COUNT_INTERVAL_MS = 250;
const pendingCounts = new Map<string, ReturnType<typeof setTimeout>>();

function scheduleCount(db: Db, bus: LiveBus, sessionId: string, position: number) {
	if (pendingCounts.has(sessionId)) return;
	pendingCounts.set(
		sessionId,
		setTimeout(() => {
			pendingCounts.delete(sessionId);
			bus.publish(countMessage(db, sessionId, position));
		}, COUNT_INTERVAL_MS)
	);
}

/** The host's count of answers in to the question at `position`: sent fresh, never logged. */
export function countMessage(db: Db, sessionId: string, position: number) {
	return {
		sessionId,
		id: null,
		kind: 'count' as const,
		audience: 'host' as const,
		aboutUserId: null,
		data: {
			position,
			answered: answeredCount(db, sessionId, position),
			players: playerCount(db, sessionId)
		}
	};
}

// Grading a card in one transaction, undoing the latest grade, and the quiz answers that count
// as reviews.
import { and, eq } from 'drizzle-orm';
import { factCardId } from '../../domain/card-faces';
import { startOfDay, type DayClock } from '../../domain/learner-day';
import {
	defaultSettings,
	isPristine,
	quizRating,
	review,
	rollback,
	type Rating1to4,
	type ReviewOrigin
} from '../../domain/scheduling';
import type { Db } from '../db';
import { cardState, reviewLog, type CardStateRow } from '../db/schema';
import { memoryOf, memoryRow } from './memory';
import { getSettings, settingsIn } from './settings';
import { statements } from './statements';

export type GradeResult =
	| { ok: true; due: Date; becameLeech: boolean }
	| { ok: false; reason: 'suspended' | 'already-graded'; message: string };

/**
 * Records a grade in one transaction: the log row and the new memory. `expectedReps` is the
 * card's review count when it was shown: a second submission of the same grade (a double
 * click, a retry) finds it changed and records nothing.
 */
export function gradeCard(
	db: Db,
	userId: string,
	cardId: string,
	rating: Rating1to4,
	now: Date,
	timeMs: number,
	options: { expectedReps?: number; retention?: number } = {}
): GradeResult {
	const st = statements(db);
	const retention = options.retention ?? getSettings(db, userId).desiredRetention;
	return db.transaction(
		(): GradeResult => {
			const row = st.memory.get({ userId, cardId });
			if (row?.suspended) {
				return { ok: false, reason: 'suspended', message: 'This card is suspended.' };
			}
			const before = row ? memoryOf(row) : undefined;
			if (options.expectedReps !== undefined && (before?.reps ?? 0) !== options.expectedReps) {
				return { ok: false, reason: 'already-graded', message: 'This card was already graded.' };
			}
			const { memory: m, becameLeech } = writeReviewRow(
				st,
				userId,
				cardId,
				row,
				rating,
				now,
				'review',
				timeMs,
				retention
			);
			return { ok: true, due: m.due, becameLeech };
		},
		{ behavior: 'immediate' }
	);
}

/** Writes one review (log row and new memory) with the prepared statements. */
function writeReviewRow(
	st: ReturnType<typeof statements>,
	userId: string,
	cardId: string,
	row: CardStateRow | undefined,
	rating: Rating1to4,
	now: Date,
	origin: ReviewOrigin,
	timeMs: number,
	retention: number
) {
	const result = review(row ? memoryOf(row) : undefined, rating, now, retention);
	const r = result.record;
	st.insertLog.run({
		userId,
		cardId,
		rating,
		state: r.state,
		due: r.due,
		stability: r.stability,
		difficulty: r.difficulty,
		elapsedDays: r.elapsedDays,
		lastElapsedDays: r.lastElapsedDays,
		scheduledDays: r.scheduledDays,
		learningSteps: r.learningSteps,
		previousDue: r.previousDue,
		madeLeech: result.becameLeech,
		timeMs,
		reviewedAt: r.reviewedAt,
		origin
	});
	const m = result.memory;
	st.upsertState.run({
		userId,
		cardId,
		state: m.state,
		due: m.due,
		stability: m.stability,
		difficulty: m.difficulty,
		elapsedDays: m.elapsedDays,
		scheduledDays: m.scheduledDays,
		learningSteps: m.learningSteps,
		reps: m.reps,
		lapses: m.lapses,
		lastReview: m.lastReview,
		suspended: (row?.suspended ?? false) || result.becameLeech,
		leech: (row?.leech ?? false) || result.becameLeech
	});
	return { memory: m, becameLeech: result.becameLeech };
}

/**
 * A quiz answer is a review of the forward card of each fact its question tests: Good when
 * right, Hard for part marks, Again when wrong, logged with origin 'quiz'. Call it inside the answer's
 * transaction, on the same connection. Time spent stays on the answer row; the log records none.
 */
export function recordQuizReview(
	db: Db,
	userId: string,
	factIds: readonly string[],
	score: boolean | number,
	now: Date
): void {
	const st = statements(db);
	const cardIds = [...new Set(factIds)]
		.map((f) => factCardId(f))
		.filter((cardId) => st.cardExists.get({ cardId }));
	if (cardIds.length === 0) return;
	const retention = (st.settings.get({ userId }) ?? defaultSettings).desiredRetention;
	for (const cardId of cardIds) {
		const row = st.memory.get({ userId, cardId });
		writeReviewRow(st, userId, cardId, row, quizRating(score), now, 'quiz', 0, retention);
	}
}

export interface LastGrade {
	logId: number;
	cardId: string;
	rating: Rating1to4;
	reviewedAt: Date;
	/** When the card comes back. */
	due: Date;
	madeLeech: boolean;
	/** Only the latest review of a card can be undone. */
	undoable: boolean;
}

/** The learner's latest flashcard grade today (their day), for the screen and for undo. */
export function lastGrade(db: Db, userId: string, now: Date, day: DayClock): LastGrade | undefined {
	const st = statements(db);
	const log = st.lastLog.get({ userId, since: startOfDay(now, day).getTime() - 1 });
	if (!log) return undefined;
	const latest = st.latestLogOfCard.get({ cardId: log.cardId, userId });
	const row = st.memory.get({ userId, cardId: log.cardId });
	return {
		logId: log.id,
		cardId: log.cardId,
		rating: log.rating as Rating1to4,
		reviewedAt: log.reviewedAt,
		due: row?.due ?? log.reviewedAt,
		madeLeech: log.madeLeech,
		undoable: latest?.id === log.id && row !== undefined
	};
}

export type UndoResult =
	{ ok: true; cardId: string; rating: Rating1to4 } | { ok: false; message: string };

/**
 * Undoes the learner's latest grade today: ts-fsrs's rollback restores the memory before it,
 * the log row goes, and a card that became a leech by that grade is neither any more.
 */
export function undoLastGrade(db: Db, userId: string, now: Date, day: DayClock): UndoResult {
	return db.transaction(
		(tx): UndoResult => {
			const last = lastGrade(db, userId, now, day);
			if (!last) return { ok: false, message: 'There is no grade from today to undo.' };
			if (!last.undoable) {
				return {
					ok: false,
					message: 'That card has been reviewed since (in a quiz), so its grade cannot be undone.'
				};
			}
			const log = tx.select().from(reviewLog).where(eq(reviewLog.id, last.logId)).get()!;
			const row = memoryRow(tx, userId, log.cardId)!;
			const retention = settingsIn(tx, userId).desiredRetention;
			const restored = rollback(
				memoryOf(row),
				{
					rating: log.rating as Rating1to4,
					state: log.state,
					due: log.due,
					stability: log.stability,
					difficulty: log.difficulty,
					elapsedDays: log.elapsedDays,
					lastElapsedDays: log.lastElapsedDays,
					scheduledDays: log.scheduledDays,
					learningSteps: log.learningSteps,
					previousDue: log.previousDue,
					reviewedAt: log.reviewedAt
				},
				retention
			);
			const flags = {
				suspended: log.madeLeech ? false : row.suspended,
				buriedUntil: row.buriedUntil,
				leech: log.madeLeech ? false : row.leech
			};
			tx.delete(reviewLog).where(eq(reviewLog.id, log.id)).run();
			const where = and(eq(cardState.userId, userId), eq(cardState.cardId, log.cardId));
			if (isPristine(restored) && !flags.suspended && !flags.buriedUntil && !flags.leech) {
				// A card never studied has no row: it had none before this grade.
				tx.delete(cardState).where(where).run();
			} else {
				tx.update(cardState)
					.set({ ...restored, ...flags })
					.where(where)
					.run();
			}
			return { ok: true, cardId: log.cardId, rating: log.rating as Rating1to4 };
		},
		{ behavior: 'immediate' }
	);
}

// Everything a learner's progress is made of, by owner, so that a guest's progress can move to
// the account they sign in to. Each table that records progress adds its move here.
import { and, eq, exists, gt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Tx } from './db';
import { attempt, cardState, learnerSettings, livePlayer, reviewLog } from './db/schema';

export type { Tx };

export function moveProgress(tx: Tx, fromUserId: string, toUserId: string): void {
	// Answers hang off attempts, so moving the attempts moves them too.
	tx.update(attempt).set({ userId: toUserId }).where(eq(attempt.userId, fromUserId)).run();
	moveLiveSeats(tx, fromUserId, toUserId);
	moveFlashcards(tx, fromUserId, toUserId);
}

/**
 * A guest's seats in live sessions, so the summaries keep their scores. Where the account plays
 * in the same session too, the guest's seat stays behind and goes with the guest's row (its
 * attempt, with the answers, has moved to the account already).
 */
function moveLiveSeats(tx: Tx, fromUserId: string, toUserId: string): void {
	const other = alias(livePlayer, 'other');
	tx.update(livePlayer)
		.set({ userId: toUserId })
		.where(
			and(
				eq(livePlayer.userId, fromUserId),
				notExists(
					tx
						.select({ one: sql`1` })
						.from(other)
						.where(and(eq(other.userId, toUserId), eq(other.sessionId, livePlayer.sessionId)))
				)
			)
		)
		.run();
}

/**
 * Flashcard memory: where both have studied a card, the state reviewed most recently wins;
 * every review log moves, so the history is whole. Settings move unless the account has its own.
 */
function moveFlashcards(tx: Tx, fromUserId: string, toUserId: string): void {
	const other = alias(cardState, 'other');
	const lastReviewed = (t: typeof cardState | typeof other) => sql`coalesce(${t.lastReview}, 0)`;
	const otherHas = (userId: string, newer: boolean) =>
		exists(
			tx
				.select({ one: sql`1` })
				.from(other)
				.where(
					and(
						eq(other.userId, userId),
						eq(other.cardId, cardState.cardId),
						newer ? gt(lastReviewed(other), lastReviewed(cardState)) : undefined
					)
				)
		);
	tx.delete(cardState)
		.where(and(eq(cardState.userId, toUserId), otherHas(fromUserId, true)))
		.run();
	tx.delete(cardState)
		.where(and(eq(cardState.userId, fromUserId), otherHas(toUserId, false)))
		.run();
	tx.update(cardState).set({ userId: toUserId }).where(eq(cardState.userId, fromUserId)).run();
	tx.update(reviewLog).set({ userId: toUserId }).where(eq(reviewLog.userId, fromUserId)).run();
	const own = tx
		.select({ id: learnerSettings.userId })
		.from(learnerSettings)
		.where(eq(learnerSettings.userId, toUserId))
		.get();
	if (!own) {
		tx.update(learnerSettings)
			.set({ userId: toUserId })
			.where(eq(learnerSettings.userId, fromUserId))
			.run();
	}
}

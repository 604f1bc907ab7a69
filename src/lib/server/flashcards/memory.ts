// A learner's stored memory of a card (its card_state row) and what ts-fsrs needs of it.
import { and, eq } from 'drizzle-orm';
import type { Memory } from '../../domain/scheduling';
import type { Conn, Db, Tx } from '../db';
import { cardState, type CardStateRow } from '../db/schema';

export type { Conn, Tx };

export function memoryRow(db: Conn, userId: string, cardId: string): CardStateRow | undefined {
	return db
		.select()
		.from(cardState)
		.where(and(eq(cardState.userId, userId), eq(cardState.cardId, cardId)))
		.get();
}

/** A learner's state of a card, or undefined for a card they have never touched. */
export function cardStateOf(db: Db, userId: string, cardId: string): CardStateRow | undefined {
	return memoryRow(db, userId, cardId);
}

/** What ts-fsrs needs of a stored card state. */
export function memoryOf(row: CardStateRow): Memory {
	return {
		state: row.state,
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		elapsedDays: row.elapsedDays,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		lastReview: row.lastReview
	};
}

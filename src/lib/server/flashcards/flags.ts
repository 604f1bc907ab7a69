// Burying, suspending and resetting cards, and the list of leeches and suspended cards.
import { and, asc, desc, eq, or } from 'drizzle-orm';
import { startOfNextDay, type DayClock } from '../../domain/learner-day';
import { isPristine, newMemory } from '../../domain/scheduling';
import type { Db } from '../db';
import { cardState, type CardStateRow } from '../db/schema';
import { cardExists, cardFaces } from './cards';
import { memoryOf, memoryRow } from './memory';

/** Changes a card's flags, writing a row for a card never studied. */
function setFlags(
	db: Db,
	userId: string,
	cardId: string,
	now: Date,
	change: (row: Pick<CardStateRow, 'suspended' | 'buriedUntil' | 'leech'>) => Partial<CardStateRow>
): boolean {
	if (!cardExists(db, cardId)) return false;
	db.transaction(
		(tx) => {
			const row = memoryRow(tx, userId, cardId);
			const current = row ?? {
				...newMemory(now),
				suspended: false,
				buriedUntil: null,
				leech: false
			};
			const next = { ...current, ...change(current) };
			const where = and(eq(cardState.userId, userId), eq(cardState.cardId, cardId));
			const memory = row ? memoryOf(row) : newMemory(now);
			if (isPristine(memory) && !next.suspended && !next.buriedUntil && !next.leech) {
				tx.delete(cardState).where(where).run();
				return;
			}
			const values = {
				...memory,
				suspended: next.suspended ?? false,
				buriedUntil: next.buriedUntil ?? null,
				leech: next.leech ?? false
			};
			tx.insert(cardState)
				.values({ userId, cardId, ...values })
				.onConflictDoUpdate({ target: [cardState.userId, cardState.cardId], set: values })
				.run();
		},
		{ behavior: 'immediate' }
	);
	return true;
}

/** Hides a card until the start of the learner's next day. */
export function buryCard(
	db: Db,
	userId: string,
	cardId: string,
	now: Date,
	day: DayClock
): boolean {
	return setFlags(db, userId, cardId, now, () => ({ buriedUntil: startOfNextDay(now, day) }));
}

export function suspendCard(db: Db, userId: string, cardId: string, now: Date): boolean {
	return setFlags(db, userId, cardId, now, () => ({ suspended: true }));
}

/** Back into the queue; a leech keeps its mark, as in Anki. */
export function unsuspendCard(db: Db, userId: string, cardId: string, now: Date): boolean {
	return setFlags(db, userId, cardId, now, () => ({ suspended: false }));
}

/** Forgets a card: it is new again (its history stays in the logs). */
export function resetCard(db: Db, userId: string, cardId: string): boolean {
	const result = db
		.delete(cardState)
		.where(and(eq(cardState.userId, userId), eq(cardState.cardId, cardId)))
		.run();
	return result.changes > 0;
}

export interface FlaggedCard {
	cardId: string;
	prompt: string;
	lapses: number;
	reps: number;
	suspended: boolean;
	leech: boolean;
}

/** Leeches and other suspended cards, for the list where they can be unsuspended or reset. */
export function flaggedCards(db: Db, userId: string): FlaggedCard[] {
	return db
		.select({
			cardId: cardState.cardId,
			lapses: cardState.lapses,
			reps: cardState.reps,
			suspended: cardState.suspended,
			leech: cardState.leech
		})
		.from(cardState)
		.where(
			and(
				eq(cardState.userId, userId),
				or(eq(cardState.leech, true), eq(cardState.suspended, true))
			)
		)
		.orderBy(desc(cardState.lapses), asc(cardState.cardId))
		.all()
		.map((r) => ({ ...r, prompt: promptOf(db, r.cardId) }));
}

function promptOf(db: Db, cardId: string): string {
	const faces = cardFaces(db, cardId);
	if (!faces) return cardId;
	return faces.front.detail ? `${faces.front.prompt} ${faces.front.detail}` : faces.front.prompt;
}

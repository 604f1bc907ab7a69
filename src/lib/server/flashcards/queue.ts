// Each learner's queue: learning cards, then reviews due today, then new cards, within the daily
// limits, as Anki orders them; the counts a deck shows, and why a deck has nothing to show.
import { and, asc, count, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { startOfDay, startOfNextDay, type DayClock } from '../../domain/learner-day';
import {
	LEARN_AHEAD_MS,
	remainingToday,
	type DoneToday,
	type LearnerSettings
} from '../../domain/scheduling';
import type { Db } from '../db';
import { card, cardState } from '../db/schema';
import { cardInDeck, isInDeck, stateInDeck, type Deck, type DeckFilter } from './decks';
import { memoryRow } from './memory';
import { learningStates, statements } from './statements';

const notBuried = (at: number) =>
	or(isNull(cardState.buriedUntil), lte(cardState.buriedUntil, new Date(at)));

/**
 * New cards introduced and review cards reviewed today, the learner's day (flashcard reviews,
 * not quizzes).
 */
export function doneToday(db: Db, userId: string, now: Date, day: DayClock): DoneToday {
	const row = statements(db).doneToday.get({
		userId,
		since: startOfDay(now, day).getTime() - 1
	});
	return { newCards: Number(row?.newCards ?? 0), reviews: Number(row?.reviews ?? 0) };
}

export type Queue = 'learning' | 'review' | 'new';

/** A learner's unsuspended, unburied cards of a deck in a queue, due before `until`. */
function dueInQueue(
	userId: string,
	filter: DeckFilter,
	queue: 'learning' | 'review',
	until: number,
	now: number
) {
	return and(
		eq(cardState.userId, userId),
		queue === 'learning' ? inArray(cardState.state, learningStates) : eq(cardState.state, 'review'),
		queue === 'learning' ? lte(cardState.due, new Date(until)) : lt(cardState.due, new Date(until)),
		eq(cardState.suspended, false),
		notBuried(now),
		stateInDeck(filter)
	);
}

/** The first card of a queue in a deck, or undefined. */
function firstDue(
	db: Db,
	userId: string,
	filter: DeckFilter,
	queue: 'learning' | 'review',
	until: number,
	now: number
): string | undefined {
	if (filter.kind === 'all' || filter.kind === 'source') {
		const st = statements(db)[queue][filter.kind];
		const params = {
			userId,
			until,
			now,
			...(filter.kind === 'source' ? { sourceId: filter.sourceId } : {})
		};
		const first = st.get(params);
		// No card due: min() over no rows is one row of nulls.
		return first?.due == null ? undefined : first.cardId;
	}
	if (filter.kind === 'cards' && filter.cardIds.length === 0) return undefined;
	return db
		.select({ cardId: cardState.cardId })
		.from(cardState)
		.where(dueInQueue(userId, filter, queue, until, now))
		.orderBy(asc(cardState.due))
		.limit(1)
		.get()?.cardId;
}

/** New cards of a deck a learner has not studied, in deck order (up to `limit`). */
function newCards(
	db: Db,
	userId: string,
	filter: DeckFilter,
	now: number,
	limit: number
): string[] {
	if (filter.kind === 'all' || limit <= 0) return [];
	if (filter.kind === 'cards' && filter.cardIds.length === 0) return [];
	if (filter.kind === 'source' || filter.kind === 'set') {
		const deckId = filter.kind === 'source' ? filter.sourceId : filter.setId;
		return statements(db)
			.newCards[filter.kind].all({ userId, deckId, now, limit })
			.map((r) => r.id);
	}
	return db
		.select({ id: card.id })
		.from(card)
		.leftJoin(cardState, and(eq(cardState.userId, userId), eq(cardState.cardId, card.id)))
		.where(
			and(
				cardInDeck(filter),
				or(
					isNull(cardState.cardId),
					and(eq(cardState.state, 'new'), eq(cardState.suspended, false), notBuried(now))
				)
			)
		)
		.orderBy(asc(card.position), asc(card.id))
		.limit(limit)
		.all()
		.map((r) => r.id);
}

function countDue(
	db: Db,
	userId: string,
	filter: DeckFilter,
	queue: 'learning' | 'review',
	until: number,
	now: number,
	cap: number
): number {
	if (cap <= 0) return 0;
	if (filter.kind === 'cards' && filter.cardIds.length === 0) return 0;
	if (filter.kind !== 'cards') {
		const deckId =
			filter.kind === 'source' ? filter.sourceId : filter.kind === 'set' ? filter.setId : '';
		const params = { userId, until, now, cap, ...(filter.kind === 'all' ? {} : { deckId }) };
		return statements(db).count[queue][filter.kind].get(params)?.n ?? 0;
	}
	// Counting stops at the cap: the screen shows no more than the limit allows.
	const inner = db
		.select({ one: sql`1` })
		.from(cardState)
		.where(dueInQueue(userId, filter, queue, until, now))
		.limit(cap)
		.as('capped');
	return db.select({ n: count() }).from(inner).get()?.n ?? 0;
}

export interface QueueCounts {
	newCards: number;
	learning: number;
	due: number;
}

export interface QueueState {
	counts: QueueCounts;
	remaining: { newCards: number; reviews: number };
	settings: LearnerSettings;
}

const LARGE = 1_000_000;

/** The counts a deck shows: new (within today's limit), learning, and reviews due today. */
export function queueCounts(
	db: Db,
	userId: string,
	deck: Deck,
	now: Date,
	settings: LearnerSettings
): QueueState {
	const remaining = remainingToday(settings, doneToday(db, userId, now, settings));
	const t = now.getTime();
	return {
		counts: {
			newCards: deck.includesNew
				? newCards(db, userId, deck.filter, t, remaining.newCards).length
				: 0,
			learning: countDue(db, userId, deck.filter, 'learning', t + LEARN_AHEAD_MS, t, LARGE),
			due: countDue(
				db,
				userId,
				deck.filter,
				'review',
				startOfNextDay(now, settings).getTime(),
				t,
				remaining.reviews
			)
		},
		remaining,
		settings
	};
}

export interface NextCard {
	cardId: string;
	queue: Queue;
}

/**
 * The card to study next: learning cards due now, then reviews due today (within the review
 * limit), then new cards (within the new-card limit), then learning cards due within the
 * learn-ahead window, as Anki orders them.
 */
export function nextCard(
	db: Db,
	userId: string,
	deck: Pick<Deck, 'filter' | 'includesNew'>,
	now: Date,
	settings: LearnerSettings
): NextCard | undefined {
	const t = now.getTime();
	const learning = firstDue(db, userId, deck.filter, 'learning', t, t);
	if (learning) return { cardId: learning, queue: 'learning' };
	const remaining = remainingToday(settings, doneToday(db, userId, now, settings));
	if (remaining.reviews > 0) {
		const due = firstDue(
			db,
			userId,
			deck.filter,
			'review',
			startOfNextDay(now, settings).getTime(),
			t
		);
		if (due) return { cardId: due, queue: 'review' };
	}
	if (deck.includesNew && remaining.newCards > 0) {
		const [fresh] = newCards(db, userId, deck.filter, t, 1);
		if (fresh) return { cardId: fresh, queue: 'new' };
	}
	const ahead = firstDue(db, userId, deck.filter, 'learning', t + LEARN_AHEAD_MS, t);
	if (ahead) return { cardId: ahead, queue: 'learning' };
	return undefined;
}

/** Whether the queue would offer this card now (so a card named in a URL may be shown). */
export function isStudyable(
	db: Db,
	userId: string,
	deck: Deck,
	cardId: string,
	now: Date,
	settings: LearnerSettings
): Queue | undefined {
	if (!isInDeck(db, deck, cardId)) return undefined;
	const row = memoryRow(db, userId, cardId);
	const t = now.getTime();
	if (row && (row.suspended || (row.buriedUntil && row.buriedUntil.getTime() > t))) {
		return undefined;
	}
	const remaining = remainingToday(settings, doneToday(db, userId, now, settings));
	if (!row || row.state === 'new') {
		return deck.includesNew && remaining.newCards > 0 ? 'new' : undefined;
	}
	if (row.state === 'review') {
		return row.due.getTime() < startOfNextDay(now, settings).getTime() && remaining.reviews > 0
			? 'review'
			: undefined;
	}
	return row.due.getTime() <= t + LEARN_AHEAD_MS ? 'learning' : undefined;
}

/** Why a deck has nothing to show now, for the "done" screen. */
export function whyEmpty(db: Db, userId: string, deck: Deck, now: Date, state: QueueState) {
	const t = now.getTime();
	const newWaiting =
		deck.includesNew && state.remaining.newCards === 0
			? newCards(db, userId, deck.filter, t, 1).length > 0
			: false;
	const reviewsWaiting =
		state.remaining.reviews === 0
			? countDue(
					db,
					userId,
					deck.filter,
					'review',
					startOfNextDay(now, state.settings).getTime(),
					t,
					1
				) > 0
			: false;
	const laterToday = countDue(
		db,
		userId,
		deck.filter,
		'learning',
		startOfNextDay(now, state.settings).getTime(),
		t,
		LARGE
	);
	return {
		newLimitReached: newWaiting,
		reviewLimitReached: reviewsWaiting,
		learningLaterToday: laterToday
	};
}

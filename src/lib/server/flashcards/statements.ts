// The prepared statements of the flashcard hot paths (the next card, recording a grade), built
// once per database connection.
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, min, or, sql } from 'drizzle-orm';
import type { MemoryStateName } from '../../domain/scheduling';
import type { Db } from '../db';
import { card, cardState, learnerSettings, reviewLog } from '../db/schema';

export const settingsColumns = {
	desiredRetention: learnerSettings.desiredRetention,
	newPerDay: learnerSettings.newPerDay,
	reviewsPerDay: learnerSettings.reviewsPerDay,
	timeZone: learnerSettings.timeZone,
	dayStartHour: learnerSettings.dayStartHour
};

export const learningStates: MemoryStateName[] = ['learning', 'relearning'];

/** The decks whose queries are prepared: every card, a source's, a set's. */
type PreparedDeck = 'all' | 'source' | 'set';

/**
 * Prepared statements for the hot path, one set per database connection. Drizzle encodes the
 * values of an insert's placeholders (Dates, booleans) but not those compared in a where
 * clause: those take times as epoch milliseconds, as the columns store them.
 */
function buildStatements(db: Db) {
	/** The viewer's cards of these states due by 'until', neither suspended nor buried at 'now'. */
	const dueNow = (states: 'learning' | 'review') =>
		and(
			eq(cardState.userId, sql.placeholder('userId')),
			states === 'learning'
				? inArray(cardState.state, learningStates)
				: eq(cardState.state, 'review'),
			states === 'learning'
				? lte(cardState.due, sql.placeholder('until'))
				: lt(cardState.due, sql.placeholder('until')),
			eq(cardState.suspended, false),
			or(isNull(cardState.buriedUntil), lte(cardState.buriedUntil, sql.placeholder('now')))
		);
	const dueBase = (states: 'learning' | 'review', deck: 'all' | 'source') => {
		const inDeck =
			deck === 'source'
				? sql`exists (select 1 from ${card} where ${card.id} = ${cardState.cardId} and ${card.sourceId} = ${sql.placeholder('sourceId')})`
				: undefined;
		// The earliest due card through min(), whose row SQLite gives the bare column: Drizzle
		// binds "limit 1" as a parameter, and with "order by due limit ?" SQLite cannot plan the
		// learning queue's top-one sort, which made this read three times slower.
		return db
			.select({ cardId: cardState.cardId, due: min(cardState.due) })
			.from(cardState)
			.where(and(dueNow(states), inDeck))
			.prepare();
	};
	/** A card state's card in the deck named by the placeholder deckId (a source or a set). */
	const stateIn = (deck: PreparedDeck) =>
		deck === 'all'
			? undefined
			: sql`exists (select 1 from ${card} where ${card.id} = ${cardState.cardId} and ${deck === 'source' ? card.sourceId : card.setId} = ${sql.placeholder('deckId')})`;
	// Counting stops at the cap: a deck shows no more than the day's limit allows.
	const countBase = (states: 'learning' | 'review', deck: PreparedDeck) => {
		const capped = db
			.select({ one: sql`1` })
			.from(cardState)
			.where(and(dueNow(states), stateIn(deck)))
			.limit(sql.placeholder('cap'))
			.as('capped');
		return db.select({ n: count() }).from(capped).prepare();
	};
	const newBase = (deck: 'source' | 'set') =>
		db
			.select({ id: card.id })
			.from(card)
			.leftJoin(
				cardState,
				and(eq(cardState.userId, sql.placeholder('userId')), eq(cardState.cardId, card.id))
			)
			.where(
				and(
					eq(deck === 'source' ? card.sourceId : card.setId, sql.placeholder('deckId')),
					or(
						isNull(cardState.cardId),
						and(
							eq(cardState.state, 'new'),
							eq(cardState.suspended, false),
							or(isNull(cardState.buriedUntil), lte(cardState.buriedUntil, sql.placeholder('now')))
						)
					)
				)
			)
			.orderBy(asc(card.position), asc(card.id))
			.limit(sql.placeholder('limit'))
			.prepare();
	return {
		count: {
			learning: {
				all: countBase('learning', 'all'),
				source: countBase('learning', 'source'),
				set: countBase('learning', 'set')
			},
			review: {
				all: countBase('review', 'all'),
				source: countBase('review', 'source'),
				set: countBase('review', 'set')
			}
		},
		newCards: { source: newBase('source'), set: newBase('set') },
		lastLog: db
			.select()
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.userId, sql.placeholder('userId')),
					gt(reviewLog.reviewedAt, sql.placeholder('since')),
					eq(reviewLog.origin, 'review')
				)
			)
			.orderBy(desc(reviewLog.reviewedAt), desc(reviewLog.id))
			.limit(1)
			.prepare(),
		latestLogOfCard: db
			.select({ id: reviewLog.id })
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.cardId, sql.placeholder('cardId')),
					eq(reviewLog.userId, sql.placeholder('userId'))
				)
			)
			.orderBy(desc(reviewLog.id))
			.limit(1)
			.prepare(),
		settings: db
			.select(settingsColumns)
			.from(learnerSettings)
			.where(eq(learnerSettings.userId, sql.placeholder('userId')))
			.prepare(),
		doneToday: db
			.select({
				newCards: sql<number>`coalesce(sum(${reviewLog.state} = 'new'), 0)`,
				reviews: sql<number>`coalesce(sum(${reviewLog.state} = 'review'), 0)`
			})
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.userId, sql.placeholder('userId')),
					gt(reviewLog.reviewedAt, sql.placeholder('since')),
					eq(reviewLog.origin, 'review')
				)
			)
			.prepare(),
		learning: { all: dueBase('learning', 'all'), source: dueBase('learning', 'source') },
		review: { all: dueBase('review', 'all'), source: dueBase('review', 'source') },
		cardExists: db
			.select({ id: card.id })
			.from(card)
			.where(eq(card.id, sql.placeholder('cardId')))
			.prepare(),
		memory: db
			.select()
			.from(cardState)
			.where(
				and(
					eq(cardState.userId, sql.placeholder('userId')),
					eq(cardState.cardId, sql.placeholder('cardId'))
				)
			)
			.prepare(),
		insertLog: db
			.insert(reviewLog)
			.values({
				userId: sql.placeholder('userId'),
				cardId: sql.placeholder('cardId'),
				rating: sql.placeholder('rating'),
				state: sql.placeholder('state'),
				due: sql.placeholder('due'),
				stability: sql.placeholder('stability'),
				difficulty: sql.placeholder('difficulty'),
				elapsedDays: sql.placeholder('elapsedDays'),
				lastElapsedDays: sql.placeholder('lastElapsedDays'),
				scheduledDays: sql.placeholder('scheduledDays'),
				learningSteps: sql.placeholder('learningSteps'),
				previousDue: sql.placeholder('previousDue'),
				madeLeech: sql.placeholder('madeLeech'),
				timeMs: sql.placeholder('timeMs'),
				reviewedAt: sql.placeholder('reviewedAt'),
				origin: sql.placeholder('origin')
			})
			.prepare(),
		upsertState: db
			.insert(cardState)
			.values({
				userId: sql.placeholder('userId'),
				cardId: sql.placeholder('cardId'),
				state: sql.placeholder('state'),
				due: sql.placeholder('due'),
				stability: sql.placeholder('stability'),
				difficulty: sql.placeholder('difficulty'),
				elapsedDays: sql.placeholder('elapsedDays'),
				scheduledDays: sql.placeholder('scheduledDays'),
				learningSteps: sql.placeholder('learningSteps'),
				reps: sql.placeholder('reps'),
				lapses: sql.placeholder('lapses'),
				lastReview: sql.placeholder('lastReview'),
				suspended: sql.placeholder('suspended'),
				buriedUntil: null,
				leech: sql.placeholder('leech')
			})
			.onConflictDoUpdate({
				target: [cardState.userId, cardState.cardId],
				set: {
					state: sql`excluded.state`,
					due: sql`excluded.due`,
					stability: sql`excluded.stability`,
					difficulty: sql`excluded.difficulty`,
					elapsedDays: sql`excluded.elapsed_days`,
					scheduledDays: sql`excluded.scheduled_days`,
					learningSteps: sql`excluded.learning_steps`,
					reps: sql`excluded.reps`,
					lapses: sql`excluded.lapses`,
					lastReview: sql`excluded.last_review`,
					suspended: sql`excluded.suspended`,
					buriedUntil: sql`excluded.buried_until`,
					leech: sql`excluded.leech`
				}
			})
			.prepare()
	};
}

const prepared = new WeakMap<Db, ReturnType<typeof buildStatements>>();

export function statements(db: Db) {
	let s = prepared.get(db);
	if (!s) {
		s = buildStatements(db);
		prepared.set(db, s);
	}
	return s;
}

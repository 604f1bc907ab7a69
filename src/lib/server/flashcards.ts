// Flashcards in the database: cards kept in step with the facts and sets, each learner's queue
// (learning cards, then reviews due today, then new cards, within the daily limits), grading in
// one transaction, undo, bury, suspend, leeches, settings, and the quiz answers that count as
// reviews. The hot paths (the next card, recording a grade) use prepared statements.
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, min, or, sql } from 'drizzle-orm';
import { factBases } from '../content';
import {
	factCardId,
	factCards,
	questionCardFaces,
	questionCardId,
	type CardFaces,
	type FactCard
} from '../domain/card-faces';
import { deckId, type DeckRef } from '../domain/decks';
import type { FactBase } from '../domain/fact-base';
import type { Question } from '../domain/question';
import {
	defaultSettings,
	isPristine,
	LEARN_AHEAD_MS,
	newMemory,
	quizRating,
	remainingToday,
	review,
	rollback,
	startOfDay,
	startOfNextDay,
	type DoneToday,
	type LearnerSettings,
	type Memory,
	type MemoryStateName,
	type Rating1to4,
	type ReviewOrigin
} from '../domain/scheduling';
import type { Db } from './db';
import {
	answer,
	attempt,
	attemptQuestion,
	card,
	cardState,
	classAssignment,
	classMember,
	learnerSettings,
	question,
	questionSet,
	reviewLog,
	source,
	type CardStateRow
} from './db/schema';
import { getVisibleSet } from './question-sets';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Db | Tx;

// ---------------------------------------------------------------------------------------------
// Cards

const factCardsByBase = new WeakMap<FactBase, FactCard[]>();
let factCardIndex: Map<string, FactCard> | undefined;

function cardsOf(base: FactBase): FactCard[] {
	let cards = factCardsByBase.get(base);
	if (!cards) {
		cards = factCards(base);
		factCardsByBase.set(base, cards);
	}
	return cards;
}

/** A fact card of the shipped content, by id. */
function factCard(cardId: string): FactCard | undefined {
	if (!factCardIndex) {
		factCardIndex = new Map(factBases.flatMap((b) => cardsOf(b)).map((c) => [c.id, c]));
	}
	return factCardIndex.get(cardId);
}

/**
 * Makes the source's fact cards match its fact base: upserts by stable id, removes the cards
 * the faces no longer make (their states and logs go with them).
 */
export function syncFactCards(db: Db, base: FactBase): void {
	const cards = cardsOf(base);
	db.transaction((tx) => {
		for (const c of cards) {
			const row = {
				id: c.id,
				kind: 'fact' as const,
				factId: c.factId,
				questionId: null,
				direction: c.direction,
				sourceId: c.sourceId,
				setId: null,
				position: c.position
			};
			tx.insert(card)
				.values(row)
				.onConflictDoUpdate({ target: card.id, set: { position: row.position } })
				.run();
		}
		const ids = new Set(cards.map((c) => c.id));
		const stale = tx
			.select({ id: card.id })
			.from(card)
			.where(and(eq(card.sourceId, base.source.id), eq(card.kind, 'fact')))
			.all()
			.filter((r) => !ids.has(r.id))
			.map((r) => r.id);
		if (stale.length) tx.delete(card).where(inArray(card.id, stale)).run();
	});
}

/** Question cards for every question of a set, made or reordered on demand. */
export function syncSetCards(db: Conn, setId: string): void {
	const questions = db
		.select({ id: question.id, position: question.position })
		.from(question)
		// A description is text between questions: nothing to recall, so no card.
		.where(and(eq(question.setId, setId), sql`${question.type} <> 'description'`))
		.all();
	if (questions.length === 0) return;
	const existing = new Map(
		db
			.select({ id: card.id, position: card.position })
			.from(card)
			.where(eq(card.setId, setId))
			.all()
			.map((r) => [r.id, r.position])
	);
	const missing = questions.filter((q) => existing.get(questionCardId(q.id)) !== q.position);
	if (missing.length === 0) return;
	for (const q of missing) {
		const row = {
			id: questionCardId(q.id),
			kind: 'question' as const,
			factId: null,
			questionId: q.id,
			direction: 'forward' as const,
			sourceId: null,
			setId,
			position: q.position
		};
		db.insert(card)
			.values(row)
			.onConflictDoUpdate({ target: card.id, set: { position: q.position } })
			.run();
	}
}

/** What a card shows. Fact cards come from the shipped content; question cards from the set. */
export function cardFaces(db: Db, cardId: string): CardFaces | undefined {
	const fc = factCard(cardId);
	if (fc) return { front: fc.front, back: fc.back };
	if (!cardId.startsWith('question:')) return undefined;
	const row = db
		.select({ body: question.body })
		.from(card)
		.innerJoin(question, eq(question.id, card.questionId))
		.where(eq(card.id, cardId))
		.get();
	if (!row) return undefined;
	// A stable seed per card: the front shows the same order before and after the reveal.
	let seed = 0;
	for (let i = 0; i < cardId.length; i++) seed = (seed * 31 + cardId.charCodeAt(i)) | 0;
	return questionCardFaces(row.body as Question, seed);
}

export function cardExists(db: Db, cardId: string): boolean {
	return db.select({ id: card.id }).from(card).where(eq(card.id, cardId)).get() !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Settings

const settingsColumns = {
	desiredRetention: learnerSettings.desiredRetention,
	newPerDay: learnerSettings.newPerDay,
	reviewsPerDay: learnerSettings.reviewsPerDay
};

/** A learner's settings, or the defaults (a prepared statement: every grade reads them). */
export function getSettings(db: Db, userId: string): LearnerSettings {
	return statements(db).settings.get({ userId }) ?? { ...defaultSettings };
}

/** The same, inside a caller's transaction. */
function settingsIn(tx: Tx, userId: string): LearnerSettings {
	const row = tx
		.select(settingsColumns)
		.from(learnerSettings)
		.where(eq(learnerSettings.userId, userId))
		.get();
	return row ?? { ...defaultSettings };
}

export function saveSettings(
	db: Db,
	userId: string,
	settings: LearnerSettings,
	now = new Date()
): void {
	const row = { ...settings, updatedAt: now };
	db.insert(learnerSettings)
		.values({ userId, ...row })
		.onConflictDoUpdate({ target: learnerSettings.userId, set: row })
		.run();
}

// ---------------------------------------------------------------------------------------------
// Decks

/** Which cards a deck holds: a source's, a set's, a list of cards, or every card (due only). */
export type DeckFilter =
	| { kind: 'all' }
	| { kind: 'source'; sourceId: string }
	| { kind: 'set'; setId: string }
	| { kind: 'cards'; cardIds: string[] };

export interface Deck {
	id: string;
	title: string;
	description: string;
	filter: DeckFilter;
	/** "Everything due" brings in no new cards. */
	includesNew: boolean;
}

/** The deck if this learner may study it; another learner's attempt is no deck of theirs. */
export function resolveDeck(db: Db, userId: string | null, ref: DeckRef): Deck | undefined {
	const id = deckId(ref);
	switch (ref.kind) {
		case 'due':
			return {
				id,
				title: 'Everything due',
				description: 'The cards due today from all your decks. No new cards.',
				filter: { kind: 'all' },
				includesNew: false
			};
		case 'source': {
			const found = db
				.select({ id: source.id, title: source.title })
				.from(source)
				.where(eq(source.id, ref.id))
				.get();
			if (!found) return undefined;
			return {
				id,
				title: found.title,
				description: 'The facts of this article, as cards.',
				filter: { kind: 'source', sourceId: found.id },
				includesNew: true
			};
		}
		case 'set': {
			const set = getVisibleSet(db, ref.id, userId);
			if (!set || set.origin === 'generated') return undefined;
			return {
				id,
				title: set.title,
				description: 'Every question of this set, as cards.',
				filter: { kind: 'set', setId: set.id },
				includesNew: true
			};
		}
		case 'missed': {
			if (!userId) return undefined;
			const found = db
				.select({ id: attempt.id, setId: attempt.setId })
				.from(attempt)
				.where(and(eq(attempt.id, ref.id), eq(attempt.userId, userId)))
				.get();
			if (!found) return undefined;
			const set = getVisibleSet(db, found.setId, userId);
			return {
				id,
				title: `Missed in ${set?.title ?? 'your quiz'}`,
				description: 'The facts of the questions you missed in this attempt.',
				filter: { kind: 'cards', cardIds: missedCardIds(db, found.id) },
				includesNew: true
			};
		}
	}
}

/**
 * The cards behind an attempt's wrong and unanswered questions: each fact's forward card, or,
 * for a question that names no facts, the question's own card.
 */
export function missedCardIds(db: Db, attemptId: string): string[] {
	const rows = db
		.select({
			questionId: attemptQuestion.questionId,
			factIds: attemptQuestion.factIds,
			correct: answer.correct
		})
		.from(attemptQuestion)
		.leftJoin(
			answer,
			and(
				eq(answer.attemptId, attemptQuestion.attemptId),
				eq(answer.position, attemptQuestion.position)
			)
		)
		.where(eq(attemptQuestion.attemptId, attemptId))
		.orderBy(asc(attemptQuestion.position))
		.all()
		.filter((r) => r.correct !== true);
	const wanted: string[] = [];
	for (const r of rows) {
		if (r.factIds.length) wanted.push(...r.factIds.map((f) => factCardId(f)));
		else if (r.questionId) wanted.push(questionCardId(r.questionId));
	}
	if (wanted.length === 0) return [];
	const existing = new Set(
		db
			.select({ id: card.id })
			.from(card)
			.where(inArray(card.id, [...new Set(wanted)]))
			.all()
			.map((r) => r.id)
	);
	return [...new Set(wanted)].filter((id) => existing.has(id));
}

/** The decks a learner sees: everything due, each source, and the teacher sets they study. */
export function listDecks(db: Db, userId: string | null): Deck[] {
	const decks: Deck[] = [];
	const due = resolveDeck(db, userId, { kind: 'due' });
	if (due && userId) decks.push(due);
	for (const s of db
		.select({ id: source.id })
		.from(source)
		.orderBy(asc(source.publishedOn), asc(source.title))
		.all()) {
		const deck = resolveDeck(db, userId, { kind: 'source', id: s.id });
		if (deck) decks.push(deck);
	}
	if (!userId) return decks;
	// Teacher sets: their own, those assigned to their classes, and those they have taken.
	const setIds = new Set<string>();
	for (const r of db
		.select({ id: questionSet.id })
		.from(questionSet)
		.where(eq(questionSet.ownerId, userId))
		.all())
		setIds.add(r.id);
	for (const r of db
		.select({ id: classAssignment.setId })
		.from(classAssignment)
		.innerJoin(classMember, eq(classMember.classId, classAssignment.classId))
		.where(eq(classMember.userId, userId))
		.all())
		setIds.add(r.id);
	for (const r of db
		.selectDistinct({ id: attempt.setId })
		.from(attempt)
		.where(eq(attempt.userId, userId))
		.all())
		setIds.add(r.id);
	const sets = [...setIds]
		.map((id) => resolveDeck(db, userId, { kind: 'set', id }))
		.filter((d): d is Deck => d !== undefined)
		.sort((a, b) => a.title.localeCompare(b.title));
	return [...decks, ...sets];
}

// ---------------------------------------------------------------------------------------------
// The queue

const notBuried = (at: number) =>
	or(isNull(cardState.buriedUntil), lte(cardState.buriedUntil, new Date(at)));

/** Restricts card_state rows to a deck's cards (a probe per row, so the due order still leads). */
function stateInDeck(filter: DeckFilter) {
	switch (filter.kind) {
		case 'all':
			return undefined;
		case 'source':
			return sql`exists (select 1 from ${card} where ${card.id} = ${cardState.cardId} and ${card.sourceId} = ${filter.sourceId})`;
		case 'set':
			return sql`exists (select 1 from ${card} where ${card.id} = ${cardState.cardId} and ${card.setId} = ${filter.setId})`;
		case 'cards':
			return inArray(cardState.cardId, filter.cardIds);
	}
}

function cardInDeck(filter: DeckFilter) {
	switch (filter.kind) {
		case 'all':
			return undefined;
		case 'source':
			return eq(card.sourceId, filter.sourceId);
		case 'set':
			return eq(card.setId, filter.setId);
		case 'cards':
			return inArray(card.id, filter.cardIds);
	}
}

const learningStates: MemoryStateName[] = ['learning', 'relearning'];

/**
 * Prepared statements for the hot path, one set per database connection. Drizzle encodes the
 * values of an insert's placeholders (Dates, booleans) but not those compared in a where
 * clause: those take times as epoch milliseconds, as the columns store them.
 */
function buildStatements(db: Db) {
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
			.where(
				and(
					eq(cardState.userId, sql.placeholder('userId')),
					states === 'learning'
						? inArray(cardState.state, learningStates)
						: eq(cardState.state, 'review'),
					states === 'learning'
						? lte(cardState.due, sql.placeholder('until'))
						: lt(cardState.due, sql.placeholder('until')),
					eq(cardState.suspended, false),
					or(isNull(cardState.buriedUntil), lte(cardState.buriedUntil, sql.placeholder('now'))),
					inDeck
				)
			)
			.prepare();
	};
	return {
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

function statements(db: Db) {
	let s = prepared.get(db);
	if (!s) {
		s = buildStatements(db);
		prepared.set(db, s);
	}
	return s;
}

/** New cards introduced and review cards reviewed today (flashcard reviews, not quizzes). */
export function doneToday(db: Db, userId: string, now: Date): DoneToday {
	const row = statements(db).doneToday.get({
		userId,
		since: startOfDay(now).getTime() - 1
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
	settings = getSettings(db, userId)
): QueueState {
	const remaining = remainingToday(settings, doneToday(db, userId, now));
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
				startOfNextDay(now).getTime(),
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
	settings: LearnerSettings = getSettings(db, userId)
): NextCard | undefined {
	const t = now.getTime();
	const learning = firstDue(db, userId, deck.filter, 'learning', t, t);
	if (learning) return { cardId: learning, queue: 'learning' };
	const remaining = remainingToday(settings, doneToday(db, userId, now));
	if (remaining.reviews > 0) {
		const due = firstDue(db, userId, deck.filter, 'review', startOfNextDay(now).getTime(), t);
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

/** Whether a card belongs to a deck ("everything due" holds every card). */
export function isInDeck(db: Db, deck: Pick<Deck, 'filter'>, cardId: string): boolean {
	if (deck.filter.kind === 'cards') return deck.filter.cardIds.includes(cardId);
	return (
		db
			.select({ id: card.id })
			.from(card)
			.where(and(eq(card.id, cardId), cardInDeck(deck.filter)))
			.get() !== undefined
	);
}

/** Whether the queue would offer this card now (so a card named in a URL may be shown). */
export function isStudyable(
	db: Db,
	userId: string,
	deck: Deck,
	cardId: string,
	now: Date,
	settings = getSettings(db, userId)
): Queue | undefined {
	if (!isInDeck(db, deck, cardId)) return undefined;
	const row = memoryRow(db, userId, cardId);
	const t = now.getTime();
	if (row && (row.suspended || (row.buriedUntil && row.buriedUntil.getTime() > t))) {
		return undefined;
	}
	const remaining = remainingToday(settings, doneToday(db, userId, now));
	if (!row || row.state === 'new') {
		return deck.includesNew && remaining.newCards > 0 ? 'new' : undefined;
	}
	if (row.state === 'review') {
		return row.due.getTime() < startOfNextDay(now).getTime() && remaining.reviews > 0
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
			? countDue(db, userId, deck.filter, 'review', startOfNextDay(now).getTime(), t, 1) > 0
			: false;
	const laterToday = countDue(
		db,
		userId,
		deck.filter,
		'learning',
		startOfNextDay(now).getTime(),
		t,
		LARGE
	);
	return {
		newLimitReached: newWaiting,
		reviewLimitReached: reviewsWaiting,
		learningLaterToday: laterToday
	};
}

// ---------------------------------------------------------------------------------------------
// Memory rows

function memoryRow(db: Conn, userId: string, cardId: string): CardStateRow | undefined {
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

// ---------------------------------------------------------------------------------------------
// Grading

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
 * right, Again when wrong, logged with origin 'quiz'. Call it inside the answer's
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

/** The learner's latest flashcard grade today, for the screen and for undo. */
export function lastGrade(db: Db, userId: string, now: Date): LastGrade | undefined {
	const log = db
		.select()
		.from(reviewLog)
		.where(
			and(
				eq(reviewLog.userId, userId),
				gt(reviewLog.reviewedAt, new Date(startOfDay(now).getTime() - 1)),
				eq(reviewLog.origin, 'review')
			)
		)
		.orderBy(desc(reviewLog.reviewedAt), desc(reviewLog.id))
		.limit(1)
		.get();
	if (!log) return undefined;
	const latest = db
		.select({ id: reviewLog.id })
		.from(reviewLog)
		.where(and(eq(reviewLog.cardId, log.cardId), eq(reviewLog.userId, userId)))
		.orderBy(desc(reviewLog.id))
		.limit(1)
		.get();
	const row = memoryRow(db, userId, log.cardId);
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
export function undoLastGrade(db: Db, userId: string, now: Date): UndoResult {
	return db.transaction(
		(tx): UndoResult => {
			const last = lastGrade(db, userId, now);
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

// ---------------------------------------------------------------------------------------------
// Bury, suspend, leeches

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

/** Hides a card until the start of tomorrow (UTC). */
export function buryCard(db: Db, userId: string, cardId: string, now: Date): boolean {
	return setFlags(db, userId, cardId, now, () => ({ buriedUntil: startOfNextDay(now) }));
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

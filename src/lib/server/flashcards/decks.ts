// Decks: which cards a deck holds (a source's, a set's, the cards a learner missed in an
// attempt, or everything due), which decks a learner may study, and deck filters as SQL.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { factCardId, questionCardId } from '../../domain/card-faces';
import { deckId, type DeckRef } from '../../domain/decks';
import type { Db } from '../db';
import {
	answer,
	attempt,
	attemptQuestion,
	card,
	cardState,
	classAssignment,
	classMember,
	questionSet,
	source,
	answerToQuestion
} from '../db/schema';
import { getVisibleSet } from '../question-sets';
import { canSeeSource } from '../sources';

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
			// A learner's decks: an admin's own role does not put every teacher's source in them.
			if (!canSeeSource(db, ref.id, userId ? { id: userId, role: 'learner' } : null)) {
				return undefined;
			}
			const found = db
				.select({ id: source.id, title: source.title })
				.from(source)
				.where(eq(source.id, ref.id))
				.get();
			if (!found) return undefined;
			return {
				id,
				title: found.title,
				description: 'The facts of this text, as cards.',
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
		.leftJoin(answer, answerToQuestion)
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

/** Restricts card_state rows to a deck's cards (a probe per row, so the due order still leads). */
export function stateInDeck(filter: DeckFilter) {
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

export function cardInDeck(filter: DeckFilter) {
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

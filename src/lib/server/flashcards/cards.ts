// Cards kept in step with the facts and sets, and what a card shows.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { factBases } from '../../content';
import {
	factCards,
	questionCardFaces,
	questionCardId,
	type CardFaces,
	type FactCard
} from '../../domain/card-faces';
import type { FactBase } from '../../domain/fact-base';
import type { Question } from '../../domain/question';
import type { Db } from '../db';
import { card, question } from '../db/schema';
import type { Conn } from './memory';

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

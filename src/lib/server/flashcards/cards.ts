// Cards kept in step with the facts and sets, and what a card shows.
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
	factCards,
	questionCardFaces,
	questionCardId,
	type CardFaces,
	type FactCard
} from '../../domain/card-faces';
import type { Question } from '../../domain/question';
import type { Db } from '../db';
import { card, question } from '../db/schema';
import { sourceFactsIn, sourceFactsOf, type SourceFacts } from '../fact-bases';
import type { Conn } from './memory';

/**
 * A source's fact cards, made once per assembled fact base (a new revision is a new object).
 * Facts a new version of the text left unanchored keep their cards, and learners their memory
 * of them, until their teacher re-anchors or removes them.
 */
const cardsBySource = new WeakMap<SourceFacts, Map<string, FactCard>>();

function cardsOf(facts: SourceFacts): Map<string, FactCard> {
	let cards = cardsBySource.get(facts);
	if (!cards) {
		const cardList = factCards({ ...facts.base, facts: facts.all });
		cards = new Map(cardList.map((c) => [c.id, c]));
		cardsBySource.set(facts, cards);
	}
	return cards;
}

/**
 * Makes the source's fact cards match its facts: upserts by stable id, removes the cards the
 * faces no longer make (their states and logs go with them). Called in the transaction of every
 * change to a source's facts, and at start-up for the shipped ones.
 */
export function syncFactCards(db: Conn, sourceId: string): void {
	const facts = sourceFactsIn(db, sourceId);
	const cards = facts ? [...cardsOf(facts).values()] : [];
	const write = (tx: Conn) => {
		for (const c of cards) {
			const row = {
				id: c.id,
				kind: 'fact' as const,
				factId: c.factId,
				questionId: null,
				direction: c.direction,
				sourceId,
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
			.where(and(eq(card.sourceId, sourceId), eq(card.kind, 'fact')))
			.all()
			.filter((r) => !ids.has(r.id))
			.map((r) => r.id);
		if (stale.length) tx.delete(card).where(inArray(card.id, stale)).run();
	};
	if ('$client' in db && !(db as Db).$client.inTransaction) (db as Db).transaction(write);
	else write(db);
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

/** What a card shows. Fact cards come from their source's facts; question cards from the set. */
export function cardFaces(db: Db, cardId: string): CardFaces | undefined {
	if (cardId.startsWith('fact:')) {
		const row = db.select({ sourceId: card.sourceId }).from(card).where(eq(card.id, cardId)).get();
		const facts = row?.sourceId ? sourceFactsOf(db, row.sourceId) : undefined;
		const fc = facts ? cardsOf(facts).get(cardId) : undefined;
		return fc ? { front: fc.front, back: fc.back } : undefined;
	}
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

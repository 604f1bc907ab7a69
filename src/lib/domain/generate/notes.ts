// What the generator knows of each item it makes and a reader of the item cannot see: which part
// of which fact it asks for, and what a true/false statement swapped in. The bank linter checks
// every falsehood an item implies against these notes; questions themselves stay as they are.
import type { Question } from '../question';
import type { FactSlot } from '../predicates';

export interface ItemNote {
	/** The fact the item asks about (the first, for items over several). */
	factId: string;
	/** The part of the fact asked for, or swapped in a statement. */
	slot: FactSlot;
	/** A statement's swapped-in filler: an entity id, a phrase, a number or a date. */
	swap?: string;
}

const notes = new WeakMap<Question, ItemNote>();

/** Records what the generator knows of a question, and hands the question back. */
export function noted<Q extends Question>(q: Q, note: ItemNote): Q {
	notes.set(q, note);
	return q;
}

/** The note of a generated question; none for a question written or imported by a person. */
export function noteOf(q: Question): ItemNote | undefined {
	return notes.get(q);
}

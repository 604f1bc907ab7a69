// What the generator knows of each item it makes and a reader of the item cannot see: which part
// of which fact it asks for, and what a true/false statement swapped in. The bank linter checks
// every falsehood an item implies against these notes. They are kept only when asked for (a
// bank made for the linter), so the app's banks carry none.
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

export type ItemNotes = Map<Question, ItemNote>;

/** Records what the generator knows of a question, when notes are kept, and hands it back. */
export function noted<Q extends Question>(
	g: { notes?: ItemNotes | undefined },
	q: Q,
	note: ItemNote
): Q {
	g.notes?.set(q, note);
	return q;
}

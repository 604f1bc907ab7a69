// What the mention stages share: the Mention type, the votes a mention collects for its kind,
// and small word tests.
import type { EntityKind } from '../fact-base';
import type { Word } from './nlp';
import type { Doc } from './segment';

export type Votes = Partial<Record<EntityKind, number>>;

export interface Role {
	/** The title as written ("Russian President", "gas giant"). */
	text: string;
	start: number;
	end: number;
	/** The country its adjective names ("Russian" -> Russia). */
	country?: string;
}

export interface Mention {
	/** What the entity stage keys on: a name, or `bloc:western` and the like. */
	key: string;
	/** The name as written, without a possessive 's. */
	text: string;
	start: number;
	end: number;
	sentence: number;
	/** Word indexes in the sentence: [from, to). */
	from: number;
	to: number;
	possessive: boolean;
	votes: Votes;
	/** A title written before the name. */
	role?: Role;
	/** "the Chinese leader": stands for whoever holds that title, if the text says who. */
	description?: { country: string; head: string };
	/** Acts in its clause (says, sees, is worried), rather than being a place things happen in. */
	agent: boolean;
	/** Used as a place: "in Moscow", "visited Bucha", "Xi's Moscow visit". */
	locative: boolean;
}

export const lower = (w: Word | undefined) => w?.text.toLowerCase() ?? '';
export const isCapital = (w: Word | undefined) => !!w && /^\p{Lu}/u.test(w.text);
export const closed: readonly string[] = [
	'Pronoun',
	'Determiner',
	'Preposition',
	'Conjunction',
	'Adverb',
	'QuestionWord'
];
export const nameTags: readonly string[] = [
	'ProperNoun',
	'Person',
	'Place',
	'Country',
	'City',
	'Organization',
	'Acronym'
];

export function add(votes: Votes, kind: EntityKind, n: number): void {
	votes[kind] = (votes[kind] ?? 0) + n;
}

/** Whether the gap between two words is a single space (so they may share a name). */
export function joined(doc: Doc, a: Word, b: Word): boolean {
	return !a.possessive && doc.text.slice(a.end, b.start) === ' ';
}

export function blank(
	doc: Doc,
	sentence: number,
	words: readonly Word[],
	from: number,
	to: number,
	key: string
): Mention {
	const first = words[from] as Word;
	const last = words[to - 1] as Word;
	return {
		key,
		text: doc.text.slice(first.start, last.end),
		start: first.start,
		end: last.end,
		sentence,
		from,
		to,
		possessive: last.possessive,
		votes: {},
		agent: false,
		locative: false
	};
}

/** Names: runs of capitalised words, with their titles split off. */

// What each predicate lets the generator claim is false. An article is not the whole world:
// that it never says China trades with the United States does not make it false. A wrong
// option or a false statement may only come from a part of a fact the text makes exclusive
// (one date for an event, one speaker of a quotation, one title of a person at the time);
// for every other relation, a pair the text does not state is "not given", never "false".
import type { EntityKind, Fact, Predicate } from './fact-base';

/** The parts of a fact a question can ask for, or a true/false statement can swap. */
export const factSlots = ['subject', 'object', 'value', 'date', 'place'] as const;
export type FactSlot = (typeof factSlots)[number];

/** The kind of an entity of the fact base, by id. */
export type KindOf = (id: string) => EntityKind | undefined;

export interface PredicateTruth {
	/**
	 * The slots the text makes exclusive: given the rest of the fact, nothing else can fill
	 * them, so another filler is false, not merely unmentioned.
	 */
	exclusive: (f: Fact, kindOf: KindOf) => readonly FactSlot[];
	/**
	 * The relation is an occasion that could happen again (a meeting, a visit): a question
	 * asking for one of its entities must say which occasion it means.
	 */
	occasion: boolean;
	/**
	 * Whether another pair the text does not state reads as "not given": true for relations
	 * between things (trades with, member of). False where a swap would read as absurd or as
	 * contradicted after all: a title ("Putin is the Japanese Prime Minister"), a description
	 * ("Gazprom is a security alliance"), where a place lies.
	 */
	notGiven: boolean;
}

const none: readonly FactSlot[] = [];
const never = () => none;
const always =
	(...slots: FactSlot[]) =>
	() =>
		slots;

/** Words a quotation needs before it is one person's own: "dear friend" is anyone's. */
export const minQuotationWords = 4;

/**
 * Whether the fact's value is a quotation the article puts in quotation marks, long enough to
 * be one speaker's own words.
 */
export function isQuotation(f: Fact): boolean {
	if (f.value?.kind !== 'text') return false;
	const text = f.value.text;
	const quoted = ['"', '“'].some((mark) => f.quote.includes(`${mark}${text}`));
	return quoted && text.trim().split(/\s+/).length >= minQuotationWords;
}

/** One speaker of a given quotation (a short phrase like "historic" could be anyone's). */
const speakerOfQuotation = (f: Fact): readonly FactSlot[] => (isQuotation(f) ? ['subject'] : none);

/**
 * Every predicate, marked. The type makes a new predicate without a mark fail to compile, and
 * `predicates.spec.ts` checks the table at run time as well.
 */
export const predicateTruth: Record<Predicate, PredicateTruth> = {
	// People meet, visit, travel and greet again and again: never exclusive, and each asks
	// for its occasion.
	met: { exclusive: never, occasion: true, notGiven: true },
	held_talks_with: { exclusive: never, occasion: true, notGiven: true },
	visited: { exclusive: never, occasion: true, notGiven: true },
	arrived_at: { exclusive: never, occasion: true, notGiven: true },
	traveled_to: { exclusive: never, occasion: true, notGiven: true },
	greeted_by: { exclusive: never, occasion: true, notGiven: false },
	escorted: { exclusive: never, occasion: true, notGiven: false },
	invited: { exclusive: never, occasion: true, notGiven: true },
	// A quotation has one speaker; reported speech ("the Kremlin said the talks …") could be
	// anyone's report of the same thing.
	said: { exclusive: speakerOfQuotation, occasion: false, notGiven: true },
	described_as: { exclusive: speakerOfQuotation, occasion: false, notGiven: true },
	called_for: { exclusive: never, occasion: false, notGiven: true },
	praised: { exclusive: never, occasion: false, notGiven: true },
	accused_of: { exclusive: never, occasion: false, notGiven: true },
	denied: { exclusive: never, occasion: false, notGiven: true },
	// A person holds one title at the article's time; a title may be held by many ("Prime
	// Minister"), and what an organisation is called ("gas giant") is a description.
	role_of: {
		exclusive: (f, kindOf) => (kindOf(f.subject) === 'person' ? ['value'] : none),
		occasion: false,
		notGiven: false
	},
	member_of: { exclusive: never, occasion: false, notGiven: true },
	includes: { exclusive: never, occasion: false, notGiven: false },
	// One count, one duration, one date for an event.
	count_of: { exclusive: always('value'), occasion: false, notGiven: false },
	duration_of: { exclusive: always('value'), occasion: false, notGiven: false },
	happened_on: { exclusive: always('date'), occasion: false, notGiven: false },
	subject_to: { exclusive: never, occasion: false, notGiven: true },
	// An event has one host; a country hosts many events.
	hosts: { exclusive: always('subject'), occasion: true, notGiven: false },
	trades_with: { exclusive: never, occasion: false, notGiven: true },
	exports_to: { exclusive: never, occasion: false, notGiven: true },
	seeks: { exclusive: never, occasion: false, notGiven: true },
	sees_as: { exclusive: never, occasion: false, notGiven: true },
	welcomed: { exclusive: never, occasion: false, notGiven: true },
	worried_about: { exclusive: never, occasion: false, notGiven: true },
	is_a: { exclusive: never, occasion: false, notGiven: false },
	// A place lies in a city, a region and a country at once.
	located_in: { exclusive: never, occasion: false, notGiven: false },
	// A relation in the teacher's words: whether "founded" or "visited", nothing says it happens
	// once, so nothing about it is exclusive; a swap is only "not given".
	relation: { exclusive: never, occasion: false, notGiven: true }
};

/** Whether another filler of this slot of the fact would be false (not just unmentioned). */
export function isExclusive(f: Fact, slot: FactSlot, kindOf: KindOf): boolean {
	return predicateTruth[f.predicate].exclusive(f, kindOf).includes(slot);
}

/** Whether a swapped pair of this predicate the text does not state is "not given". */
export function swapsToNotGiven(predicate: Predicate): boolean {
	return predicateTruth[predicate].notGiven;
}

/** Whether questions asking for an entity of this fact must name the occasion. */
export function isOccasion(predicate: Predicate): boolean {
	return predicateTruth[predicate].occasion;
}

// What every question builder shares: the generator's state, where a question comes from and
// what it shows after answering, per-question randomness, and the pieces templates write with.
import type { Entity, EntityKind, Fact, FactBase } from '../fact-base';
import type { FactSlot, KindOf } from '../predicates';
import type { ItemNotes } from './notes';
import type { Provenance, Question } from '../question';
import { createRandom, type Random } from '../random';
import { agree, kindNoun, mention, placePhrase, whWord } from './english';
import { FactIndex, type Slot } from './fact-index';
import type { ContextMode, Parts } from './templates';
import { dateAdverb, hash32, key, leaksKey, unique, wordCount } from './text';

export interface Gen {
	ix: FactIndex;
	seed: number;
	sourceId: string;
	/** YYYY-MM-DD: what "last week" and "on Tuesday" in a prompt are resolved against. */
	publishedOn: string;
	/** An entity's kind, for the predicates' exclusivity rules. */
	kindOf: KindOf;
	/** hash32(`${seed}:`), which every question's randomness continues from. */
	seedHash?: number;
	/** The fact last asked about, and what its questions share. */
	lastFact?: { fact: Fact; sourced: Sourced };
	/** Where the bank's item notes go, when a linter asked for them. */
	notes?: ItemNotes | undefined;
	/** Entity names by word, per kind, for distinctMention: built on first use. */
	formIndexes?: Map<EntityKind, FormIndex>;
}

const minorWords = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'at', 'to', 'for', 'and', 's']);

function contentWords(text: string): string[] {
	return key(text)
		.split(' ')
		.filter((w) => w !== '' && !minorWords.has(w));
}

/** The names and aliases of one kind's entities, by each content word they hold. */
interface FormIndex {
	byWord: Map<string, { id: string; words: readonly string[] }[]>;
}

function formIndex(g: Gen, kind: EntityKind): FormIndex {
	g.formIndexes ??= new Map();
	let index = g.formIndexes.get(kind);
	if (index === undefined) {
		index = { byWord: new Map() };
		for (const n of g.ix.kindPool(kind)) {
			for (const form of [n.entity.name, ...n.entity.aliases]) {
				const words = contentWords(form);
				for (const w of new Set(words)) {
					const list = index.byWord.get(w);
					if (list) list.push({ id: n.id, words });
					else index.byWord.set(w, [{ id: n.id, words }]);
				}
			}
		}
		g.formIndexes.set(kind, index);
	}
	return index;
}

/**
 * A name for the entity that avoids the given phrases (see mention) and still tells it apart
 * from every other entity of its kind: "the Xi-Putin talks" is no name for Monday's talks when
 * the "Xi-Putin formal talks at the Kremlin" were on Tuesday. Undefined when there is none.
 */
export function distinctMention(g: Gen, e: Entity, avoid: readonly string[]): string | undefined {
	const { byWord } = formIndex(g, e.kind);
	// Another entity with a form holding all the words: looked up by the rarest word.
	const ambiguous = (form: string) => {
		const words = contentWords(form);
		let rarest: { id: string; words: readonly string[] }[] | undefined;
		for (const w of words) {
			const list = byWord.get(w) ?? [];
			if (rarest === undefined || list.length < rarest.length) rarest = list;
		}
		return (rarest ?? []).some((o) => o.id !== e.id && words.every((w) => o.words.includes(w)));
	};
	const first = mention(e, avoid);
	if (first !== undefined && !ambiguous(first)) return first;
	for (const alias of e.aliases) {
		const named = mention({ ...e, name: alias, aliases: [] }, avoid);
		if (named !== undefined && !ambiguous(named)) return named;
	}
	return undefined;
}

/** The generator's state for one bank of a fact base. */
export function newGen(base: FactBase, seed: number): Gen {
	const ix = new FactIndex(base);
	return {
		ix,
		seed,
		sourceId: base.source.id,
		publishedOn: base.source.publishedOn,
		kindOf: (id) => ix.node(id)?.kind
	};
}

/** What a question shows after answering, and where it comes from. */
export interface Sourced {
	explanation: string;
	provenance: Provenance;
}

/**
 * A claim a template can state about a fact: true as given, or with another filler swapped into
 * one slot. The swapped claim is false only where the text makes the slot exclusive; otherwise
 * the text merely does not say it, and it is asked as True / False / Not given.
 */
export interface Claim {
	templateId: string;
	fact: Fact;
	/** The slot a swap changes. */
	slot: FactSlot;
	/** The claim as given: written only when the fact's true/false question asks it. */
	trueText: () => string;
	/** A version with a swapped-in filler the base does not hold, and that filler. */
	swapped?: (random: Random) => { text: string; swap: string } | undefined;
	/** What the swapped claim is: false (an exclusive slot) or not given. */
	verdict: 'false' | 'not_given';
}

export interface Drafts {
	questions: Question[];
	claims: Claim[];
	/** Entities some question already asks for, so a cloze need not blank them again. */
	asked: string[];
}

/** explain() and provenanceOf() of one fact, built once for all the questions it gives. */
export function sourced(g: Gen, fact: Fact): Sourced {
	if (g.lastFact?.fact !== fact) {
		g.lastFact = {
			fact,
			sourced: { explanation: explain([fact]), provenance: provenanceOf(g, [fact]) }
		};
	}
	return g.lastFact.sourced;
}

/** Randomness for one question: from the seed and the question's id, not from the order. */
export function randomFor(g: Gen, id: string): Random {
	g.seedHash ??= hash32(`${g.seed}:`);
	return createRandom(hash32(id, g.seedHash));
}

export function provenanceOf(g: Gen, facts: readonly Fact[]): Provenance {
	const only = facts.length === 1 ? facts[0] : undefined;
	return {
		sourceId: g.sourceId,
		factIds: facts.map((f) => f.id),
		quote: only ? only.quote : unique(facts.map((f) => f.quote)).join(' … ')
	};
}

/** The statements, then the article's own words: shown after answering. */
export function explain(facts: readonly Fact[], lead = ''): string {
	const only = facts.length === 1 ? facts[0] : undefined;
	const statements = only ? only.statement : unique(facts.map((f) => f.statement)).join(' ');
	const quotes = only ? only.quote : unique(facts.map((f) => f.quote)).join(' … ');
	return `${lead}${statements} The article: “${quotes}”`;
}

export function other(slot: Slot): Slot {
	return slot === 'subject' ? 'object' : 'subject';
}

/** Whether a learner can type the entity: some name or alias of a few words. */
export function typeable(e: Entity): boolean {
	let can = typeableCache.get(e);
	if (can === undefined) {
		can = [e.name, ...e.aliases].some((form) => wordCount(form) <= 4 && form.length <= 32);
		typeableCache.set(e, can);
	}
	return can;
}

const typeableCache = new WeakMap<Entity, boolean>();

/** The date wording or the place the prompt will carry, and how they narrow the answers. */
export function contextFor(
	g: Gen,
	mode: ContextMode | undefined,
	f: Fact,
	hole: Slot,
	avoid: readonly string[]
): { text: string; date?: string; place?: string } {
	if ((mode === 'date' || mode === 'date-or-place') && f.date) {
		const when = dateContext(f.date.wording);
		// "on the second day of his visit" refers to the subject: only when the subject is named.
		if (!(when.pronoun && hole === 'subject') && !leaksKey(when.key, avoid)) {
			return { text: when.text, date: f.date.date };
		}
	}
	if ((mode === 'place' || mode === 'date-or-place') && f.place !== undefined) {
		const place = g.ix.node(f.place);
		const written = place && mention(place.entity, avoid, place.nameKey);
		if (written !== undefined) return { text: ` ${placePhrase(written)}`, place: f.place };
	}
	return { text: '' };
}

/** A date wording as a prompt writes it (" on Tuesday"), its key, and whether it has a pronoun. */
function dateContext(wording: string): { text: string; key: string; pronoun: boolean } {
	let known = dateContexts.get(wording);
	if (known === undefined) {
		const text = ` ${dateAdverb(wording)}`;
		known = { text, key: key(text), pronoun: /\b(his|her|its|their)\b/i.test(wording) };
		if (dateContexts.size >= 10_000) dateContexts.clear();
		dateContexts.set(wording, known);
	}
	return known;
}

/** Wordings recur ("on Tuesday"): each is written and keyed once. */
const dateContexts = new Map<string, { text: string; key: string; pronoun: boolean }>();

/** The pieces a template writes with: nouns and question word for the hole, verbs for S. */
export function parts(
	S: string,
	O: string,
	V: string,
	ctx: string,
	hole: Entity | undefined,
	subject: Entity | undefined
): Parts {
	const noun = hole ? kindNoun(hole.kind) : thing;
	const verbs = agree(subject);
	return {
		S,
		O,
		V,
		ctx,
		wh: hole ? whWord(hole) : 'What',
		one: noun.one,
		many: noun.many,
		is: verbs.is,
		has: verbs.has,
		was: verbs.was,
		s: verbs.s
	};
}

const thing = { one: 'thing', many: 'things' };

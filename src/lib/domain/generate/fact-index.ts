// Indexes a fact base once so the generator can ask "who else …?" by map lookups: uniqueness
// checks and "is this distractor true as well?" checks must not scan every fact per question.
import {
	entityKinds,
	predicates,
	type Entity,
	type EntityKind,
	type Fact,
	type FactBase,
	type Predicate
} from '../fact-base';
import { isPlural } from './english';
import { hasPhrase, key, slugOfKey, wordCount } from './text';

export type Slot = 'subject' | 'object';

/** A claim with one entity slot left open: "who did Xi meet on Tuesday?" */
export interface Ask {
	predicate: Predicate;
	hole: Slot;
	/** The entity in the other slot, when the question names one. */
	known?: string | undefined;
	/** Key of the value text the question names; a fact matches when its value holds it. */
	value?: string | undefined;
	/** The exact date (YYYY[-MM[-DD]]) or place id the question names. */
	date?: string | undefined;
	place?: string | undefined;
}

/** A met B means B met A; these are indexed both ways. */
export const symmetricPredicates: ReadonlySet<Predicate> = new Set<Predicate>([
	'met',
	'held_talks_with',
	'trades_with'
]);

/**
 * Facts of these predicates also answer a question asked with the key predicate: holding talks
 * with someone is meeting them. Used for uniqueness, so a unique answer is really unique.
 */
const impliedBy: Partial<Record<Predicate, readonly Predicate[]>> = {
	met: ['held_talks_with'],
	visited: ['traveled_to', 'arrived_at'],
	traveled_to: ['visited']
};

/** The predicates whose facts answer a question asked with each predicate. */
const askedAs = Object.fromEntries(
	predicates.map((p): [Predicate, Predicate[]] => [p, [p, ...(impliedBy[p] ?? [])]])
) as unknown as Record<Predicate, readonly Predicate[]>;

interface Family {
	predicates: readonly Predicate[];
	/** Whether a fact in either direction makes the claim arguable (a meeting has two sides). */
	bothWays: boolean;
}

const meeting: Family = {
	predicates: ['met', 'held_talks_with', 'greeted_by', 'escorted'],
	bothWays: true
};
const travel: Family = { predicates: ['visited', 'traveled_to', 'arrived_at'], bothWays: false };
const trade: Family = { predicates: ['trades_with', 'exports_to'], bothWays: true };
const speech: Family = { predicates: ['said', 'called_for', 'described_as'], bothWays: false };
const aims: Family = { predicates: ['seeks', 'called_for', 'welcomed'], bothWays: false };
const titles: Family = { predicates: ['role_of', 'is_a'], bothWays: false };

/**
 * Predicates close enough that a distractor true under any of them could be argued right
 * ("Who did Xi meet?" must not offer someone he held talks with). Used to screen distractors,
 * where being too strict costs a weaker question and being too lax a wrong one.
 */
const relatedTo: Partial<Record<Predicate, Family>> = {
	met: meeting,
	held_talks_with: meeting,
	greeted_by: meeting,
	escorted: meeting,
	visited: travel,
	traveled_to: travel,
	arrived_at: travel,
	trades_with: trade,
	exports_to: trade,
	said: speech,
	called_for: aims,
	seeks: aims,
	welcomed: aims,
	role_of: titles,
	is_a: titles
};

/** The predicates whose facts could make a claim of this predicate arguable as well. */
export function relatedPredicates(predicate: Predicate): readonly Predicate[] {
	return relatedTo[predicate]?.predicates ?? [predicate];
}

/** A text value as the pools hold it: the phrase, its key and its length in words. */
export interface Phrase {
	readonly text: string;
	readonly key: string;
	readonly words: number;
	/** slugOfKey(key), written on first use (a pool's phrases recur in many questions). */
	slug?: string;
}

/** A phrase of a text and its key. */
export function phrase(text: string, textKey: string): Phrase {
	return { text, key: textKey, words: wordCount(text) };
}

/** A phrase's slug, for choice ids: worked out once per phrase. */
export function slugOf(p: Phrase): string {
	return (p.slug ??= slugOfKey(p.key));
}

/** Value phrases of up to this many words are indexed, so "which values hold X?" is a lookup. */
const maxGram = 3;

/** Lists of facts by predicate, then by a second key: nested, so a lookup builds no string. */
class Table {
	private readonly byPredicate = Object.fromEntries(
		predicates.map((p) => [p, new Map<string, Fact[]>()])
	) as Record<Predicate, Map<string, Fact[]>>;

	add(p: Predicate, k: string, f: Fact): void {
		const inner = this.byPredicate[p];
		const list = inner.get(k);
		if (list) {
			// A phrase twice in one value is one entry.
			if (list[list.length - 1] !== f) list.push(f);
		} else inner.set(k, [f]);
	}

	get(p: Predicate, k: string): readonly Fact[] {
		return this.byPredicate[p].get(k) ?? none;
	}
}

const none: readonly Fact[] = [];
const noKeys: readonly string[] = [];
const noNodes: readonly EntityNode[] = [];

/** A predicate's place in `predicates`: per-entity fact lists are arrays indexed by it. */
const predicateIndex = new Map<Predicate, number>(predicates.map((p, i) => [p, i]));

function indexOf(p: Predicate): number {
	return predicateIndex.get(p) ?? -1;
}

/**
 * What the index holds about one entity, gathered once, so the generator's inner loops
 * (screening distractors) follow references instead of looking ids up.
 */
export interface EntityNode {
	readonly entity: Entity;
	readonly id: string;
	readonly kind: EntityKind;
	/** Keys of its name and aliases. */
	readonly keys: readonly string[];
	/** The key of its name alone. */
	readonly nameKey: string;
	readonly nameLength: number;
	readonly nameWords: number;
	/** Whether its name reads as plural (see isPlural). */
	readonly plural: boolean;
	/** Other entities with a name or alias of the same key (only in a careless base). */
	readonly namesakes: readonly EntityNode[];
	/** Facts with the entity as subject, and as object, by predicate index. */
	readonly asSubject: readonly (readonly Fact[] | undefined)[];
	readonly asObject: readonly (readonly Fact[] | undefined)[];
	/** Places lying in it, per located_in. */
	readonly children: readonly EntityNode[];
}

interface MutableNode extends EntityNode {
	namesakes: EntityNode[];
	asSubject: Fact[][];
	asObject: Fact[][];
	children: EntityNode[];
}

/** possibleAnswers() of one ask, kept under its known entity. */
interface PossibleEntry {
	predicate: Predicate;
	hole: Slot;
	value: string | undefined;
	answers: ReadonlySet<string>;
}

function addAt(lists: Fact[][], at: number, f: Fact): void {
	const list = lists[at];
	if (list) list.push(f);
	else lists[at] = [f];
}

export class FactIndex {
	readonly base: FactBase;
	readonly facts: readonly Fact[];
	private readonly nodeById = new Map<string, MutableNode>();
	private readonly ownersByFormKey = new Map<string, string[]>();
	/** Built on first use: the generator itself never looks a fact up by id. */
	private factById: Map<string, Fact> | undefined;
	private readonly byPredicate = new Map<Predicate, Fact[]>();
	private readonly valueKeyByFact = new Map<Fact, string>();
	/** Values, and runs of their words, per predicate: built on a predicate's first value search. */
	private readonly byExactValue = new Table();
	private readonly byValueGram = new Table();
	private readonly gramsBuilt = new Set<Predicate>();
	private readonly byKind = new Map<EntityKind, EntityNode[]>();
	private readonly bySlot = Object.fromEntries(
		predicates.map((p) => [p, { subject: [] as EntityNode[], object: [] as EntityNode[] }])
	) as Record<Predicate, Record<Slot, EntityNode[]>>;
	private readonly parentsById = new Map<string, string[]>();
	private readonly valuePools = new Map<number, Phrase[]>();
	private readonly tiersByKey = new Map<number, (readonly EntityNode[])[]>();
	private readonly possibleByKnown = new Map<string, PossibleEntry[]>();

	constructor(base: FactBase) {
		this.base = base;
		this.facts = base.facts;
		for (const e of base.entities) {
			const nameKey = key(e.name);
			const keys = [...new Set([nameKey, ...e.aliases.map(key)].filter((k) => k !== ''))];
			const node: MutableNode = {
				entity: e,
				id: e.id,
				kind: e.kind,
				keys,
				nameKey,
				nameLength: e.name.length,
				nameWords: wordCount(e.name),
				plural: isPlural(e),
				namesakes: [],
				asSubject: [],
				asObject: [],
				children: []
			};
			this.nodeById.set(e.id, node);
			for (const k of keys) push(this.ownersByFormKey, k, e.id);
			push(this.byKind, e.kind, node);
		}
		for (const owners of this.ownersByFormKey.values()) {
			if (owners.length < 2) continue;
			for (const id of owners) {
				const node = this.nodeById.get(id) as MutableNode;
				for (const other of owners) {
					const namesake = this.nodeById.get(other) as MutableNode;
					if (other !== id && !node.namesakes.includes(namesake)) node.namesakes.push(namesake);
				}
			}
		}
		const slotMembers = Object.fromEntries(
			predicates.map((p) => [p, { subject: new Set<EntityNode>(), object: new Set<EntityNode>() }])
		) as Record<Predicate, Record<Slot, Set<EntityNode>>>;
		for (const f of base.facts) {
			push(this.byPredicate, f.predicate, f);
			const at = indexOf(f.predicate);
			const subject = this.nodeById.get(f.subject);
			const object = f.object === undefined ? undefined : this.nodeById.get(f.object);
			const members = slotMembers[f.predicate];
			if (subject) {
				addAt(subject.asSubject, at, f);
				members.subject.add(subject);
			}
			if (object) {
				addAt(object.asObject, at, f);
				members.object.add(object);
			}
			if (f.object !== undefined && symmetricPredicates.has(f.predicate)) {
				if (object) members.subject.add(object);
				if (subject) members.object.add(subject);
			}
			if (f.predicate === 'located_in' && f.object !== undefined) {
				push(this.parentsById, f.subject, f.object);
				if (subject && object) object.children.push(subject);
			}
			if (f.value?.kind === 'text') {
				const k = key(f.value.text);
				this.valueKeyByFact.set(f, k);
			}
		}
		const byLength = (a: EntityNode, b: EntityNode) =>
			a.nameLength - b.nameLength || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		for (const list of this.byKind.values()) list.sort(byLength);
		for (const p of predicates) {
			for (const slot of ['subject', 'object'] as const) {
				this.bySlot[p][slot] = [...slotMembers[p][slot]].sort(byLength);
			}
		}
	}

	/**
	 * The pools distractors come from, nearest first: entities in the same slot of the
	 * predicate, then of related predicates (other places visited), then, unless `samePoolOnly`,
	 * any entity of the kind. Built once per combination.
	 */
	distractorPools(
		predicate: Predicate,
		hole: Slot,
		kind: EntityKind,
		samePoolOnly: boolean
	): readonly (readonly EntityNode[])[] {
		const poolKey =
			((indexOf(predicate) * 2 + (hole === 'subject' ? 0 : 1)) * entityKinds.length +
				entityKinds.indexOf(kind)) *
				2 +
			(samePoolOnly ? 1 : 0);
		let tiers = this.tiersByKey.get(poolKey);
		if (tiers === undefined) {
			tiers = [this.slotPool(predicate, hole)];
			for (const p of relatedPredicates(predicate)) tiers.push(this.slotPool(p, hole));
			if (!samePoolOnly) tiers.push(this.kindPool(kind));
			this.tiersByKey.set(poolKey, tiers);
		}
		return tiers;
	}

	entity(id: string | undefined): Entity | undefined {
		return id === undefined ? undefined : this.nodeById.get(id)?.entity;
	}

	node(id: string | undefined): EntityNode | undefined {
		return id === undefined ? undefined : this.nodeById.get(id);
	}

	fact(id: string): Fact | undefined {
		this.factById ??= new Map(this.facts.map((f) => [f.id, f]));
		return this.factById.get(id);
	}

	/** Keys of an entity's name and aliases. */
	formKeys(id: string): readonly string[] {
		return this.nodeById.get(id)?.keys ?? noKeys;
	}

	/** The entities whose name or alias has this key (more than one only in a careless base). */
	ownersOf(formKey: string): readonly string[] {
		return this.ownersByFormKey.get(formKey) ?? noKeys;
	}

	/** Whether the (already keyed) text names the entity by any of its forms. */
	mentions(textKey: string, id: string): boolean {
		return this.formKeys(id).some((k) => hasPhrase(textKey, k));
	}

	valueKey(f: Fact): string | undefined {
		return this.valueKeyByFact.get(f);
	}

	factsOf(predicate: Predicate): readonly Fact[] {
		return this.byPredicate.get(predicate) ?? none;
	}

	factsAbout(predicate: Predicate, subject: string): readonly Fact[] {
		return this.nodeById.get(subject)?.asSubject[indexOf(predicate)] ?? none;
	}

	factsAboutObject(predicate: Predicate, object: string): readonly Fact[] {
		return this.nodeById.get(object)?.asObject[indexOf(predicate)] ?? none;
	}

	/** Entities of a kind, shortest name first. */
	kindPool(kind: EntityKind): readonly EntityNode[] {
		return this.byKind.get(kind) ?? noNodes;
	}

	/** Entities that fill a slot of a predicate anywhere in the base, shortest name first. */
	slotPool(predicate: Predicate, slot: Slot): readonly EntityNode[] {
		return this.bySlot[predicate][slot];
	}

	/**
	 * The distinct text values of a predicate (of facts whose subject is of `kind`, when given),
	 * shortest first: the pool phrase distractors come from. Built on first use.
	 */
	valuePool(predicate: Predicate, kind?: EntityKind): readonly Phrase[] {
		const poolKey =
			indexOf(predicate) * (entityKinds.length + 1) + (kind ? entityKinds.indexOf(kind) + 1 : 0);
		let pool = this.valuePools.get(poolKey);
		if (pool === undefined) {
			const byKey = new Map<string, Phrase>();
			for (const f of this.factsOf(predicate)) {
				if (f.value?.kind !== 'text') continue;
				if (kind !== undefined && this.entity(f.subject)?.kind !== kind) continue;
				const k = this.valueKey(f) ?? '';
				if (!byKey.has(k)) byKey.set(k, phrase(f.value.text, k));
			}
			pool = [...byKey.values()].sort(
				(a, b) => a.text.length - b.text.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
			);
			this.valuePools.set(poolKey, pool);
		}
		return pool;
	}

	/** Places an entity lies in, per located_in. */
	parents(id: string): readonly string[] {
		return this.parentsById.get(id) ?? [];
	}

	/**
	 * Text facts of a predicate whose value holds the phrase (containing), or, with `both`, is
	 * also held by it (contained): the candidates a value comparison must look at.
	 */
	factsWithValue(predicate: Predicate, valueKey: string, both: boolean): readonly Fact[] {
		const found: Fact[] = [];
		for (const f of this.valueCandidates(predicate, valueKey, both)) {
			const k = this.valueKey(f) ?? '';
			if ((hasPhrase(k, valueKey) || (both && hasPhrase(valueKey, k))) && !found.includes(f)) {
				found.push(f);
			}
		}
		return found;
	}

	/**
	 * A superset of factsWithValue(), unchecked (callers check each fact anyway, and may stop at
	 * the first that counts). Every value holding the phrase holds each of its runs of up to
	 * three words, so the rarest run's list will do: a common opening like "historic for the"
	 * would make the list grow with the base.
	 */
	private valueCandidates(predicate: Predicate, valueKey: string, both: boolean): readonly Fact[] {
		this.buildGrams(predicate);
		// A run of words is one slice of the key.
		const starts = wordStarts(valueKey);
		const words = starts.length;
		const n = Math.min(maxGram, words);
		let containing: readonly Fact[] = none;
		for (let i = 0; i + n <= words; i++) {
			const last = i + n;
			const end = last < words ? (starts[last] as number) - 1 : valueKey.length;
			const list = this.byValueGram.get(predicate, valueKey.slice(starts[i], end));
			if (i === 0 || list.length < containing.length) containing = list;
			// A list of one (the asked fact itself, most often) is as short as it needs to be.
			if (containing.length <= 1) break;
		}
		if (!both) return containing;
		const all = [...containing];
		forEachGram(valueKey, Infinity, (gram) => {
			for (const f of this.byExactValue.get(predicate, gram)) all.push(f);
		});
		return all;
	}

	private buildGrams(predicate: Predicate): void {
		if (this.gramsBuilt.has(predicate)) return;
		this.gramsBuilt.add(predicate);
		for (const f of this.factsOf(predicate)) {
			const k = this.valueKeyByFact.get(f);
			if (k === undefined) continue;
			this.byExactValue.add(predicate, k, f);
			forEachGram(k, maxGram, (gram) => this.byValueGram.add(predicate, gram, f));
		}
	}

	/**
	 * Every entity that answers the ask per the base, strictly: the same predicate (or one that
	 * implies it), the same known entity, date and place, and a value holding the asked one.
	 * Symmetric predicates count both ways.
	 */
	answers(ask: Ask): Set<string> {
		const out = new Set<string>();
		this.collect(ask.predicate, ask, symmetricPredicates.has(ask.predicate), false, false, out);
		for (const p of impliedBy[ask.predicate] ?? []) {
			this.collect(p, ask, symmetricPredicates.has(p), false, false, out);
		}
		return out;
	}

	/**
	 * Whether `answer` is the only entity (among those `counts` accepts) that answers the ask
	 * strictly: answers(), stopping at the first other answer.
	 */
	isOnlyAnswer(ask: Ask, answer: string, counts: (id: string) => boolean): boolean {
		const others = (p: Predicate, hole: Slot) => {
			for (const f of this.candidates(p, ask, hole, false)) {
				const id = f[hole];
				if (id === undefined || id === answer || !this.matches(f, ask, hole, false, false))
					continue;
				if (counts(id)) return true;
			}
			return false;
		};
		for (const p of askedAs[ask.predicate]) {
			if (others(p, ask.hole)) return false;
			if (symmetricPredicates.has(p) && others(p, other(ask.hole))) return false;
		}
		return true;
	}

	/**
	 * Every entity for which the claim could be argued true: related predicates too, either
	 * direction where the relation is mutual, any date or place, and the places containing an
	 * answer (visiting Mariupol is visiting Ukraine). Values of the same predicate may overlap
	 * either way ("Prime Minister" / "Japanese Prime Minister"); a related predicate's value must
	 * hold the asked one (a short value like "historic" would otherwise match half the base).
	 */
	possibleAnswers(ask: Ask): ReadonlySet<string> {
		// Date and place play no part, so the facts of one entity often ask the same: each is
		// built once, and found again among the few asks about the same known entity.
		// Without one, values differ from fact to fact: nothing to share.
		if (ask.known === undefined) return this.collectPossible(ask);
		let asked = this.possibleByKnown.get(ask.known);
		if (asked === undefined) this.possibleByKnown.set(ask.known, (asked = []));
		for (const entry of asked) {
			if (
				entry.predicate === ask.predicate &&
				entry.hole === ask.hole &&
				entry.value === ask.value
			) {
				return entry.answers;
			}
		}
		const answers = this.collectPossible(ask);
		asked.push({ predicate: ask.predicate, hole: ask.hole, value: ask.value, answers });
		return answers;
	}

	private collectPossible(ask: Ask): Set<string> {
		const family = relatedTo[ask.predicate];
		const predicates = family?.predicates ?? [ask.predicate];
		const out = new Set<string>();
		const anyTime: Ask = {
			predicate: ask.predicate,
			hole: ask.hole,
			known: ask.known,
			value: ask.value
		};
		for (const p of predicates) {
			const bothWays = symmetricPredicates.has(p) || (family?.bothWays ?? false);
			this.collect(p, anyTime, bothWays, true, p === ask.predicate, out);
		}
		if (family === travel) for (const id of [...out]) for (const p of this.parents(id)) out.add(p);
		return out;
	}

	/**
	 * Whether the claim could be argued true with `candidate` in the hole: the per-candidate
	 * form of possibleAnswers(), which looks only at the candidate's own facts, so screening a
	 * distractor costs the same however large the base is.
	 */
	mayHold(ask: Ask, candidate: string | EntityNode, depth = 0): boolean {
		const node = typeof candidate === 'string' ? this.nodeById.get(candidate) : candidate;
		if (node === undefined) return false;
		const family = relatedTo[ask.predicate];
		for (const p of family?.predicates ?? [ask.predicate]) {
			const contained = p === ask.predicate;
			const at = indexOf(p);
			const own = ask.hole === 'subject' ? node.asSubject[at] : node.asObject[at];
			if (own && this.holdsFor(own, ask, other(ask.hole), contained)) return true;
			const bothWays = symmetricPredicates.has(p) || (family?.bothWays ?? false);
			if (!bothWays) continue;
			const turned = ask.hole === 'subject' ? node.asObject[at] : node.asSubject[at];
			if (turned && this.holdsFor(turned, ask, ask.hole, contained)) return true;
		}
		// A country is visited when a place in it is (one level of located_in is enough here).
		if (family === travel && depth === 0) {
			for (const child of node.children) if (this.mayHold(ask, child, depth + 1)) return true;
		}
		return false;
	}

	/** Whether one of the candidate's facts makes the claim: the known entity in `knownSlot`. */
	private holdsFor(facts: readonly Fact[], ask: Ask, knownSlot: Slot, contained: boolean) {
		for (const f of facts) {
			if (ask.known !== undefined && f[knownSlot] !== ask.known) continue;
			if (ask.value !== undefined && !this.valueMatches(f, ask.value, true, contained)) continue;
			return true;
		}
		return false;
	}

	/**
	 * Adds the hole of every matching fact to `out`. `loose`: a fact without a value may match;
	 * `contained`: a value the asked one holds matches too.
	 */
	private collect(
		p: Predicate,
		ask: Ask,
		bothWays: boolean,
		loose: boolean,
		contained: boolean,
		out: Set<string>
	) {
		this.collectHole(p, ask, ask.hole, loose, contained, out);
		if (bothWays) this.collectHole(p, ask, other(ask.hole), loose, contained, out);
	}

	private collectHole(
		p: Predicate,
		ask: Ask,
		hole: Slot,
		loose: boolean,
		contained: boolean,
		out: Set<string>
	) {
		for (const f of this.candidates(p, ask, hole, contained)) {
			if (!this.matches(f, ask, hole, loose, contained)) continue;
			const answer = f[hole];
			if (answer !== undefined) out.add(answer);
		}
	}

	/** The facts an ask must look at: by the named entity, else by the value, else all. */
	private candidates(p: Predicate, ask: Ask, hole: Slot, contained: boolean): readonly Fact[] {
		if (ask.known !== undefined) {
			return hole === 'object'
				? this.factsAbout(p, ask.known)
				: this.factsAboutObject(p, ask.known);
		}
		if (ask.value !== undefined) return this.valueCandidates(p, ask.value, contained);
		return this.factsOf(p);
	}

	private matches(f: Fact, ask: Ask, hole: Slot, loose: boolean, contained: boolean): boolean {
		if (ask.known !== undefined && f[other(hole)] !== ask.known) return false;
		if (ask.date !== undefined && f.date?.date !== ask.date) return false;
		if (ask.place !== undefined && f.place !== ask.place) return false;
		if (ask.value !== undefined && !this.valueMatches(f, ask.value, loose, contained)) return false;
		return true;
	}

	private valueMatches(f: Fact, valueKey: string, loose: boolean, contained: boolean): boolean {
		const k = this.valueKey(f);
		// A related fact without a value (a meeting) could still be the claim, when screening.
		if (k === undefined) return loose;
		return hasPhrase(k, valueKey) || (contained && hasPhrase(valueKey, k));
	}
}

function other(slot: Slot): Slot {
	return slot === 'subject' ? 'object' : 'subject';
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
	const list = map.get(k);
	if (list) list.push(v);
	else map.set(k, [v]);
}

/** Calls back with every run of 1..max consecutive words of a key, as slices of it. */
function forEachGram(valueKey: string, max: number, visit: (gram: string) => void): void {
	const starts = wordStarts(valueKey);
	const words = starts.length;
	for (let i = 0; i < words; i++) {
		const start = starts[i] as number;
		for (let last = i + 1; last <= words && last - i <= max; last++) {
			visit(valueKey.slice(start, last < words ? (starts[last] as number) - 1 : valueKey.length));
		}
	}
}

/** Where each word of a key starts (keys have single spaces between words). */
function wordStarts(valueKey: string): number[] {
	const starts = [0];
	for (let at = valueKey.indexOf(' '); at !== -1; at = valueKey.indexOf(' ', at + 1)) {
		starts.push(at + 1);
	}
	return starts;
}

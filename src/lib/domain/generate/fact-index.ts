// Indexes a fact base once so the generator can ask "who else …?" by map lookups: uniqueness
// checks and "is this distractor true as well?" checks must not scan every fact per question.
import {
	predicates,
	type Entity,
	type EntityKind,
	type Fact,
	type FactBase,
	type Predicate
} from '../fact-base';
import { hasPhrase, key } from './text';

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

export class FactIndex {
	readonly base: FactBase;
	readonly facts: readonly Fact[];
	private readonly entityById = new Map<string, Entity>();
	private readonly formKeysById = new Map<string, string[]>();
	private readonly ownersByFormKey = new Map<string, string[]>();
	private readonly factById = new Map<string, Fact>();
	private readonly byPredicate = new Map<Predicate, Fact[]>();
	private readonly bySubject = new Table();
	private readonly byObject = new Table();
	private readonly valueKeyByFact = new Map<Fact, string>();
	private readonly byExactValue = new Table();
	private readonly byValueGram = new Table();
	private readonly byKind = new Map<EntityKind, Entity[]>();
	private readonly bySlot = Object.fromEntries(
		predicates.map((p) => [p, { subject: [] as Entity[], object: [] as Entity[] }])
	) as Record<Predicate, Record<Slot, Entity[]>>;
	private readonly parentsById = new Map<string, string[]>();
	private readonly childrenById = new Map<string, string[]>();
	private readonly valuePools = new Map<string, string[]>();
	private readonly memos = new Map<string, unknown>();

	constructor(base: FactBase) {
		this.base = base;
		this.facts = base.facts;
		for (const e of base.entities) {
			this.entityById.set(e.id, e);
			const keys = [...new Set([e.name, ...e.aliases].map(key).filter((k) => k !== ''))];
			this.formKeysById.set(e.id, keys);
			for (const k of keys) push(this.ownersByFormKey, k, e.id);
			push(this.byKind, e.kind, e);
		}
		const slotMembers = Object.fromEntries(
			predicates.map((p) => [p, { subject: new Set<string>(), object: new Set<string>() }])
		) as Record<Predicate, Record<Slot, Set<string>>>;
		for (const f of base.facts) {
			this.factById.set(f.id, f);
			push(this.byPredicate, f.predicate, f);
			this.bySubject.add(f.predicate, f.subject, f);
			const members = slotMembers[f.predicate];
			members.subject.add(f.subject);
			if (f.object !== undefined) {
				this.byObject.add(f.predicate, f.object, f);
				members.object.add(f.object);
				if (symmetricPredicates.has(f.predicate)) {
					members.subject.add(f.object);
					members.object.add(f.subject);
				}
			}
			if (f.predicate === 'located_in' && f.object !== undefined) {
				push(this.parentsById, f.subject, f.object);
				push(this.childrenById, f.object, f.subject);
			}
			if (f.value?.kind === 'text') {
				const k = key(f.value.text);
				this.valueKeyByFact.set(f, k);
				this.byExactValue.add(f.predicate, k, f);
				forEachGram(k, maxGram, (gram) => this.byValueGram.add(f.predicate, gram, f));
			}
		}
		const byLength = (a: Entity, b: Entity) =>
			a.name.length - b.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		for (const list of this.byKind.values()) list.sort(byLength);
		for (const p of predicates) {
			for (const slot of ['subject', 'object'] as const) {
				const list = [...slotMembers[p][slot]]
					.map((id) => this.entityById.get(id))
					.filter(isEntity);
				this.bySlot[p][slot] = list.sort(byLength);
			}
		}
	}

	/** A value derived from the base, computed once per key (pools, tiers). */
	memo<T>(memoKey: string, make: () => T): T {
		const known = this.memos.get(memoKey);
		if (known !== undefined) return known as T;
		const value = make();
		this.memos.set(memoKey, value);
		return value;
	}

	entity(id: string | undefined): Entity | undefined {
		return id === undefined ? undefined : this.entityById.get(id);
	}

	fact(id: string): Fact | undefined {
		return this.factById.get(id);
	}

	/** Keys of an entity's name and aliases. */
	formKeys(id: string): readonly string[] {
		return this.formKeysById.get(id) ?? noKeys;
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
		return this.bySubject.get(predicate, subject);
	}

	factsAboutObject(predicate: Predicate, object: string): readonly Fact[] {
		return this.byObject.get(predicate, object);
	}

	/** Entities of a kind, shortest name first. */
	kindPool(kind: EntityKind): readonly Entity[] {
		return this.byKind.get(kind) ?? [];
	}

	/** Entities that fill a slot of a predicate anywhere in the base, shortest name first. */
	slotPool(predicate: Predicate, slot: Slot): readonly Entity[] {
		return this.bySlot[predicate][slot];
	}

	/**
	 * The distinct text values of a predicate (of facts whose subject is of `kind`, when given),
	 * shortest first: the pool phrase distractors come from. Built on first use.
	 */
	valuePool(predicate: Predicate, kind?: EntityKind): readonly string[] {
		const poolKey = `${predicate}|${kind ?? '*'}`;
		let pool = this.valuePools.get(poolKey);
		if (pool === undefined) {
			const byKey = new Map<string, string>();
			for (const f of this.factsOf(predicate)) {
				if (f.value?.kind !== 'text') continue;
				if (kind !== undefined && this.entity(f.subject)?.kind !== kind) continue;
				const k = this.valueKey(f) ?? '';
				if (!byKey.has(k)) byKey.set(k, f.value.text);
			}
			pool = [...byKey.values()].sort(
				(a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
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
		const words = valueKey.split(' ');
		const n = Math.min(maxGram, words.length);
		let containing: readonly Fact[] = none;
		for (let i = 0; i + n <= words.length; i++) {
			const list = this.byValueGram.get(predicate, words.slice(i, i + n).join(' '));
			if (i === 0 || list.length < containing.length) containing = list;
			if (list.length === 0) break;
		}
		if (!both) return containing;
		const all = [...containing];
		forEachGram(valueKey, Infinity, (gram) => {
			for (const f of this.byExactValue.get(predicate, gram)) all.push(f);
		});
		return all;
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
	possibleAnswers(ask: Ask): Set<string> {
		const family = relatedTo[ask.predicate];
		const predicates = family?.predicates ?? [ask.predicate];
		const out = new Set<string>();
		const anyTime = { ...ask, date: undefined, place: undefined };
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
	mayHold(ask: Ask, candidate: string, depth = 0): boolean {
		const family = relatedTo[ask.predicate];
		for (const p of family?.predicates ?? [ask.predicate]) {
			const contained = p === ask.predicate;
			if (this.holdsFor(p, ask, ask.hole, candidate, contained)) return true;
			const bothWays = symmetricPredicates.has(p) || (family?.bothWays ?? false);
			if (bothWays && this.holdsFor(p, ask, other(ask.hole), candidate, contained)) return true;
		}
		// A country is visited when a place in it is (one level of located_in is enough here).
		if (family === travel && depth === 0) {
			for (const child of this.childrenById.get(candidate) ?? noKeys) {
				if (this.mayHold(ask, child, depth + 1)) return true;
			}
		}
		return false;
	}

	private holdsFor(p: Predicate, ask: Ask, hole: Slot, candidate: string, contained: boolean) {
		const knownSlot = other(hole);
		const facts =
			hole === 'subject' ? this.factsAbout(p, candidate) : this.factsAboutObject(p, candidate);
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

function isEntity(e: Entity | undefined): e is Entity {
	return e !== undefined;
}

/** Calls back with every run of 1..max consecutive words of a key. */
function forEachGram(valueKey: string, max: number, visit: (gram: string) => void): void {
	const words = valueKey.split(' ');
	for (let i = 0; i < words.length; i++) {
		let gram = '';
		for (let n = 0; n < max && i + n < words.length; n++) {
			gram = n === 0 ? (words[i] as string) : `${gram} ${words[i + n]}`;
			visit(gram);
		}
	}
}

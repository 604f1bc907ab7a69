// Questions over several facts: matching (people to titles, speakers to words, countries to
// groupings, names to descriptions) and ordering events on a timeline. Which facts go together
// depends on the base only, never on the seed, so the ids stay stable.
import type { Fact } from '../fact-base';
import type { MatchingQuestion, OrderingQuestion } from '../question';
import type { FactIndex } from './fact-index';
import { isExclusive, type FactSlot } from '../predicates';
import { relativeDateWords } from '../relative-dates';
import { distinctMention, provenanceOf, type Gen } from './build';
import { noted } from './notes';
import {
	calendarWords,
	capitalise,
	displayDate,
	freshKey,
	hash32,
	key,
	overlaps,
	wordCount
} from './text';

interface PairSource {
	fact: Fact;
	leftId: string;
	left: string;
	right: string;
	/** What makes two rights the same: the value's key, or the grouping's id. */
	rightKey: string;
}

interface Relation {
	id: string;
	prompt: string;
	/**
	 * The slot of each pair's fact that its right fills. A matching says every other right is
	 * wrong for a left, so only facts whose slot the text makes exclusive may pair.
	 */
	slot: FactSlot;
	pairs: (ix: FactIndex) => PairSource[];
	/**
	 * The right keys the base holds for a left (its titles, its words, its groupings): a pair
	 * may not sit beside another whose right its left also holds.
	 */
	held: (ix: FactIndex, leftId: string) => string[];
	/** Whether a held key and a right key say the same (phrases overlap; ids are equal). */
	same: (heldKey: string, rightKey: string) => boolean;
}

const minPairs = 3;
const maxPairs = 5;
/** How far to look for compatible pairs before giving up (keeps grouping linear). */
const lookAhead = 20;

function valuePairs(
	ix: FactIndex,
	facts: readonly Fact[],
	right: (text: string) => string
): PairSource[] {
	return facts.flatMap((f) => {
		const subject = ix.entity(f.subject);
		if (!subject || f.value?.kind !== 'text') return [];
		return [
			{
				fact: f,
				leftId: subject.id,
				left: capitalise(subject.name),
				right: right(f.value.text),
				rightKey: key(f.value.text)
			}
		];
	});
}

function heldValues(ix: FactIndex, predicates: readonly Fact['predicate'][], leftId: string) {
	return predicates.flatMap((p) => ix.factsAbout(p, leftId).map((f) => ix.valueKey(f) ?? ''));
}

export const relations: readonly Relation[] = [
	{
		id: 'titles',
		prompt: 'Match each person to the title the article gives them.',
		slot: 'value',
		pairs: (ix) =>
			valuePairs(
				ix,
				ix.factsOf('role_of').filter((f) => ix.entity(f.subject)?.kind === 'person'),
				capitalise
			),
		held: (ix, leftId) => heldValues(ix, ['role_of', 'is_a'], leftId),
		same: overlaps
	},
	{
		id: 'speakers',
		prompt: 'Match each speaker to their words in the article.',
		slot: 'subject',
		// Short sayings only: a matching column of paragraphs is unreadable.
		pairs: (ix) =>
			valuePairs(
				ix,
				ix.factsOf('said').filter((f) => f.value?.kind === 'text' && wordCount(f.value.text) <= 12),
				(text) => `“${text}”`
			),
		held: (ix, leftId) => heldValues(ix, ['said', 'called_for'], leftId),
		same: overlaps
	}
];

/**
 * Groups of 3–5 pairs in which every left has exactly one right: lefts and rights distinct,
 * and the base holding no crossed pair (Japan is in the G7 and the Quad, so "Japan–G7" cannot
 * sit beside "India–Quad"). Each pair starts at most one group; groups may reuse pairs to
 * reach three.
 */
export function groupPairs(
	ix: FactIndex,
	pairs: readonly PairSource[],
	relation: Pick<Relation, 'held' | 'same'>
): PairSource[][] {
	const leftKeys = pairs.map((p) => key(p.left));
	const rightKeys = pairs.map((p) => freshKey(p.right));
	const heldBy = new Map<string, string[]>();
	const holds = (leftId: string, rightKey: string) => {
		let held = heldBy.get(leftId);
		if (!held) heldBy.set(leftId, (held = relation.held(ix, leftId)));
		return held.some((h) => relation.same(h, rightKey));
	};
	const fits = (group: readonly number[], i: number) => {
		const p = pairs[i] as PairSource;
		// Cheap comparisons first; the base is asked only about pairs that could share a group.
		for (const j of group) {
			const q = pairs[j] as PairSource;
			if (q.leftId === p.leftId || leftKeys[j] === leftKeys[i] || rightKeys[j] === rightKeys[i])
				return false;
			if (relation.same(q.rightKey, p.rightKey)) return false;
		}
		return group.every((j) => {
			const q = pairs[j] as PairSource;
			return !holds(p.leftId, q.rightKey) && !holds(q.leftId, p.rightKey);
		});
	};
	const covered = new Array<boolean>(pairs.length).fill(false);
	const groups: PairSource[][] = [];
	for (let i = 0; i < pairs.length; i++) {
		if (covered[i]) continue;
		const members = [i];
		for (let j = i + 1; j < pairs.length && j <= i + lookAhead && members.length < maxPairs; j++) {
			if (!covered[j] && fits(members, j)) members.push(j);
		}
		for (let j = 0; j < pairs.length && j <= lookAhead && members.length < minPairs; j++) {
			if (!members.includes(j) && fits(members, j)) members.push(j);
		}
		covered[i] = true;
		if (members.length < minPairs) continue;
		for (const m of members) covered[m] = true;
		groups.push(members.map((m) => pairs[m] as PairSource));
	}
	return groups;
}

export function matchingQuestions(g: Gen): MatchingQuestion[] {
	return relations.flatMap((relation) => {
		const pairs = relation.pairs(g.ix).filter((p) => isExclusive(p.fact, relation.slot, g.kindOf));
		return groupPairs(g.ix, pairs, relation).map((group) => {
			const facts = group.map((p) => p.fact);
			const question: MatchingQuestion = {
				id: `match:${relation.id}:${facts[0]?.id ?? ''}`,
				type: 'matching' as const,
				prompt: relation.prompt,
				pairs: group.map((p) => ({ left: p.left, right: p.right })),
				explanation: `${facts.map((f) => f.statement).join(' ')} The article: “${[...new Set(facts.map((f) => f.quote))].join(' … ')}”`,
				provenance: provenanceOf(g, facts)
			};
			return noted(g, question, { factId: facts[0]?.id ?? '', slot: relation.slot });
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Ordering

interface Span {
	/** Day numbers, first and last day the date could mean. */
	start: number;
	end: number;
	date: string;
	members: { fact: Fact; name: string }[];
}

const dayMs = 86_400_000;

/** The days a date at its precision covers: "2022-02" is 1–28 February 2022. */
export function daySpan(iso: string): { start: number; end: number } | undefined {
	const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
	if (!m) return undefined;
	const year = Number(m[1]);
	if (m[2] === undefined) {
		return { start: Date.UTC(year, 0, 1) / dayMs, end: Date.UTC(year, 11, 31) / dayMs };
	}
	const month = Number(m[2]) - 1;
	if (m[3] === undefined) {
		return { start: Date.UTC(year, month, 1) / dayMs, end: Date.UTC(year, month + 1, 0) / dayMs };
	}
	const day = Date.UTC(year, month, Number(m[3])) / dayMs;
	return { start: day, end: day };
}

/** Two dates are strictly orderable when the days they may mean do not overlap. */
export function strictlyBefore(a: string, b: string): boolean {
	const x = daySpan(a);
	const y = daySpan(b);
	return x !== undefined && y !== undefined && x.end < y.start;
}

/**
 * Timelines of 3–5 events whose dates are strictly orderable: a longest chain of disjoint
 * date spans (earliest end first), cut into runs; events sharing a date take turns across
 * up to three questions; spans the chain skipped get a chain of their own.
 */
export function orderingQuestions(g: Gen): OrderingQuestion[] {
	const { ix } = g;
	const bySpan = new Map<string, Span>();
	const seenNames = new Set<string>();
	for (const f of ix.factsOf('happened_on')) {
		const event = ix.entity(f.subject);
		const span = f.date && daySpan(f.date.date);
		if (!event || !f.date || !span) continue;
		// An event dated twice cannot be placed; a name twice cannot be told apart.
		if (ix.factsAbout('happened_on', event.id).length !== 1 || seenNames.has(key(event.name)))
			continue;
		seenNames.add(key(event.name));
		// A name that dates the event ("Monday's talks", "the 2022 invasion") gives the order away.
		const named = distinctMention(g, event, [...calendarKeys, f.date.date.slice(0, 4)]);
		if (named === undefined || relativeDateWords(named).length > 0) continue;
		const existing = bySpan.get(f.date.date);
		const member = { fact: f, name: capitalise(named.replace(/^the /, '')) };
		if (existing) existing.members.push(member);
		else bySpan.set(f.date.date, { ...span, date: f.date.date, members: [member] });
	}
	const spans = [...bySpan.values()].sort((a, b) => a.end - b.end || a.start - b.start);
	const used = new Set<Span>();
	const out: OrderingQuestion[] = [];
	for (let pass = 0; pass < 3; pass++) {
		const chain = disjointChain(spans.filter((s) => !used.has(s)));
		if (chain.length === 0) break;
		// Widen a short chain with spans already used that fit between.
		if (chain.length < 3) {
			for (const s of spans) {
				if (chain.length >= 5) break;
				if (!chain.includes(s) && chain.every((c) => c.end < s.start || s.end < c.start)) {
					chain.push(s);
				}
			}
			chain.sort((a, b) => a.start - b.start);
		}
		if (chain.length < 3) break;
		for (const s of chain) used.add(s);
		for (const run of runs(chain)) {
			const turns = Math.min(3, Math.max(...run.map((s) => s.members.length)));
			const seenSets = new Set<string>();
			for (let turn = 0; turn < turns; turn++) {
				const items = run.map((s) => s.members[turn % s.members.length]!);
				const factIds = items.map((m) => m.fact.id);
				const setKey = factIds.join('|');
				if (seenSets.has(setKey)) continue;
				seenSets.add(setKey);
				const facts = items.map((m) => m.fact);
				out.push(
					noted(
						g,
						{
							id: `order:timeline:${factIds[0]}-${hash32(setKey).toString(36)}`,
							type: 'ordering',
							prompt: 'Put these events in date order, earliest first.',
							items: items.map((m) => m.name),
							explanation: `${items.map((m) => `${m.name}: ${displayDate(m.fact.date?.date ?? '')}`).join('; ')}. ${facts.map((f) => f.statement).join(' ')}`,
							provenance: provenanceOf(g, facts)
						},
						{ factId: factIds[0] ?? '', slot: 'date' }
					)
				);
			}
		}
	}
	return out;
}

const calendarKeys = calendarWords.map(key);

/** The longest chain of pairwise disjoint spans (interval scheduling: earliest end first). */
function disjointChain(sortedByEnd: readonly Span[]): Span[] {
	const chain: Span[] = [];
	let lastEnd = -Infinity;
	for (const s of sortedByEnd) {
		if (s.start > lastEnd) {
			chain.push(s);
			lastEnd = s.end;
		}
	}
	return chain;
}

/** Cuts a chain into runs of 3–5 (a short tail joins the run before it, split evenly). */
function runs(chain: readonly Span[]): Span[][] {
	const out: Span[][] = [];
	for (let i = 0; i < chain.length; i += maxPairs) out.push(chain.slice(i, i + maxPairs));
	const last = out[out.length - 1];
	if (out.length > 1 && last && last.length < minPairs) {
		const prev = out[out.length - 2] as Span[];
		const merged = [...prev, ...last];
		const cut = Math.ceil(merged.length / 2);
		out.splice(out.length - 2, 2, merged.slice(0, cut), merged.slice(cut));
	}
	return out.filter((run) => run.length >= minPairs);
}

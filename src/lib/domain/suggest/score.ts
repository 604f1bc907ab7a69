// Scores suggestions against a curated fact base of the same text: how many of the curated
// entities, dated facts and numbers the machine found, and how many of its suggestions a
// curator kept. The rules are written down in docs/suggestions.md ("Measuring quality").
import type { Entity, EntityKind, Fact, FactBase, Predicate } from '../fact-base';
import type { FactSuggestion, Span, Suggestions } from './types';

/** "The Kremlin's" -> "kremlin"; curly apostrophes straightened. */
export function formKey(form: string): string {
	return form
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/^the /, '')
		.replace(/'s?$/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const forms = (e: Pick<Entity, 'name' | 'aliases'>) => new Set([e.name, ...e.aliases].map(formKey));

const geographic = new Set<EntityKind>(['country', 'place']);
const kindsAgree = (a: EntityKind, b: EntityKind) =>
	a === b || (geographic.has(a) && geographic.has(b));

/** The curated entity a suggested one names: a shared name or alias, and a kind that agrees. */
export function matchEntity(suggested: Entity, curated: readonly Entity[]): Entity | undefined {
	const mine = forms(suggested);
	return curated.find(
		(c) => kindsAgree(c.kind, suggested.kind) && [...forms(c)].some((f) => mine.has(f))
	);
}

const families: Partial<Record<Predicate, string>> = {
	said: 'statement',
	described_as: 'statement',
	called_for: 'statement',
	welcomed: 'statement',
	denied: 'statement',
	praised: 'statement',
	invited: 'statement',
	accused_of: 'statement',
	met: 'meeting',
	held_talks_with: 'meeting',
	visited: 'travel',
	traveled_to: 'travel',
	arrived_at: 'travel'
};
const family = (p: Predicate) => families[p] ?? p;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function spanOf(body: string, quote: string): Span {
	const start = body.indexOf(quote);
	return { start, end: start < 0 ? -1 : start + quote.length };
}

const singular = (unit: string) => unit.toLowerCase().replace(/s$/, '');

export interface Recall {
	found: number;
	of: number;
	/** Ids of the curated items not found. */
	missed: string[];
}

export interface Score {
	people: Recall;
	organisations: Recall;
	/** Places and countries. */
	places: Recall;
	datedFacts: Recall;
	numbers: Recall;
	/** Suggestions matching a curated fact or entity, of all suggestions. */
	precision: { facts: Recall; entities: Recall; all: Recall };
}

function recall<T>(items: readonly T[], id: (t: T) => string, found: (t: T) => boolean): Recall {
	const missed = items.filter((t) => !found(t)).map(id);
	return { found: items.length - missed.length, of: items.length, missed };
}

export function score(suggestions: Suggestions, curated: FactBase): Score {
	const body = curated.source.body;
	const entityOf = new Map<string, Entity | undefined>();
	for (const e of suggestions.entities) entityOf.set(e.id, matchEntity(e, curated.entities));
	const matchedCurated = new Set([...entityOf.values()].filter((e) => e).map((e) => e!.id));
	const kindOf = new Map(curated.entities.map((e) => [e.id, e.kind]));
	const entities = (kinds: readonly EntityKind[]) =>
		curated.entities.filter((e) => kinds.includes(e.kind));

	const factSpans = new Map(curated.facts.map((f) => [f.id, spanOf(body, f.quote)]));
	const datedFound = (f: Fact) =>
		suggestions.facts.some(
			(s) =>
				s.date?.date === f.date?.date &&
				s.date?.precision === f.date?.precision &&
				overlaps(s.span, factSpans.get(f.id)!)
		);
	const numberFound = (f: Fact) =>
		suggestions.facts.some(
			(s) =>
				s.value?.kind === 'number' &&
				f.value?.kind === 'number' &&
				s.value.amount === f.value.amount &&
				singular(s.value.unit) === singular(f.value.unit) &&
				overlaps(s.span, factSpans.get(f.id)!)
		);

	/** A suggested fact a curator kept: same evidence, same kind of relation, same subject. */
	const kept = (s: FactSuggestion) =>
		curated.facts.some((f) => {
			if (family(f.predicate) !== family(s.predicate) || !overlaps(s.span, factSpans.get(f.id)!))
				return false;
			const subject = entityOf.get(s.subject);
			if (subject) return subject.id === f.subject;
			// Events are named by the machine: the same date on the same evidence will do.
			return kindOf.get(f.subject) === 'event' && (!f.date || s.date?.date === f.date.date);
		});

	const facts = recall(suggestions.facts, (s) => s.id, kept);
	const keptEntities = recall(
		suggestions.entities,
		(e) => e.id,
		(e) =>
			!!entityOf.get(e.id) ||
			(e.kind === 'event' && suggestions.facts.some((s) => s.subject === e.id && kept(s)))
	);
	return {
		people: recall(
			entities(['person']),
			(e) => e.id,
			(e) => matchedCurated.has(e.id)
		),
		organisations: recall(
			entities(['organisation']),
			(e) => e.id,
			(e) => matchedCurated.has(e.id)
		),
		places: recall(
			entities(['place', 'country']),
			(e) => e.id,
			(e) => matchedCurated.has(e.id)
		),
		// The dates the text states for a fact: an event's, or one its own quote words. A curator
		// also dates a greeting by the arrival told the paragraph before; that is a reading of
		// the text, not a date in it.
		datedFacts: recall(
			curated.facts.filter(
				(f) =>
					f.date &&
					(f.predicate === 'happened_on' ||
						f.quote.toLowerCase().includes(f.date.wording.toLowerCase()))
			),
			(f) => f.id,
			datedFound
		),
		numbers: recall(
			curated.facts.filter((f) => f.value?.kind === 'number'),
			(f) => f.id,
			numberFound
		),
		precision: {
			facts,
			entities: keptEntities,
			all: {
				found: facts.found + keptEntities.found,
				of: facts.of + keptEntities.of,
				missed: [...facts.missed, ...keptEntities.missed]
			}
		}
	};
}

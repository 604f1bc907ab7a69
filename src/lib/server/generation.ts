// Generating questions from a source's facts for the "generate" page: the sources a teacher may
// use, their people, predicates and dates to filter by, candidates made with a seed, and the
// same candidates rebuilt from their ids and seeds.
import type { Fact, FactBase } from '../domain/fact-base';
import { generatedTypes, generateQuestions } from '../domain/generate-questions';
import type { Question, QuestionType } from '../domain/question';
import type { Db } from './db';
import { factBaseOf } from './fact-bases';
import { canUseSource, usableSources } from './sources';

export interface FactFilter {
	/** An entity id: facts with it as subject or object. */
	person?: string;
	predicate?: string;
	/** YYYY-MM-DD bounds; facts without a date are left out when either is given. */
	from?: string;
	to?: string;
}

/** The fact base of a source the teacher may generate from (the shipped ones and their own). */
export function sourceBase(db: Db, teacherId: string, sourceId: string): FactBase | undefined {
	return canUseSource(db, sourceId, teacherId) ? factBaseOf(db, sourceId) : undefined;
}

/** What the generate page offers for a source: the sources, its people, predicates and dates. */
export function generationChoices(db: Db, teacherId: string, base: FactBase) {
	const used = new Set(base.facts.flatMap((f) => [f.subject, f.object ?? '']));
	const dates = base.facts.flatMap((f) => (f.date ? [f.date.date] : [])).sort();
	return {
		sources: usableSources(db, teacherId),
		people: base.entities
			.filter((e) => e.kind === 'person' && used.has(e.id))
			.map((e) => ({ id: e.id, name: e.name })),
		predicates: [...new Set(base.facts.map((f) => f.predicate))]
			.sort()
			.map((p) => ({ value: p, label: p.replace(/_/g, ' ') })),
		earliest: dates[0] ?? null,
		latest: dates[dates.length - 1] ?? null
	};
}

/** A fact's date as the first and last day it may mean ("2023-03" → March 1 to 31). */
function dateSpan(date: string): [string, string] {
	if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
	if (/^\d{4}-\d{2}$/.test(date)) return [`${date}-01`, `${date}-31`];
	return [date, date];
}

export function filterFacts(base: FactBase, filter: FactFilter): Fact[] {
	return base.facts.filter((f) => {
		if (filter.person && f.subject !== filter.person && f.object !== filter.person) return false;
		if (filter.predicate && f.predicate !== filter.predicate) return false;
		if (filter.from || filter.to) {
			if (!f.date) return false;
			const [start, end] = dateSpan(f.date.date);
			if (filter.from && end < filter.from) return false;
			if (filter.to && start > filter.to) return false;
		}
		return true;
	});
}

/** One generated question on the page: which, and with which seed it was made. */
export interface Candidate {
	seed: number;
	question: Question;
}

export function generateCandidates(
	base: FactBase,
	filter: FactFilter,
	types: readonly QuestionType[],
	limit: number,
	seed: number
): Candidate[] {
	const factIds = filterFacts(base, filter).map((f) => f.id);
	if (factIds.length === 0) return [];
	return generateQuestions(base, {
		seed,
		types: types.length ? types : generatedTypes,
		factIds,
		limit
	}).map((question) => ({ seed, question }));
}

/** The generator's question with this id, made with this seed (so it can be rebuilt any time). */
export function generatedQuestion(base: FactBase, id: string, seed: number): Question | undefined {
	return generateQuestions(base, { seed }).find((q) => q.id === id);
}

/**
 * Candidates rebuilt from their ids and seeds, making each seed's bank once (a bank takes tens
 * of milliseconds; a page of candidates shares one or two seeds).
 */
export function rebuildCandidates(
	base: FactBase,
	items: readonly { seed: number; id: string }[]
): Candidate[] {
	const banks = new Map<number, Map<string, Question>>();
	return items.flatMap(({ seed, id }) => {
		let bank = banks.get(seed);
		if (!bank) {
			bank = new Map(generateQuestions(base, { seed }).map((q) => [q.id, q]));
			banks.set(seed, bank);
		}
		const question = bank.get(id);
		return question ? [{ seed, question }] : [];
	});
}

/**
 * Another version of a candidate: the same question with other wrong answers or wording when the
 * seed changes anything, otherwise another question of the same type on the filtered facts.
 */
export function regenerateCandidate(
	base: FactBase,
	current: Candidate,
	filter: FactFilter,
	shown: readonly string[],
	seed: number
): Candidate {
	const bank = generateQuestions(base, { seed });
	const same = bank.find((q) => q.id === current.question.id);
	if (same && JSON.stringify(same) !== JSON.stringify(current.question)) {
		return { seed, question: same };
	}
	const factIds = new Set(filterFacts(base, filter).map((f) => f.id));
	const other = bank.find(
		(q) =>
			q.type === current.question.type &&
			!shown.includes(q.id) &&
			q.provenance?.factIds.some((id) => factIds.has(id))
	);
	return other ? { seed, question: other } : current;
}

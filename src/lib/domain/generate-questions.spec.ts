// Property tests of the question generator over the curated article and synthetic bases. The
// truth checks here scan the facts directly, independently of the generator's index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../content/xi-moscow-2023-03-21';
import { predicates, type Entity, type Fact, type FactBase } from './fact-base';
import { validateQuestion } from './formats/json';
import { defaultQuiz, generatedTypes, generateQuestions, questionBank } from './generate-questions';
import { normalise } from './normalise';
import type { Question } from './question';
import { syntheticFactBase } from './synthetic-facts';

// ---------------------------------------------------------------------------------------------
// An independent checker

/** Folds text for comparison, dropping possessives ("China's" names China). */
function fold(text: string): string {
	return normalise(text.replace(/['’]s\b/g, ''));
}

function containsPhrase(hay: string, needle: string): boolean {
	const n = fold(needle);
	return n !== '' && ` ${fold(hay)} `.includes(` ${n} `);
}

function overlap(a: string, b: string): boolean {
	return containsPhrase(a, b) || containsPhrase(b, a);
}

const symmetric = new Set(['met', 'held_talks_with', 'trades_with']);

class Checker {
	readonly entities: Map<string, Entity>;
	readonly facts: Map<string, Fact>;

	constructor(readonly base: FactBase) {
		this.entities = new Map(base.entities.map((e) => [e.id, e]));
		this.facts = new Map(base.facts.map((f) => [f.id, f]));
	}

	forms(id: string): string[] {
		const e = this.entities.get(id);
		return e ? [e.name, ...e.aliases] : [];
	}

	sameThing(a: string, b: string): boolean {
		const fa = new Set(this.forms(a).map(fold));
		return this.forms(b).some((form) => fa.has(fold(form)));
	}

	/**
	 * Whether the base holds the fact's claim with `candidate` in the slot the answer holds:
	 * the same predicate, the same entity in the other slot, an overlapping value. Any date.
	 */
	holdsEntity(fact: Fact, slot: 'subject' | 'object', candidate: string): boolean {
		const otherSlot = slot === 'subject' ? 'object' : 'subject';
		const text = fact.value?.kind === 'text' ? fact.value.text : undefined;
		return this.base.facts.some((f) => {
			if (f.predicate !== fact.predicate) return false;
			const ways: ['subject' | 'object', 'subject' | 'object'][] = [[slot, otherSlot]];
			if (symmetric.has(f.predicate)) ways.push([otherSlot, slot]);
			return ways.some(([s, o]) => {
				if (f[s] !== candidate) return false;
				// A said fact names no object: then the value alone says what was claimed.
				if (fact[otherSlot] !== undefined && fact.predicate !== 'said' && f[o] !== fact[otherSlot])
					return false;
				if (text === undefined) return true;
				return f.value?.kind === 'text' && overlap(f.value.text, text);
			});
		});
	}

	fact(q: Question): Fact {
		const id = q.provenance?.factIds[0];
		const f = id === undefined ? undefined : this.facts.get(id);
		if (!f) throw new Error(`${q.id}: no provenance fact`);
		return f;
	}
}

/** Every written form of a question's answer that its prompt must not contain. */
function answerForms(q: Question, checker: Checker): string[] {
	switch (q.type) {
		case 'multiple_choice': {
			const right = q.choices.find((c) => c.id === q.correctChoiceId);
			return [right?.text ?? '', ...checker.forms(q.correctChoiceId)];
		}
		case 'short_answer':
		case 'cloze':
			return [q.answer, ...q.alternatives];
		case 'numeric':
			return [String(q.answer)];
		case 'date':
			return [q.answer];
		default:
			return [];
	}
}

function daySpan(iso: string): [number, number] {
	const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
	const day = (yy: number, mm: number, dd: number) => Date.UTC(yy, mm, dd) / 86_400_000;
	if (m === undefined) return [day(y, 0, 1), day(y, 11, 31)];
	if (d === undefined) return [day(y, m - 1, 1), day(y, m, 0)];
	return [day(y, m - 1, d), day(y, m - 1, d)];
}

/** Checks every invariant of one bank; returns the problems found. */
function problems(bank: readonly Question[], base: FactBase): string[] {
	const checker = new Checker(base);
	const out: string[] = [];
	const fail = (q: Question, message: string) => out.push(`${q.id}: ${message}`);
	const ids = new Set<string>();
	for (const q of bank) {
		if (ids.has(q.id)) fail(q, 'duplicate id');
		ids.add(q.id);
		const valid = validateQuestion(q);
		if (!valid.ok) fail(q, `invalid: ${JSON.stringify(valid.problems)}`);
		if (!q.provenance || q.provenance.factIds.length === 0) fail(q, 'no provenance');
		if (q.provenance && !base.source.body.includes(q.provenance.quote.split(' … ')[0] ?? '#'))
			fail(q, 'provenance quote is not in the source');
		if (q.explanation.trim() === '') fail(q, 'no explanation');

		for (const form of answerForms(q, checker)) {
			if (form !== '' && containsPhrase(q.prompt, form)) fail(q, `prompt contains "${form}"`);
		}

		if (q.type === 'multiple_choice') {
			if (q.choices.length !== 4) fail(q, `${q.choices.length} choices`);
			if (q.choices.filter((c) => c.id === q.correctChoiceId).length !== 1)
				fail(q, 'not exactly one correct choice');
			const folded = q.choices.map((c) => fold(c.text));
			if (new Set(folded).size !== folded.length) fail(q, 'choices repeat');
			const fact = checker.fact(q);
			for (const c of q.choices) {
				if (c.id === q.correctChoiceId) continue;
				if (checker.entities.has(q.correctChoiceId)) {
					// The right answer sits in one slot of the fact; no distractor may fill it too.
					const slot = fact.subject === q.correctChoiceId ? 'subject' : 'object';
					if (checker.holdsEntity(fact, slot, c.id)) fail(q, `distractor ${c.id} is true`);
					if (checker.sameThing(c.id, q.correctChoiceId)) fail(q, `${c.id} is the answer`);
				} else if (c.id.startsWith('n-') && fact.value?.kind === 'number') {
					const unit = fact.value.unit;
					const amounts = base.facts.flatMap((f) =>
						f.predicate === fact.predicate &&
						f.subject === fact.subject &&
						f.value?.kind === 'number' &&
						f.value.unit === unit
							? [f.value.amount]
							: []
					);
					if (amounts.includes(Number(c.id.slice(2)))) fail(q, `number ${c.id} is true`);
				} else if (fact.predicate === 'happened_on') {
					const dates = base.facts.flatMap((f) =>
						f.predicate === 'happened_on' && f.subject === fact.subject && f.date
							? [f.date.date]
							: []
					);
					if (dates.includes(c.id)) fail(q, `date ${c.id} is true`);
					if (c.id.length !== (fact.date?.date.length ?? 0))
						fail(q, `date ${c.id} of another precision`);
				} else {
					// A phrase: the subject must hold no overlapping value under the predicate.
					const held = base.facts.some(
						(f) =>
							f.predicate === fact.predicate &&
							f.subject === fact.subject &&
							f.value?.kind === 'text' &&
							overlap(f.value.text, c.text)
					);
					if (held) fail(q, `phrase "${c.text}" is true`);
				}
			}
		}
		if (q.type === 'true_false' && !q.answer && base.facts.some((f) => f.statement === q.prompt))
			fail(q, 'a false claim is a fact statement');
		if (q.type === 'matching') {
			if (q.pairs.length < 3 || q.pairs.length > 5) fail(q, `${q.pairs.length} pairs`);
			const rights = q.pairs.map((p) => fold(p.right));
			const lefts = q.pairs.map((p) => fold(p.left));
			if (new Set(rights).size !== rights.length) fail(q, 'rights repeat');
			if (new Set(lefts).size !== lefts.length) fail(q, 'lefts repeat');
		}
		if (q.type === 'ordering') {
			if (q.items.length < 3 || q.items.length > 5) fail(q, `${q.items.length} items`);
			const dates = (q.provenance?.factIds ?? []).map((id) => checker.facts.get(id)?.date?.date);
			for (let i = 1; i < dates.length; i++) {
				const a = dates[i - 1];
				const b = dates[i];
				if (!a || !b || daySpan(a)[1] >= daySpan(b)[0]) fail(q, `${a} and ${b} are not orderable`);
			}
		}
		if (q.type === 'cloze') {
			const quote = q.provenance?.quote ?? '';
			if (`${q.before}${q.answer}${q.after}` !== quote) fail(q, 'does not rebuild the quote');
			if (!base.source.body.includes(`${q.before}${q.answer}${q.after}`))
				fail(q, 'not in the source');
			for (const form of [q.answer, ...q.alternatives]) {
				if (containsPhrase(q.before, form) || containsPhrase(q.after, form))
					fail(q, `"${form}" is left around the blank`);
			}
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------

const seeds = fc.integer();
const article = xiMoscow;

describe('questionBank over the article', () => {
	it('keeps every invariant for any seed', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				expect(problems(questionBank(article, seed), article)).toEqual([]);
			}),
			{ numRuns: 30 }
		);
	});

	it('has every question type and a healthy size', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				const bank = questionBank(article, seed);
				expect(new Set(bank.map((q) => q.type))).toEqual(new Set(generatedTypes));
				expect(bank.length).toBeGreaterThanOrEqual(120);
				expect(bank.length).toBeLessThanOrEqual(260);
			}),
			{ numRuns: 10 }
		);
	});

	it('is the same for the same seed, and ordered otherwise for another', () => {
		fc.assert(
			fc.property(seeds, seeds, (a, b) => {
				fc.pre(a !== b);
				const first = questionBank(article, a);
				expect(questionBank(article, a)).toEqual(first);
				const other = questionBank(article, b);
				expect(other.map((q) => q.id)).not.toEqual(first.map((q) => q.id));
			}),
			{ numRuns: 10 }
		);
	});

	it('gives the same ids and choice ids whatever the seed', () => {
		fc.assert(
			fc.property(seeds, seeds, (a, b) => {
				const first = questionBank(article, a);
				const second = questionBank(article, b);
				expect(new Set(second.map((q) => q.id))).toEqual(new Set(first.map((q) => q.id)));
				const rightChoice = (bank: Question[]) =>
					new Map(
						bank.flatMap((q) => (q.type === 'multiple_choice' ? [[q.id, q.correctChoiceId]] : []))
					);
				expect(rightChoice(second)).toEqual(rightChoice(first));
			}),
			{ numRuns: 10 }
		);
	});

	it('shows other valid distractors for another seed where there are more than three', () => {
		const choiceSets = (seed: number) =>
			questionBank(article, seed)
				.filter((q) => q.type === 'multiple_choice')
				.map((q) =>
					q.choices
						.map((c) => c.id)
						.sort()
						.join(',')
				)
				.sort();
		const first = choiceSets(1);
		const varied = [2, 3, 4].some((seed) => choiceSets(seed).join('|') !== first.join('|'));
		expect(varied).toBe(true);
	});
});

describe('questionBank over synthetic bases', () => {
	it('keeps every invariant for any size and seed', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 30, max: 250 }),
				fc.integer({ min: 1, max: 50 }),
				seeds,
				(n, baseSeed, seed) => {
					const base = syntheticFactBase(n, baseSeed);
					expect(problems(questionBank(base, seed), base)).toEqual([]);
				}
			),
			{ numRuns: 25 }
		);
	});

	it('fires every question type and asks about every predicate on a mid-sized base', () => {
		const base = syntheticFactBase(400, 7);
		const bank = questionBank(base, 1);
		expect(new Set(bank.map((q) => q.type))).toEqual(new Set(generatedTypes));
		const predicateOf = new Map(base.facts.map((f) => [f.id, f.predicate]));
		const asked = new Set(
			bank.flatMap((q) => q.provenance?.factIds.map((id) => predicateOf.get(id)) ?? [])
		);
		expect(predicates.filter((p) => !asked.has(p))).toEqual([]);
	});
});

describe('the article bank', () => {
	const bank = questionBank(article, 1);
	const byPrompt = (prompt: string) => bank.filter((q) => q.prompt === prompt);

	it('asks in the article’s own words', () => {
		const prompts = bank.map((q) => q.prompt);
		expect(prompts).toContain('How many points are in China’s position paper?'.replace('’', "'"));
		expect(prompts).toContain(
			'According to the article, who did Xi Jinping hold talks with on Monday, 20 March 2023?'
		);
		expect(prompts).toContain('On what date did Xi arrive at the Kremlin?');
	});

	it('asks for exact counts with tolerance 0 and a unit', () => {
		const [points] = byPrompt("How many points are in China's position paper?").filter(
			(q) => q.type === 'numeric'
		);
		expect(points).toMatchObject({ type: 'numeric', answer: 12, tolerance: 0, unit: 'points' });
	});

	it('accepts aliases in short answers and clozes', () => {
		const typed = bank.filter((q) => q.type === 'short_answer' || q.type === 'cloze');
		expect(typed.length).toBeGreaterThan(20);
		const putin = typed.find((q) => q.type === 'short_answer' && q.answer === 'Vladimir Putin');
		expect(putin?.type === 'short_answer' && putin.alternatives).toContain('Putin');
	});

	it('never offers Putin as someone Xi did not meet on the day they held talks', () => {
		const met = bank.find((q) => q.id === 'mc:who-met:xi-met-mishustin');
		expect(met?.type === 'multiple_choice' && met.choices.map((c) => c.id)).not.toContain(
			'vladimir-putin'
		);
	});

	it('does not put 2022 (year) and February 2022 (month) on one timeline', () => {
		const orderings = bank.filter((q) => q.type === 'ordering');
		expect(orderings.length).toBeGreaterThan(0);
		for (const q of orderings) {
			expect(
				q.provenance?.factIds.includes('bucha-atrocities-date') &&
					q.provenance.factIds.includes('russian-assault-start-date')
			).toBe(false);
		}
	});
});

describe('generateQuestions and defaultQuiz', () => {
	it('filters by type and fact, and limits to a balanced mix', () => {
		const mc = generateQuestions(article, { seed: 3, types: ['multiple_choice'] });
		expect(mc.length).toBeGreaterThan(0);
		expect(mc.every((q) => q.type === 'multiple_choice')).toBe(true);
		const aboutPaper = generateQuestions(article, {
			seed: 3,
			factIds: ['position-paper-point-count']
		});
		expect(aboutPaper.length).toBeGreaterThan(0);
		expect(
			aboutPaper.every((q) => q.provenance?.factIds.includes('position-paper-point-count'))
		).toBe(true);
		const limited = generateQuestions(article, { seed: 3, limit: generatedTypes.length });
		expect(limited).toHaveLength(generatedTypes.length);
		expect(new Set(limited.map((q) => q.type)).size).toBe(generatedTypes.length);
	});

	it('builds a quiz of every type, deterministic for a seed', () => {
		fc.assert(
			fc.property(seeds, fc.integer({ min: generatedTypes.length, max: 30 }), (seed, size) => {
				const bank = questionBank(article, 5);
				const quiz = defaultQuiz(bank, size, seed);
				expect(quiz).toHaveLength(size);
				expect(new Set(quiz.map((q) => q.type))).toEqual(new Set(generatedTypes));
				expect(new Set(quiz.map((q) => q.id)).size).toBe(size);
				expect(defaultQuiz(bank, size, seed)).toEqual(quiz);
			}),
			{ numRuns: 20 }
		);
	});

	it('returns what there is when the bank is small', () => {
		const bank = questionBank(article, 1).slice(0, 5);
		expect(defaultQuiz(bank, 12, 1)).toHaveLength(5);
		expect(defaultQuiz([], 12, 1)).toEqual([]);
	});
});

describe('questionBank drafts predicate by predicate but decides in the base’s order', () => {
	// Two facts from one sentence can blank the same word. The bank drafts the two "visited"
	// facts before the "met" fact between them, yet the earlier fact in the base keeps the blank.
	const sentence =
		'In Moscow on Monday, Xi Jinping met Vladimir Putin for talks over a long dinner.';
	const onMonday = { date: '2023-03-20', precision: 'day', wording: 'on Monday' } as const;
	const base: FactBase = {
		source: {
			id: 'src',
			title: 'Xi in Moscow',
			publishedOn: '2023-03-21',
			body: `Xi Jinping arrived in Russia on Monday for a state visit. ${sentence}`
		},
		entities: [
			{ id: 'xi', kind: 'person', name: 'Xi Jinping', aliases: ['Xi'] },
			{ id: 'putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'] },
			{ id: 'moscow', kind: 'place', name: 'Moscow', aliases: [] },
			{ id: 'russia', kind: 'country', name: 'Russia', aliases: [] }
		],
		facts: [
			{
				id: 'xi-visited-russia',
				predicate: 'visited',
				subject: 'xi',
				object: 'russia',
				date: onMonday,
				statement: 'Xi Jinping visited Russia.',
				quote: 'Xi Jinping arrived in Russia on Monday for a state visit.'
			},
			{
				id: 'xi-met-putin',
				predicate: 'met',
				subject: 'xi',
				object: 'putin',
				place: 'moscow',
				date: onMonday,
				statement: 'Xi Jinping met Vladimir Putin in Moscow.',
				quote: sentence
			},
			{
				id: 'xi-in-moscow',
				predicate: 'visited',
				subject: 'xi',
				object: 'russia',
				place: 'moscow',
				date: onMonday,
				statement: 'Xi Jinping was in Russia.',
				quote: sentence
			}
		]
	};

	it('gives a shared blank and a shared prompt to the earlier fact', () => {
		const ids = questionBank(base, 1).map((q) => q.id);
		expect(ids).toContain('cloze:moscow:xi-met-putin');
		expect(ids).not.toContain('cloze:moscow:xi-in-moscow');
		// "Who visited Russia?" is the first fact's; the third, left with room, is asked true or false.
		expect(ids).toContain('sa:visitor:xi-visited-russia');
		expect(ids).not.toContain('sa:visitor:xi-in-moscow');
		expect(ids).toContain('tf:visited:xi-in-moscow');
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../content/xi-moscow-2023-03-21';
import type { FactBase } from './fact-base';
import { apollo11 } from './fixtures/apollo-11';
import { questionBank } from './generate-questions';
import type { ItemNote, ItemNotes } from './generate/notes';
import { lintBank, type LintRule } from './lint-bank';
import { isExclusive } from './predicates';
import type { Question } from './question';
import { syntheticFactBase } from './synthetic-facts';

const rulesOf = (base: FactBase, questions: Question[], notes?: ItemNotes) =>
	[...new Set(lintBank(base, questions, notes).map((p) => p.rule))].sort();

/** A bank of the base with the generator's notes, and what the linter finds in it. */
function lintGenerated(base: FactBase, seed: number) {
	const notes: ItemNotes = new Map();
	return lintBank(base, questionBank(base, seed, notes), notes);
}

const explanation = '';
const provenance = (factId: string) => ({
	sourceId: xiMoscow.source.id,
	factIds: [factId],
	quote: ''
});

describe('the bank linter finds no problem in what the generator makes', () => {
	it('for the shipped article, over many seeds', { timeout: 60_000 }, () => {
		for (let seed = 1; seed <= 40; seed++) {
			expect(lintGenerated(xiMoscow, seed)).toEqual([]);
		}
	});

	it('for a text from another field', () => {
		for (let seed = 1; seed <= 10; seed++) {
			expect(lintGenerated(apollo11, seed)).toEqual([]);
		}
	});

	it('for synthetic fact bases of any size and seed', { timeout: 60_000 }, () => {
		fc.assert(
			fc.property(fc.integer({ min: 20, max: 400 }), fc.integer(), (size, seed) => {
				const base = syntheticFactBase(size, seed);
				expect(lintGenerated(base, seed)).toEqual([]);
			}),
			{ numRuns: 15 }
		);
	});
});

describe('the shipped bank teaches no falsehood about a relation the article does not deny', () => {
	it(
		'states a true/false item false only where the text makes its slot exclusive',
		{
			timeout: 60_000
		},
		() => {
			const byId = new Map(xiMoscow.facts.map((f) => [f.id, f]));
			const kindOf = (id: string) => xiMoscow.entities.find((e) => e.id === id)?.kind;
			for (let seed = 1; seed <= 40; seed++) {
				for (const q of questionBank(xiMoscow, seed)) {
					const claimsFalse =
						(q.type === 'true_false' && !q.answer) ||
						(q.type === 'true_false_not_given' && q.answer === 'false') ||
						q.type === 'multiple_choice';
					if (!claimsFalse) continue;
					// Independently of the generator's notes: some slot of the item's fact is exclusive.
					const fact = byId.get(q.provenance?.factIds[0] ?? '');
					expect(fact, q.id).toBeDefined();
					const exclusive = ['subject', 'object', 'value', 'date'].some((slot) =>
						isExclusive(fact!, slot as 'subject', kindOf)
					);
					expect(exclusive, `${q.id}: ${q.prompt}`).toBe(true);
				}
			}
		}
	);

	it('no longer marks "China trades with the United States" false, nor offers trading partners as wrong', () => {
		const prompts = questionBank(xiMoscow, 1).map((q) => q.prompt);
		expect(prompts.some((p) => /trades? with/.test(p) && /Which of these/.test(p))).toBe(false);
		const tradeItems = questionBank(xiMoscow, 1).filter((q) =>
			q.provenance?.factIds.some((id) => id.includes('trad'))
		);
		for (const q of tradeItems) {
			expect(q.type === 'multiple_choice' || (q.type === 'true_false' && !q.answer)).toBe(false);
		}
	});
});

describe('the bank linter catches the items the old generator made', () => {
	const cases: { rule: LintRule; question: Question; note?: ItemNote }[] = [
		{
			rule: 'false-not-exclusive',
			question: {
				id: 'tf:trades-with:china-russia-trade-ties',
				type: 'true_false',
				prompt: 'China trades with the United States.',
				answer: false,
				explanation,
				provenance: provenance('china-russia-trade-ties')
			},
			note: { factId: 'china-russia-trade-ties', slot: 'object', swap: 'united-states' }
		},
		{
			rule: 'false-not-exclusive',
			question: {
				id: 'mc:trades-with:japan-china-trading-partners',
				type: 'multiple_choice',
				prompt: 'According to the article, which country does Japan trade with?',
				choices: [
					{ id: 'china', text: 'China' },
					{ id: 'australia', text: 'Australia' },
					{ id: 'russia', text: 'Russia' }
				],
				correctChoiceId: 'china',
				explanation,
				provenance: provenance('japan-china-trading-partners')
			},
			note: { factId: 'japan-china-trading-partners', slot: 'object' }
		},
		{
			rule: 'unanchored-occasion',
			question: {
				id: 'sa:visitor:kishida-visited-kyiv',
				type: 'short_answer',
				prompt: 'Who visited Kyiv?',
				answer: 'Fumio Kishida',
				alternatives: [],
				explanation,
				provenance: provenance('kishida-visited-kyiv')
			},
			note: { factId: 'kishida-visited-kyiv', slot: 'subject' }
		},
		{
			rule: 'option-kind',
			question: {
				id: 'mc:x',
				type: 'multiple_choice',
				prompt: 'Which country said the talks went well?',
				choices: [
					{ id: 'china', text: 'China' },
					{ id: 'gazprom', text: 'Gazprom' },
					{ id: 'japan', text: 'Japan' }
				],
				correctChoiceId: 'china',
				explanation,
				provenance: provenance('xi-said-prioritize-partnership')
			},
			note: { factId: 'xi-said-prioritize-partnership', slot: 'subject' }
		},
		{
			rule: 'cloze-label',
			question: {
				id: 'cloze:western-countries:western-powers-fear-for-taiwan',
				type: 'cloze',
				prompt: "Fill in the blank in the article's words: the country.",
				before: 'deepened fears among ',
				after: ' that China could one day try to take control',
				answer: 'Western powers',
				alternatives: [],
				explanation,
				provenance: provenance('western-powers-fear-for-taiwan')
			},
			note: { factId: 'western-powers-fear-for-taiwan', slot: 'subject' }
		},
		{
			rule: 'not-given-held',
			question: {
				id: 'tfng:visited:xi-visited-russia',
				type: 'true_false_not_given',
				prompt: 'Xi Jinping visited Moscow.',
				answer: 'not_given',
				explanation,
				provenance: provenance('xi-visited-russia')
			},
			note: { factId: 'xi-visited-russia', slot: 'object', swap: 'moscow' }
		},
		{
			rule: 'not-given-exclusive',
			question: {
				id: 'tfng:when:g7-summit-date',
				type: 'true_false_not_given',
				prompt: 'The G7 summit was held in June 2023.',
				answer: 'not_given',
				explanation,
				provenance: provenance('g7-summit-date')
			},
			note: { factId: 'g7-summit-date', slot: 'date', swap: '2023-06' }
		},
		{
			rule: 'wording',
			question: {
				id: 'date:x',
				type: 'date',
				prompt: "On what date did Xi's arrival at the Kremlin take place?",
				answer: '2023-03-21',
				precision: 'day',
				explanation
			}
		},
		{
			rule: 'wording',
			question: {
				id: 'sa:x',
				type: 'short_answer',
				prompt: 'Who have argued that China’s proposals are light on solutions?',
				answer: 'Western countries',
				alternatives: [],
				explanation
			}
		},
		{
			rule: 'relative-date',
			question: {
				id: 'sa:y',
				type: 'short_answer',
				prompt: 'Which country said last week that the proposals were a stalling tactic?',
				answer: 'United States',
				alternatives: [],
				explanation
			}
		},
		{
			rule: 'answer-in-prompt',
			question: {
				id: 'sa:z',
				type: 'short_answer',
				prompt: 'Which document did Putin praise, China’s position paper or another?',
				answer: 'position paper',
				alternatives: [],
				explanation
			}
		}
	];

	it.each(cases.map((c) => [c.rule, c.question.prompt, c] as const))('%s: %s', (rule, _p, c) => {
		const notes: ItemNotes = new Map(c.note ? [[c.question, c.note]] : []);
		expect(rulesOf(xiMoscow, [c.question], notes)).toContain(rule);
	});

	it('an example date in the date input’s hint that is an answer', () => {
		const bank: Question[] = [
			{
				id: 'date:when:x',
				type: 'date',
				prompt: 'On what date did Xi arrive at the Kremlin?',
				answer: '2023-03-21',
				precision: 'day',
				explanation
			}
		];
		expect(rulesOf(xiMoscow, bank)).toEqual([]);
		const oldHint = () => 'Like 21 March 2023, or pick it below.';
		expect(lintBank(xiMoscow, bank, new Map(), oldHint).map((p) => p.rule)).toContain(
			'answer-in-hint'
		);
	});
});

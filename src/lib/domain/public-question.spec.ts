import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionArb } from './formats/golden/arbitraries';
import { goldenSet } from './formats/golden/golden-set';
import { gradeAnswer } from './grade-answer';
import { correctResponse, describeAnswer, toPublicQuestion } from './public-question';
import type { OrderingQuestion, Question } from './question';

/** Every key of every object in a JSON value. */
function keysOf(value: unknown): Set<string> {
	const keys = new Set<string>();
	const walk = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (v !== null && typeof v === 'object') {
			for (const [k, inner] of Object.entries(v)) {
				keys.add(k);
				walk(inner);
			}
		}
	};
	walk(JSON.parse(JSON.stringify(value)));
	return keys;
}

const secretKeys = [
	'correctChoiceId',
	'answer',
	'alternatives',
	'tolerance',
	'explanation',
	'provenance',
	'feedback',
	'pairs',
	'quote',
	'factIds'
];

describe('toPublicQuestion', () => {
	it('leaks no answer key for any question of any type', () => {
		fc.assert(
			fc.property(questionArb, fc.integer(), (q, seed) => {
				const keys = keysOf(toPublicQuestion(q, seed, 'q1'));
				for (const secret of secretKeys) expect(keys.has(secret)).toBe(false);
			})
		);
	});

	it('never shows the question’s own id, which may name the fact it asks about', () => {
		fc.assert(
			fc.property(questionArb, fc.integer(), (q, seed) => {
				expect(toPublicQuestion(q, seed, 'q7').id).toBe('q7');
			})
		);
	});

	it('shows what each type needs', () => {
		const shown = goldenSet.questions.map((q) => toPublicQuestion(q, 1, 'q1'));
		expect(shown.map((p) => p.type)).toEqual(goldenSet.questions.map((q) => q.type));
		expect(shown[0]).toEqual({
			id: 'q1',
			title: 'Dear friend',
			type: 'multiple_choice',
			prompt: 'Which leader called Xi Jinping "dear friend" at their talks on Monday?',
			choices: [
				{ id: 'a', text: 'Vladimir Putin' },
				{ id: 'b', text: 'Fumio Kishida' },
				{ id: 'c', text: 'Mikhail Mishustin' }
			]
		});
		expect(shown[3]).toMatchObject({ type: 'numeric', unit: 'hours' });
		expect(shown[4]).toMatchObject({ type: 'date', precision: 'day' });
		expect(shown[5]).toMatchObject({
			type: 'matching',
			lefts: ['Xi Jinping', 'Vladimir Putin', 'Fumio Kishida']
		});
		expect(shown[7]).toMatchObject({
			type: 'cloze',
			before: 'Xi hailed Russia and China as "',
			after: '" on the second day of his visit.'
		});
	});

	it('shuffles matching rights and ordering items by seed, never into the right order', () => {
		fc.assert(
			fc.property(questionArb, fc.integer(), (q, seed) => {
				const shown = toPublicQuestion(q, seed, 'q1');
				expect(toPublicQuestion(q, seed, 'q1')).toEqual(shown);
				if (q.type === 'ordering' && shown.type === 'ordering') {
					expect([...shown.items].sort()).toEqual([...q.items].sort());
					expect(shown.items).not.toEqual(q.items);
				}
				if (q.type === 'matching' && shown.type === 'matching') {
					const rights = q.pairs.map((p) => p.right);
					expect([...shown.rights].sort()).toEqual([...rights].sort());
					expect(shown.rights).not.toEqual(rights);
				}
			})
		);
	});

	it('varies the shuffle with the seed', () => {
		const q: OrderingQuestion = {
			id: 'o',
			type: 'ordering',
			prompt: 'Order',
			items: ['a', 'b', 'c', 'd', 'e'],
			explanation: ''
		};
		const layouts = new Set<string>();
		for (let seed = 0; seed < 30; seed++) {
			const shown = toPublicQuestion(q, seed, 'q1');
			if (shown.type === 'ordering') layouts.add(shown.items.join(''));
		}
		expect(layouts.size).toBeGreaterThan(10);
	});
});

describe('correctResponse and describeAnswer', () => {
	it('grades the correct response as correct, for every type graded by itself', () => {
		const check = (q: Question) => {
			const response = correctResponse(q);
			if (q.type === 'description') expect(response).toBeUndefined();
			// An open response is never graded by the app: it waits for its learner's mark.
			else if (q.type === 'open_response') expect(gradeAnswer(q, response!).pending).toBe(true);
			else expect(gradeAnswer(q, response!)).toMatchObject({ correct: true, score: 1 });
		};
		fc.assert(fc.property(questionArb, check), { numRuns: 500 });
		for (const q of goldenSet.questions) check(q);
	});

	it('describes the right answer as text', () => {
		const described = Object.fromEntries(
			goldenSet.questions.map((q: Question) => [q.type, describeAnswer(q)])
		);
		expect(described).toEqual({
			multiple_choice: 'Vladimir Putin',
			true_false: 'True',
			short_answer: 'Xi Jinping (also accepted: Xi, the Chinese leader)',
			numeric: '4.5 hours (±0.5)',
			date: '21 March 2023',
			matching:
				'Xi Jinping → Chinese leader; Vladimir Putin → Russian President; Fumio Kishida → Japanese Prime Minister',
			ordering:
				"1. Russia's assault on Ukraine started; 2. Xi and Putin held four and a half hours of talks; 3. Xi met Prime Minister Mikhail Mishustin",
			cloze: 'great neighboring powers (also accepted: great neighbouring powers)',
			multiple_response: 'India; Australia',
			open_response:
				'Putin is under Western sanctions and an ICC warrant; a visit from China’s leader shows he is not isolated.',
			description: ''
		});
	});
});

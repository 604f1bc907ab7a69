import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionArb } from '$lib/domain/formats/golden/arbitraries';
import { goldenSet } from '$lib/domain/formats/golden/golden-set';
import type { Question } from '$lib/domain/question';
import {
	applyIntent,
	emptyValues,
	questionFromValues,
	readValues,
	valuesFromQuestion,
	type EditorValues
} from './question-form';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) data.append(k, x);
	return data;
}

function errorsOf(values: EditorValues) {
	const result = questionFromValues(values, 'q1');
	expect(result.ok).toBe(false);
	return result.ok ? {} : result.errors;
}

describe('readValues', () => {
	it('reads every field and row of a submitted form', () => {
		const values = readValues(
			form({
				type: 'multiple_choice',
				prompt: 'Capital of Italy?',
				choiceText: ['Rome', 'Milan'],
				choiceFeedback: ['Yes', ''],
				choiceId: ['a', ''],
				correct: '0',
				explanation: 'Rome is.'
			})
		);
		expect(values).toMatchObject({
			type: 'multiple_choice',
			prompt: 'Capital of Italy?',
			choices: [
				{ id: 'a', text: 'Rome', feedback: 'Yes' },
				{ id: '', text: 'Milan', feedback: '' }
			],
			correct: '0'
		});
		expect(readValues(form({ type: 'essay' }))).toBeUndefined();
		// A tampered form cannot grow rows without end.
		expect(readValues(form({ type: 'ordering', item: Array(500).fill('x') }))!.items.length).toBe(
			21
		);
	});
});

describe('applyIntent', () => {
	it('adds and removes rows, keeping what was typed and the right choice', () => {
		const values: EditorValues = {
			...emptyValues('multiple_choice'),
			choices: [
				{ id: 'a', text: 'A', feedback: '', right: false, weight: '' },
				{ id: 'b', text: 'B', feedback: '', right: false, weight: '' },
				{ id: 'c', text: 'C', feedback: '', right: false, weight: '' }
			],
			correct: '2'
		};
		const added = applyIntent(values, 'add-choice')!;
		expect(added.choices.map((c) => c.text)).toEqual(['A', 'B', 'C', '']);
		const removed = applyIntent(added, 'remove-choice:0')!;
		expect(removed.choices.map((c) => c.text)).toEqual(['B', 'C', '']);
		expect(removed.correct).toBe('1');
		expect(applyIntent(removed, 'remove-choice:1')!.correct).toBe('');
		expect(applyIntent(values, 'add-pair')!.pairs).toHaveLength(4);
		expect(applyIntent(values, 'remove-item:9')!.items).toHaveLength(3);
		expect(applyIntent(values, 'save')).toBeUndefined();
	});
});

describe('questionFromValues', () => {
	it('builds a question of each type from its values, and back', () => {
		for (const q of goldenSet.questions) {
			const { provenance: _p, ...withoutProvenance } = q;
			const result = questionFromValues(valuesFromQuestion(q), q.id);
			expect(result).toEqual({ ok: true, question: withoutProvenance });
		}
	});

	it('gives back any valid question it was given, trimmed texts aside', () => {
		fc.assert(
			fc.property(questionArb, (q: Question) => {
				const result = questionFromValues(valuesFromQuestion(q), q.id);
				if (!result.ok) {
					// The editor is stricter than the model only about repeated choice texts.
					expect(['multiple_choice', 'multiple_response']).toContain(q.type);
					expect(Object.values(result.errors).join()).toContain('repeats choice');
					return;
				}
				const { provenance: _p, ...rest } = q;
				if (rest.type === 'short_answer' || rest.type === 'cloze') {
					// The editor keeps one copy of each alternative and none that repeats the answer.
					rest.alternatives = [...new Set(rest.alternatives)].filter((a) => a !== rest.answer);
				}
				expect(result.question).toEqual(rest);
			}),
			{
				numRuns: 300,
				examples: [
					[
						{
							id: '0',
							prompt: '~',
							explanation: '!',
							type: 'cloze',
							before: '',
							after: '!',
							answer: 'x',
							alternatives: ['x', 'y', 'y']
						}
					]
				]
			}
		);
	});

	it('needs two choices and exactly one right one', () => {
		const values = emptyValues('multiple_choice');
		values.prompt = 'Pick';
		values.choices[0]!.text = 'Only';
		expect(errorsOf(values)).toEqual({
			choices: 'A choice question needs at least two choices.',
			correct: 'Mark exactly one choice as the right one.'
		});
		values.choices[1]!.text = 'Other';
		values.correct = '2';
		expect(errorsOf(values)).toEqual({
			correct: 'Mark one of the filled-in choices as the right one.'
		});
		values.correct = '1';
		values.choices[2]!.feedback = 'Orphan feedback';
		expect(errorsOf(values)).toEqual({ 'choice-2': 'Write the choice, or clear its feedback.' });
		values.choices[2]!.text = 'only';
		expect(errorsOf(values)).toEqual({ 'choice-2': 'This repeats choice 1.' });
		values.choices[2]!.text = 'Third';
		const result = questionFromValues(values, 'q1');
		expect(result).toMatchObject({
			ok: true,
			question: {
				choices: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3', feedback: 'Orphan feedback' }],
				correctChoiceId: 'c2'
			}
		});
	});

	it('needs a number and a tolerance of zero or more', () => {
		const values = {
			...emptyValues('numeric'),
			prompt: 'How many?',
			answer: 'lots',
			tolerance: '-1'
		};
		expect(errorsOf(values)).toEqual({
			answer: 'Give the answer as a number, like 4.5 or -12.',
			tolerance: 'The tolerance must be zero or more.'
		});
		expect(errorsOf({ ...values, answer: '4', tolerance: 'a bit' })).toEqual({
			tolerance: 'Give the tolerance as a number, like 0 or 0.5.'
		});
		expect(
			questionFromValues({ ...values, answer: '4.5', tolerance: '', unit: ' hours ' }, 'n')
		).toEqual({
			ok: true,
			question: {
				id: 'n',
				type: 'numeric',
				prompt: 'How many?',
				explanation: '',
				answer: 4.5,
				tolerance: 0,
				unit: 'hours'
			}
		});
	});

	it('needs two pairs for matching and three items for ordering', () => {
		const matching = { ...emptyValues('matching'), prompt: 'Match' };
		matching.pairs[0] = { left: 'a', right: 'b' };
		matching.pairs[1] = { left: 'c', right: '' };
		expect(errorsOf(matching)).toEqual({
			'pair-1': 'Fill in both sides of this pair, or clear it.',
			pairs: 'A matching question needs at least two pairs.'
		});
		const ordering = { ...emptyValues('ordering'), prompt: 'Order', items: ['a', '', 'b'] };
		expect(errorsOf(ordering)).toEqual({
			items: 'An ordering question needs at least three items.'
		});
		expect(errorsOf({ ...ordering, items: ['a', 'b', 'a'] })).toEqual({
			'item-2': 'This item repeats an earlier one.'
		});
	});

	it('says what is missing for the other types', () => {
		expect(errorsOf(emptyValues('true_false'))).toEqual({
			prompt: 'Write the question.',
			truth: 'Say whether the statement is true or false.'
		});
		expect(errorsOf({ ...emptyValues('short_answer'), prompt: 'Who?' })).toEqual({
			answer: 'Write the answer.'
		});
		expect(errorsOf({ ...emptyValues('date'), prompt: 'When?', answer: '2023-02-30' })).toEqual({
			answer: 'Give a real date written YYYY-MM-DD, like 2023-03-21.'
		});
		expect(
			errorsOf({ ...emptyValues('date'), prompt: 'When?', answer: '2023-03', precision: 'year' })
		).toEqual({ answer: 'Give a real date written YYYY, like 2023.' });
		expect(errorsOf({ ...emptyValues('cloze'), answer: 'x' })).toEqual({
			before: 'Write the sentence around the blank: some text before it, after it, or both.'
		});
		expect(
			errorsOf({ ...emptyValues('short_answer'), prompt: 'x'.repeat(2001), answer: 'a' })
		).toEqual({
			prompt: 'At most 2,000 characters.'
		});
	});
});

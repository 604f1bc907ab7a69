import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	answerSpread,
	BASE_POINTS,
	BONUS_WINDOW_MS,
	MAX_SPEED_BONUS,
	MAX_SPREAD_ROWS,
	pointsFor,
	questionOutcome,
	rankPlayers,
	type GivenAnswer
} from './live-scoring';
import type { MultipleChoiceQuestion, ShortAnswerQuestion, TrueFalseQuestion } from './question';

const base = { id: 'q', prompt: 'Who?', explanation: '' };
const choice: MultipleChoiceQuestion = {
	...base,
	type: 'multiple_choice',
	choices: [
		{ id: 'a', text: 'Putin' },
		{ id: 'b', text: 'Xi Jinping' },
		{ id: 'c', text: 'Mishustin' }
	],
	correctChoiceId: 'b'
};
const truth: TrueFalseQuestion = { ...base, type: 'true_false', answer: false };
const typed: ShortAnswerQuestion = {
	...base,
	type: 'short_answer',
	answer: 'Moscow',
	alternatives: []
};
const picked = (choiceId: string): GivenAnswer => ({
	response: { type: 'multiple_choice', choiceId },
	correct: choiceId === 'b'
});
const wrote = (text: string, correct = false): GivenAnswer => ({
	response: { type: 'short_answer', text },
	correct
});

describe('pointsFor', () => {
	it('gives nothing for a wrong answer, however quick', () => {
		expect(pointsFor({ correct: false, elapsedMs: 0, timerMs: 10_000, speedBonus: true })).toBe(0);
	});

	it('gives the base points without the speed bonus, however slow', () => {
		expect(pointsFor({ correct: true, elapsedMs: 99_000, timerMs: null, speedBonus: false })).toBe(
			BASE_POINTS
		);
	});

	it('adds a bonus that falls from its maximum to nothing over the timer', () => {
		const at = (elapsedMs: number) =>
			pointsFor({ correct: true, elapsedMs, timerMs: 20_000, speedBonus: true });
		expect(at(0)).toBe(BASE_POINTS + MAX_SPEED_BONUS);
		expect(at(10_000)).toBe(BASE_POINTS + MAX_SPEED_BONUS / 2);
		expect(at(20_000)).toBe(BASE_POINTS);
		expect(at(25_000)).toBe(BASE_POINTS);
	});

	it('uses a fixed window without a timer', () => {
		expect(
			pointsFor({ correct: true, elapsedMs: BONUS_WINDOW_MS / 2, timerMs: null, speedBonus: true })
		).toBe(BASE_POINTS + MAX_SPEED_BONUS / 2);
	});

	it('never lets speed outweigh a right answer, and never falls with less time (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1000, max: 200_000 }),
				fc.integer({ min: 0, max: 200_000 }),
				fc.option(fc.integer({ min: 10_000, max: 120_000 }), { nil: null }),
				(a, b, timerMs) => {
					const p = (elapsedMs: number) =>
						pointsFor({ correct: true, elapsedMs, timerMs, speedBonus: true });
					expect(p(a)).toBeGreaterThanOrEqual(BASE_POINTS);
					expect(p(a)).toBeLessThanOrEqual(BASE_POINTS + MAX_SPEED_BONUS);
					if (a <= b) expect(p(a)).toBeGreaterThanOrEqual(p(b));
					// Two right answers always beat one right answer at the best speed.
					expect(2 * BASE_POINTS).toBeGreaterThan(p(0));
				}
			)
		);
	});
});

describe('rankPlayers', () => {
	it('orders by points, shares a rank on ties, and skips the ranks tied players take', () => {
		const ranked = rankPlayers([
			{ userId: 'a', name: 'Ana', points: 100, right: 1 },
			{ userId: 'b', name: 'Bo', points: 220, right: 2 },
			{ userId: 'c', name: 'Cy', points: 100, right: 1 },
			{ userId: 'd', name: 'Di', points: 0, right: 0 }
		]);
		expect(ranked.map((r) => [r.name, r.rank])).toEqual([
			['Bo', 1],
			['Ana', 2],
			['Cy', 2],
			['Di', 4]
		]);
	});
});

describe('answerSpread', () => {
	it('lists every choice in its order, picked or not, with the right one marked', () => {
		expect(answerSpread(choice, [picked('a'), picked('b'), picked('b')])).toEqual([
			{ label: 'Putin', count: 1, correct: false },
			{ label: 'Xi Jinping', count: 2, correct: true },
			{ label: 'Mishustin', count: 0, correct: false }
		]);
	});

	it('lists True and False for a true-or-false question', () => {
		const answers: GivenAnswer[] = [
			{ response: { type: 'true_false', value: true }, correct: false }
		];
		expect(answerSpread(truth, answers)).toEqual([
			{ label: 'True', count: 1, correct: false },
			{ label: 'False', count: 0, correct: true }
		]);
	});

	it('groups typed answers by their text, ignoring case and spacing, most given first', () => {
		const rows = answerSpread(typed, [
			wrote('Kyiv'),
			wrote('moscow', true),
			wrote(' Moscow ', true),
			wrote('kyiv')
		]);
		expect(rows.map((r) => [r.count, r.correct])).toEqual([
			[2, true],
			[2, false]
		]);
	});

	it('shows the right answer even when nobody gave it', () => {
		expect(answerSpread(typed, [wrote('Kyiv')])).toEqual([
			{ label: 'Kyiv', count: 1, correct: false },
			{ label: 'Moscow', count: 0, correct: true }
		]);
	});

	it('folds rare typed answers into one row, keeping the right answer its own', () => {
		const answers = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'g'].map((t) =>
			wrote(t)
		);
		const rows = answerSpread(typed, answers);
		expect(rows).toHaveLength(MAX_SPREAD_ROWS);
		expect(rows.some((r) => r.label === 'Moscow' && r.correct)).toBe(true);
		expect(rows.at(-1)!.label).toMatch(/^Other answers \(\d+\)$/);
		expect(rows.reduce((n, r) => n + r.count, 0)).toBe(answers.length);
	});

	it('counts every answer exactly once (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'b', 'c')), (ids) => {
				const rows = answerSpread(choice, ids.map(picked));
				expect(rows.reduce((n, r) => n + r.count, 0)).toBe(ids.length);
				expect(rows.filter((r) => r.correct)).toHaveLength(1);
			})
		);
	});
});

describe('questionOutcome', () => {
	it('gives the share right and the wrong answer given most', () => {
		expect(questionOutcome(choice, [picked('a'), picked('a'), picked('c'), picked('b')])).toEqual({
			answers: 4,
			right: 1,
			percentRight: 25,
			topWrong: { label: 'Putin', count: 2 }
		});
	});

	it('has no share and no wrong answer without answers', () => {
		expect(questionOutcome(choice, [])).toEqual({
			answers: 0,
			right: 0,
			percentRight: null,
			topWrong: null
		});
	});
});

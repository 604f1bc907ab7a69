import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultipleChoiceQuestion, Question } from '../question';
import { exportAiken, parseAiken } from './aiken';
import { questionArbs } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import { shortHash } from './json';

function read(text: string) {
	const result = parseAiken(text);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	expect(result.ok).toBe(true);
	return result.questions;
}

function errorsOf(text: string) {
	const result = parseAiken(text);
	if (!result.ok) return result.errors;
	expect(result.skipped.length).toBeGreaterThan(0);
	return result.skipped.map((s) => ({ line: s.line, message: s.reason }));
}

const withoutId = ({ id: _id, ...rest }: Question) => rest;

describe('parseAiken', () => {
	it("reads Moodle's documented example", () => {
		const text = [
			'What is the correct answer to this question?',
			'A. Is it this one?',
			'B. Maybe this answer?',
			'C. Possibly this one?',
			'D. Must be this one!',
			'ANSWER: D',
			'',
			'Which LMS has the most quiz import formats?',
			'A) Moodle',
			'B) ATutor',
			'C) Claroline',
			'D) Blackboard',
			'E) WebCT',
			'F) Ilias',
			'ANSWER: A'
		].join('\n');
		const questions = read(text);
		expect(questions).toHaveLength(2);
		expect(questions[0]).toEqual({
			id: `aiken-${shortHash(text.split('\n').slice(0, 6).join('\n'))}`,
			type: 'multiple_choice',
			prompt: 'What is the correct answer to this question?',
			choices: [
				{ id: 'A', text: 'Is it this one?' },
				{ id: 'B', text: 'Maybe this answer?' },
				{ id: 'C', text: 'Possibly this one?' },
				{ id: 'D', text: 'Must be this one!' }
			],
			correctChoiceId: 'D',
			explanation: ''
		});
		expect(questions[1]).toMatchObject({ correctChoiceId: 'A', choices: { length: 6 } });
	});

	it('accepts CRLF, a byte order mark, no blank lines between questions, and multi-line text', () => {
		const questions = read(
			'\uFEFFFirst line\r\nsecond line?\r\nA. a\r\nB. b\r\nANSWER: b\r\nNext?\r\nA. x\r\nB. y\r\nANSWER:A'
		);
		expect(questions.map((q) => [q.prompt, q.correctChoiceId])).toEqual([
			['First line\nsecond line?', 'B'],
			['Next?', 'A']
		]);
	});

	it('gives identical questions distinct ids', () => {
		const block = 'Q?\nA. a\nB. b\nANSWER: A';
		const ids = read(`${block}\n\n${block}`).map((q) => q.id);
		expect(new Set(ids).size).toBe(2);
	});

	describe('malformed files name the line and what is wrong', () => {
		it.each([
			['no ANSWER line at the end', 'Q?\nA. a\nB. b', 1, 'no ANSWER: line'],
			[
				'no ANSWER line before the next question',
				'Q?\nA. a\nB. b\n\nNext?\nA. x\nB. y\nANSWER: A',
				1,
				'no ANSWER: line'
			],
			['an answer with no choice', 'Q?\nA. a\nB. b\nANSWER: E', 4, 'ANSWER: E names no choice'],
			['an answer that is no letter', 'Q?\nA. a\nB. b\nANSWER: yes', 4, 'letter of the right'],
			['an empty answer', 'Q?\nA. a\nB. b\nANSWER:', 4, 'letter of the right'],
			['one choice', 'Q?\nA. only\nANSWER: A', 1, 'at least 2 choices'],
			['no choices', 'Q?\nANSWER: A', 1, 'at least 2 choices'],
			['labels out of order', 'Q?\nA. a\nC. c\nANSWER: A', 3, 'choice C where B was expected'],
			['a lower-case label', 'Q?\nA. a\nb. b\nANSWER: A', 3, 'neither a choice nor the ANSWER'],
			['a label without a full stop', 'Q?\nA. a\nB b\nANSWER: A', 3, 'neither a choice'],
			['an empty choice', 'Q?\nA. a\nB. \nANSWER: A', 3, 'neither a choice'],
			['an answer line first', 'ANSWER: A', 1, 'no question before it'],
			['a choice first', 'A. a\nB. b\nANSWER: A', 1, 'no question text before it'],
			['text only', 'Just a sentence.', 1, 'no choices and no ANSWER']
		])('%s', (_, text, line, message) => {
			const errors = errorsOf(`Fine?\nA. yes\nB. no\nANSWER: A\n\n${text}`);
			const found = errors.find((e) => e.message.includes(message));
			expect(found, JSON.stringify(errors)).toBeDefined();
			expect(found!.line).toBe(line + 5);
		});

		it('takes up to 26 choices, A to Z', () => {
			const choices = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((l) => `${l}. ${l}`);
			expect(read(`Q?\n${choices.join('\n')}\nANSWER: Z`)[0]!.choices).toHaveLength(26);
		});

		it('reports every broken question, not only the first', () => {
			const errors = errorsOf(
				'Q1?\nA. a\nANSWER: A\n\nQ2?\nA. a\nB. b\nANSWER: A\n\nQ3?\nA. a\nB. b\nANSWER: Q'
			);
			expect(errors.map((e) => e.line)).toEqual([1, 13]);
		});
	});
});

describe('exportAiken', () => {
	it('writes the choice questions and says what it left out', () => {
		const { text, leftOut } = exportAiken(goldenSet);
		expect(text).toBe(
			[
				'Which leader called Xi Jinping "dear friend" at their talks on Monday?',
				'A. Vladimir Putin',
				'B. Fumio Kishida',
				'C. Mikhail Mishustin',
				'ANSWER: A',
				''
			].join('\n')
		);
		expect(leftOut.map((l) => l.id)).toEqual(
			goldenSet.questions.filter((q) => q.type !== 'multiple_choice').map((q) => q.id)
		);
		expect(leftOut[0]!.reason).toContain('Aiken holds only multiple choice');
	});

	it('leaves out a prompt that would read as a choice, and puts a multi-line prompt on one line', () => {
		const mc = (prompt: string): MultipleChoiceQuestion => ({
			id: prompt,
			type: 'multiple_choice',
			prompt,
			choices: [
				{ id: 'x', text: 'one' },
				{ id: 'y', text: 'two' }
			],
			correctChoiceId: 'y',
			explanation: ''
		});
		const { text, leftOut } = exportAiken({
			id: 's',
			title: 't',
			questions: [mc('B. Lincoln was?'), mc('answer: this'), mc('Two\nlines')]
		});
		expect(leftOut.map((l) => l.id)).toEqual(['B. Lincoln was?', 'answer: this']);
		expect(text).toBe('Two lines\nA. one\nB. two\nANSWER: B\n');
	});
});

describe('round trip', () => {
	/** A multiple choice question reduced to what Aiken can say. */
	const aikenable = questionArbs.multiple_choice
		.filter((q) => !/^(?:[A-Z][.)][ \t]|ANSWER\s*:)/i.test(q.prompt))
		.map((q): MultipleChoiceQuestion => ({
			id: q.id,
			type: 'multiple_choice',
			prompt: q.prompt,
			choices: q.choices.map((c, i) => ({ id: 'ABCDEFGHIJ'[i]!, text: c.text })),
			correctChoiceId: 'ABCDEFGHIJ'[q.choices.findIndex((c) => c.id === q.correctChoiceId)]!,
			explanation: ''
		}));

	it('export then import gives back the same questions (ids aside: Aiken has none)', () => {
		fc.assert(
			fc.property(fc.array(aikenable, { maxLength: 6 }), (questions) => {
				const { text, leftOut } = exportAiken({ id: 's', title: 'T', questions });
				expect(leftOut).toEqual([]);
				const back = parseAiken(text);
				expect(back.ok).toBe(true);
				if (back.ok) expect(back.questions.map(withoutId)).toEqual(questions.map(withoutId));
			}),
			{ numRuns: 400 }
		);
	});

	it('keeps the prompt, choices and right answer of any multiple choice question', () => {
		fc.assert(
			fc.property(questionArbs.multiple_choice, (q) => {
				const { text, leftOut } = exportAiken({ id: 's', title: 'T', questions: [q] });
				if (leftOut.length) return;
				const back = read(text);
				expect(back[0]!.prompt).toBe(q.prompt);
				expect(back[0]!.choices.map((c) => c.text)).toEqual(q.choices.map((c) => c.text));
				const right = q.choices.findIndex((c) => c.id === q.correctChoiceId);
				expect(back[0]!.choices[right]!.id).toBe(back[0]!.correctChoiceId);
			}),
			{ numRuns: 300 }
		);
	});
});

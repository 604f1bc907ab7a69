import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionArbs, textArb } from './formats/golden/arbitraries';
import {
	gradeAnswer,
	isMisspelling,
	sameUnit,
	selfMarkGrade,
	selfMarks,
	typoAllowance,
	type Response
} from './grade-answer';
import { normalise } from './normalise';
import type {
	ClozeQuestion,
	DateQuestion,
	MatchingQuestion,
	MultipleChoiceQuestion,
	NumericQuestion,
	OrderingQuestion,
	Question,
	ShortAnswerQuestion,
	TrueFalseQuestion
} from './question';

const base = { id: 'q', prompt: 'Prompt', explanation: '' };

const xi: ShortAnswerQuestion = {
	...base,
	type: 'short_answer',
	answer: 'Xi Jinping',
	alternatives: ['Xi', 'the Chinese leader']
};
const twelve: ShortAnswerQuestion = {
	...base,
	type: 'short_answer',
	answer: '12',
	alternatives: []
};
const kyiv: ShortAnswerQuestion = {
	...base,
	type: 'short_answer',
	answer: 'Kyiv',
	alternatives: []
};
const hours: NumericQuestion = {
	...base,
	type: 'numeric',
	answer: 4.5,
	tolerance: 0.5,
	unit: 'hours'
};
const points: NumericQuestion = { ...base, type: 'numeric', answer: 12, tolerance: 0 };
const talks: DateQuestion = { ...base, type: 'date', answer: '2023-03-21', precision: 'day' };
const march: DateQuestion = { ...base, type: 'date', answer: '2023-03', precision: 'month' };
const year: DateQuestion = { ...base, type: 'date', answer: '2022', precision: 'year' };

const typed = (text: string): Response => ({ type: 'short_answer', text });
const number = (text: string): Response => ({ type: 'numeric', text });
const date = (text: string): Response => ({ type: 'date', text });

describe('typed answers', () => {
	it.each([
		['Xi Jinping', 'accepted: exact'],
		['xi jinping', 'accepted: case, punctuation or spacing'],
		['  Xi-Jinping. ', 'accepted: case, punctuation or spacing'],
		['XiJinping', 'accepted: case, punctuation or spacing'],
		['Xi', 'accepted: alias of Xi Jinping'],
		['The Chinese Leader', 'accepted: alias of Xi Jinping'],
		['Xi Jinpimg', 'accepted: spelling'],
		['Xi Jinpnig', 'accepted: spelling'],
		['Chinese leeder', 'accepted: spelling, alias of Xi Jinping']
	])('accepts %j for Xi Jinping (%s)', (text, reason) => {
		expect(gradeAnswer(xi, typed(text))).toEqual({ correct: true, score: 1, reason });
	});

	it.each(['Putin', 'Xu Jinping', 'Xi Jinpimgg x', 'Jinping', 'Xi Jinpiiiing', 'Ji Jinping'])(
		'rejects %j for Xi Jinping',
		(text) => {
			expect(gradeAnswer(xi, typed(text))).toEqual({
				correct: false,
				score: 0,
				reason: 'rejected: a different answer'
			});
		}
	);

	it('rejects an empty answer with its own reason', () => {
		expect(gradeAnswer(xi, typed('  '))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: no answer'
		});
	});

	it('compares numeric answers as numbers, exactly', () => {
		expect(gradeAnswer(twelve, typed('twelve'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: same number'
		});
		expect(gradeAnswer(twelve, typed('12.0')).correct).toBe(true);
		expect(gradeAnswer(twelve, typed('13'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: a different number'
		});
		expect(gradeAnswer(twelve, typed('thirteen')).correct).toBe(false);
	});

	it('gives no typo tolerance to short words or to numbers', () => {
		expect(gradeAnswer(kyiv, typed('Kiev')).correct).toBe(false);
		expect(gradeAnswer({ ...kyiv, alternatives: ['Kiev'] }, typed('Kiev'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: alias of Kyiv'
		});
		const apollo: ShortAnswerQuestion = { ...kyiv, answer: 'Apollo 11' };
		expect(gradeAnswer(apollo, typed('Apollo 12')).correct).toBe(false);
		expect(gradeAnswer(apollo, typed('Apolo 11')).correct).toBe(true);
		const year: ShortAnswerQuestion = { ...kyiv, answer: '1984' };
		expect(gradeAnswer(year, typed('1985')).correct).toBe(false);
	});

	it.each([
		['Austria', 'Australia'],
		['Slovakia', 'Slovenia'],
		['Gambia', 'Zambia'],
		['North Korea', 'South Korea'],
		['Kim Jong-un', 'Kim Jong-il'],
		['Niger', 'Nigeria']
	])('never takes %s for %s', (answer, text) => {
		const q: ShortAnswerQuestion = { ...base, type: 'short_answer', answer, alternatives: [] };
		expect(gradeAnswer(q, typed(text)).correct).toBe(false);
		expect(gradeAnswer({ ...q, answer: text }, typed(answer)).correct).toBe(false);
	});

	it('grades a cloze blank the same way, with either typed response type', () => {
		const cloze: ClozeQuestion = {
			...base,
			type: 'cloze',
			before: 'Xi hailed Russia and China as "',
			after: '".',
			answer: 'great neighboring powers',
			alternatives: ['great neighbouring powers']
		};
		expect(gradeAnswer(cloze, { type: 'cloze', text: 'great neighbouring powers' }).reason).toBe(
			'accepted: alias of great neighboring powers'
		);
		expect(gradeAnswer(cloze, typed('Great neighboring powers')).correct).toBe(true);
		expect(gradeAnswer(cloze, typed('good neighbours')).correct).toBe(false);
	});

	it('sets the typo allowance by letters: none under 5, 1 up to 9, 2 from 10', () => {
		expect([4, 5, 9, 10, 20].map((n) => typoAllowance('a'.repeat(n)))).toEqual([0, 1, 1, 2, 2]);
		expect(typoAllowance('apollo11')).toBe(0);
		expect(isMisspelling('sergei lavorv', 'sergei lavrov')).toBe(true);
		expect(isMisspelling('serge lavorv', 'sergei lavrov')).toBe(true);
		expect(isMisspelling('serg lavorv', 'sergei lavrov')).toBe(false);
		expect(isMisspelling('vladimer putn', 'vladimir putin')).toBe(true);
		expect(isMisspelling('vladimer putn', 'vladimir putin x')).toBe(false);
		expect(isMisspelling('vladimr putn', 'vladimir putin')).toBe(true);
		expect(isMisspelling('vladmr putn', 'vladimir putin')).toBe(false);
	});

	it('always accepts the canonical answer and every alternative', () => {
		fc.assert(
			fc.property(fc.oneof(questionArbs.short_answer, questionArbs.cloze), (q) => {
				for (const text of [q.answer, ...q.alternatives]) {
					expect(gradeAnswer(q, { type: q.type, text }).correct).toBe(true);
					expect(gradeAnswer(q, { type: q.type, text: ` ${text} ` }).correct).toBe(true);
				}
			})
		);
	});

	it('rejects a random answer far from the answer and every alternative', () => {
		fc.assert(
			fc.property(questionArbs.short_answer, textArb, (q, text) => {
				const far = (s: string) => {
					const a = normalise(text);
					const b = normalise(s);
					return a !== b && a.replace(/ /g, '') !== b.replace(/ /g, '') && !isMisspelling(a, b);
				};
				const number = (s: string) => /^[\d\s.,+-]+$/.test(s);
				fc.pre(normalise(text) !== '' && [q.answer, ...q.alternatives].every(far));
				fc.pre(!number(text) && !number(q.answer));
				expect(gradeAnswer(q, typed(text)).correct).toBe(false);
			})
		);
	});
});

describe('numeric answers', () => {
	it.each([
		['4.5', 'accepted: exact'],
		['4.5 hours', 'accepted: exact'],
		['four and a half', 'accepted: exact'],
		['four and a half hours', 'accepted: exact'],
		['4,5', 'accepted: exact'],
		['4 hrs', 'accepted: within tolerance (±0.5 hours)'],
		['5h', 'accepted: within tolerance (±0.5 hours)']
	])('accepts %j for 4.5 ± 0.5 hours', (text, reason) => {
		expect(gradeAnswer(hours, number(text))).toEqual({ correct: true, score: 1, reason });
	});

	it('rejects numbers out of tolerance, garbage, and the wrong unit', () => {
		expect(gradeAnswer(hours, number('5.6'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: a different number'
		});
		expect(gradeAnswer(hours, number('lots'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: not a number'
		});
		expect(gradeAnswer(hours, number('4.5 minutes'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: give the answer in hours'
		});
		expect(gradeAnswer(hours, number(''))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: no answer'
		});
	});

	it('takes twelve for 12 and 13 as wrong when there is no tolerance', () => {
		expect(gradeAnswer(points, number('twelve')).correct).toBe(true);
		expect(gradeAnswer(points, number('a dozen')).correct).toBe(true);
		expect(gradeAnswer(points, number('12 points')).correct).toBe(true);
		expect(gradeAnswer(points, number('13')).correct).toBe(false);
	});

	it('allows for binary rounding at the edge of the tolerance', () => {
		const q: NumericQuestion = { ...points, answer: 0.3, tolerance: 0.1 };
		expect(gradeAnswer(q, number('0.2')).correct).toBe(true);
		expect(gradeAnswer(q, number('0.4')).correct).toBe(true);
		expect(gradeAnswer(q, number('0.41')).correct).toBe(false);
	});

	it('matches units leniently', () => {
		expect(sameUnit('hour', 'hours')).toBe(true);
		expect(sameUnit('Hrs.', 'hours')).toBe(true);
		expect(sameUnit('%', 'per cent')).toBe(true);
		expect(sameUnit('km', 'kilometres')).toBe(true);
		expect(sameUnit('minutes', 'hours')).toBe(false);
		expect(sameUnit('miles', 'kilometres')).toBe(false);
	});
});

describe('date answers', () => {
	it.each(['March 21, 2023', '21 March 2023', '2023-03-21', '21/03/2023', 'Tuesday, 21 Mar 2023'])(
		'accepts %j for 2023-03-21',
		(text) => {
			expect(gradeAnswer(talks, date(text))).toEqual({
				correct: true,
				score: 1,
				reason: 'accepted: exact'
			});
		}
	);

	it('rejects an ambiguous all-number date, naming both readings', () => {
		expect(gradeAnswer({ ...talks, answer: '2023-04-03' }, date('03/04/2023'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: the date is ambiguous — write it as 3 April 2023 or 4 March 2023'
		});
	});

	it('rejects another day, garbage, and a vaguer answer to a day question', () => {
		expect(gradeAnswer(talks, date('20 March 2023'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: a different date'
		});
		expect(gradeAnswer(talks, date('soon')).reason).toBe('rejected: not a date');
		expect(gradeAnswer(talks, date('March 2023'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: give the day, month and year, not just the month'
		});
		expect(gradeAnswer(march, date('2023')).reason).toBe(
			'rejected: give the month and year, not just the year'
		);
	});

	it('accepts a more precise answer inside the wanted month or year', () => {
		expect(gradeAnswer(march, date('21 March 2023'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: same month'
		});
		expect(gradeAnswer(march, date('March 2023'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: exact'
		});
		expect(gradeAnswer(year, date('February 2022'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: same year'
		});
		expect(gradeAnswer(march, date('21 April 2023')).correct).toBe(false);
	});
});

describe('choices, matching and ordering', () => {
	const mc: MultipleChoiceQuestion = {
		...base,
		type: 'multiple_choice',
		choices: [
			{ id: 'a', text: 'Putin', feedback: 'Yes.' },
			{ id: 'b', text: 'Kishida' }
		],
		correctChoiceId: 'a'
	};
	const tf: TrueFalseQuestion = { ...base, type: 'true_false', answer: false };
	const matching: MatchingQuestion = {
		...base,
		type: 'matching',
		pairs: [
			{ left: 'Canada', right: 'Ottawa' },
			{ left: 'Italy', right: 'Rome' },
			{ left: 'Japan', right: 'Tokyo' },
			{ left: 'India', right: 'New Delhi' }
		]
	};
	const ordering: OrderingQuestion = { ...base, type: 'ordering', items: ['a', 'b', 'c', 'd'] };

	it('grades a choice and passes on its feedback', () => {
		expect(gradeAnswer(mc, { type: 'multiple_choice', choiceId: 'a' })).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: right choice',
			feedback: 'Yes.'
		});
		expect(gradeAnswer(mc, { type: 'multiple_choice', choiceId: 'b' })).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: a different answer'
		});
		expect(gradeAnswer(mc, { type: 'multiple_choice', choiceId: 'z' }).reason).toBe(
			'rejected: not one of the choices'
		);
	});

	it('grades true or false', () => {
		expect(gradeAnswer(tf, { type: 'true_false', value: false }).correct).toBe(true);
		expect(gradeAnswer(tf, { type: 'true_false', value: true })).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: the statement is false'
		});
	});

	it('gives partial credit for matching', () => {
		expect(
			gradeAnswer(matching, { type: 'matching', rights: ['Ottawa', 'Rome', 'Tokyo', 'New Delhi'] })
		).toEqual({ correct: true, score: 1, reason: 'accepted: all 4 pairs right', partial: 1 });
		expect(
			gradeAnswer(matching, { type: 'matching', rights: ['Ottawa', 'Rome', 'New Delhi', 'Tokyo'] })
		).toEqual({ correct: false, score: 0, reason: 'rejected: 2 of 4 pairs right', partial: 0.5 });
		expect(gradeAnswer(matching, { type: 'matching', rights: ['Ottawa'] }).partial).toBe(0.25);
	});

	it('gives partial credit for ordering by items in the right place', () => {
		expect(gradeAnswer(ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd'] })).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: right order',
			partial: 1
		});
		expect(gradeAnswer(ordering, { type: 'ordering', order: ['a', 'c', 'b', 'd'] })).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: 2 of 4 in the right place',
			partial: 0.5
		});
		expect(
			gradeAnswer(ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] }).correct
		).toBe(false);
	});

	it('rejects a response of the wrong type instead of throwing', () => {
		expect(gradeAnswer(mc, typed('Putin'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: wrong kind of answer (short answer for multiple choice)'
		});
		expect(gradeAnswer(hours, date('2023')).correct).toBe(false);
		expect(gradeAnswer(talks, number('2023')).correct).toBe(false);
		expect(gradeAnswer(xi, { type: 'true_false', value: true }).correct).toBe(false);
		expect(gradeAnswer(matching, { type: 'ordering', order: [] }).correct).toBe(false);
		expect(gradeAnswer(ordering, { type: 'matching', rights: [] }).correct).toBe(false);
		expect(gradeAnswer(tf, { type: 'multiple_choice', choiceId: 'a' }).correct).toBe(false);
	});
});

describe('partial credit', () => {
	const quad: Question = {
		id: 'quad',
		type: 'multiple_response',
		prompt: 'Which of these are members of the Quad?',
		choices: [
			{ id: 'in', text: 'India', weight: 0.5 },
			{ id: 'au', text: 'Australia', weight: 0.5 },
			{ id: 'cn', text: 'China', weight: -1 }
		],
		allOrNothing: false,
		explanation: ''
	};
	const ticks = (...choiceIds: string[]) => ({ type: 'multiple_response' as const, choiceIds });

	it('adds up Moodle weights of the ticked choices, clamped at 0, and says so', () => {
		expect(gradeAnswer(quad, ticks('in', 'au'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: all 2 right'
		});
		expect(gradeAnswer(quad, ticks('in'))).toEqual({
			correct: false,
			score: 0.5,
			reason: 'partly right: 1 of 2 right, 50%'
		});
		expect(gradeAnswer(quad, ticks('in', 'au', 'cn'))).toMatchObject({ correct: false, score: 0 });
		expect(gradeAnswer(quad, ticks('cn'))).toMatchObject({ score: 0 });
	});

	it('keeps a third of the marks a third, not rounded', () => {
		const thirds: Question = {
			...quad,
			choices: [
				{ id: 'a', text: 'A', weight: 0.3333333 },
				{ id: 'b', text: 'B', weight: 0.3333333 },
				{ id: 'c', text: 'C', weight: 0.3333333 },
				{ id: 'd', text: 'D', weight: -1 / 3 }
			]
		};
		const two = gradeAnswer(thirds, ticks('a', 'b'));
		expect(two.score).toBeCloseTo(2 / 3, 6);
		expect(two.reason).toBe('partly right: 2 of 3 right, 67%');
		expect(gradeAnswer(thirds, ticks('a', 'b', 'c'))).toMatchObject({ correct: true, score: 1 });
	});

	it('gives nothing for anything but the exact set when all or nothing', () => {
		const strict = { ...quad, allOrNothing: true };
		expect(gradeAnswer(strict, ticks('in'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: 1 of 2 right (all or nothing)'
		});
		expect(gradeAnswer(strict, ticks('au', 'in'))).toMatchObject({ correct: true, score: 1 });
	});

	it('refuses ticks that are not choices', () => {
		expect(gradeAnswer(quad, ticks('in', 'xx'))).toMatchObject({ correct: false, score: 0 });
		expect(gradeAnswer(quad, ticks())).toMatchObject({
			score: 0,
			reason: 'rejected: no choice ticked'
		});
	});

	it('scores any set of ticks within 0..1, full marks only for exactly the right ones', () => {
		fc.assert(
			fc.property(questionArbs.multiple_response, fc.array(fc.nat()), (q, picks) => {
				const ids = [...new Set(picks.map((p) => q.choices[p % q.choices.length]!.id))];
				if (ids.length === 0) return;
				const grade = gradeAnswer(q, ticks(...ids));
				expect(grade.score).toBeGreaterThanOrEqual(0);
				expect(grade.score).toBeLessThanOrEqual(1);
				const exact =
					ids.length === q.choices.filter((c) => c.weight > 0).length &&
					ids.every((id) => q.choices.find((c) => c.id === id)!.weight > 0);
				expect(grade.correct).toBe(exact);
				expect(grade.correct).toBe(grade.score === 1);
			})
		);
	});

	it('gives a single-answer choice its part of the marks', () => {
		const mc: Question = {
			id: 'm',
			type: 'multiple_choice',
			prompt: 'Where?',
			choices: [
				{ id: 'a', text: 'Moscow' },
				{ id: 'b', text: 'Russia', credit: 0.5 },
				{ id: 'c', text: 'Kyiv' }
			],
			correctChoiceId: 'a',
			explanation: ''
		};
		expect(gradeAnswer(mc, { type: 'multiple_choice', choiceId: 'b' })).toEqual({
			correct: false,
			score: 0.5,
			reason: 'partly right: 50% of the marks'
		});
		expect(gradeAnswer(mc, { type: 'multiple_choice', choiceId: 'c' }).score).toBe(0);
	});

	it('gives a short answer its part of the marks, with the same leniency', () => {
		const sa: Question = {
			id: 's',
			type: 'short_answer',
			prompt: 'Where did Jesus grow up?',
			answer: 'Nazareth',
			alternatives: [],
			partialAnswers: [{ answer: 'Nazereth', credit: 0.75 }],
			explanation: ''
		};
		expect(gradeAnswer(sa, typed('nazareth'))).toMatchObject({ correct: true, score: 1 });
		expect(gradeAnswer(sa, typed('Nazereth'))).toEqual({
			correct: false,
			score: 0.75,
			reason: 'partly right: 75% of the marks'
		});
		expect(gradeAnswer(sa, typed('Bethlehem'))).toMatchObject({ score: 0 });
	});

	it('counts only the exact capitals when a short answer is case sensitive', () => {
		const sa: Question = {
			id: 'c',
			type: 'short_answer',
			prompt: 'The chemical symbol of copper?',
			answer: 'Cu',
			alternatives: [],
			caseSensitive: true,
			explanation: ''
		};
		expect(gradeAnswer(sa, typed(' Cu '))).toMatchObject({ correct: true });
		expect(gradeAnswer(sa, typed('CU'))).toEqual({
			correct: false,
			score: 0,
			reason: 'rejected: the capitals must match exactly'
		});
	});

	it('accepts a numeric range as written, ends included', () => {
		const year: Question = {
			id: 'y',
			type: 'numeric',
			prompt: 'When?',
			answer: 2021.5,
			tolerance: 0.5,
			range: { min: 2021, max: 2022 },
			explanation: ''
		};
		expect(gradeAnswer(year, number('2022'))).toEqual({
			correct: true,
			score: 1,
			reason: 'accepted: within 2021–2022'
		});
		expect(gradeAnswer(year, number('2023')).correct).toBe(false);
	});
});

describe('open responses and descriptions', () => {
	const essay: Question = {
		id: 'e',
		type: 'open_response',
		prompt: 'Why did Xi visit Moscow?',
		modelAnswer: 'To show support for Putin and to discuss a peace plan.',
		explanation: ''
	};

	it('waits for the learner’s own mark rather than pretending to grade', () => {
		expect(gradeAnswer(essay, { type: 'open_response', text: 'Trade.' })).toEqual({
			correct: false,
			score: 0,
			pending: true,
			reason: 'waiting for your own mark'
		});
		expect(gradeAnswer(essay, { type: 'open_response', text: ' ' }).pending).toBeUndefined();
	});

	it('turns the learner’s mark into a score: right 1, partly a half, wrong 0', () => {
		expect(selfMarks.map((m) => selfMarkGrade(m).score)).toEqual([1, 0.5, 0]);
		expect(selfMarkGrade('right').correct).toBe(true);
		expect(selfMarkGrade('partly').correct).toBe(false);
	});

	it('never scores a description', () => {
		const text: Question = { id: 'd', type: 'description', prompt: 'Read this.', explanation: '' };
		expect(gradeAnswer(text, { type: 'open_response', text: 'x' })).toMatchObject({ score: 0 });
	});
});

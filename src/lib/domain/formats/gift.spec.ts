import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../question';
import { exportGift, parseGift } from './gift';
import { questionSetArb } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import { shortHash } from './json';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

type WithoutId = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never;

/** Parses text that must be valid and returns its questions without their derived ids. */
function read(text: string): WithoutId[] {
	const result = parseGift(text);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	expect(result.ok).toBe(true);
	return result.questions.map(({ id: _id, ...rest }) => rest);
}

function one(text: string): WithoutId {
	const questions = read(text);
	expect(questions).toHaveLength(1);
	return questions[0]!;
}

/** The file's errors when refused whole, or else the questions left out, as line and message. */
function errorsOf(text: string) {
	const result = parseGift(text);
	if (!result.ok) return result.errors;
	expect(result.skipped.length).toBeGreaterThan(0);
	return result.skipped.map((s) => ({ line: s.line, message: s.reason }));
}

describe('exportGift', () => {
	it('writes the golden set exactly as the golden file', () => {
		expect(exportGift(goldenSet)).toBe(golden('golden-set.gift'));
	});
});

describe('round trip', () => {
	it('reads the golden file back to the golden questions', () => {
		expect(parseGift(golden('golden-set.gift'))).toEqual({
			ok: true,
			questions: goldenSet.questions,
			skipped: []
		});
	});

	it('reads back any exported set, awkward characters and all', () => {
		fc.assert(
			fc.property(questionSetArb, (set) => {
				expect(parseGift(exportGift(set))).toEqual({
					ok: true,
					questions: set.questions,
					skipped: []
				});
			}),
			{ numRuns: 400 }
		);
	});
});

describe("Moodle's documented examples", () => {
	it('multiple choice', () => {
		expect(
			one("Who's buried in Grant's tomb?{~Grant =no one ~Napoleon ~Churchill ~Mother Teresa}")
		).toEqual({
			type: 'multiple_choice',
			prompt: "Who's buried in Grant's tomb?",
			choices: [
				{ id: 'c1', text: 'Grant' },
				{ id: 'c2', text: 'no one' },
				{ id: 'c3', text: 'Napoleon' },
				{ id: 'c4', text: 'Churchill' },
				{ id: 'c5', text: 'Mother Teresa' }
			],
			correctChoiceId: 'c2',
			explanation: ''
		});
	});

	it('true/false, with a title, and with feedback that our model drops', () => {
		expect(one("Grant is buried in Grant's tomb.{F}")).toEqual({
			type: 'true_false',
			prompt: "Grant is buried in Grant's tomb.",
			answer: false,
			explanation: ''
		});
		expect(one('::Q1:: 1+1=2 {T}')).toEqual({
			type: 'true_false',
			title: 'Q1',
			prompt: '1+1=2',
			answer: true,
			explanation: ''
		});
		expect(one('The sun rises in the west.{FALSE#No, in the east.#Right.}')).toMatchObject({
			type: 'true_false',
			answer: false
		});
		expect(one('::TrueStatement::Grant was born in 1822.{TRUE ####He was.}')).toMatchObject({
			answer: true,
			explanation: 'He was.'
		});
	});

	it('short answer', () => {
		expect(one("Who's buried in Grant's tomb?{=no one =nobody}")).toEqual({
			type: 'short_answer',
			prompt: "Who's buried in Grant's tomb?",
			answer: 'no one',
			alternatives: ['nobody'],
			explanation: ''
		});
	});

	it('numeric: tolerance, range, and several answers forming one range', () => {
		expect(one('When was Ulysses S. Grant born?{#1822:5}')).toEqual({
			type: 'numeric',
			prompt: 'When was Ulysses S. Grant born?',
			answer: 1822,
			tolerance: 5,
			explanation: ''
		});
		const pi = one('What is the value of pi (to 3 decimal places)? {#3.141..3.142}.');
		expect(pi).toMatchObject({
			type: 'numeric',
			prompt: 'What is the value of pi (to 3 decimal places)? _____.'
		});
		if (pi.type !== 'numeric') throw new Error('not numeric');
		expect(pi.answer).toBeCloseTo(3.1415, 10);
		expect(pi.tolerance).toBeCloseTo(0.0005, 10);
		expect(one('When was Ulysses S. Grant born? {# =12:0 =12:1}')).toMatchObject({
			answer: 12,
			tolerance: 1
		});
	});

	it('matching', () => {
		expect(
			one(
				'Match the following countries with their corresponding capitals. {=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo =India -> New Delhi}'
			)
		).toEqual({
			type: 'matching',
			prompt: 'Match the following countries with their corresponding capitals.',
			pairs: [
				{ left: 'Canada', right: 'Ottawa' },
				{ left: 'Italy', right: 'Rome' },
				{ left: 'Japan', right: 'Tokyo' },
				{ left: 'India', right: 'New Delhi' }
			],
			explanation: ''
		});
	});

	it('missing word: multiple choice mid-sentence, and a typed blank as cloze', () => {
		expect(
			one('Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.')
		).toMatchObject({
			type: 'multiple_choice',
			prompt: 'Moodle costs _____ to download from moodle.org.',
			correctChoiceId: 'c2'
		});
		expect(one('Grant was buried in {=New York =NYC} in 1897.')).toEqual({
			type: 'cloze',
			prompt: 'Fill in the blank.',
			before: 'Grant was buried in ',
			after: ' in 1897.',
			answer: 'New York',
			alternatives: ['NYC'],
			explanation: ''
		});
	});

	it('per-answer feedback', () => {
		expect(
			one(
				"What's the answer to this multiple-choice question? { ~wrong answer#feedback comment on the wrong answer ~another wrong answer#feedback comment on this wrong answer =right answer#Very good!}"
			)
		).toMatchObject({
			choices: [
				{ id: 'c1', text: 'wrong answer', feedback: 'feedback comment on the wrong answer' },
				{
					id: 'c2',
					text: 'another wrong answer',
					feedback: 'feedback comment on this wrong answer'
				},
				{ id: 'c3', text: 'right answer', feedback: 'Very good!' }
			],
			correctChoiceId: 'c3'
		});
	});

	it('escapes', () => {
		expect(one('Which answer equals 5? { ~ \\= 2 + 2 =  \\= 2 + 3 ~ \\= 2 + 4 }')).toMatchObject({
			prompt: 'Which answer equals 5?',
			choices: [
				{ id: 'c1', text: '= 2 + 2' },
				{ id: 'c2', text: '= 2 + 3' },
				{ id: 'c3', text: '= 2 + 4' }
			],
			correctChoiceId: 'c2'
		});
		expect(one('A \\{brace\\}, a \\#, a \\~ and C\\:\\\\dir\\nnext? {=ok}')).toMatchObject({
			prompt: 'A {brace}, a #, a ~ and C:\\dir\nnext?'
		});
	});

	it('the multi-line layout, comments, general feedback and categories', () => {
		const file = [
			'// Moodle export',
			'$CATEGORY: $course$/top/Grant',
			'',
			'// question: 1  name: Grants tomb',
			"::Grants tomb::Who is buried in Grant's tomb in New York City? {",
			'=Grant',
			'~No one',
			"#Was true for 12 years, but Grant's remains were buried in the tomb in 1897",
			'~Napoleon',
			'#He was buried in France',
			'####General feedback.',
			'}',
			'',
			'',
			"What's 2+2? {=4 =four ####Two and two make four.}"
		].join('\r\n');
		const result = parseGift(file);
		expect(result).toMatchObject({ ok: true, category: ['$course$', 'top', 'Grant'] });
		expect(read(file)).toEqual([
			{
				type: 'multiple_choice',
				title: 'Grants tomb',
				prompt: "Who is buried in Grant's tomb in New York City?",
				choices: [
					{ id: 'c1', text: 'Grant' },
					{
						id: 'c2',
						text: 'No one',
						feedback: "Was true for 12 years, but Grant's remains were buried in the tomb in 1897"
					},
					{ id: 'c3', text: 'Napoleon', feedback: 'He was buried in France' }
				],
				correctChoiceId: 'c1',
				explanation: 'General feedback.'
			},
			{
				type: 'short_answer',
				prompt: "What's 2+2?",
				answer: '4',
				alternatives: ['four'],
				explanation: 'Two and two make four.'
			}
		]);
	});

	it("Moodle's own export: [html] text, weights of 100% and empty feedback", () => {
		expect(
			one(
				'::Q::[html]<p>What is <b>2 &amp; 2</b>?</p>{\n\t=%100%4#\n\t=%100%four#<i>Yes</i>\n\t####<p>Because&nbsp;so.</p>\n}'
			)
		).toEqual({
			type: 'short_answer',
			title: 'Q',
			prompt: 'What is 2 & 2?',
			answer: '4',
			alternatives: ['four'],
			explanation: 'Because so.'
		});
		expect(one('[markdown]Pick one{=%100%a ~%0%b ~%-50%c}')).toMatchObject({
			prompt: 'Pick one',
			correctChoiceId: 'c1'
		});
		expect(one('Pick {~a ~%100%b ~c}')).toMatchObject({ correctChoiceId: 'c2' });
	});
});

describe('ids', () => {
	it('derives ids from the question text, numbering repeats', () => {
		const result = parseGift('Q?{T}\n\nQ?{T}\n\n// factdeck:id="mine"\nQ?{T}');
		expect(result.ok && result.questions.map((q) => q.id)).toEqual([
			`gift-${shortHash('Q?{T}')}`,
			`gift-${shortHash('Q?{T}')}-2`,
			'mine'
		]);
	});
});

describe('malformed files', () => {
	const prefix = 'A fine question.{T}\n\n';
	it.each([
		['unclosed brace', 'Question two {=a ~b', 3, 'unclosed brace'],
		['unclosed brace over lines', '// note\nQ?\n{\n=a\n~b', 5, 'unclosed brace'],
		['no right answer', 'Pick {~a ~b}', 3, 'no right answer'],
		['two right answers', 'Pick {=a =b ~c}', 3, '2 right answers'],
		['weights short of 100%', 'Pick {~%50%a ~%40%b ~c}', 3, 'add up to 90%, not 100%'],
		['partial numeric', 'When? {#\n=1822:0\n=%50%1822:2\n}', 5, 'partial credit (%50%)'],
		['bad numeric', 'How many? {#twelve}', 3, 'bad numeric answer "twelve"'],
		['reversed range', 'How many? {#5..1}', 3, 'minimum is above the maximum'],
		['negative tolerance', 'How many? {#5:-1}', 3, 'negative tolerance'],
		['disjoint numeric answers', 'How many? {#=1:0 =5:0}', 3, 'one range'],
		['unknown format', '[latex]Q? {T}', 3, 'unknown text format [latex]'],
		['pair without ->', 'Match {=a -> b =c -> d =e}', 3, 'without ->'],
		['distractor pair', 'Match {=a -> b =c -> d = -> e}', 3, 'nothing before ->'],
		['unclosed title', '::Title Q? {T}', 3, 'unclosed ::title::'],
		['two answer blocks', 'Q {=a} and {=b}', 3, 'only one answer block'],
		['stray }', 'Q? } {T}', 3, 'a } before the answer block'],
		['brace inside', 'Q? {=a { =b}', 3, 'a { inside the answer block'],
		['empty answer', 'Q? {=a = }', 3, 'an empty answer'],
		['one pair', 'Match {=a -> b}', 3, 'at least 2 pairs'],
		['unknown comment', '// factdeck:colour="red"\nQ? {T}', 3, 'unknown comment factdeck:colour'],
		['bad comment value', '// factdeck:id=abc\nQ? {T}', 3, 'factdeck:id needs =a JSON string'],
		['comment on the wrong type', '// factdeck:unit="h"\nPick {=a ~b}', 3, 'does not apply'],
		[
			'ordering out of order',
			'// factdeck:ordering\nQ {=2 -> a =1 -> b =3 -> c}',
			4,
			'numbered in order'
		],
		['too short an ordering', '// factdeck:ordering\nQ {=1 -> a =2 -> b}', 4, 'at least 3 items'],
		[
			'date that is no date',
			'// factdeck:date precision=day\nWhen? {=yesterday}',
			4,
			'e.g. =2023-03-21'
		],
		['bad provenance', '// factdeck:provenance={"sourceId":1}\nQ? {T}', 4, 'provenance.sourceId'],
		['duplicate id', '// factdeck:id="x"\nA{T}\n\n// factdeck:id="x"\nB{T}', 7, 'duplicate id "x"']
	])('%s', (_, text, line, message) => {
		const errors = errorsOf(prefix + text);
		expect(errors.map((e) => e.message).join(' | ')).toContain(message);
		expect(errors.find((e) => e.message.includes(message))?.line).toBe(line);
	});

	it('leaves out each broken question and keeps the rest, numbered as in the file', () => {
		const result = parseGift('Q1 {~a ~b}\n\nQ2 {T}\n\nQ3 {#x}');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.questions.map((q) => q.prompt)).toEqual(['Q2']);
		expect(result.skipped).toEqual([
			{
				number: 1,
				line: 1,
				firstLine: 'Q1 {~a ~b}',
				reason: expect.stringContaining('no right answer')
			},
			{ number: 3, line: 5, firstLine: 'Q3 {#x}', reason: 'bad numeric answer "x"' }
		]);
	});

	it('refuses a file whose braces are broken, whole, with every such line', () => {
		const result = parseGift('Q1 {~a ~b}\n\nQ2 {T}\n\nQ3 {=a\n\nQ4 } {T}');
		expect(result).toEqual({
			ok: false,
			errors: [
				{ line: 1, message: expect.stringContaining('no right answer') },
				{ line: 5, message: 'unclosed brace: this { has no }' },
				{ line: 7, message: 'a } before the answer block opens' }
			]
		});
	});
});

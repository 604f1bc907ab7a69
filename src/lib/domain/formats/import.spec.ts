import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportAiken } from './aiken';
import { exportCsv } from './csv';
import { exportGift } from './gift';
import { questionSetArb } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import {
	detectFormat,
	importText,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_QUESTIONS,
	syntaxErrorLine,
	type ImportFormat
} from './import';
import { exportJson } from './json';

const fixtures = new URL('../../../../tests/fixtures/import/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

interface Malformed {
	file: string;
	format: ImportFormat;
	line: number;
	message: string;
}
const malformed = JSON.parse(fixture('malformed/manifest.json')) as Malformed[];

function questionsOf(text: string, fileName?: string) {
	const result = importText(text, fileName ? { fileName } : {});
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	expect(result.ok).toBe(true);
	return result;
}

describe('detectFormat', () => {
	it('goes by the file name first', () => {
		expect(detectFormat('anything', 'set.json')).toBe('json');
		expect(detectFormat('anything', 'Quiz.GIFT')).toBe('gift');
		expect(detectFormat('cat\tKatze', 'cards.tsv')).toBe('terms');
		expect(detectFormat('type,prompt,answer\n', 'sheet.csv')).toBe('csv');
		expect(detectFormat('cat,Katze\n', 'cards.csv')).toBe('terms');
	});

	it('then by the content', () => {
		expect(detectFormat(exportJson(goldenSet))).toBe('json');
		expect(detectFormat(exportGift(goldenSet))).toBe('gift');
		expect(detectFormat(exportCsv(goldenSet))).toBe('csv');
		expect(detectFormat(exportAiken(goldenSet).text, 'questions.txt')).toBe('aiken');
		expect(detectFormat('Q1:: nothing {T}')).toBe('gift');
		expect(detectFormat('sun\tthe star\nmoon\tits satellite')).toBe('terms');
		expect(detectFormat('sun,the star\nmoon,its satellite')).toBe('terms');
		expect(detectFormat('Just a sentence.')).toBeUndefined();
		expect(detectFormat('')).toBeUndefined();
	});
});

describe('importText', () => {
	it("reads each format's golden export back", () => {
		for (const [text, format] of [
			[exportJson(goldenSet), 'json'],
			[exportGift(goldenSet), 'gift'],
			[exportCsv(goldenSet), 'csv']
		] as const) {
			const result = questionsOf(text);
			expect(result.format).toBe(format);
			expect(result.questions).toEqual(goldenSet.questions);
		}
		const json = questionsOf(exportJson(goldenSet));
		expect(json.title).toBe(goldenSet.title);
	});

	it('takes the format the teacher chose over what the text looks like', () => {
		const result = importText('sun,the star\nmoon,its satellite', { format: 'terms' });
		expect(result).toMatchObject({ ok: true, format: 'terms', questions: { length: 2 } });
		expect(importText('sun,the {star', { format: 'gift' })).toMatchObject({
			ok: false,
			format: 'gift',
			errors: [{ line: 1 }]
		});
	});

	it('says clearly when it cannot tell the format, or there is nothing', () => {
		expect(importText('Just a sentence.')).toEqual({
			ok: false,
			errors: [{ message: expect.stringContaining('could not tell which format') }]
		});
		expect(importText('  \n\uFEFF\n')).toEqual({
			ok: false,
			errors: [{ message: expect.stringContaining('nothing to import') }]
		});
		expect(importText('// only a comment\n', { format: 'gift' })).toMatchObject({
			ok: false,
			errors: [{ message: 'No questions were found in this GIFT (Moodle) text.' }]
		});
	});

	it('refuses more than 1 MB, counting UTF-8 bytes, with a clear message', () => {
		const line = 'Is this a question?{T}\n\n';
		const big = line.repeat(Math.ceil((MAX_IMPORT_BYTES + 1) / line.length));
		const result = importText(big, { format: 'gift' });
		expect(result).toEqual({
			ok: false,
			errors: [
				{ message: 'This is 1.0 MB; an import can be at most 1 MB. Split it into smaller files.' }
			]
		});
		// 400,000 three-byte characters are 1.2 MB though only 400,000 UTF-16 units.
		const wide = `${'中'.repeat(400_000)}?{T}`;
		expect(importText(wide, { format: 'gift' })).toMatchObject({
			ok: false,
			errors: [{ message: expect.stringContaining('This is 1.1 MB') }]
		});
	});

	it('refuses more than 2,000 questions with a clear message', () => {
		const cards = Array.from({ length: MAX_IMPORT_QUESTIONS + 1 }, (_, i) => `t${i}\td${i}`);
		expect(importText(cards.join('\n'), { format: 'terms' })).toEqual({
			ok: false,
			format: 'terms',
			errors: [
				{
					message:
						'This has 2,001 questions; an import can have at most 2,000. Split it into smaller files.'
				}
			]
		});
		expect(importText(cards.slice(1).join('\n'), { format: 'terms' }).ok).toBe(true);
	});

	it('export then import through this door is the identity, in each lossless format', () => {
		fc.assert(
			fc.property(questionSetArb, fc.constantFrom('json', 'gift', 'csv'), (set, format) => {
				const text =
					format === 'json'
						? exportJson(set)
						: format === 'gift'
							? exportGift(set)
							: exportCsv(set);
				const result = importText(text, { format });
				if (set.questions.length === 0) {
					expect(result.ok).toBe(false);
					return;
				}
				expect(result).toMatchObject({ ok: true, questions: set.questions });
			}),
			{ numRuns: 300 }
		);
	});
});

describe('syntaxErrorLine', () => {
	it('finds the line where JSON breaks, and nothing in valid JSON', () => {
		expect(syntaxErrorLine('{\n\t"a": [,]\n}')).toBe(2);
		expect(syntaxErrorLine('{\n"a": 1,\n}')).toBe(3);
		expect(syntaxErrorLine('{\n"a": "unclosed\n}')).toBe(2);
		expect(syntaxErrorLine('{\n"a": 1\n\n')).toBe(4);
		expect(syntaxErrorLine('[1, 2]\nextra')).toBe(2);
		expect(syntaxErrorLine(exportJson(goldenSet))).toBeUndefined();
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				expect(syntaxErrorLine(JSON.stringify(v, null, '\t'))).toBeUndefined();
			})
		);
	});
});

describe("Moodle's documented GIFT examples through the import path", () => {
	it('reads every supported example, and its category', () => {
		const text = fixture('moodle-gift-examples.gift');
		expect(detectFormat(text)).toBe('gift');
		const result = questionsOf(text, 'moodle-gift-examples.gift');
		expect(result.format).toBe('gift');
		expect(result.category).toEqual(['$course$', 'top', 'GIFT examples']);
		expect(result.questions.map((q) => q.type)).toEqual([
			'multiple_choice',
			'multiple_choice',
			'true_false',
			'true_false',
			'short_answer',
			'cloze',
			'matching',
			'multiple_choice',
			'numeric',
			'numeric',
			'numeric',
			'true_false',
			'multiple_choice',
			'multiple_choice',
			'short_answer',
			'true_false',
			'short_answer',
			'multiple_choice',
			'multiple_choice'
		]);
		const byPrompt = (start: string) => result.questions.find((q) => q.prompt.startsWith(start));
		expect(byPrompt('Moodle costs')).toMatchObject({
			prompt: 'Moodle costs _____ to download from moodle.org.',
			correctChoiceId: 'c2'
		});
		expect(byPrompt('Which answer equals 5?')).toMatchObject({
			choices: [{ text: '= 2 + 2' }, { text: '= 2 + 3' }, { text: '= 2 + 4' }],
			correctChoiceId: 'c2'
		});
		expect(byPrompt('When was Ulysses S. Grant born?')).toMatchObject({
			answer: 1822,
			tolerance: 5
		});
		expect(result.questions.find((q) => q.title === 'Q2')).toMatchObject({
			explanation: 'The answer is four.'
		});
		expect(byPrompt('Which city')).toMatchObject({
			prompt: 'Which city is the capital of France?'
		});
		expect(byPrompt("What's the answer")).toMatchObject({
			choices: [
				{ feedback: 'feedback comment on the wrong answer' },
				{ feedback: 'feedback comment on this wrong answer' },
				{ text: 'right answer', feedback: 'Very good!' }
			]
		});
	});

	it('reads Moodle’s multiple answers, essays and descriptions, and leaves out what it cannot hold', () => {
		const result = importText(fixture('moodle-gift-unsupported.gift'), {
			fileName: 'unsupported.gift'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.questions.map((q) => q.type)).toEqual([
			'multiple_response',
			'open_response',
			'description'
		]);
		expect(result.questions[0]).toMatchObject({
			choices: [{ weight: -1 }, { weight: 0.5 }, { weight: 0.5 }, { weight: -1 }]
		});
		expect(result.skipped).toEqual([
			{
				number: 2,
				line: 10,
				firstLine: '::Q7:: When was Ulysses S. Grant born? {#',
				reason: expect.stringContaining('partial credit (%50%)')
			}
		]);
	});
});

describe('a corpus of malformed files', () => {
	it.each(malformed)('$file: line $line, "$message"', ({ file, format, line, message }) => {
		const text = fixture(`malformed/${file}`);
		// The format is told from the file as a teacher would upload it, not only when chosen.
		expect(detectFormat(text, file)).toBe(format);
		const result = importText(text, { fileName: file });
		expect(result.format).toBe(format);
		// A broken file is refused whole; a broken question is left out, with its line and why.
		const problems = result.ok
			? result.skipped.map((s) => ({ line: s.line, message: s.reason }))
			: result.errors;
		const found = problems.find((e) => e.message.includes(message));
		expect(found, JSON.stringify(problems)).toBeDefined();
		expect(found!.line).toBe(line);
		expect(problems.every((e) => typeof e.line === 'number')).toBe(true);
	});
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionSet } from '../question';
import { questionSetArb } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import { deriveId, exportJson, importJson, locateJson, shortHash, validateQuestion } from './json';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

/** A valid document as text, changed by `edit` on its parsed form. */
function edited(
	edit: (doc: { questions: Record<string, unknown>[] } & Record<string, unknown>) => void
) {
	const doc = JSON.parse(exportJson(goldenSet));
	edit(doc);
	return JSON.stringify(doc, null, '\t');
}

function errorsOf(text: string) {
	const result = importJson(text);
	if (!result.ok) return result.errors;
	expect(result.skipped.length).toBeGreaterThan(0);
	// A question left out says where: "questions.3.answer: expected number".
	return result.skipped.map((s) => ({
		line: s.line,
		message: s.reason,
		path: s.reason.slice(0, s.reason.indexOf(': '))
	}));
}

describe('exportJson', () => {
	it('writes the golden set exactly as the golden file', () => {
		expect(exportJson(goldenSet)).toBe(golden('golden-set.json'));
	});

	it('writes keys in the documented order whatever order the object had', () => {
		const shuffled: QuestionSet = {
			questions: [{ explanation: '', answer: true, prompt: 'P', type: 'true_false', id: 'q' }],
			title: 'T',
			id: 's'
		};
		expect(exportJson(shuffled)).toBe(
			[
				'{',
				'\t"format": "factdeck-question-set",',
				'\t"version": 1,',
				'\t"id": "s",',
				'\t"title": "T",',
				'\t"questions": [',
				'\t\t{',
				'\t\t\t"id": "q",',
				'\t\t\t"type": "true_false",',
				'\t\t\t"prompt": "P",',
				'\t\t\t"answer": true,',
				'\t\t\t"explanation": ""',
				'\t\t}',
				'\t]',
				'}',
				''
			].join('\n')
		);
	});
});

describe('importJson', () => {
	it('reads the golden file back to the golden set', () => {
		expect(importJson(golden('golden-set.json'))).toEqual({
			ok: true,
			set: goldenSet,
			skipped: []
		});
	});

	it('round-trips any valid set', () => {
		fc.assert(
			fc.property(questionSetArb, (set) => {
				expect(importJson(exportJson(set))).toEqual({ ok: true, set, skipped: [] });
			}),
			{ numRuns: 300 }
		);
	});

	it('accepts a byte order mark and any indentation', () => {
		const result = importJson(`\uFEFF${JSON.stringify(JSON.parse(exportJson(goldenSet)))}`);
		expect(result).toEqual({ ok: true, set: goldenSet, skipped: [] });
	});

	it('points a syntax error at its line', () => {
		const [error] = errorsOf(
			'{\n\t"format": "factdeck-question-set",\n\t"version": 1\n\t"id": "x"\n}'
		);
		expect(error?.line).toBe(4);
		expect(error?.message).toMatch(/^not JSON/);
	});

	it('refuses another kind of file and a newer version', () => {
		expect(errorsOf('[]')[0]?.message).toBe('a question set is a JSON object');
		expect(errorsOf('{"questions": []}')[0]).toMatchObject({ path: 'format', line: 1 });
		const newer = errorsOf(edited((doc) => (doc.version = 2)));
		expect(newer).toEqual([
			{ line: 3, path: 'version', message: 'version 2 is newer than this app reads (1)' }
		]);
	});

	it.each<[string, (doc: { questions: Record<string, unknown>[] }) => void, string, string]>([
		[
			'unknown type',
			(d) => (d.questions[1]!.type = 'essay'),
			'questions.1.type',
			'unknown question type'
		],
		[
			'duplicate choice id',
			(d) =>
				(d.questions[0]!.choices = [
					{ id: 'a', text: 'x' },
					{ id: 'a', text: 'y' }
				]),
			'questions.0.choices.1.id',
			'duplicate choice id "a"'
		],
		[
			'correct id missing',
			(d) => (d.questions[0]!.correctChoiceId = 'z'),
			'questions.0.correctChoiceId',
			'is not the id of a choice'
		],
		[
			'one choice',
			(d) => (d.questions[0]!.choices = [{ id: 'a', text: 'x' }]),
			'questions.0.choices',
			'at least 2 choices'
		],
		[
			'one pair',
			(d) => (d.questions[5]!.pairs = [{ left: 'a', right: 'b' }]),
			'questions.5.pairs',
			'at least 2 pairs'
		],
		[
			'two items',
			(d) => (d.questions[6]!.items = ['a', 'b']),
			'questions.6.items',
			'at least 3 items'
		],
		[
			'duplicate item',
			(d) => (d.questions[6]!.items = ['a', 'b', 'a']),
			'questions.6.items.2',
			'duplicate item'
		],
		[
			'negative tolerance',
			(d) => (d.questions[3]!.tolerance = -1),
			'questions.3.tolerance',
			'must not be negative'
		],
		[
			'blank answer',
			(d) => (d.questions[2]!.answer = '  '),
			'questions.2.answer',
			'must not be blank'
		],
		[
			'blank alternative',
			(d) => (d.questions[7]!.alternatives = ['']),
			'questions.7.alternatives.0',
			'must not be blank'
		],
		[
			'bad date',
			(d) => (d.questions[4]!.answer = '2023-02-30'),
			'questions.4.answer',
			'real date written YYYY-MM-DD'
		],
		[
			'date at wrong precision',
			(d) => (d.questions[4]!.precision = 'month'),
			'questions.4.answer',
			'YYYY-MM for precision month'
		],
		[
			'blank cloze',
			(d) => Object.assign(d.questions[7]!, { before: ' ', after: '' }),
			'questions.7.before',
			'text before or after'
		],
		[
			'duplicate question id',
			(d) => (d.questions[1]!.id = d.questions[0]!.id),
			'questions.1.id',
			'duplicate question id'
		],
		['unknown key', (d) => (d.questions[1]!.answr = true), 'questions.1', 'Unrecognized key'],
		[
			'empty title',
			(d) => (d.questions[0]!.title = ''),
			'questions.0.title',
			'leave the field out'
		],
		[
			'number as text',
			(d) => (d.questions[3]!.answer = '4.5'),
			'questions.3.answer',
			'expected number'
		]
	])('reports %s with its path and line', (_, edit, path, message) => {
		const text = edited(edit);
		const errors = errorsOf(text);
		const error = errors.find((e) => e.path === path);
		expect(error?.message).toContain(message);
		expect(error?.line).toBe(locateJson(text).get(path));
		expect(error?.line).toBeGreaterThan(1);
	});
});

describe('helpers', () => {
	it('locates values by path', () => {
		const lines = locateJson('{\n "a": [\n  1,\n  {"b": "x\\"y"}\n ],\n "c": null\n}');
		expect(Object.fromEntries(lines)).toEqual({
			'': 1,
			a: 2,
			'a.0': 3,
			'a.1': 4,
			'a.1.b': 4,
			c: 6
		});
	});

	it('checks a single question', () => {
		expect(validateQuestion(goldenSet.questions[0]).ok).toBe(true);
		expect(validateQuestion({ type: 'numeric' })).toMatchObject({ ok: false });
	});

	it('derives short stable ids, numbering repeats', () => {
		const taken = new Set<string>();
		expect(shortHash('abc')).toMatch(/^[0-9a-f]{8}$/);
		const first = deriveId('gift', 'Q?', taken);
		expect(first).toBe(`gift-${shortHash('Q?')}`);
		expect(deriveId('gift', 'Q?', taken)).toBe(`${first}-2`);
		expect(deriveId('gift', 'Q?', taken)).toBe(`${first}-3`);
	});
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvColumns, exportCsv, parseCsv, parseTermDefinition, readCsvRecords } from './csv';
import { questionSetArb } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import { shortHash } from './json';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

function errorsOf(text: string) {
	const result = parseCsv(text);
	if (!result.ok) return result.errors;
	expect(result.skipped.length).toBeGreaterThan(0);
	return result.skipped.map((s) => ({ line: s.line, message: s.reason }));
}

describe('exportCsv', () => {
	it('writes the golden set exactly as the golden file', () => {
		expect(exportCsv(goldenSet)).toBe(golden('golden-set.csv'));
	});

	it('starts with a byte order mark and the header, and ends every row with CRLF', () => {
		const csv = exportCsv({ id: 's', title: 'T', questions: [] });
		expect(csv).toBe(`\uFEFF${csvColumns.join(',')}\r\n`);
		expect(exportCsv(goldenSet).split('\r\n')).toHaveLength(goldenSet.questions.length + 2);
	});
});

describe('parseCsv', () => {
	it('reads the golden file back to the golden questions', () => {
		expect(parseCsv(golden('golden-set.csv'))).toEqual({
			ok: true,
			questions: goldenSet.questions,
			skipped: []
		});
	});

	it('reads back any exported set', () => {
		fc.assert(
			fc.property(questionSetArb, (set) => {
				expect(parseCsv(exportCsv(set))).toEqual({
					ok: true,
					questions: set.questions,
					skipped: []
				});
			}),
			{ numRuns: 400 }
		);
	});

	it('reads a hand-made sheet: columns in any order, LF line ends, no ids, answers by text', () => {
		const sheet = [
			'Type,Prompt,Answer,Choices,Alternatives,Tolerance',
			'multiple_choice,Who hosted Xi?,Vladimir Putin,Fumio Kishida | Vladimir Putin,,',
			'short_answer,Who visited Moscow?,Xi Jinping,,Xi | the Chinese leader,',
			'numeric,How many points?,12,,,',
			'true_false,Xi visited Moscow.,TRUE,,,',
			',,,,,',
			''
		].join('\n');
		const result = parseCsv(sheet);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const ids = result.questions.map((q) => q.id);
		for (const id of ids) expect(id).toMatch(/^csv-[0-9a-f]{8}$/);
		expect(new Set(ids).size).toBe(ids.length);
		expect(result.questions.map(({ id: _id, ...q }) => q)).toEqual([
			{
				type: 'multiple_choice',
				prompt: 'Who hosted Xi?',
				choices: [
					{ id: 'c1', text: 'Fumio Kishida' },
					{ id: 'c2', text: 'Vladimir Putin' }
				],
				correctChoiceId: 'c2',
				explanation: ''
			},
			{
				type: 'short_answer',
				prompt: 'Who visited Moscow?',
				answer: 'Xi Jinping',
				alternatives: ['Xi', 'the Chinese leader'],
				explanation: ''
			},
			{ type: 'numeric', prompt: 'How many points?', answer: 12, tolerance: 0, explanation: '' },
			{ type: 'true_false', prompt: 'Xi visited Moscow.', answer: true, explanation: '' }
		]);
	});

	it('infers a date precision from the date when the column is empty', () => {
		const result = parseCsv('type,prompt,answer\r\ndate,When?,2023-03\r\n');
		expect(result.ok && result.questions[0]).toMatchObject({
			answer: '2023-03',
			precision: 'month'
		});
	});

	it.each([
		[
			'an unclosed quote',
			'id,type,prompt,answer\r\nq,short_answer,"Who?\r\n\r\nx',
			2,
			'never closed'
		],
		[
			'text after a quote',
			'id,type,prompt,answer\r\nq,short_answer,"Who"?,x',
			2,
			'after a closing quote'
		],
		['a missing column', 'id,type,prompt\r\nq,true_false,P', 1, 'missing column "answer"'],
		[
			'an unknown column',
			'id,type,prompt,answer,colour\r\nq,true_false,P,true,red',
			1,
			'unknown column "colour"'
		],
		[
			'a short row',
			'id,type,prompt,answer\r\nq,true_false,P',
			2,
			'3 fields where the header has 4'
		],
		['an unknown type', 'id,type,prompt,answer\r\nq,essay,P,x', 2, 'unknown type "essay"'],
		[
			'a bad number',
			'id,type,prompt,answer\r\nq,numeric,P,twelve',
			2,
			'answer: "twelve" is not a number'
		],
		['a bad boolean', 'id,type,prompt,answer\r\nq,true_false,P,yes', 2, 'not true or false'],
		[
			'an unknown choice',
			'id,type,prompt,answer,choices\r\nq,multiple_choice,P,z,a | b',
			2,
			'neither the id nor the text'
		],
		[
			'a pair without an arrow',
			'id,type,prompt,answer\r\nq,matching,P,a -> b | c',
			2,
			'pair 2 has no "->"'
		],
		[
			'a column of another type',
			'id,type,prompt,answer,unit\r\nq,true_false,P,true,h',
			2,
			'unit does not apply'
		],
		['too few items', 'id,type,prompt,answer\r\nq,ordering,P,a | b', 2, 'at least 3 items'],
		[
			'a quote without a source',
			'id,type,prompt,answer,quote\r\nq,true_false,P,true,Q',
			2,
			'need a source_id'
		],
		[
			'a duplicate id',
			'id,type,prompt,answer\r\nq,true_false,P,true\r\nq,true_false,P,false',
			3,
			'duplicate id "q"'
		]
	])('reports %s with its line', (_, text, line, message) => {
		const errors = errorsOf(text);
		expect(errors.map((e) => e.message).join(' | ')).toContain(message);
		expect(errors.find((e) => e.message.includes(message))?.line).toBe(line);
	});

	it('counts lines inside quoted fields when numbering later rows', () => {
		const text = 'type,prompt,answer\r\nshort_answer,"Line one\r\nline two",x\r\nnumeric,P,x\r\n';
		expect(errorsOf(text)).toEqual([{ line: 4, message: 'answer: "x" is not a number' }]);
	});
});

describe('readCsvRecords', () => {
	it('follows RFC 4180: quoted commas, doubled quotes and line breaks; CRLF, LF or CR', () => {
		const { records, errors } = readCsvRecords('a,"b,c","say ""hi"""\r\n"x\ny",,z\rlast');
		expect(errors).toEqual([]);
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b,c', 'say "hi"'] },
			{ line: 2, fields: ['x\ny', '', 'z'] },
			{ line: 4, fields: ['last'] }
		]);
	});
});

describe('parseTermDefinition', () => {
	it('reads tab- or comma-separated cards, definition as prompt and term as answer', () => {
		const result = parseTermDefinition(
			'Term\tDefinition\nXi Jinping\tThe Chinese leader\n\n"Moscow, Russia",Where Xi met Putin, in March\nKremlin, The seat of the Russian President\n'
		);
		expect(result).toEqual({
			ok: true,
			questions: [
				{
					id: `card-${shortHash('Xi Jinping\tThe Chinese leader')}`,
					type: 'short_answer',
					prompt: 'The Chinese leader',
					answer: 'Xi Jinping',
					alternatives: [],
					explanation: ''
				},
				expect.objectContaining({
					prompt: 'Where Xi met Putin, in March',
					answer: 'Moscow, Russia'
				}),
				expect.objectContaining({ prompt: 'The seat of the Russian President', answer: 'Kremlin' })
			],
			skipped: []
		});
	});

	it('reports lines without a separator or with an empty side', () => {
		expect(parseTermDefinition('ok\tfine\nno separator here\n\t definition only')).toEqual({
			ok: true,
			questions: [expect.objectContaining({ prompt: 'fine', answer: 'ok' })],
			skipped: [
				{
					number: 2,
					line: 2,
					firstLine: 'no separator here',
					reason: 'no tab or comma between term and definition'
				},
				{ number: 3, line: 3, firstLine: 'definition only', reason: 'an empty term' }
			]
		});
	});
});

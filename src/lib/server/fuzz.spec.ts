// Fuzzing: thousands of random and mutated inputs through every parser and form handler.
// Nothing may throw (a throw would be a 500), and a refused write must leave nothing behind.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count as sqlCount } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { importJson } from '../domain/formats/json';
import { importText } from '../domain/formats/import';
import { parseCsv, parseTermDefinition } from '../domain/formats/csv';
import { parseGift } from '../domain/formats/gift';
import { parseAiken } from '../domain/formats/aiken';
import { gradeAnswer } from '../domain/grade-answer';
import { parseDate, parseNumber } from '../domain/normalise';
import { questionBank } from '../domain/generate-questions';
import type { Question } from '../domain/question';
import {
	applyIntent,
	questionFromValues,
	readValues
} from '../../routes/teach/sets/[id]/questions/question-form';
import { signUpSchema } from './accounts';
import { loadFactBase } from './db/content';
import { question } from './db/schema';
import { parseResponseForm } from './quiz-form';
import { createSet, importQuestions } from './teacher-sets';
import { createTestDb } from './testing/test-db';
import { signUp } from './accounts';

const golden = (ext: string) =>
	readFileSync(path.join('src/lib/domain/formats/golden', `golden-set.${ext}`), 'utf8');

/** A valid file with random damage: characters inserted, deleted or replaced. */
function mutated(text: string) {
	const edit = fc.record({
		at: fc.nat({ max: Math.max(0, text.length - 1) }),
		kind: fc.constantFrom('insert', 'delete', 'replace'),
		with: fc.constantFrom(
			'{',
			'}',
			'=',
			'~',
			'#',
			':',
			'\\',
			'\n',
			'"',
			',',
			'\t',
			'->',
			'%50%',
			'',
			'é',
			'\u0000'
		)
	});
	return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) =>
		edits.reduce((t, e) => {
			if (e.kind === 'insert') return t.slice(0, e.at) + e.with + t.slice(e.at);
			if (e.kind === 'delete') return t.slice(0, e.at) + t.slice(e.at + 1);
			return t.slice(0, e.at) + e.with + t.slice(e.at + 1);
		}, text)
	);
}

const anyText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary' })
);

describe('parsers never throw', () => {
	const parsers: [string, (t: string) => unknown, string][] = [
		['GIFT', parseGift, 'gift'],
		['CSV', parseCsv, 'csv'],
		['JSON', importJson, 'json'],
		['Aiken', parseAiken, 'gift'],
		['term lists', parseTermDefinition, 'csv'],
		['import (any format)', (t) => importText(t), 'gift']
	];
	for (const [name, parse, seed] of parsers) {
		it(`${name}: random and mutated input gives questions or line-numbered errors`, () => {
			fc.assert(
				fc.property(fc.oneof(anyText, mutated(golden(seed))), (text) => {
					const result = parse(text) as { ok: boolean; errors?: { message: string }[] };
					expect(typeof result.ok).toBe('boolean');
					if (!result.ok) expect(result.errors!.length).toBeGreaterThan(0);
				}),
				{ numRuns: 1500 }
			);
			// GIFT now reads every block, descriptions and essays included, and checks each: 1,500
			// files take a few seconds.
		}, 30_000);
	}

	it('numbers and dates', () => {
		// Found by this test once: words that name Object.prototype's members are not numbers.
		for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
			expect(parseNumber(word)).toBeUndefined();
		}
		fc.assert(
			fc.property(anyText, (text) => {
				const n = parseNumber(text);
				expect(n === undefined || Number.isFinite(n)).toBe(true);
				parseDate(text);
			}),
			{ numRuns: 3000 }
		);
	});
});

const bank: Question[] = questionBank(factBases[0]!, 1);
const oneOfEachType = [...new Map(bank.map((q) => [q.type, q])).values()];

function formData(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

const fieldNames = fc.constantFrom('choice', 'text', 'picked', 'match', 'order', 'position', 'x');
const fields = fc.array(fc.tuple(fieldNames, anyText), { maxLength: 12 });

describe('form handlers never throw', () => {
	it('a quiz answer: any form for any question is parsed, graded or refused with a message', () => {
		fc.assert(
			fc.property(fc.constantFrom(...oneOfEachType), fields, (q, entries) => {
				const parsed = parseResponseForm(q, formData(entries));
				if (parsed.ok) expect(typeof gradeAnswer(q, parsed.response).correct).toBe('boolean');
				else expect(parsed.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 4000 }
		);
	});

	it('the question editor: any form is read, built into a question or refused field by field', () => {
		const editorFields = fc.constantFrom(
			'type',
			'prompt',
			'explanation',
			'choice',
			'correct',
			'left',
			'right',
			'item',
			'answer',
			'tolerance',
			'unit',
			'precision',
			'before',
			'after',
			'alternatives',
			'feedback'
		);
		const types = fc.constantFrom(
			'multiple_choice',
			'true_false',
			'short_answer',
			'numeric',
			'date',
			'matching',
			'ordering',
			'cloze',
			'essay'
		);
		fc.assert(
			fc.property(
				types,
				fc.array(fc.tuple(editorFields, anyText), { maxLength: 16 }),
				anyText,
				(type, entries, intent) => {
					const values = readValues(formData([['type', type], ...entries]));
					if (!values) return;
					applyIntent(values, intent);
					const built = questionFromValues(values, 'q1');
					if (!built.ok) expect(Object.keys(built.errors).length).toBeGreaterThan(0);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('sign-up: any input is accepted or refused by the schema, never thrown', () => {
		fc.assert(
			fc.property(anyText, anyText, anyText, anyText, (username, password, role, email) => {
				const parsed = signUpSchema.safeParse({ username, password, role, email });
				expect(typeof parsed.success).toBe('boolean');
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('imports write all or nothing', () => {
	it('a refused import leaves the set exactly as it was', async () => {
		const db = createTestDb();
		loadFactBase(db, factBases[0]!);
		const teacher = await signUp(db, {
			username: 'fuzzer',
			password: 'fuzzer-password',
			role: 'teacher'
		});
		if (!teacher.ok) throw new Error('no teacher');
		const setId = createSet(db, teacher.userId, { title: 'Fuzz', description: '', tags: [] });
		// Counted in SQL: reading every row back each run made the test crawl as imports added up.
		const count = () => db.select({ n: sqlCount() }).from(question).get()?.n ?? 0;
		fc.assert(
			fc.property(fc.oneof(anyText, mutated(golden('gift')), mutated(golden('csv'))), (text) => {
				const before = count();
				const parsed = importText(text);
				if (!parsed.ok) return;
				const saved = importQuestions(db, teacher.userId, setId, parsed.questions);
				expect(count()).toBe(saved.ok ? before + parsed.questions.length : before);
			}),
			{ numRuns: 500 }
		);
		// GIFT reads any block of text without braces as a description, so many more of these
		// texts import than before: each run writes to the database.
	}, 60_000);
});

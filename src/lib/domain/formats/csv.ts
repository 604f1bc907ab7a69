// Question sets as CSV for spreadsheets (RFC 4180, one question per row, lists in a cell joined
// with " | "), and Quizlet-style term/definition lists turned into short answer questions.
// The columns are documented in docs/question-set-format.md.
import { isIsoDate } from '../normalise';
import { fromPercentText, percentText as percent, unknownType } from '../public-question';
import {
	evenWeights,
	questionTypes,
	rangeMidpoint,
	verdicts,
	type Question,
	type QuestionSet,
	type Verdict
} from '../question';
import { readCsvRecords } from './csv-records';
import { deriveId, validateQuestion } from './json';
import { firstLineOf, firstOfEachId, type SkippedQuestion } from './outcome';

export { readCsvRecords } from './csv-records';
export { parseTermDefinition, type TermDefinitionResult } from './term-definition';

export interface CsvError {
	line: number;
	message: string;
}

/** A broken quote or header makes the file unreadable; a bad row leaves out only itself. */
export type CsvParseResult =
	| { ok: true; questions: Question[]; skipped: SkippedQuestion[] }
	| { ok: false; errors: CsvError[] };

export const csvColumns = [
	'id',
	'type',
	'title',
	'prompt',
	'before',
	'after',
	'choices',
	'choice_ids',
	'choice_feedback',
	'choice_weights',
	'all_or_nothing',
	'answer',
	'alternatives',
	'partial_answers',
	'case_sensitive',
	'tolerance',
	'unit',
	'precision',
	'explanation',
	'source_id',
	'fact_ids',
	'quote'
] as const;
type Column = (typeof csvColumns)[number];
type Row = Partial<Record<Column, string>>;

/** Which columns, besides the common ones, each type uses; any other must be left empty. */
const typeColumns: Record<Question['type'], Column[]> = {
	multiple_choice: ['choices', 'choice_ids', 'choice_feedback', 'choice_weights', 'answer'],
	true_false: ['answer'],
	true_false_not_given: ['answer'],
	short_answer: ['answer', 'alternatives', 'partial_answers', 'case_sensitive'],
	numeric: ['answer', 'tolerance', 'unit'],
	date: ['answer', 'precision'],
	matching: ['answer'],
	ordering: ['answer'],
	cloze: ['before', 'after', 'answer', 'alternatives'],
	multiple_response: [
		'choices',
		'choice_ids',
		'choice_feedback',
		'choice_weights',
		'all_or_nothing',
		'answer'
	],
	open_response: ['answer'],
	description: []
};
const commonColumns: Column[] = [
	'id',
	'type',
	'title',
	'prompt',
	'explanation',
	'source_id',
	'fact_ids',
	'quote'
];

// ---------------------------------------------------------------------------------------------
// Lists inside a cell: items joined with " | "; a "|" or "\" in an item is escaped with "\",
// and so is the ">" of a "->" inside the left side of a matching pair.

function escapeItem(item: string): string {
	return item.replace(/[\\|]/g, (c) => `\\${c}`);
}

function joinList(items: string[]): string {
	return items.map(escapeItem).join(' | ');
}

interface Char {
	ch: string;
	escaped: boolean;
}

function unescapeChars(cell: string): Char[] {
	const out: Char[] = [];
	const chars = Array.from(cell);
	for (let i = 0; i < chars.length; i++) {
		if (chars[i] === '\\' && i + 1 < chars.length) out.push({ ch: chars[++i]!, escaped: true });
		else out.push({ ch: chars[i]!, escaped: false });
	}
	return out;
}

const text = (chars: Char[]) => chars.map((c) => c.ch).join('');

/** Items of a list cell, trimmed; an empty cell is an empty list. */
function splitListChars(cell: string): Char[][] {
	if (cell.trim() === '') return [];
	const items: Char[][] = [[]];
	for (const c of unescapeChars(cell)) {
		if (!c.escaped && c.ch === '|') items.push([]);
		else items[items.length - 1]!.push(c);
	}
	return items.map(trimChars);
}

function trimChars(chars: Char[]): Char[] {
	let start = 0;
	let end = chars.length;
	const space = (c: Char) => !c.escaped && /\s/u.test(c.ch);
	while (start < end && space(chars[start]!)) start++;
	while (end > start && space(chars[end - 1]!)) end--;
	return chars.slice(start, end);
}

function splitList(cell: string): string[] {
	return splitListChars(cell).map(text);
}

function joinPairs(pairs: { left: string; right: string }[]): string {
	return pairs
		.map((p) => `${escapeItem(p.left).replace(/->/g, '-\\>')} -> ${escapeItem(p.right)}`)
		.join(' | ');
}

function splitPairs(cell: string): ({ left: string; right: string } | undefined)[] {
	return splitListChars(cell).map((item) => {
		const arrow = item.findIndex(
			(c, i) => !c.escaped && c.ch === '-' && item[i + 1]?.ch === '>' && !item[i + 1]!.escaped
		);
		if (arrow < 0) return undefined;
		return {
			left: text(trimChars(item.slice(0, arrow))),
			right: text(trimChars(item.slice(arrow + 2)))
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The set as CSV: a UTF-8 byte order mark (so spreadsheet programs read UTF-8), a header row,
 * one question per row, CRLF line ends, fields quoted when they hold a comma, quote, line
 * break or surrounding space.
 */
export function exportCsv(set: QuestionSet): string {
	const rows = [
		csvColumns.map((c) => c as string),
		...set.questions.map((q) => csvColumns.map((c) => toRow(q)[c] ?? ''))
	];
	return `\uFEFF${rows.map((fields) => fields.map(quoteField).join(',')).join('\r\n')}\r\n`;
}

function quoteField(field: string): string {
	return /[",\r\n]|^\s|\s$/u.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function toRow(q: Question): Row {
	const row: Row = {
		id: q.id,
		type: q.type,
		title: q.title ?? '',
		prompt: q.prompt,
		explanation: q.explanation
	};
	if (q.provenance) {
		row.source_id = q.provenance.sourceId;
		row.fact_ids = joinList(q.provenance.factIds);
		row.quote = q.provenance.quote;
	}
	switch (q.type) {
		case 'multiple_choice':
			row.choices = joinList(q.choices.map((c) => c.text));
			row.choice_ids = joinList(q.choices.map((c) => c.id));
			row.choice_feedback = q.choices.some((c) => c.feedback)
				? joinList(q.choices.map((c) => c.feedback ?? ''))
				: '';
			row.choice_weights = q.choices.some((c) => c.credit !== undefined)
				? joinList(
						q.choices.map((c) => (c.id === q.correctChoiceId ? '100' : percent(c.credit ?? 0)))
					)
				: '';
			row.answer = q.correctChoiceId;
			break;
		case 'true_false':
		case 'true_false_not_given':
			row.answer = String(q.answer);
			break;
		case 'short_answer':
		case 'cloze':
			row.answer = q.answer;
			row.alternatives = joinList(q.alternatives);
			if (q.type === 'cloze') {
				row.before = q.before;
				row.after = q.after;
			} else {
				row.partial_answers = joinList(
					(q.partialAnswers ?? []).map((p) => `%${percent(p.credit)}%${p.answer}`)
				);
				row.case_sensitive = q.caseSensitive ? 'true' : '';
			}
			break;
		case 'numeric':
			row.answer = q.range ? `${q.range.min}..${q.range.max}` : String(q.answer);
			row.tolerance = q.range ? '' : String(q.tolerance);
			row.unit = q.unit ?? '';
			break;
		case 'multiple_response':
			row.choices = joinList(q.choices.map((c) => c.text));
			row.choice_ids = joinList(q.choices.map((c) => c.id));
			row.choice_feedback = q.choices.some((c) => c.feedback)
				? joinList(q.choices.map((c) => c.feedback ?? ''))
				: '';
			row.choice_weights = joinList(q.choices.map((c) => percent(c.weight)));
			row.all_or_nothing = String(q.allOrNothing);
			row.answer = joinList(q.choices.filter((c) => c.weight > 0).map((c) => c.id));
			break;
		case 'open_response':
			row.answer = q.modelAnswer;
			break;
		case 'description':
			break;
		case 'date':
			row.answer = q.answer;
			row.precision = q.precision;
			break;
		case 'matching':
			row.answer = joinPairs(q.pairs);
			break;
		case 'ordering':
			row.answer = joinList(q.items);
			break;
	}
	return row;
}

// ---------------------------------------------------------------------------------------------
// Import

class RowProblem extends Error {}

/**
 * Reads CSV written by exportCsv or by hand in a spreadsheet: a header row naming columns (in
 * any order; type, prompt and answer are required), then one question per row. Empty rows are
 * skipped. A row with no id gets "csv-" + a hash of its cells.
 */
export function parseCsv(source: string): CsvParseResult {
	const { records, errors } = readCsvRecords(source);
	const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
	const header = nonEmpty[0];
	if (!header)
		return { ok: false, errors: errors.length ? errors : [{ line: 1, message: 'no header row' }] };

	const columns: Column[] = [];
	for (const name of header.fields.map((f) => f.trim().toLowerCase())) {
		if (!(csvColumns as readonly string[]).includes(name)) {
			errors.push({
				line: header.line,
				message: `unknown column "${name}" (columns: ${csvColumns.join(', ')})`
			});
		} else if (columns.includes(name as Column)) {
			errors.push({ line: header.line, message: `column "${name}" appears twice` });
		}
		columns.push(name as Column);
	}
	for (const required of ['type', 'prompt', 'answer'] as const) {
		if (!columns.includes(required))
			errors.push({ line: header.line, message: `missing column "${required}"` });
	}
	if (errors.length) return { ok: false, errors };

	const taken = new Set<string>();
	const skipped: SkippedQuestion[] = [];
	const questions: {
		question: Question;
		number: number;
		line: number;
		explicitId: boolean;
		cells: string;
	}[] = [];
	const promptAt = columns.indexOf('prompt');
	for (const [index, record] of nonEmpty.slice(1).entries()) {
		const number = index + 1;
		const skip = (reason: string) =>
			skipped.push({
				number,
				line: record.line,
				firstLine: firstLineOf(record.fields[promptAt] ?? record.fields.join(',')),
				reason
			});
		if (record.fields.length !== columns.length) {
			skip(`${record.fields.length} fields where the header has ${columns.length}`);
			continue;
		}
		const row: Row = {};
		for (const [k, column] of columns.entries()) row[column] = record.fields[k];
		try {
			const question = fromRow(row);
			const checked = validateQuestion({ ...question, id: question.id || 'pending' });
			if (!checked.ok) {
				skip(
					checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
				);
				continue;
			}
			questions.push({
				question,
				number,
				line: record.line,
				explicitId: question.id !== '',
				cells: record.fields.join('\u0000')
			});
		} catch (error) {
			if (!(error instanceof RowProblem)) throw error;
			skip(error.message);
		}
	}
	const kept = firstOfEachId(questions, skipped, taken, (q) => q.question.prompt);
	for (const q of kept.filter((q) => !q.explicitId))
		q.question.id = deriveId('csv', q.cells, taken);
	if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
	skipped.sort((a, b) => a.number - b.number);
	return { ok: true, questions: kept.map((q) => q.question), skipped };
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function fromRow(row: Row): Question {
	const cell = (column: Column) => row[column] ?? '';
	const type = cell('type').trim() as Question['type'];
	if (!questionTypes.includes(type)) {
		throw new RowProblem(`unknown type "${cell('type')}" (one of ${questionTypes.join(', ')})`);
	}
	for (const column of csvColumns) {
		if (
			cell(column).trim() !== '' &&
			!commonColumns.includes(column) &&
			!typeColumns[type].includes(column)
		) {
			throw new RowProblem(`column ${column} does not apply to ${type}`);
		}
	}
	const sourceId = cell('source_id');
	if (sourceId === '' && (cell('fact_ids') !== '' || cell('quote') !== '')) {
		throw new RowProblem('fact_ids and quote need a source_id');
	}
	const base = {
		id: cell('id'),
		...(cell('title') !== '' ? { title: cell('title') } : {}),
		prompt: cell('prompt'),
		explanation: cell('explanation'),
		...(sourceId !== ''
			? { provenance: { sourceId, factIds: splitList(cell('fact_ids')), quote: cell('quote') } }
			: {})
	};
	const answer = cell('answer');
	const number = (column: Column, fallback?: number) => {
		const value = cell(column).trim();
		if (value === '' && fallback !== undefined) return fallback;
		if (!numberPattern.test(value)) throw new RowProblem(`${column}: "${value}" is not a number`);
		return Number(value);
	};

	switch (type) {
		case 'multiple_choice': {
			const choices = choicesOf(cell);
			// The answer names the right choice by id or, in a hand-made sheet, by its text.
			const byText = choices.filter((c) => c.text === answer.trim());
			const right =
				choices.find((c) => c.id === answer.trim()) ??
				(byText.length === 1 ? byText[0] : undefined);
			if (!right)
				throw new RowProblem(`answer "${answer}" is neither the id nor the text of one choice`);
			const weights = readWeights(cell('choice_weights'), choices.length);
			return {
				...base,
				type,
				choices: choices.map((c, i) => {
					const w = weights?.[i] ?? 0;
					if (c.id === right.id || w <= 0) return c;
					if (w >= 1) throw new RowProblem(`choice_weights: only the answer may earn 100`);
					return { ...c, credit: w };
				}),
				correctChoiceId: right.id
			};
		}
		case 'multiple_response': {
			const choices = choicesOf(cell);
			// The answer lists the right choices, by id or by text.
			const named = splitList(answer);
			const isRight = choices.map((c) => named.includes(c.id) || named.includes(c.text));
			const unknown = named.filter((n) => !choices.some((c) => c.id === n || c.text === n));
			if (unknown.length) throw new RowProblem(`answer: "${unknown[0]}" is not a choice`);
			const weights = readWeights(cell('choice_weights'), choices.length) ?? evenWeights(isRight);
			const flag = cell('all_or_nothing').trim().toLowerCase();
			if (flag !== '' && flag !== 'true' && flag !== 'false') {
				throw new RowProblem(`all_or_nothing: "${flag}" is not true or false`);
			}
			return {
				...base,
				type,
				choices: choices.map((c, i) => ({ ...c, weight: weights[i]! })),
				allOrNothing: flag === 'true'
			};
		}
		case 'open_response':
			return { ...base, type, modelAnswer: answer.trim() };
		case 'description':
			return { ...base, type };
		case 'true_false': {
			const value = answer.trim().toLowerCase();
			if (value !== 'true' && value !== 'false')
				throw new RowProblem(`answer: "${answer}" is not true or false`);
			return { ...base, type, answer: value === 'true' };
		}
		case 'true_false_not_given': {
			// "Not given" as a person types it, or not_given as the export writes it.
			const value = answer
				.trim()
				.toLowerCase()
				.replace(/[\s-]+/g, '_');
			if (!(verdicts as readonly string[]).includes(value))
				throw new RowProblem(`answer: "${answer}" is not true, false or not_given`);
			return { ...base, type, answer: value as Verdict };
		}
		case 'short_answer': {
			const partialAnswers = splitList(cell('partial_answers')).map((item) => {
				const m = /^%(\d+(?:\.\d+)?)%(.+)$/s.exec(item);
				if (!m) throw new RowProblem(`partial_answers: "${item}" is not written %50%answer`);
				return { answer: m[2]!.trim(), credit: fromPercentText(m[1]!) };
			});
			const flag = cell('case_sensitive').trim().toLowerCase();
			if (flag !== '' && flag !== 'true' && flag !== 'false') {
				throw new RowProblem(`case_sensitive: "${flag}" is not true or false`);
			}
			return {
				...base,
				type,
				answer,
				alternatives: splitList(cell('alternatives')),
				...(partialAnswers.length ? { partialAnswers } : {}),
				...(flag === 'true' ? { caseSensitive: true as const } : {})
			};
		}
		case 'cloze':
			return {
				...base,
				type,
				before: cell('before'),
				after: cell('after'),
				answer,
				alternatives: splitList(cell('alternatives'))
			};
		case 'numeric': {
			const unit = cell('unit');
			const range = /^(.+?)\.\.(.+)$/.exec(answer.trim());
			if (range) {
				if (cell('tolerance').trim() !== '') {
					throw new RowProblem('tolerance: leave it empty for a range (min..max)');
				}
				const [min, max] = [range[1]!, range[2]!].map((v) => {
					if (!numberPattern.test(v.trim())) throw new RowProblem(`answer: "${v}" is not a number`);
					return Number(v);
				}) as [number, number];
				return {
					...base,
					type,
					...rangeMidpoint(min, max),
					...(unit !== '' ? { unit } : {}),
					range: { min, max }
				};
			}
			return {
				...base,
				type,
				answer: number('answer'),
				tolerance: number('tolerance', 0),
				...(unit !== '' ? { unit } : {})
			};
		}
		case 'date': {
			const date = answer.trim();
			const precision =
				cell('precision').trim() ||
				(['year', 'month', 'day'] as const).find((p) => isIsoDate(date, p)) ||
				'day';
			if (precision !== 'day' && precision !== 'month' && precision !== 'year') {
				throw new RowProblem(`precision: "${precision}" is not day, month or year`);
			}
			return { ...base, type, answer: date, precision };
		}
		case 'matching': {
			const pairs = splitPairs(answer);
			const broken = pairs.findIndex((p) => p === undefined);
			if (broken >= 0)
				throw new RowProblem(`answer: pair ${broken + 1} has no "->" between left and right`);
			return { ...base, type, pairs: pairs as { left: string; right: string }[] };
		}
		case 'ordering':
			return { ...base, type, items: splitList(answer) };
		default:
			return unknownType(type);
	}
}

/** The choices of a row: texts, ids (c1, c2, … when none) and feedback, lists of one length. */
function choicesOf(cell: (column: Column) => string) {
	const texts = splitList(cell('choices'));
	const ids =
		cell('choice_ids') === '' ? texts.map((_, i) => `c${i + 1}`) : splitList(cell('choice_ids'));
	const feedback = splitList(cell('choice_feedback'));
	if (ids.length !== texts.length)
		throw new RowProblem(`${ids.length} choice_ids for ${texts.length} choices`);
	if (feedback.length && feedback.length !== texts.length) {
		throw new RowProblem(`${feedback.length} choice_feedback items for ${texts.length} choices`);
	}
	return texts.map((t, i) => ({
		id: ids[i]!,
		text: t,
		...(feedback[i] ? { feedback: feedback[i] } : {})
	}));
}

/** A choice_weights cell: percentages, one per choice; undefined when the cell is empty. */
function readWeights(cellText: string, count: number): number[] | undefined {
	const items = splitList(cellText);
	if (items.length === 0) return undefined;
	if (items.length !== count) {
		throw new RowProblem(`${items.length} choice_weights for ${count} choices`);
	}
	return items.map((item) => {
		const value = item.replace(/%$/, '').trim();
		if (!numberPattern.test(value)) {
			throw new RowProblem(`choice_weights: "${item}" is not a percentage`);
		}
		return fromPercentText(value);
	});
}

// Factdeck's own file format for a question set: versioned JSON that mirrors the question
// model (docs/question-set-format.md), with the zod schema and invariants that every importer
// (JSON, GIFT, CSV) checks its questions against.
import { z } from 'zod';
import { isIsoDate } from '../normalise';
import {
	questionTypes,
	rangeMidpoint,
	verdicts,
	type Question,
	type QuestionSet
} from '../question';
import { firstLineOf, type SkippedQuestion } from './outcome';

export const questionSetFormat = 'factdeck-question-set';
export const questionSetVersion = 1;

export interface FormatProblem {
	path: string;
	message: string;
}

export interface JsonImportError extends FormatProblem {
	line?: number;
}

/** A question that breaks the schema is left out (skipped); a broken file or envelope is refused. */
export type JsonImportResult =
	| { ok: true; set: QuestionSet; skipped: SkippedQuestion[] }
	| { ok: false; errors: JsonImportError[] };

// ---------------------------------------------------------------------------------------------
// Schema

const text = z.string().refine((s) => s.trim() !== '', 'must not be blank');
/** Optional text is left out rather than empty, so '' never means "none" in one file only. */
const optionalText = z.string().min(1, 'must not be empty (leave the field out)').optional();

const provenanceSchema = z.strictObject({
	sourceId: text,
	factIds: z.array(text),
	quote: z.string()
});

const baseShape = {
	id: text,
	title: optionalText,
	prompt: text,
	explanation: z.string(),
	provenance: provenanceSchema.optional()
};

/** A share of the marks strictly between nothing and all of them. */
const credit = z
	.number()
	.gt(0, 'must be above 0 (leave it out for no credit)')
	.lt(1, 'must be below 1 (a right answer earns 1)');
const creditedChoiceSchema = z.strictObject({
	id: text,
	text,
	feedback: optionalText,
	credit: credit.optional()
});
const weightedChoiceSchema = z.strictObject({
	id: text,
	text,
	feedback: optionalText,
	weight: z.number().min(-1, 'must be -1 or more').max(1, 'must be 1 or less')
});

const typedShape = { answer: text, alternatives: z.array(text) };

/** Moodle's fractions (0.3333333) add up to 1 only within a rounding error. */
export const WEIGHT_SUM_SLACK = 0.001;

const questionShapes = z.discriminatedUnion('type', [
	z.strictObject({
		...baseShape,
		type: z.literal('multiple_choice'),
		choices: z.array(creditedChoiceSchema).min(2, 'needs at least 2 choices'),
		correctChoiceId: text
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('multiple_response'),
		choices: z.array(weightedChoiceSchema).min(2, 'needs at least 2 choices'),
		allOrNothing: z.boolean()
	}),
	z.strictObject({ ...baseShape, type: z.literal('open_response'), modelAnswer: z.string() }),
	z.strictObject({
		...baseShape,
		type: z.literal('description'),
		explanation: z.literal('', 'a description has no explanation: put all its text in the prompt')
	}),
	z.strictObject({ ...baseShape, type: z.literal('true_false'), answer: z.boolean() }),
	z.strictObject({
		...baseShape,
		type: z.literal('true_false_not_given'),
		answer: z.enum(verdicts)
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('short_answer'),
		...typedShape,
		partialAnswers: z.array(z.strictObject({ answer: text, credit })).optional(),
		caseSensitive: z.literal(true, 'must be true, or left out').optional()
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('numeric'),
		answer: z.number(),
		tolerance: z.number().min(0, 'must not be negative'),
		unit: optionalText,
		range: z.strictObject({ min: z.number(), max: z.number() }).optional()
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('date'),
		answer: z.string(),
		precision: z.enum(['day', 'month', 'year'])
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('matching'),
		pairs: z.array(z.strictObject({ left: text, right: text })).min(2, 'needs at least 2 pairs')
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('ordering'),
		items: z.array(text).min(3, 'needs at least 3 items')
	}),
	z.strictObject({
		...baseShape,
		type: z.literal('cloze'),
		before: z.string(),
		after: z.string(),
		...typedShape
	})
]);

/** A question of any type, with the invariants a shape alone cannot state. */
export const questionSchema: z.ZodType<Question> = questionShapes.superRefine((q, ctx) => {
	const problem = (path: (string | number)[], message: string) =>
		ctx.addIssue({ code: 'custom', path, message });
	const duplicates = (values: string[], path: (i: number) => (string | number)[], what: string) => {
		const seen = new Set<string>();
		for (const [i, v] of values.entries()) {
			if (seen.has(v)) problem(path(i), `duplicate ${what} "${v}"`);
			seen.add(v);
		}
	};
	switch (q.type) {
		case 'multiple_choice':
			duplicates(
				q.choices.map((c) => c.id),
				(i) => ['choices', i, 'id'],
				'choice id'
			);
			if (!q.choices.some((c) => c.id === q.correctChoiceId)) {
				problem(['correctChoiceId'], `"${q.correctChoiceId}" is not the id of a choice`);
			}
			for (const [i, c] of q.choices.entries()) {
				if (c.id === q.correctChoiceId && c.credit !== undefined) {
					problem(['choices', i, 'credit'], 'the right choice earns all the marks: leave it out');
				}
			}
			break;
		case 'multiple_response': {
			duplicates(
				q.choices.map((c) => c.id),
				(i) => ['choices', i, 'id'],
				'choice id'
			);
			const positive = q.choices.filter((c) => c.weight > 0);
			const sum = positive.reduce((total, c) => total + c.weight, 0);
			if (positive.length === 0)
				problem(['choices'], 'needs at least one right choice (weight above 0)');
			else if (Math.abs(sum - 1) > WEIGHT_SUM_SLACK) {
				problem(
					['choices'],
					`the right choices' weights add up to ${Number((sum * 100).toFixed(3))}%, not 100%`
				);
			}
			break;
		}
		case 'numeric':
			if (q.range) {
				const { min, max } = q.range;
				const mid = rangeMidpoint(min, max);
				if (min > max) problem(['range'], 'the minimum is above the maximum');
				else if (
					!Number.isFinite(mid.answer) ||
					mid.answer !== q.answer ||
					mid.tolerance !== q.tolerance
				) {
					problem(
						['range'],
						"answer and tolerance must be the range's midpoint and half its width"
					);
				}
			}
			break;
		case 'date':
			if (!isIsoDate(q.answer, q.precision)) {
				const form = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' }[q.precision];
				problem(['answer'], `must be a real date written ${form} for precision ${q.precision}`);
			}
			break;
		case 'matching':
			duplicates(
				q.pairs.map((p) => p.left),
				(i) => ['pairs', i, 'left'],
				'left'
			);
			duplicates(
				q.pairs.map((p) => p.right),
				(i) => ['pairs', i, 'right'],
				'right'
			);
			break;
		case 'ordering':
			duplicates(q.items, (i) => ['items', i], 'item');
			break;
		case 'cloze':
			if ((q.before + q.after).trim() === '') {
				problem(['before'], 'a cloze needs text before or after the blank');
			}
			break;
	}
});

/** Checks one question from any importer; paths are relative to the question. */
export function validateQuestion(
	input: unknown
): { ok: true; question: Question } | { ok: false; problems: FormatProblem[] } {
	const parsed = questionSchema.safeParse(input);
	if (parsed.success) return { ok: true, question: parsed.data };
	return { ok: false, problems: parsed.error.issues.map(toProblem) };
}

function toProblem(issue: z.core.$ZodIssue): FormatProblem {
	const path = issue.path.map(String).join('.');
	if (issue.code === 'invalid_union' && path.endsWith('type')) {
		return { path, message: `unknown question type (one of ${questionTypes.join(', ')})` };
	}
	return { path, message: issue.message };
}

/** The set around its questions; each question is checked on its own (see importJson). */
const setSchema = z.strictObject({
	format: z.literal(questionSetFormat),
	version: z.literal(questionSetVersion),
	id: text,
	title: text,
	description: optionalText,
	sourceId: optionalText,
	questions: z.array(z.unknown())
});

// ---------------------------------------------------------------------------------------------
// Ids for imported questions that have none

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, not for security. */
export function shortHash(input: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < input.length; i++) {
		hash ^= input.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * `${prefix}-${shortHash(text)}`, with -2, -3… when taken, so that an id survives edits to
 * other questions in the file and identical questions still get distinct ids.
 */
export function deriveId(prefix: string, text: string, taken: Set<string>): string {
	const stem = `${prefix}-${shortHash(text)}`;
	let id = stem;
	for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
	taken.add(id);
	return id;
}

// ---------------------------------------------------------------------------------------------
// Export

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The question's fields in the documented order; optional fields only when present. */
export function orderedQuestion(q: Question): { [key: string]: Json } {
	const out: { [key: string]: Json } = { id: q.id, type: q.type };
	if (q.title !== undefined) out.title = q.title;
	out.prompt = q.prompt;
	switch (q.type) {
		case 'multiple_choice':
			out.choices = q.choices.map((c) => ({
				id: c.id,
				text: c.text,
				...(c.feedback !== undefined ? { feedback: c.feedback } : {}),
				...(c.credit !== undefined ? { credit: c.credit } : {})
			}));
			out.correctChoiceId = q.correctChoiceId;
			break;
		case 'true_false':
		case 'true_false_not_given':
			out.answer = q.answer;
			break;
		case 'short_answer':
			out.answer = q.answer;
			out.alternatives = [...q.alternatives];
			if (q.partialAnswers !== undefined) {
				out.partialAnswers = q.partialAnswers.map((p) => ({ answer: p.answer, credit: p.credit }));
			}
			if (q.caseSensitive !== undefined) out.caseSensitive = q.caseSensitive;
			break;
		case 'numeric':
			out.answer = q.answer;
			out.tolerance = q.tolerance;
			if (q.unit !== undefined) out.unit = q.unit;
			if (q.range !== undefined) out.range = { min: q.range.min, max: q.range.max };
			break;
		case 'date':
			out.answer = q.answer;
			out.precision = q.precision;
			break;
		case 'matching':
			out.pairs = q.pairs.map((p) => ({ left: p.left, right: p.right }));
			break;
		case 'ordering':
			out.items = [...q.items];
			break;
		case 'multiple_response':
			out.choices = q.choices.map((c) => ({
				id: c.id,
				text: c.text,
				...(c.feedback !== undefined ? { feedback: c.feedback } : {}),
				weight: c.weight
			}));
			out.allOrNothing = q.allOrNothing;
			break;
		case 'open_response':
			out.modelAnswer = q.modelAnswer;
			break;
		case 'description':
			break;
		case 'cloze':
			out.before = q.before;
			out.after = q.after;
			out.answer = q.answer;
			out.alternatives = [...q.alternatives];
			break;
	}
	out.explanation = q.explanation;
	if (q.provenance) {
		out.provenance = {
			sourceId: q.provenance.sourceId,
			factIds: [...q.provenance.factIds],
			quote: q.provenance.quote
		};
	}
	return out;
}

/**
 * The set as a pretty, stable JSON document: keys in a fixed order, tab indents, and short
 * lists of strings on one line, as prettier would write them (so a committed export stays
 * unchanged under the project's formatter).
 */
export function exportJson(set: QuestionSet): string {
	const document: { [key: string]: Json } = {
		format: questionSetFormat,
		version: questionSetVersion,
		id: set.id,
		title: set.title
	};
	if (set.description !== undefined) document.description = set.description;
	if (set.sourceId !== undefined) document.sourceId = set.sourceId;
	document.questions = set.questions.map(orderedQuestion);
	return `${write(document, 0, 0, false)}\n`;
}

const printWidth = 100;
/** Prettier counts a tab as this many columns when it decides what fits on a line. */
const tabWidth = 2;

function write(value: Json, depth: number, lead: number, comma: boolean): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	const indent = '\t'.repeat(depth + 1);
	const close = '\t'.repeat(depth);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		if (value.every((v) => v === null || typeof v !== 'object')) {
			const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
			if (depth * tabWidth + lead + Array.from(flat).length + (comma ? 1 : 0) <= printWidth)
				return flat;
		}
		const lines = value.map(
			(v, i) =>
				indent + write(v, depth + 1, 0, i < value.length - 1) + (i < value.length - 1 ? ',' : '')
		);
		return `[\n${lines.join('\n')}\n${close}]`;
	}
	const entries = Object.entries(value);
	if (entries.length === 0) return '{}';
	const lines = entries.map(([key, v], i) => {
		const last = i === entries.length - 1;
		const label = `${JSON.stringify(key)}: `;
		return `${indent}${label}${write(v, depth + 1, Array.from(label).length, !last)}${last ? '' : ','}`;
	});
	return `{\n${lines.join('\n')}\n${close}}`;
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a question set document, or says what is wrong where (path, and line when known). */
export function importJson(source: string): JsonImportResult {
	const textWithoutBom = source.replace(/^\uFEFF/, '');
	let data: unknown;
	try {
		data = JSON.parse(textWithoutBom);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const at = /position (\d+)/.exec(message);
		const line = at ? lineAt(textWithoutBom, Number(at[1])) : undefined;
		return {
			ok: false,
			errors: [
				{ ...(line !== undefined ? { line } : {}), path: '', message: `not JSON: ${message}` }
			]
		};
	}
	const lines = locateJson(textWithoutBom);
	const lineOf = (path: string): number | undefined => {
		for (let p = path; ; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
			const line = lines.get(p);
			if (line !== undefined || p === '') return line;
		}
	};
	const envelope = preflight(data);
	if (envelope) return { ok: false, errors: [{ ...envelope, line: lineOf(envelope.path) ?? 1 }] };

	const parsed = setSchema.safeParse(data);
	if (!parsed.success) {
		return {
			ok: false,
			errors: parsed.error.issues.map((issue) => {
				const problem = toProblem(issue);
				const line = lineOf(problem.path);
				return { ...(line !== undefined ? { line } : {}), ...problem };
			})
		};
	}
	const { format: _format, version: _version, questions: raw, ...set } = parsed.data;
	const questions: Question[] = [];
	const skipped: SkippedQuestion[] = [];
	const seen = new Set<string>();
	for (const [i, item] of raw.entries()) {
		const path = `questions.${i}`;
		const prompt = (item as { prompt?: unknown } | null)?.prompt;
		const skip = (reason: string, at = lineOf(path)) =>
			skipped.push({
				number: i + 1,
				line: at ?? 1,
				firstLine: firstLineOf(typeof prompt === 'string' ? prompt : ''),
				reason
			});
		const checked = questionSchema.safeParse(item);
		if (!checked.success) {
			const problems = checked.error.issues.map(toProblem);
			skip(
				problems.map((p) => `${path}${p.path ? `.${p.path}` : ''}: ${p.message}`).join('; '),
				lineOf(problems[0]!.path ? `${path}.${problems[0]!.path}` : path)
			);
		} else if (seen.has(checked.data.id)) {
			skip(`${path}.id: duplicate question id "${checked.data.id}"`, lineOf(`${path}.id`));
		} else {
			seen.add(checked.data.id);
			questions.push(checked.data);
		}
	}
	return { ok: true, set: { ...set, questions }, skipped };
}

/** Clear messages for a file that is not a question set at all, or is from a newer app. */
function preflight(data: unknown): FormatProblem | undefined {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return { path: '', message: 'a question set is a JSON object' };
	}
	const { format, version } = data as { format?: unknown; version?: unknown };
	if (format !== questionSetFormat) {
		return {
			path: 'format',
			message: `not a Factdeck question set: "format" must be "${questionSetFormat}"`
		};
	}
	if (typeof version === 'number' && version > questionSetVersion) {
		return {
			path: 'version',
			message: `version ${version} is newer than this app reads (${questionSetVersion})`
		};
	}
	return undefined;
}

function lineAt(text: string, position: number): number {
	let line = 1;
	for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
	return line;
}

/**
 * The line of every value in a valid JSON text, by dotted path ("questions.2.choices.0.id"),
 * so that schema errors can point at a line. For an object member, the line of its key.
 */
export function locateJson(text: string): Map<string, number> {
	const lines = new Map<string, number>();
	let i = 0;
	let line = 1;
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i]!)) {
			if (text[i] === '\n') line++;
			i++;
		}
	};
	const readString = (): string => {
		const start = ++i;
		while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		return JSON.parse(`"${text.slice(start, i++)}"`) as string;
	};
	const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
	const readValue = (path: string): void => {
		skipSpace();
		if (!lines.has(path)) lines.set(path, line);
		const c = text[i];
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			i++;
			skipSpace();
			for (let index = 0; i < text.length && text[i] !== close; index++) {
				let childPath = join(path, String(index));
				if (c === '{') {
					lines.set((childPath = join(path, readString())), line);
					skipSpace();
					i++; // the colon
				}
				readValue(childPath);
				skipSpace();
				if (text[i] === ',') i++;
				skipSpace();
			}
			i++;
		} else if (c === '"') {
			readString();
		} else {
			while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
		}
	};
	readValue('');
	return lines;
}

// Moodle's GIFT text format, reading: questions written for Moodle, and our own exports with
// their "// factdeck:" comment lines (see gift-export.ts).
import { isIsoDate, type DatePrecision } from '../normalise';
import {
	rangeMidpoint,
	type DateQuestion,
	type DescriptionItem,
	type MultipleResponseQuestion,
	type OpenResponseQuestion,
	type Choice,
	type CreditedChoice,
	type ClozeQuestion,
	type MatchingQuestion,
	type MultipleChoiceQuestion,
	type NumericQuestion,
	type OrderingQuestion,
	type Provenance,
	type Question,
	type ShortAnswerQuestion,
	type TrueFalseQuestion
} from '../question';
import {
	find,
	findLast,
	lineOf,
	plain,
	scan,
	splitMarkers,
	trim,
	trimEnd,
	trimStart,
	type Char
} from './gift-chars';
import { htmlToText } from './html-text';
import { firstLineOf, firstOfEachId, type SkippedQuestion } from './outcome';
import { fromPercentText } from '../public-question';
import { deriveId, validateQuestion, WEIGHT_SUM_SLACK } from './json';

export interface GiftError {
	line: number;
	message: string;
}

/**
 * The questions read and the ones left out (a question Factdeck cannot hold); a file whose
 * syntax is broken (braces, titles) is refused whole, with every error's line.
 */
export type GiftParseResult =
	| { ok: true; questions: Question[]; skipped: SkippedQuestion[]; category?: string[] }
	| { ok: false; errors: GiftError[] };

/** The prompt of an imported cloze question, which GIFT has no place for. */
export const defaultClozePrompt = 'Fill in the blank.';

// ---------------------------------------------------------------------------------------------
// Import: text formats

const formats = ['html', 'moodle', 'markdown', 'plain'] as const;
type TextFormat = (typeof formats)[number];

/** Strips a leading [format] marker; undefined format means none was there. */
function readFormat(text: string): { format?: TextFormat; rest: string; unknown?: string } {
	const m = /^\[([a-z]+)\]/.exec(text);
	if (!m) return { rest: text };
	const name = m[1]!;
	if ((formats as readonly string[]).includes(name)) {
		return { format: name as TextFormat, rest: text.slice(m[0].length) };
	}
	return { rest: text, unknown: name };
}

// ---------------------------------------------------------------------------------------------
// Import: factdeck comments

interface Directives {
	id?: string;
	choiceIds?: string[];
	unit?: string;
	date?: DatePrecision;
	ordering?: boolean;
	cloze?: boolean;
	prompt?: string;
	multipleResponse?: boolean;
	allOrNothing?: boolean;
	caseSensitive?: boolean;
	modelAnswer?: string;
	provenance?: Provenance;
	/** Line of the first directive, for errors about them. */
	line?: number;
}

function readDirective(comment: string, line: number, into: Directives, errors: GiftError[]): void {
	const m = /^\/\/\s*factdeck:([a-z-]+)(.*)$/.exec(comment);
	if (!m) return;
	const [, name, rest = ''] = m;
	into.line ??= line;
	const json = (check: (v: unknown) => boolean, what: string): unknown => {
		try {
			if (!rest.startsWith('=')) throw new Error();
			const value: unknown = JSON.parse(rest.slice(1));
			if (check(value)) return value;
		} catch {
			// Reported below, like a value of the wrong kind.
		}
		errors.push({ line, message: `factdeck:${name} needs =${what}` });
		return undefined;
	};
	const isString = (v: unknown) => typeof v === 'string';
	switch (name) {
		case 'id':
			into.id = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'unit':
			into.unit = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'prompt':
			into.prompt = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'model-answer':
			into.modelAnswer = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'multiple-response':
		case 'all-or-nothing':
		case 'case-sensitive': {
			if (rest.trim() !== '') errors.push({ line, message: `factdeck:${name} takes no value` });
			const key = (
				{
					'multiple-response': 'multipleResponse',
					'all-or-nothing': 'allOrNothing',
					'case-sensitive': 'caseSensitive'
				} as const
			)[name];
			into[key] = true;
			return;
		}
		case 'choice-ids':
			into.choiceIds = json(
				(v) => Array.isArray(v) && v.every(isString),
				'a JSON array of strings'
			) as string[] | undefined;
			return;
		case 'provenance':
			into.provenance = json(
				(v) => typeof v === 'object' && v !== null && !Array.isArray(v),
				'a JSON object'
			) as Provenance | undefined;
			return;
		case 'ordering':
		case 'cloze':
			if (rest.trim() !== '') errors.push({ line, message: `factdeck:${name} takes no value` });
			into[name] = true;
			return;
		case 'date': {
			const precision = /^\s+precision=(day|month|year)\s*$/.exec(rest);
			if (!precision)
				errors.push({ line, message: 'factdeck:date needs precision=day, month or year' });
			else into.date = precision[1] as DatePrecision;
			return;
		}
		default:
			errors.push({ line, message: `unknown comment factdeck:${name}` });
	}
}

// ---------------------------------------------------------------------------------------------
// Import: questions

/** Moodle's answer weight, as in "~%50%answer"; the number is a percentage. */
export const weightPattern = /^%(-?\d+(?:\.\d*)?)%/;

/** Comments that change or refine a question's type, by Directives key. */
const typeComments = {
	choiceIds: 'choice-ids',
	unit: 'unit',
	date: 'date',
	ordering: 'ordering',
	cloze: 'cloze',
	prompt: 'prompt',
	multipleResponse: 'multiple-response',
	allOrNothing: 'all-or-nothing',
	caseSensitive: 'case-sensitive',
	modelAnswer: 'model-answer'
} as const;

/**
 * A problem with a question. Syntax (braces, titles) makes the file unreadable, since where a
 * question ends is no longer certain; anything else leaves out only its question.
 */
class GiftProblem extends Error {
	constructor(
		readonly line: number,
		message: string,
		readonly syntax = false
	) {
		super(message);
	}
}

/**
 * Reads GIFT text. Every question that cannot be read becomes an error naming its line; the
 * result is ok only when there are none. Questions without a "// factdeck:id=" comment get
 * the id "gift-" + a hash of their text (see deriveId).
 */
export function parseGift(text: string): GiftParseResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const errors: GiftError[] = [];
	const skipped: SkippedQuestion[] = [];
	const parsed: {
		question: Question;
		explicitId: boolean;
		number: number;
		line: number;
		source: string;
	}[] = [];
	let category: string[] | undefined;
	let number = 0;

	for (const block of blocksOf(lines)) {
		const directives: Directives = {};
		const problems: GiftError[] = [];
		const content: { text: string; line: number }[] = [];
		for (const entry of block) {
			const trimmed = entry.text.trim();
			if (trimmed.startsWith('//')) readDirective(trimmed, entry.line, directives, problems);
			else content.push(entry);
		}
		if (content[0]?.text.trim().startsWith('$CATEGORY:')) {
			const path = content.shift()!.text.trim().slice('$CATEGORY:'.length);
			category ??= path
				.split('/')
				.map((s) => s.trim())
				.filter(Boolean);
		}
		if (content.length === 0) continue;
		number += 1;
		const firstLine = content[0]!.line;
		const skip = (reason: string, line = firstLine) =>
			skipped.push({ number, line, firstLine: firstLineOf(content[0]!.text), reason });
		try {
			const question = readQuestion(scan(content), directives, firstLine);
			if (problems.length) {
				skip(problems.map((p) => p.message).join('; '), problems[0]!.line);
				continue;
			}
			const checked = validateQuestion({ ...question, id: question.id || 'pending' });
			if (!checked.ok) {
				skip(
					checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
				);
				continue;
			}
			parsed.push({
				question,
				explicitId: directives.id !== undefined,
				number,
				line: firstLine,
				source: content.map((c) => c.text.trim()).join('\n')
			});
		} catch (error) {
			if (!(error instanceof GiftProblem)) throw error;
			if (error.syntax) errors.push({ line: error.line, message: error.message });
			else skip(error.message, error.line);
		}
	}
	if (errors.length) {
		// The file is refused; its other problems are listed too, so they are fixed in one go.
		const all = [...errors, ...skipped.map((q) => ({ line: q.line, message: q.reason }))];
		return { ok: false, errors: all.sort((a, b) => a.line - b.line) };
	}

	const taken = new Set<string>();
	const kept = firstOfEachId(parsed, skipped, taken, (q) => q.source);
	for (const p of kept.filter((p) => !p.explicitId))
		p.question.id = deriveId('gift', p.source, taken);
	skipped.sort((a, b) => a.number - b.number);
	const questions = kept.map((p) => p.question);
	return category ? { ok: true, questions, skipped, category } : { ok: true, questions, skipped };
}

/** Runs of non-blank lines, with their 1-based line numbers. */
function blocksOf(lines: string[]): { text: string; line: number }[][] {
	const blocks: { text: string; line: number }[][] = [];
	let current: { text: string; line: number }[] = [];
	for (const [i, text] of lines.entries()) {
		if (text.trim() === '') {
			if (current.length) blocks.push(current);
			current = [];
		} else current.push({ text, line: i + 1 });
	}
	if (current.length) blocks.push(current);
	return blocks;
}

interface Texts {
	/** The question's format, which its answers and feedback share unless they say otherwise. */
	format?: TextFormat;
}

/**
 * Text of a part of the question: trimmed and, for HTML, made plain. Answers and feedback may
 * start with their own [format] marker, as in Moodle; the question text had its marker read.
 */
function textOf(chars: Char[], ctx: Texts, own: 'marker' | 'no marker' = 'marker'): string {
	const raw = plain(trim(chars));
	const { format, rest } = own === 'marker' ? readFormat(raw) : { format: undefined, rest: raw };
	const text = format ? rest.trim() : raw;
	return (format ?? ctx.format) === 'html' ? htmlToText(text) : text;
}

function readQuestion(all: Char[], directives: Directives, firstLine: number): Question {
	let chars = trim(all);
	let title: string | undefined;
	if (find(chars, '::') === 0) {
		const end = find(chars, '::', 2);
		if (end < 0) throw new GiftProblem(firstLine, 'unclosed ::title:: (no second ::)', true);
		title = plain(trim(chars.slice(2, end))) || undefined;
		chars = trim(chars.slice(end + 2));
	}

	const { format, unknown } = readFormat(plain(chars));
	if (unknown !== undefined) {
		throw new GiftProblem(
			lineOf(chars, firstLine),
			`unknown text format [${unknown}] (use html, moodle, markdown or plain)`
		);
	}
	// The marker is ASCII and never escaped: one Char per character.
	if (format) chars = trimStart(chars.slice(format.length + 2));
	const ctx: Texts = format ? { format } : {};
	/** Type-specific comments must suit the type GIFT's own syntax gives. */
	const permit = (kind: string, ...allowed: (keyof typeof typeComments)[]) => {
		for (const [key, name] of Object.entries(typeComments)) {
			const present = directives[key as keyof typeof typeComments] !== undefined;
			if (present && !allowed.includes(key as keyof typeof typeComments)) {
				throw new GiftProblem(
					directives.line ?? firstLine,
					`factdeck:${name} does not apply to ${kind}`
				);
			}
		}
	};

	const open = find(chars, '{');
	const close = find(chars, '}');
	if (open < 0) {
		if (close >= 0) throw new GiftProblem(chars[close]!.line, 'a } with no { before it', true);
		// No answer block: Moodle's description, text shown between questions.
		permit('a description');
		const description: DescriptionItem = {
			id: directives.id ?? '',
			type: 'description',
			...(title !== undefined ? { title } : {}),
			prompt: textOf(chars, ctx, 'no marker'),
			explanation: '',
			...(directives.provenance ? { provenance: directives.provenance } : {})
		};
		return description;
	}
	const closing = find(chars, '}', open + 1);
	if (closing < 0)
		throw new GiftProblem(chars[open]!.line, 'unclosed brace: this { has no }', true);
	if (close < open)
		throw new GiftProblem(chars[close]!.line, 'a } before the answer block opens', true);
	const nested = find(chars, '{', open + 1);
	if (nested >= 0 && nested < closing) {
		throw new GiftProblem(
			chars[nested]!.line,
			'a { inside the answer block (write \\{ for a brace)',
			true
		);
	}
	const after = chars.slice(closing + 1);
	const extra = [find(after, '{'), find(after, '}')].filter((i) => i >= 0);
	if (extra.length) {
		throw new GiftProblem(
			after[Math.min(...extra)]!.line,
			'only one answer block {…} per question (Moodle’s embedded answers, cloze, are not read from GIFT)',
			true
		);
	}
	const before = chars.slice(0, open);
	const atEnd = trim(after).length === 0;
	let inner = trim(chars.slice(open + 1, closing));
	const blockLine = chars[open]!.line;

	let explanation = '';
	const feedbackAt = findLast(inner, '####');
	if (feedbackAt >= 0) {
		explanation = textOf(inner.slice(feedbackAt + 4), ctx);
		inner = trim(inner.slice(0, feedbackAt));
	}
	// "before _____ after" when the answers sit mid-sentence (GIFT's missing word format).
	const blank = Array.from('_____', (ch) => ({ ch, escaped: true, line: blockLine }));
	const prompt = textOf(atEnd ? before : [...before, ...blank, ...after], ctx, 'no marker');
	const base = {
		id: directives.id ?? '',
		...(title !== undefined ? { title } : {}),
		prompt,
		explanation,
		...(directives.provenance ? { provenance: directives.provenance } : {})
	};

	if (inner.length === 0) {
		// {} is Moodle's essay: the learner writes, the general feedback is the teacher's notes.
		permit('an essay', 'modelAnswer');
		const essay: OpenResponseQuestion = {
			...base,
			type: 'open_response',
			modelAnswer: directives.modelAnswer ?? ''
		};
		return essay;
	}
	// Moodle's order of tests: numeric, then multiple choice, matching, true/false, short answer.
	if (!inner[0]!.escaped && inner[0]!.ch === '#') {
		permit('a numeric question', 'unit');
		return readNumeric(inner.slice(1), base, directives, blockLine);
	}
	if (find(inner, '~') >= 0 || directives.multipleResponse) {
		permit('a multiple choice question', 'choiceIds', 'multipleResponse', 'allOrNothing');
		return readChoices(inner, base, directives, ctx, blockLine);
	}
	if (find(inner, '=') >= 0 && find(inner, '->') >= 0) {
		permit('a matching question', 'ordering');
		return readMatching(inner, base, directives, ctx, blockLine);
	}
	const hash = find(inner, '#');
	const tf = plain(trim(hash >= 0 ? inner.slice(0, hash) : inner));
	if (/^(?:t|true|f|false)$/i.test(tf)) {
		permit('a true/false question');
		// Our model has no per-answer feedback for true/false: "#wrong#right" is dropped.
		const question: TrueFalseQuestion = { ...base, type: 'true_false', answer: /^t/i.test(tf) };
		return question;
	}
	permit('a short answer question', 'date', 'cloze', 'prompt', 'caseSensitive');
	return readTyped(inner, base, directives, ctx, blockLine, atEnd, before, after);
}

type Base = Omit<MultipleChoiceQuestion, 'type' | 'choices' | 'correctChoiceId'>;

/**
 * Reads a weight; returns the percentage (undefined when none), the same as a fraction (read
 * from the text, so "33.33333333333333" is exactly the third it was written from) and the rest.
 */
function readWeight(chars: Char[]): { weight?: number; fraction?: number; rest: Char[] } {
	const m = weightPattern.exec(plain(chars));
	if (!m || chars.slice(0, m[0].length).some((c) => c.escaped)) return { rest: chars };
	return {
		weight: Number(m[1]),
		fraction: fromPercentText(m[1]!),
		rest: chars.slice(Array.from(m[0]).length)
	};
}

function partialError(line: number, weight: number): GiftProblem {
	return new GiftProblem(
		line,
		`partial credit (%${weight}%) is not supported: mark right answers with = (or %100%) and wrong ones with ~`
	);
}

/**
 * Choices as Moodle reads them: with a "=" answer, one right answer, and "~%50%" answers earn
 * part of the marks; with none, "multiple answers" (checkboxes), each "~%w%" weighted.
 */
function readChoices(
	inner: Char[],
	base: Base,
	d: Directives,
	ctx: Texts,
	line: number
): MultipleChoiceQuestion | MultipleResponseQuestion {
	const { lead, parts } = splitMarkers(inner, '~=');
	if (trim(lead).length)
		throw new GiftProblem(
			lineOf(lead, line),
			'text before the first answer (start each with ~ or =)'
		);
	if (d.choiceIds && d.choiceIds.length !== parts.length) {
		throw new GiftProblem(
			d.line ?? line,
			`factdeck:choice-ids lists ${d.choiceIds.length} ids for ${parts.length} answers`
		);
	}
	const read = parts.map((part, i) => {
		const partLine = lineOf(part.chars, line);
		let chars = trimStart(part.chars);
		let weight = part.marker === '=' ? 100 : 0;
		let fraction = weight / 100;
		// As in Moodle, only "~" answers carry a weight; "=" is always a right one.
		if (part.marker === '~') {
			const read = readWeight(chars);
			chars = read.rest;
			weight = read.weight ?? 0;
			fraction = read.fraction ?? 0;
		}
		const hash = find(chars, '#');
		const text = textOf(hash >= 0 ? chars.slice(0, hash) : chars, ctx);
		if (text === '') throw new GiftProblem(partLine, 'an empty answer');
		const feedback = hash >= 0 ? textOf(chars.slice(hash + 1), ctx) : '';
		const choice: Choice = {
			id: d.choiceIds?.[i] ?? `c${i + 1}`,
			text,
			...(feedback ? { feedback } : {})
		};
		return { choice, weight, fraction, equals: part.marker === '=', line: partLine };
	});
	const hasEquals = read.some((r) => r.equals);
	const positive = read.filter((r) => r.weight > 0);
	// A single "~%100%" answer is a right answer, as Factdeck has always read it.
	const single =
		!d.multipleResponse && (hasEquals || (positive.length === 1 && positive[0]!.weight >= 100));
	if (!single) {
		if (positive.length === 0)
			throw new GiftProblem(line, 'multiple answers with no right answer (weight one above 0%)');
		for (const r of read) {
			if (r.weight < -100 || r.weight > 100) {
				throw new GiftProblem(r.line, `a weight of ${r.weight}%: weights are -100% to 100%`);
			}
		}
		const sum = positive.reduce((total, r) => total + r.weight, 0);
		if (Math.abs(sum - 100) > 100 * WEIGHT_SUM_SLACK) {
			throw new GiftProblem(
				line,
				`multiple answers whose right answers' weights add up to ${Number(sum.toFixed(3))}%, not 100%`
			);
		}
		return {
			...base,
			type: 'multiple_response',
			choices: read.map((r) => ({ ...r.choice, weight: r.fraction })),
			allOrNothing: d.allOrNothing === true
		};
	}
	if (d.allOrNothing) {
		throw new GiftProblem(
			d.line ?? line,
			'factdeck:all-or-nothing applies to multiple answers only'
		);
	}
	const right = read.filter((r) => r.equals || r.weight >= 100);
	if (right.length === 0)
		throw new GiftProblem(line, 'multiple choice with no right answer (mark it with =)');
	if (right.length > 1) {
		throw new GiftProblem(
			line,
			`multiple choice with ${right.length} right answers: mark one with =, or write them all as ~%weight% for checkboxes`
		);
	}
	const choices: CreditedChoice[] = read.map((r) =>
		r.weight > 0 && r.weight < 100 ? { ...r.choice, credit: r.fraction } : r.choice
	);
	return { ...base, type: 'multiple_choice', choices, correctChoiceId: right[0]!.choice.id };
}

function readMatching(
	inner: Char[],
	base: Base,
	d: Directives,
	ctx: Texts,
	line: number
): MatchingQuestion | OrderingQuestion {
	const { lead, parts } = splitMarkers(inner, '=');
	if (trim(lead).length)
		throw new GiftProblem(lineOf(lead, line), 'text before the first pair (start each with =)');
	const pairs = parts.map((part) => {
		const partLine = lineOf(part.chars, line);
		const arrow = find(part.chars, '->');
		if (arrow < 0) throw new GiftProblem(partLine, 'a matching pair without ->');
		const left = textOf(part.chars.slice(0, arrow), ctx);
		// Moodle reads the right side without a format marker.
		const rightRaw = plain(trim(part.chars.slice(arrow + 2)));
		const right = ctx.format === 'html' ? htmlToText(rightRaw) : rightRaw;
		if (left === '')
			throw new GiftProblem(
				partLine,
				'a pair with nothing before -> (extra wrong matches are not supported)'
			);
		if (right === '') throw new GiftProblem(partLine, 'a pair with nothing after ->');
		return { left, right };
	});
	if (d.ordering) {
		if (!pairs.every((p, i) => p.left === String(i + 1))) {
			throw new GiftProblem(
				line,
				'factdeck:ordering needs pairs numbered in order: =1 -> …, =2 -> …'
			);
		}
		return { ...base, type: 'ordering', items: pairs.map((p) => p.right) };
	}
	return { ...base, type: 'matching', pairs };
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function readNumeric(chars: Char[], base: Base, d: Directives, line: number): NumericQuestion {
	// Feedback for any other answer ("~#Wrong") has no place in our model.
	const tilde = find(chars, '~');
	const body = tilde >= 0 ? chars.slice(0, tilde) : chars;
	const { lead, parts } = splitMarkers(body, '=');
	const answers = [...(trim(lead).length ? [lead] : []), ...parts.map((p) => p.chars)];
	if (answers.length === 0) throw new GiftProblem(line, 'a numeric question with no answer');
	const ranges: {
		answer: number;
		tolerance: number;
		lo: number;
		hi: number;
		written?: { min: number; max: number };
	}[] = [];
	for (const answerChars of answers) {
		const partLine = lineOf(answerChars, line);
		const { weight, rest } = readWeight(trim(answerChars));
		if (weight !== undefined && weight > 0 && weight < 100) throw partialError(partLine, weight);
		if (weight !== undefined && weight <= 0) continue;
		const hash = find(rest, '#');
		const spec = plain(trim(hash >= 0 ? rest.slice(0, hash) : rest));
		const num = (s: string) => {
			const t = s.trim();
			if (!numberPattern.test(t)) throw new GiftProblem(partLine, `bad numeric answer "${spec}"`);
			return Number(t);
		};
		const dots = spec.indexOf('..');
		if (dots > 0) {
			const min = num(spec.slice(0, dots));
			const max = num(spec.slice(dots + 2));
			if (min > max)
				throw new GiftProblem(
					partLine,
					`bad numeric range "${spec}": the minimum is above the maximum`
				);
			ranges.push({ ...rangeMidpoint(min, max), lo: min, hi: max, written: { min, max } });
		} else {
			const colon = spec.indexOf(':');
			const answer = num(colon >= 0 ? spec.slice(0, colon) : spec);
			const tolerance = colon >= 0 ? num(spec.slice(colon + 1)) : 0;
			if (tolerance < 0)
				throw new GiftProblem(partLine, `bad numeric answer "${spec}": negative tolerance`);
			ranges.push({ answer, tolerance, lo: answer - tolerance, hi: answer + tolerance });
		}
	}
	if (ranges.length === 0) throw new GiftProblem(line, 'a numeric question with no right answer');
	const unit = d.unit !== undefined ? { unit: d.unit } : {};
	if (ranges.length === 1) {
		const [only] = ranges;
		return {
			...base,
			type: 'numeric',
			answer: only!.answer,
			tolerance: only!.tolerance,
			...unit,
			// The range as the teacher wrote it, not as a midpoint and tolerance.
			...(only!.written ? { range: only!.written } : {})
		};
	}
	// Several right answers ("=12:0 =12:1") become one range when they overlap.
	const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
	let hi = sorted[0]!.hi;
	for (const r of sorted.slice(1)) {
		if (r.lo > hi)
			throw new GiftProblem(
				line,
				'numeric answers that do not form one range: Factdeck keeps one range'
			);
		hi = Math.max(hi, r.hi);
	}
	const lo = sorted[0]!.lo;
	const answer = (lo + hi) / 2;
	return { ...base, type: 'numeric', answer, tolerance: hi - answer, ...unit };
}

function readTyped(
	inner: Char[],
	base: Base,
	d: Directives,
	ctx: Texts,
	line: number,
	atEnd: boolean,
	before: Char[],
	after: Char[]
): ShortAnswerQuestion | ClozeQuestion | DateQuestion {
	const { lead, parts } = splitMarkers(inner, '=');
	// Moodle takes "{Paris}" (no =) as the answer Paris, so do we.
	const pieces = [...(trim(lead).length ? [lead] : []), ...parts.map((p) => p.chars)];
	const read = pieces.map((chars) => {
		const partLine = lineOf(chars, line);
		const { weight, fraction, rest } = readWeight(trimStart(chars));
		if (weight !== undefined && (weight <= 0 || weight > 100)) {
			throw new GiftProblem(
				partLine,
				`a short answer weighted %${weight}%: list right answers (and %50%-style part marks) only`
			);
		}
		const hash = find(rest, '#');
		const answer = textOf(hash >= 0 ? rest.slice(0, hash) : rest, ctx);
		if (answer === '') throw new GiftProblem(partLine, 'an empty answer');
		return { answer, weight: weight ?? 100, fraction: fraction ?? 1, line: partLine };
	});
	const full = read.filter((r) => r.weight === 100).map((r) => r.answer);
	const partial = read.filter((r) => r.weight < 100);
	if (read.length === 0) throw new GiftProblem(line, 'empty answer list');
	if (full.length === 0) throw new GiftProblem(line, 'a short answer with no fully right answer');
	const [answer, ...alternatives] = full as [string, ...string[]];
	const partialAnswers = partial.map((r) => ({ answer: r.answer, credit: r.fraction }));
	if (partial.length && (d.date !== undefined || !atEnd || d.cloze)) {
		throw new GiftProblem(partial[0]!.line, 'part marks are read for short answer questions only');
	}

	if (d.caseSensitive && (d.date !== undefined || !atEnd || d.cloze)) {
		throw new GiftProblem(d.line ?? line, 'factdeck:case-sensitive applies to short answers only');
	}
	if (d.date !== undefined) {
		if (d.cloze || d.prompt !== undefined)
			throw new GiftProblem(d.line ?? line, 'factdeck:date with cloze comments');
		if (!isIsoDate(answer, d.date)) {
			throw new GiftProblem(
				line,
				`factdeck:date precision=${d.date} needs the date as the first answer, e.g. =2023-03-21`
			);
		}
		return { ...base, type: 'date', answer, precision: d.date };
	}
	if (atEnd && !d.cloze) {
		if (d.prompt !== undefined)
			throw new GiftProblem(d.line ?? line, 'factdeck:prompt on a short answer question');
		return {
			...base,
			type: 'short_answer',
			answer,
			alternatives,
			...(partialAnswers.length ? { partialAnswers } : {}),
			...(d.caseSensitive ? { caseSensitive: true } : {})
		};
	}
	// The blank keeps the spaces beside it: the sentence reads before + answer + after.
	const clozeText = (chars: Char[]) => {
		const text = plain(chars);
		return ctx.format === 'html' ? htmlToText(text) : text;
	};
	return {
		...base,
		type: 'cloze',
		prompt: d.prompt ?? defaultClozePrompt,
		before: clozeText(trimStart(before)),
		after: clozeText(trimEnd(after)),
		answer,
		alternatives
	};
}

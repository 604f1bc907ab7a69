// GIFT's answer blocks, reading: choices (one right, part marks, or weighted multiple answers),
// matching and ordering pairs, numbers and ranges, typed answers, blanks and dates. Each reader
// throws a GiftProblem naming the line of what it cannot read.
import { isIsoDate } from '../normalise';
import { fromPercentText } from '../public-question';
import {
	rangeMidpoint,
	type Choice,
	type ClozeQuestion,
	type CreditedChoice,
	type DateQuestion,
	type MatchingQuestion,
	type MultipleChoiceQuestion,
	type MultipleResponseQuestion,
	type NumericQuestion,
	type OrderingQuestion,
	type ShortAnswerQuestion,
	type TrueFalseNotGivenQuestion,
	verdictLabels,
	verdicts
} from '../question';
import type { Directives } from './gift-directives';
import {
	find,
	lineOf,
	plain,
	splitMarkers,
	trim,
	trimEnd,
	trimStart,
	type Char
} from './gift-chars';
import { htmlToText } from './html-text';
import { WEIGHT_SUM_SLACK } from './json';

/** The prompt of an imported cloze question, which GIFT has no place for. */
export const defaultClozePrompt = 'Fill in the blank.';

const formats = ['html', 'moodle', 'markdown', 'plain'] as const;
export type TextFormat = (typeof formats)[number];

/** Strips a leading [format] marker; undefined format means none was there. */
export function readFormat(text: string): { format?: TextFormat; rest: string; unknown?: string } {
	const m = /^\[([a-z]+)\]/.exec(text);
	if (!m) return { rest: text };
	const name = m[1]!;
	if ((formats as readonly string[]).includes(name)) {
		return { format: name as TextFormat, rest: text.slice(m[0].length) };
	}
	return { rest: text, unknown: name };
}

/** Moodle's answer weight, as in "~%50%answer"; the number is a percentage. */
export const weightPattern = /^%(-?\d+(?:\.\d*)?)%/;

/**
 * A problem with a question. Syntax (braces, titles) makes the file unreadable, since where a
 * question ends is no longer certain; anything else leaves out only its question.
 */
export class GiftProblem extends Error {
	constructor(
		readonly line: number,
		message: string,
		readonly syntax = false
	) {
		super(message);
	}
}

export interface Texts {
	/** The question's format, which its answers and feedback share unless they say otherwise. */
	format?: TextFormat;
}

/**
 * Text of a part of the question: trimmed and, for HTML, made plain. Answers and feedback may
 * start with their own [format] marker, as in Moodle; the question text had its marker read.
 */
export function textOf(chars: Char[], ctx: Texts, own: 'marker' | 'no marker' = 'marker'): string {
	const raw = plain(trim(chars));
	const { format, rest } = own === 'marker' ? readFormat(raw) : { format: undefined, rest: raw };
	const text = format ? rest.trim() : raw;
	return (format ?? ctx.format) === 'html' ? htmlToText(text) : text;
}

export type Base = Omit<MultipleChoiceQuestion, 'type' | 'choices' | 'correctChoiceId'>;

/**
 * Reads a weight; returns the percentage (undefined when none), the same as a fraction (read
 * from the text, so "33.33333333333333" is exactly the third it was written from) and the rest.
 */
export function readWeight(chars: Char[]): { weight?: number; fraction?: number; rest: Char[] } {
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
/** Three choices True, False and Not given, read back as the question they were written from. */
export function asNotGiven(
	q: MultipleChoiceQuestion | MultipleResponseQuestion,
	line: number
): TrueFalseNotGivenQuestion {
	const labels = verdicts.map((v) => verdictLabels[v]);
	const right =
		q.type === 'multiple_choice' ? q.choices.find((c) => c.id === q.correctChoiceId) : undefined;
	const answer = verdicts.find((v) => verdictLabels[v] === right?.text);
	if (q.choices.map((c) => c.text).join('|') !== labels.join('|') || !answer) {
		throw new GiftProblem(line, 'factdeck:not-given needs the answers True, False and Not given');
	}
	const { id, title, prompt, explanation, provenance } = q;
	return {
		id,
		...(title !== undefined ? { title } : {}),
		prompt,
		explanation,
		...(provenance ? { provenance } : {}),
		type: 'true_false_not_given',
		answer
	};
}

export function readChoices(
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
			throw new GiftProblem(
				line,
				'no right answer: mark it with =, or weight the right ones like ~%50%'
			);
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

export function readMatching(
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

export function readNumeric(
	chars: Char[],
	base: Base,
	d: Directives,
	line: number
): NumericQuestion {
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

export function readTyped(
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

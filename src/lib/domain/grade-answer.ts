// Grades a learner's response to a question and says why, in a short human reason that the
// results page shows ("accepted: alias of Xi Jinping", "rejected: 2 of 4 pairs right").

import {
	editDistance,
	formatDate,
	isAmbiguousDate,
	normalise,
	parseDate,
	parseNumber,
	parseQuantity,
	type DatePrecision
} from './normalise';
import type {
	DateQuestion,
	MatchingQuestion,
	MultipleChoiceQuestion,
	MultipleResponseQuestion,
	NumericQuestion,
	OrderingQuestion,
	Question,
	ShortAnswerQuestion,
	TypedAnswer,
	Verdict
} from './question';
import { verdictLabels } from './question';

export type Response =
	| { type: 'multiple_choice'; choiceId: string }
	| { type: 'true_false'; value: boolean }
	| { type: 'true_false_not_given'; value: Verdict }
	| { type: 'short_answer' | 'cloze'; text: string }
	| { type: 'numeric'; text: string }
	| { type: 'date'; text: string }
	/** The right chosen for each left, in left order. */
	| { type: 'matching'; rights: string[] }
	| { type: 'ordering'; order: string[] }
	/** The choices ticked, in any order. */
	| { type: 'multiple_response'; choiceIds: string[] }
	| { type: 'open_response'; text: string };

export interface Grade {
	/** Fully right (score 1). */
	correct: boolean;
	/**
	 * The marks earned, 0..1, as a fraction (2 of 3 right options: 0.666…), never rounded to
	 * right or wrong. Matching and ordering stay all or nothing here (their share is `partial`).
	 */
	score: number;
	/** An open response waiting for the learner's own mark: not graded yet. */
	pending?: boolean;
	/** Short and human: "accepted: spelling", "rejected: not a number". */
	reason: string;
	/** Share right, 0..1, for matching and ordering. */
	partial?: number;
	/** The chosen choice's own feedback (GIFT's #feedback), when it has one. */
	feedback?: string;
}

/** A grade with its score: 1 when right, 0 when wrong. */
function verdict(correct: boolean, reason: string, extra: Partial<Grade> = {}): Grade {
	return { correct, score: correct ? 1 : 0, reason, ...extra };
}

/** "67%": a score as a whole percentage, for reasons and pages (the score itself stays exact). */
export function percentOf(score: number): string {
	return `${Math.round(score * 100)}%`;
}

export function gradeAnswer(question: Question, response: Response): Grade {
	const graded = gradeResponse(question, response);
	// Scores are compared and summed: keep float noise (0.30000000000000004) out of them.
	return { ...graded, score: Math.min(1, Math.max(0, Math.round(graded.score * 1e9) / 1e9)) };
}

function gradeResponse(question: Question, response: Response): Grade {
	switch (question.type) {
		case 'multiple_choice':
			return response.type === 'multiple_choice'
				? gradeChoice(question, response.choiceId)
				: mismatch(question, response);
		case 'true_false':
			if (response.type !== 'true_false') return mismatch(question, response);
			return response.value === question.answer
				? verdict(true, 'accepted: right choice')
				: verdict(false, `rejected: the statement is ${question.answer}`);
		case 'true_false_not_given':
			if (response.type !== 'true_false_not_given') return mismatch(question, response);
			return response.value === question.answer
				? verdict(true, 'accepted: right choice')
				: verdict(false, `rejected: the answer is “${verdictLabels[question.answer]}”`);
		case 'short_answer':
			return response.type === 'short_answer' || response.type === 'cloze'
				? gradeShortAnswer(question, response.text)
				: mismatch(question, response);
		case 'cloze':
			// Both are typed text, so either response type grades either question.
			return response.type === 'short_answer' || response.type === 'cloze'
				? gradeTyped(question, response.text)
				: mismatch(question, response);
		case 'multiple_response':
			return response.type === 'multiple_response'
				? gradeMultipleResponse(question, response.choiceIds)
				: mismatch(question, response);
		case 'open_response':
			if (response.type !== 'open_response') return mismatch(question, response);
			if (response.text.trim() === '') return verdict(false, 'rejected: no answer');
			return { ...verdict(false, 'waiting for your own mark'), pending: true };
		case 'description':
			return verdict(false, 'rejected: a description is not a question');
		case 'numeric':
			return response.type === 'numeric'
				? gradeNumeric(question, response.text)
				: mismatch(question, response);
		case 'date':
			return response.type === 'date'
				? gradeDate(question, response.text)
				: mismatch(question, response);
		case 'matching':
			return response.type === 'matching'
				? gradeMatching(question, response.rights)
				: mismatch(question, response);
		case 'ordering':
			return response.type === 'ordering'
				? gradeOrdering(question, response.order)
				: mismatch(question, response);
	}
}

function mismatch(question: Question, response: Response): Grade {
	const label = (type: string) => type.replace('_', ' ');
	return verdict(
		false,
		`rejected: wrong kind of answer (${label(response.type)} for ${label(question.type)})`
	);
}

function gradeChoice(question: MultipleChoiceQuestion, choiceId: string): Grade {
	const choice = question.choices.find((c) => c.id === choiceId);
	if (!choice) return verdict(false, 'rejected: not one of the choices');
	const feedback = choice.feedback ? { feedback: choice.feedback } : {};
	if (choice.id === question.correctChoiceId) {
		return verdict(true, 'accepted: right choice', feedback);
	}
	if (choice.credit !== undefined && choice.credit > 0) {
		return {
			correct: false,
			score: choice.credit,
			reason: `partly right: ${percentOf(choice.credit)} of the marks`,
			...feedback
		};
	}
	return verdict(false, 'rejected: a different answer', feedback);
}

/**
 * Moodle's grading of "multiple answers": the weights of the ticked choices added up, over
 * the right choices' total (which is 1 but for rounding: 3 × 33.333%), kept within 0..1. All
 * or nothing: exactly the right choices, or 0.
 */
function gradeMultipleResponse(question: MultipleResponseQuestion, choiceIds: string[]): Grade {
	const ticked = new Set(choiceIds);
	if (ticked.size === 0) return verdict(false, 'rejected: no choice ticked');
	if ([...ticked].some((id) => !question.choices.some((c) => c.id === id))) {
		return verdict(false, 'rejected: not one of the choices');
	}
	const right = question.choices.filter((c) => c.weight > 0);
	const rightTicked = right.filter((c) => ticked.has(c.id)).length;
	const wrongTicked = question.choices.filter((c) => c.weight <= 0 && ticked.has(c.id)).length;
	const tally = `${rightTicked} of ${right.length} right${wrongTicked ? `, ${wrongTicked} wrong` : ''}`;
	const exact = rightTicked === right.length && wrongTicked === 0;
	if (exact) return verdict(true, `accepted: all ${right.length} right`);
	if (question.allOrNothing) return verdict(false, `rejected: ${tally} (all or nothing)`);
	const total = right.reduce((sum, c) => sum + c.weight, 0);
	const earned = question.choices
		.filter((c) => ticked.has(c.id))
		.reduce((sum, c) => sum + c.weight, 0);
	const score = Math.min(1, Math.max(0, total > 0 ? earned / total : 0));
	if (score >= 1 - 1e-9) return verdict(true, `accepted: ${tally}`);
	if (score <= 0) return verdict(false, `rejected: ${tally}, 0%`);
	return { correct: false, score, reason: `partly right: ${tally}, ${percentOf(score)}` };
}

// ---------------------------------------------------------------------------------------------
// Typed answers

/**
 * How many edits a typed word may be off by and still count: none under 5 letters (short
 * names differ by a letter: Iran/Iraq, Kyiv/Kiev), 1 for 5–9 letters, 2 for 10 or more. A word
 * with a digit gets none: "Apollo 11" is not "Apollo 12". A whole answer gets at most 2.
 */
export function typoAllowance(word: string): number {
	if (/\p{N}/u.test(word)) return 0;
	const letters = word.match(/\p{L}/gu)?.length ?? 0;
	if (letters < 5) return 0;
	return letters < 10 ? 1 : 2;
}

/**
 * A misspelling of `expected` (both normalised)? Word by word, so that a short word must be
 * exact ("North Korea" is not "South Korea"); each word within its allowance and starting with
 * the same letter (a wrong first letter is more often a different name: Gambia/Zambia).
 */
export function isMisspelling(typed: string, expected: string): boolean {
	const typedWords = typed.split(' ');
	const expectedWords = expected.split(' ');
	if (typedWords.length !== expectedWords.length) return false;
	let total = 0;
	for (const [i, want] of expectedWords.entries()) {
		const got = typedWords[i]!;
		if (got === want) continue;
		if (Array.from(got)[0] !== Array.from(want)[0]) return false;
		const distance = editDistance(got, want);
		if (distance > typoAllowance(want)) return false;
		total += distance;
	}
	return total > 0 && total <= 2;
}

/**
 * A short answer: the right answers first, then the ones worth part of the marks. A case
 * sensitive question (Moodle's) counts only exact matches, spaces aside.
 */
function gradeShortAnswer(question: ShortAnswerQuestion, text: string): Grade {
	const partials = question.partialAnswers ?? [];
	if (question.caseSensitive) {
		const typed = text.trim().replace(/\s+/g, ' ');
		if (typed === '') return verdict(false, 'rejected: no answer');
		const same = (a: string) => a.trim().replace(/\s+/g, ' ') === typed;
		if (same(question.answer)) return verdict(true, 'accepted: exact');
		if (question.alternatives.some(same)) {
			return verdict(true, `accepted: alias of ${question.answer}`);
		}
		const part = partials.find((p) => same(p.answer));
		if (part) return partlyRight(part.credit);
		const folded = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase();
		const caseOnly = [question.answer, ...question.alternatives].some(
			(a) => folded(a) === typed.toLowerCase()
		);
		return verdict(
			false,
			caseOnly ? 'rejected: the capitals must match exactly' : 'rejected: a different answer'
		);
	}
	const full = gradeTyped(question, text);
	if (partials.length === 0 || text.trim() === '') return full;
	// A part-marks answer the teacher wrote out (Moodle's =%75%Nazereth) wins over reading the
	// same text as a misspelling of the right one; otherwise the right answers come first.
	const given = normalise(text);
	const written = partials.find((p) => normalise(p.answer) === given);
	if (written && (!full.correct || full.reason.includes('spelling'))) {
		return partlyRight(written.credit);
	}
	if (full.correct) return full;
	for (const part of partials) {
		if (gradeTyped({ answer: part.answer, alternatives: [] }, text).correct) {
			return partlyRight(part.credit);
		}
	}
	return full;
}

function partlyRight(credit: number): Grade {
	return {
		correct: false,
		score: credit,
		reason: `partly right: ${percentOf(credit)} of the marks`
	};
}

function gradeTyped(question: TypedAnswer, text: string): Grade {
	const typed = text.trim();
	if (typed === '') return verdict(false, 'rejected: no answer');
	if (typed === question.answer.trim()) return verdict(true, 'accepted: exact');

	const canonical = normalise(question.answer);
	const given = normalise(typed);
	const aliasReason = `accepted: alias of ${question.answer}`;

	// A numeric answer ("12", "twelve") is compared as a number, exactly, never by spelling.
	const expectedNumber = parseNumber(question.answer);
	const typedNumber = parseNumber(typed);
	if (expectedNumber !== undefined && typedNumber !== undefined) {
		if (typedNumber === expectedNumber) return verdict(true, 'accepted: same number');
		const alias = question.alternatives.find((alt) => parseNumber(alt) === typedNumber);
		if (alias !== undefined) return verdict(true, aliasReason);
		return verdict(false, 'rejected: a different number');
	}

	if (given === canonical) {
		return verdict(true, 'accepted: case, punctuation or spacing');
	}
	const alternatives = question.alternatives.map(normalise);
	if (alternatives.includes(given)) return verdict(true, aliasReason);
	// "XiJinping": the same letters with a space lost or added.
	const squeeze = (s: string) => s.replace(/ /g, '');
	if (given !== '' && squeeze(given) === squeeze(canonical)) {
		return verdict(true, 'accepted: case, punctuation or spacing');
	}
	if (given !== '' && alternatives.some((alt) => squeeze(alt) === squeeze(given))) {
		return verdict(true, aliasReason);
	}
	if (expectedNumber === undefined && isMisspelling(given, canonical)) {
		return verdict(true, 'accepted: spelling');
	}
	const near = question.alternatives.find(
		(alt, i) => parseNumber(alt) === undefined && isMisspelling(given, alternatives[i]!)
	);
	if (near !== undefined) {
		return verdict(true, `accepted: spelling, alias of ${question.answer}`);
	}
	return verdict(false, 'rejected: a different answer');
}

// ---------------------------------------------------------------------------------------------
// Numbers

function gradeNumeric(question: NumericQuestion, text: string): Grade {
	if (text.trim() === '') return verdict(false, 'rejected: no answer');
	const quantity = parseQuantity(text);
	if (!quantity) return verdict(false, 'rejected: not a number');
	if (question.unit && quantity.unit && !sameUnit(quantity.unit, question.unit)) {
		return verdict(false, `rejected: give the answer in ${question.unit}`);
	}
	if (question.range) {
		const { min, max } = question.range;
		const slack = 1e-9 * Math.max(1, Math.abs(min), Math.abs(max));
		if (quantity.value >= min - slack && quantity.value <= max + slack) {
			return verdict(true, `accepted: within ${min}–${max}`);
		}
		return verdict(false, 'rejected: a different number');
	}
	const off = Math.abs(quantity.value - question.answer);
	// Room for binary rounding: 4.2 - 0.1 is not exactly 4.1.
	const slack = 1e-9 * Math.max(1, Math.abs(question.answer));
	if (off === 0) return verdict(true, 'accepted: exact');
	if (off <= question.tolerance + slack) {
		const unit = question.unit ? ` ${question.unit}` : '';
		return verdict(true, `accepted: within tolerance (±${question.tolerance}${unit})`);
	}
	return verdict(false, 'rejected: a different number');
}

const unitSynonyms: Record<string, string> = { '%': 'percent', percentage: 'percent' };

/**
 * Lenient: "hour", "hours", "hrs" and "h" all match "hours". The written unit must start with
 * the same letter as the question's and its letters must appear in order in it.
 */
export function sameUnit(written: string, expected: string): boolean {
	const fold = (unit: string) => {
		const s = unit.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s.]/g, '');
		return unitSynonyms[s] ?? s;
	};
	const a = fold(written);
	const b = fold(expected);
	if (a === b || a + 's' === b || a === b + 's') return true;
	if (a === '' || Array.from(a)[0] !== Array.from(b)[0]) return false;
	let at = 0;
	for (const ch of b) if (ch === a[at]) at++;
	return at === a.length;
}

// ---------------------------------------------------------------------------------------------
// Dates

const precisionRank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

function gradeDate(question: DateQuestion, text: string): Grade {
	if (text.trim() === '') return verdict(false, 'rejected: no answer');
	const parsed = parseDate(text);
	if (parsed === undefined) return verdict(false, 'rejected: not a date');
	if (isAmbiguousDate(parsed)) {
		const [dayFirst, monthFirst] = parsed.readings.map((d) => formatDate(d));
		return verdict(
			false,
			`rejected: the date is ambiguous — write it as ${dayFirst} or ${monthFirst}`
		);
	}
	if (precisionRank[parsed.precision] < precisionRank[question.precision]) {
		const wanted = question.precision === 'day' ? 'the day, month and year' : 'the month and year';
		return verdict(false, `rejected: give ${wanted}, not just the ${parsed.precision}`);
	}
	// Compare at the question's precision: a day answer to a month question counts if the
	// month matches.
	const length = question.answer.length;
	if (parsed.date.slice(0, length) !== question.answer) {
		return verdict(false, 'rejected: a different date');
	}
	if (parsed.precision === question.precision) return verdict(true, 'accepted: exact');
	return verdict(true, `accepted: same ${question.precision}`);
}

// ---------------------------------------------------------------------------------------------
// Matching and ordering

function gradeMatching(question: MatchingQuestion, rights: string[]): Grade {
	const total = question.pairs.length;
	const right = question.pairs.filter((pair, i) => rights[i] === pair.right).length;
	if (right === total) return verdict(true, `accepted: all ${total} pairs right`, { partial: 1 });
	return verdict(false, `rejected: ${right} of ${total} pairs right`, { partial: right / total });
}

function gradeOrdering(question: OrderingQuestion, order: string[]): Grade {
	const total = question.items.length;
	const right = question.items.filter((item, i) => order[i] === item).length;
	if (right === total && order.length === total) {
		return verdict(true, 'accepted: right order', { partial: 1 });
	}
	return verdict(false, `rejected: ${right} of ${total} in the right place`, {
		partial: right / total
	});
}

// ---------------------------------------------------------------------------------------------
// Open responses: the learner's own mark

export const selfMarks = ['right', 'partly', 'wrong'] as const;
export type SelfMark = (typeof selfMarks)[number];

/** A learner's mark of their own open response, as a grade: partly right is half the marks. */
export function selfMarkGrade(mark: SelfMark): Grade {
	switch (mark) {
		case 'right':
			return verdict(true, 'marked right by you');
		case 'partly':
			return { correct: false, score: 0.5, reason: 'marked partly right by you' };
		case 'wrong':
			return verdict(false, 'marked wrong by you');
	}
}

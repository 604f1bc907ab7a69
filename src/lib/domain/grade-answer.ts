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
	NumericQuestion,
	OrderingQuestion,
	Question,
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
	| { type: 'ordering'; order: string[] };

export interface Grade {
	correct: boolean;
	/** Short and human: "accepted: spelling", "rejected: not a number". */
	reason: string;
	/** Share right, 0..1, for matching and ordering. */
	partial?: number;
	/** The chosen choice's own feedback (GIFT's #feedback), when it has one. */
	feedback?: string;
}

export function gradeAnswer(question: Question, response: Response): Grade {
	switch (question.type) {
		case 'multiple_choice':
			return response.type === 'multiple_choice'
				? gradeChoice(question, response.choiceId)
				: mismatch(question, response);
		case 'true_false':
			if (response.type !== 'true_false') return mismatch(question, response);
			return response.value === question.answer
				? { correct: true, reason: 'accepted: right choice' }
				: { correct: false, reason: `rejected: the statement is ${question.answer}` };
		case 'true_false_not_given':
			if (response.type !== 'true_false_not_given') return mismatch(question, response);
			return response.value === question.answer
				? { correct: true, reason: 'accepted: right choice' }
				: {
						correct: false,
						reason: `rejected: the answer is “${verdictLabels[question.answer]}”`
					};
		case 'short_answer':
		case 'cloze':
			// Both are typed text, so either response type grades either question.
			return response.type === 'short_answer' || response.type === 'cloze'
				? gradeTyped(question, response.text)
				: mismatch(question, response);
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
	return {
		correct: false,
		reason: `rejected: wrong kind of answer (${label(response.type)} for ${label(question.type)})`
	};
}

function gradeChoice(question: MultipleChoiceQuestion, choiceId: string): Grade {
	const choice = question.choices.find((c) => c.id === choiceId);
	if (!choice) return { correct: false, reason: 'rejected: not one of the choices' };
	const feedback = choice.feedback ? { feedback: choice.feedback } : {};
	return choice.id === question.correctChoiceId
		? { correct: true, reason: 'accepted: right choice', ...feedback }
		: { correct: false, reason: 'rejected: a different answer', ...feedback };
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

function gradeTyped(question: TypedAnswer, text: string): Grade {
	const typed = text.trim();
	if (typed === '') return { correct: false, reason: 'rejected: no answer' };
	if (typed === question.answer.trim()) return { correct: true, reason: 'accepted: exact' };

	const canonical = normalise(question.answer);
	const given = normalise(typed);
	const aliasReason = `accepted: alias of ${question.answer}`;

	// A numeric answer ("12", "twelve") is compared as a number, exactly, never by spelling.
	const expectedNumber = parseNumber(question.answer);
	const typedNumber = parseNumber(typed);
	if (expectedNumber !== undefined && typedNumber !== undefined) {
		if (typedNumber === expectedNumber) return { correct: true, reason: 'accepted: same number' };
		const alias = question.alternatives.find((alt) => parseNumber(alt) === typedNumber);
		if (alias !== undefined) return { correct: true, reason: aliasReason };
		return { correct: false, reason: 'rejected: a different number' };
	}

	if (given === canonical) {
		return { correct: true, reason: 'accepted: case, punctuation or spacing' };
	}
	const alternatives = question.alternatives.map(normalise);
	if (alternatives.includes(given)) return { correct: true, reason: aliasReason };
	// "XiJinping": the same letters with a space lost or added.
	const squeeze = (s: string) => s.replace(/ /g, '');
	if (given !== '' && squeeze(given) === squeeze(canonical)) {
		return { correct: true, reason: 'accepted: case, punctuation or spacing' };
	}
	if (given !== '' && alternatives.some((alt) => squeeze(alt) === squeeze(given))) {
		return { correct: true, reason: aliasReason };
	}
	if (expectedNumber === undefined && isMisspelling(given, canonical)) {
		return { correct: true, reason: 'accepted: spelling' };
	}
	const near = question.alternatives.find(
		(alt, i) => parseNumber(alt) === undefined && isMisspelling(given, alternatives[i]!)
	);
	if (near !== undefined) {
		return { correct: true, reason: `accepted: spelling, alias of ${question.answer}` };
	}
	return { correct: false, reason: 'rejected: a different answer' };
}

// ---------------------------------------------------------------------------------------------
// Numbers

function gradeNumeric(question: NumericQuestion, text: string): Grade {
	if (text.trim() === '') return { correct: false, reason: 'rejected: no answer' };
	const quantity = parseQuantity(text);
	if (!quantity) return { correct: false, reason: 'rejected: not a number' };
	if (question.unit && quantity.unit && !sameUnit(quantity.unit, question.unit)) {
		return { correct: false, reason: `rejected: give the answer in ${question.unit}` };
	}
	const off = Math.abs(quantity.value - question.answer);
	// Room for binary rounding: 4.2 - 0.1 is not exactly 4.1.
	const slack = 1e-9 * Math.max(1, Math.abs(question.answer));
	if (off === 0) return { correct: true, reason: 'accepted: exact' };
	if (off <= question.tolerance + slack) {
		const unit = question.unit ? ` ${question.unit}` : '';
		return { correct: true, reason: `accepted: within tolerance (±${question.tolerance}${unit})` };
	}
	return { correct: false, reason: 'rejected: a different number' };
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
	if (text.trim() === '') return { correct: false, reason: 'rejected: no answer' };
	const parsed = parseDate(text);
	if (parsed === undefined) return { correct: false, reason: 'rejected: not a date' };
	if (isAmbiguousDate(parsed)) {
		const [dayFirst, monthFirst] = parsed.readings.map((d) => formatDate(d));
		return {
			correct: false,
			reason: `rejected: the date is ambiguous — write it as ${dayFirst} or ${monthFirst}`
		};
	}
	if (precisionRank[parsed.precision] < precisionRank[question.precision]) {
		const wanted = question.precision === 'day' ? 'the day, month and year' : 'the month and year';
		return { correct: false, reason: `rejected: give ${wanted}, not just the ${parsed.precision}` };
	}
	// Compare at the question's precision: a day answer to a month question counts if the
	// month matches.
	const length = question.answer.length;
	if (parsed.date.slice(0, length) !== question.answer) {
		return { correct: false, reason: 'rejected: a different date' };
	}
	if (parsed.precision === question.precision) return { correct: true, reason: 'accepted: exact' };
	return { correct: true, reason: `accepted: same ${question.precision}` };
}

// ---------------------------------------------------------------------------------------------
// Matching and ordering

function gradeMatching(question: MatchingQuestion, rights: string[]): Grade {
	const total = question.pairs.length;
	const right = question.pairs.filter((pair, i) => rights[i] === pair.right).length;
	if (right === total)
		return { correct: true, reason: `accepted: all ${total} pairs right`, partial: 1 };
	return {
		correct: false,
		reason: `rejected: ${right} of ${total} pairs right`,
		partial: right / total
	};
}

function gradeOrdering(question: OrderingQuestion, order: string[]): Grade {
	const total = question.items.length;
	const right = question.items.filter((item, i) => order[i] === item).length;
	if (right === total && order.length === total) {
		return { correct: true, reason: 'accepted: right order', partial: 1 };
	}
	return {
		correct: false,
		reason: `rejected: ${right} of ${total} in the right place`,
		partial: right / total
	};
}

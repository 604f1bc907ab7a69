// Text helpers for grading typed answers: normalisation for comparison, edit distance, and
// readers for numbers ("twelve", "4.5", "1,000", "four and a half") and dates ("21 March 2023").

import type { DateQuestion } from './question';

export type DatePrecision = DateQuestion['precision'];

/**
 * Folds text for comparison: lower case, no diacritics, no punctuation or quotes, single
 * spaces, and no leading article ("The Kremlin" → "kremlin"). Idempotent.
 *
 * Apostrophes and full stops vanish without a space ("don't" → "dont", "U.S." → "us"); other
 * punctuation becomes a space ("Xi-Jinping" → "xi jinping"). A "." or "," between two digits
 * is kept so that "4.5" and "45" stay different.
 */
export function normalise(text: string): string {
	// NFKD twice: lower-casing can produce characters that decompose further.
	let s = text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
	s = s.replace(/['’‘`ʼ]/gu, '');
	s = s.replace(/[.,]/g, (mark: string, at: number, whole: string) =>
		isDigit(whole[at - 1]) && isDigit(whole[at + 1]) ? mark : mark === '.' ? '' : ' '
	);
	s = s
		.replace(/[^\p{L}\p{N}.,]+/gu, ' ')
		.replace(/ +/g, ' ')
		.trim();
	// Repeat so that the result is a fixed point ("the the beatles" → "beatles").
	for (let before = ''; before !== s;) {
		before = s;
		s = s.replace(/^(?:the|a|an) (?=.)/, '');
	}
	return s;
}

function isDigit(ch: string | undefined): boolean {
	return ch !== undefined && /\p{Nd}/u.test(ch);
}

/**
 * Damerau–Levenshtein distance (the optimal-string-alignment variant) over code points:
 * insertions, deletions, substitutions and swaps of two neighbours each cost 1.
 */
export function editDistance(a: string, b: string): number {
	const s = Array.from(a);
	const t = Array.from(b);
	let before: number[] = [];
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	for (let i = 1; i <= s.length; i++) {
		const current = [i];
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
				best = Math.min(best, before[j - 2]! + 1);
			}
			current.push(best);
		}
		before = previous;
		previous = current;
	}
	return previous[t.length]!;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * A word table without a prototype, so that a learner's "__proto__" or "constructor" is just
 * an unknown word (fuzzing found the first one read as a number).
 */
function lookup(entries: Record<string, number>): Record<string, number> {
	return Object.assign(Object.create(null) as Record<string, number>, entries);
}

const unitWords = lookup({
	zero: 0,
	nought: 0,
	nil: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19
});

const tensWords = lookup({
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90
});

const scaleWords = lookup({
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12
});

const fractionWords = lookup({
	half: 1 / 2,
	halves: 1 / 2,
	third: 1 / 3,
	thirds: 1 / 3,
	quarter: 1 / 4,
	quarters: 1 / 4
});

const vulgarFractions: Record<string, string> = {
	'½': '1/2',
	'¼': '1/4',
	'¾': '3/4',
	'⅓': '1/3',
	'⅔': '2/3'
};

/** A plain decimal, with optional thousands groups (",", or a space) and an exponent. */
const decimalPattern =
	/^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;
/** A decimal comma, as in much of Europe: "4,5". Three digits after it read as thousands. */
const decimalCommaPattern = /^([+-]?\d+),(\d{1,2}|\d{4,})$/;

/**
 * Reads a number written in digits or in English words, or returns undefined.
 *
 * Digits: "12", "-3", "4.5", "1,000", "1 000", "1.5e3", "4,5" (a decimal comma, since a comma
 * followed by exactly three digits reads as thousands: "1,000" is one thousand), "1/2", "4 1/2",
 * "4½". Words: "twelve", "twenty-one", "three hundred and five", "a dozen", "1.5 million",
 * "half", "a quarter", "three quarters", "four and a half", "four point five", "minus two".
 */
export function parseNumber(text: string): number | undefined {
	let s = text.replace(/[½¼¾⅓⅔]/gu, (f) => ` ${vulgarFractions[f]}`);
	s = s.normalize('NFKC').replace(/[−–]/gu, '-').replace(/\s+/gu, ' ').trim().toLowerCase();
	if (s === '') return undefined;
	if (decimalPattern.test(s)) return Number(s.replace(/[, ]/g, ''));
	const comma = decimalCommaPattern.exec(s);
	if (comma) return Number(`${comma[1]}.${comma[2]}`);
	const fraction = /^([+-]?)(?:(\d+) )?(\d+) ?\/ ?(\d+)$/.exec(s);
	if (fraction) {
		const denominator = Number(fraction[4]);
		if (denominator === 0) return undefined;
		const whole = Number(fraction[2] ?? 0) + Number(fraction[3]) / denominator;
		return fraction[1] === '-' ? -whole : whole;
	}
	return parseNumberWords(
		s
			.replace(/,/g, ' ')
			.split(/[\s-]+/)
			.filter(Boolean)
	);
}

function parseNumberWords(tokens: string[]): number | undefined {
	let sign = 1;
	if (tokens[0] === 'minus' || tokens[0] === 'negative') {
		sign = -1;
		tokens = tokens.slice(1);
	}
	const value = parseUnsignedWords(tokens);
	return value === undefined ? undefined : sign * value;
}

function parseUnsignedWords(tokens: string[]): number | undefined {
	if (tokens.length === 0) return undefined;
	const point = tokens.indexOf('point');
	if (point >= 0) {
		const whole = point === 0 ? 0 : parseCardinal(tokens.slice(0, point));
		const digits = tokens.slice(point + 1).map((t) => (/^\d$/.test(t) ? Number(t) : unitWords[t]));
		if (whole === undefined || digits.length === 0) return undefined;
		if (digits.some((d) => d === undefined || d > 9)) return undefined;
		return whole + Number(`0.${digits.join('')}`);
	}
	// "four and a half": a whole number, "and", then a fraction.
	for (let i = tokens.length - 2; i > 0; i--) {
		if (tokens[i] !== 'and') continue;
		const fraction = parseFraction(tokens.slice(i + 1));
		const whole = parseCardinal(tokens.slice(0, i));
		if (fraction !== undefined && whole !== undefined) return whole + fraction;
	}
	return parseFraction(tokens) ?? parseCardinal(tokens);
}

/** "half", "a half", "one third", "three quarters". */
function parseFraction(tokens: string[]): number | undefined {
	const last = tokens[tokens.length - 1];
	const part = last === undefined ? undefined : fractionWords[last];
	if (part === undefined) return undefined;
	const count = tokens.slice(0, -1);
	if (count.length === 0) return part;
	if (count.length === 1 && (count[0] === 'a' || count[0] === 'an')) return part;
	const n = parseCardinal(count);
	return n === undefined ? undefined : n * part;
}

/** Whole numbers in words, digits allowed before a multiplier ("1.5 million", "3 hundred"). */
function parseCardinal(tokens: string[]): number | undefined {
	let total = 0;
	let group = 0;
	// What the current group under a hundred holds, so "five five" or "twenty thirty" fail.
	let small: 'none' | 'unit' | 'teen' | 'tens' = 'none';
	let afterMultiplier = false;
	let lastScale = Infinity;
	let any = false;
	for (const [i, t] of tokens.entries()) {
		const next = tokens[i + 1];
		if (t === 'and') {
			// British "one hundred and five": only after a multiplier and before more number.
			if (!afterMultiplier || next === undefined) return undefined;
			continue;
		}
		afterMultiplier = false;
		if (t === 'a' || t === 'an') {
			const multiplies = next === 'hundred' || next === 'dozen' || (next ?? '') in scaleWords;
			if (group !== 0 || small !== 'none' || !multiplies) return undefined;
			group = 1;
			continue;
		}
		const unit = unitWords[t];
		if (unit !== undefined) {
			if (small === 'unit' || small === 'teen' || (unit >= 10 && small === 'tens'))
				return undefined;
			group += unit;
			small = unit >= 10 ? 'teen' : 'unit';
			any = true;
			continue;
		}
		const ten = tensWords[t];
		if (ten !== undefined) {
			if (small !== 'none') return undefined;
			group += ten;
			small = 'tens';
			any = true;
			continue;
		}
		if (/^\d+(?:\.\d+)?$/.test(t)) {
			if (group !== 0 || small !== 'none') return undefined;
			group = Number(t);
			small = 'teen';
			any = true;
			continue;
		}
		if (t === 'hundred' || t === 'dozen') {
			if (t === 'hundred' && group >= 100) return undefined;
			group = (group || 1) * (t === 'hundred' ? 100 : 12);
			small = t === 'hundred' ? 'none' : 'teen';
			afterMultiplier = true;
			any = true;
			continue;
		}
		const scale = scaleWords[t];
		if (scale !== undefined) {
			if (scale >= lastScale) return undefined;
			total += (group || 1) * scale;
			group = 0;
			small = 'none';
			lastScale = scale;
			afterMultiplier = true;
			any = true;
			continue;
		}
		return undefined;
	}
	return any ? total + group : undefined;
}

/**
 * Reads a number with an optional unit: "4.5 hours", "four and a half hours", "12km", "50%",
 * "$12". The unit is whatever follows (or a leading currency sign), as written.
 */
export function parseQuantity(text: string): { value: number; unit?: string } | undefined {
	// A hedge in front changes nothing: "about 12" is read as 12.
	const s = text
		.normalize('NFKC')
		.replace(/\s+/gu, ' ')
		.trim()
		.replace(/^(?:about|around|approximately|approx\.?|roughly|some|~) ?/i, '');
	const whole = parseNumber(s);
	if (whole !== undefined) return { value: whole };
	const currency = /^([$£€¥]) ?(.+)$/u.exec(s);
	if (currency) {
		const value = parseNumber(currency[2]!);
		return value === undefined ? undefined : { value, unit: currency[1]! };
	}
	const attached = /^([+-]?[\d.,]*\d)([%°\p{L}].*)$/u.exec(s);
	if (attached) {
		const value = parseNumber(attached[1]!);
		if (value !== undefined && looksLikeUnit(attached[2]!)) {
			return { value, unit: attached[2]!.trim() };
		}
	}
	// Split between words, keeping the longest number in front ("one hundred people").
	const tokens = s.split(' ');
	for (let k = tokens.length - 1; k >= 1; k--) {
		const unit = tokens.slice(k).join(' ');
		if (!looksLikeUnit(unit)) continue;
		const value = parseNumber(tokens.slice(0, k).join(' '));
		if (value !== undefined) return { value, unit };
	}
	return undefined;
}

/** Letters and unit signs, and no number word or "or": "13 or 14" is not 13 of something. */
function looksLikeUnit(text: string): boolean {
	if (!/^[%°\p{L}][\p{L}%°/.²³ ]*$/u.test(text)) return false;
	return text
		.toLowerCase()
		.split(' ')
		.every((word) => !['or', 'and', 'to'].includes(word) && parseNumber(word) === undefined);
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface ParsedDate {
	/** YYYY-MM-DD, YYYY-MM or YYYY, as the precision says. */
	date: string;
	precision: DatePrecision;
}

/** "03/04/2023": both numbers could be the month. */
export interface AmbiguousDate {
	ambiguous: true;
	/** The day-first and the month-first reading, both YYYY-MM-DD. */
	readings: [string, string];
}

export const monthNames = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;

const monthByWord = new Map<string, number>();
for (const [i, name] of monthNames.entries()) {
	const lower = name.toLowerCase();
	monthByWord.set(lower, i + 1);
	monthByWord.set(lower.slice(0, 3), i + 1);
}
monthByWord.set('sept', 9);

const weekdays = new Set(
	['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((d) => [
		d,
		d.slice(0, 3)
	])
);
for (const extra of ['tues', 'weds', 'thur', 'thurs']) weekdays.add(extra);

/** Words that may surround a date without changing it ("on the 21st of March"). */
const fillers = new Set(['the', 'of', 'on', 'in']);

/**
 * Reads a date at day, month or year precision: "2023-03-21", "21 March 2023",
 * "March 21, 2023", "21st of March 2023", "Tuesday, 21 March 2023", "21 Mar 2023",
 * "21/03/2023", "03/21/2023", "March 2023", "2023-03", "2023". A weekday is ignored.
 *
 * All-number dates are read day-first or month-first only when one number is over 12 (or
 * both are equal); otherwise the answer is an AmbiguousDate. Invalid days ("31 April") and
 * two-digit years give undefined.
 */
export function parseDate(text: string): ParsedDate | AmbiguousDate | undefined {
	const s = text.normalize('NFKC').trim().toLowerCase();
	let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
	if (m) return dayDate(Number(m[1]), Number(m[2]), Number(m[3]));
	m = /^(\d{4})-(\d{1,2})$/.exec(s);
	if (m) return monthDate(Number(m[1]), Number(m[2]));
	m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
	if (m) return numericDate(Number(m[1]), Number(m[3]), Number(m[4]));

	const tokens = s
		.replace(/[,]/g, ' ')
		.replace(/\.(?=\s|$)/g, ' ')
		.split(/\s+/)
		.filter((t) => t !== '' && !fillers.has(t) && !weekdays.has(t));
	let month: number | undefined;
	let year: number | undefined;
	let day: number | undefined;
	for (const token of tokens) {
		const monthNumber = monthByWord.get(token);
		const dayMatch = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token);
		if (monthNumber !== undefined && month === undefined) month = monthNumber;
		else if (/^\d{4}$/.test(token) && year === undefined) year = Number(token);
		else if (dayMatch && day === undefined) day = Number(dayMatch[1]);
		else return undefined;
	}
	if (year === undefined) return undefined;
	if (month === undefined)
		return day === undefined ? { date: pad(year, 4), precision: 'year' } : undefined;
	if (day === undefined) return monthDate(year, month);
	return dayDate(year, month, day);
}

export function isAmbiguousDate(d: ParsedDate | AmbiguousDate | undefined): d is AmbiguousDate {
	return d !== undefined && 'ambiguous' in d;
}

function numericDate(
	first: number,
	second: number,
	year: number
): ParsedDate | AmbiguousDate | undefined {
	if (first > 12 && second <= 12) return dayDate(year, second, first);
	if (second > 12 && first <= 12) return dayDate(year, first, second);
	if (first > 12 || second > 12) return undefined;
	if (first === second) return dayDate(year, first, second);
	const dayFirst = dayDate(year, second, first);
	const monthFirst = dayDate(year, first, second);
	if (!dayFirst || !monthFirst) return dayFirst ?? monthFirst;
	return { ambiguous: true, readings: [dayFirst.date, monthFirst.date] };
}

function dayDate(year: number, month: number, day: number): ParsedDate | undefined {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	return { date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, precision: 'day' };
}

function monthDate(year: number, month: number): ParsedDate | undefined {
	if (month < 1 || month > 12) return undefined;
	return { date: `${pad(year, 4)}-${pad(month, 2)}`, precision: 'month' };
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

/** True when the text is YYYY-MM-DD, YYYY-MM or YYYY (as the precision says) and a real date. */
export function isIsoDate(text: string, precision: DatePrecision): boolean {
	const parsed = parseDate(text);
	return (
		parsed !== undefined &&
		!isAmbiguousDate(parsed) &&
		parsed.precision === precision &&
		parsed.date === text
	);
}

/**
 * Writes an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for people: "21 March 2023", or with
 * style 'month-day' "March 21, 2023"; "March 2023"; "2023". Anything else comes back as is.
 */
export function formatDate(iso: string, style: 'day-month' | 'month-day' = 'day-month'): string {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
	if (!m) return iso;
	const year = String(Number(m[1]));
	if (m[2] === undefined) return year;
	const month = monthNames[Number(m[2]) - 1];
	if (month === undefined) return iso;
	if (m[3] === undefined) return `${month} ${year}`;
	const day = Number(m[3]);
	return style === 'day-month' ? `${day} ${month} ${year}` : `${month} ${day}, ${year}`;
}

// Picks wrong-but-plausible choices: entities of the same kind, phrases of a similar form,
// numbers and dates near the right one. Every candidate passes a caller's truth screen first;
// a distractor that is also true would make a question wrong.
import type { Entity } from '../fact-base';
import type { Random } from '../random';
import type { Phrase } from './fact-index';
import { wordCount } from './text';

/** How many screened candidates, nearest in length first, the seed then chooses among. */
const spread = 5;
/** Give up widening the search after this many rejected candidates (keeps each pick O(1)). */
const maxScan = 60;

/**
 * Up to `want` items from a list sorted by length, nearest to `target` first, alternating
 * outwards from where the target would sit; `accept` screens each one.
 */
export function nearestByLength<T>(
	sorted: readonly T[],
	length: (item: T) => number,
	target: number,
	accept: (item: T) => boolean,
	want: number
): T[] {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (length(sorted[mid] as T) < target) lo = mid + 1;
		else hi = mid;
	}
	const out: T[] = [];
	let left = lo - 1;
	let right = lo;
	let scanned = 0;
	while (out.length < want && scanned < maxScan && (left >= 0 || right < sorted.length)) {
		const takeRight =
			left < 0 ||
			(right < sorted.length &&
				Math.abs(length(sorted[right] as T) - target) <=
					Math.abs(length(sorted[left] as T) - target));
		const item = (takeRight ? sorted[right++] : sorted[left--]) as T;
		scanned++;
		if (accept(item)) out.push(item);
	}
	return out;
}

/** What screening an entity candidate needs to know of it (an index's EntityNode). */
export interface EntityCandidate {
	readonly entity: Entity;
	/** Keys of its name and aliases. */
	readonly keys: readonly string[];
	readonly nameLength: number;
	readonly nameWords: number;
}

/**
 * Screened candidates for entity distractors, nearest tier first, or undefined when fewer than
 * `count` valid ones exist. Tiers are tried in order (entities in the same role first, then any
 * of the same kind), each nearest in name length first, up to a handful in all.
 */
export function entityCandidates<T extends EntityCandidate>(
	answer: T,
	tiers: readonly (readonly T[])[],
	isInvalid: (candidate: T) => boolean,
	count = 3
): T[][] | undefined {
	// A handful of entries each: arrays beat sets at this size.
	const taken: string[] = [...answer.keys];
	const seen: T[] = [answer];
	const kind = answer.entity.kind;
	const accept = (c: T) => {
		if (c.entity.kind !== kind || seen.includes(c) || c.entity.id === answer.entity.id)
			return false;
		seen.push(c);
		// "Gazprom" beside "delegation of senior Russian officials" reads as a giveaway.
		if (!similarSize(answer.nameWords, answer.nameLength, c.nameWords, c.nameLength)) return false;
		// The same thing under another name, or a choice that reads like another one.
		for (const k of c.keys) if (taken.includes(k)) return false;
		if (isInvalid(c)) return false;
		for (const k of c.keys) taken.push(k);
		return true;
	};
	const picked: T[][] = [];
	let total = 0;
	for (const tier of tiers) {
		if (total >= spread) break;
		const found = nearestByLength(tier, lengthOfName, answer.nameLength, accept, spread - total);
		picked.push(found);
		total += found.length;
	}
	return total < count ? undefined : picked;
}

function lengthOfName(c: EntityCandidate): number {
	return c.nameLength;
}

/** The seed's pick of `count` from tiered candidates: nearer tiers first, shuffled within. */
export function pickFromTiers<T>(tiers: readonly (readonly T[])[], random: Random, count = 3): T[] {
	const out: T[] = [];
	for (const tier of tiers) {
		for (const item of random.shuffle(tier)) {
			if (out.length === count) return out;
			out.push(item);
		}
	}
	return out;
}

/** Three entity distractors for `answer`, or undefined when three valid ones do not exist. */
export function entityDistractors<T extends EntityCandidate>(
	answer: T,
	tiers: readonly (readonly T[])[],
	isInvalid: (candidate: T) => boolean,
	random: Random,
	count = 3
): T[] | undefined {
	const found = entityCandidates(answer, tiers, isInvalid, count);
	return found && pickFromTiers(found, random, count);
}

/** Whether two phrases are of a similar form for choices (no 2 words against 15). */
export function similarForm(a: string, b: string): boolean {
	return similarSize(wordCount(a), a.length, wordCount(b), b.length);
}

/** similarForm() on word counts and lengths. */
function similarSize(wa: number, la: number, wb: number, lb: number): boolean {
	return Math.max(wa, wb) <= 2 * Math.min(wa, wb) + 1 && Math.abs(la - lb) <= 40;
}

/** Screened phrase candidates from pools sorted by length, or undefined. */
export function textCandidates(
	answer: Phrase,
	tiers: readonly (readonly Phrase[])[],
	isInvalid: (candidate: Phrase) => boolean,
	count = 3
): Phrase[][] | undefined {
	const taken: string[] = [answer.key];
	const picked: Phrase[][] = [];
	let total = 0;
	for (const tier of tiers) {
		if (total >= spread) break;
		const found = nearestByLength(
			tier,
			lengthOfText,
			answer.text.length,
			(c) => {
				if (taken.includes(c.key)) return false;
				taken.push(c.key);
				return (
					similarSize(answer.words, answer.text.length, c.words, c.text.length) && !isInvalid(c)
				);
			},
			spread - total
		);
		picked.push(found);
		total += found.length;
	}
	return total < count ? undefined : picked;
}

function lengthOfText(p: Phrase): number {
	return p.text.length;
}

/** Three phrase distractors, or undefined when three valid ones do not exist. */
export function textDistractors(
	answer: Phrase,
	tiers: readonly (readonly Phrase[])[],
	isInvalid: (candidate: Phrase) => boolean,
	random: Random,
	count = 3
): Phrase[] | undefined {
	const found = textCandidates(answer, tiers, isInvalid, count);
	return found && pickFromTiers(found, random, count);
}

/**
 * Numbers near the right one, none of them a true value: 12 → three of 11, 13, 10, 14, 15;
 * 4.5 → three of 4, 5, 3.5, 5.5, 6. Steps grow with the number (250 → 240, 260, …).
 */
export function numberDistractors(
	amount: number,
	trueValues: ReadonlySet<number>,
	random: Random,
	count = 3
): number[] | undefined {
	const magnitude = Math.abs(amount);
	const step = !Number.isInteger(amount)
		? 0.5
		: magnitude < 20
			? 1
			: 10 ** Math.max(0, Math.floor(Math.log10(magnitude)) - 1);
	const candidates: number[] = [];
	for (const offset of [-1, 1, -2, 2, 3, -3, 4]) {
		const n = Math.round((amount + offset * step) * 1e9) / 1e9;
		if (amount > 0 && n <= 0) continue;
		if (trueValues.has(n) || candidates.includes(n)) continue;
		candidates.push(n);
		if (candidates.length === spread) break;
	}
	if (candidates.length < count) return undefined;
	return random.shuffle(candidates).slice(0, count);
}

/**
 * Dates of the same precision one to three days, months or years either side, none of them a
 * true date for the question.
 */
export function dateDistractors(
	iso: string,
	precision: 'day' | 'month' | 'year',
	trueDates: ReadonlySet<string>,
	random: Random,
	count = 3
): string[] | undefined {
	const date = parseIso(iso);
	if (!date) return undefined;
	const candidates: string[] = [];
	for (const offset of [-1, 1, -2, 2, -3, 3]) {
		const d = shifted(date, precision, offset);
		if (!trueDates.has(d) && d !== iso) candidates.push(d);
	}
	if (candidates.length < count) return undefined;
	return random.shuffle(candidates).slice(0, count);
}

/** Moves an ISO date by whole days, months or years at its own precision. */
export function shiftDate(
	iso: string,
	precision: 'day' | 'month' | 'year',
	offset: number
): string | undefined {
	const date = parseIso(iso);
	return date && shifted(date, precision, offset);
}

interface YearMonthDay {
	year: number;
	month: number;
	day: number;
}

/** YYYY, YYYY-MM or YYYY-MM-DD, with a missing month or day read as 1. */
function parseIso(iso: string): YearMonthDay | undefined {
	const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
	if (!m) return undefined;
	return { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) };
}

function shifted(
	{ year, month, day }: YearMonthDay,
	precision: 'day' | 'month' | 'year',
	offset: number
): string {
	if (precision === 'year') return pad(year + offset, 4);
	if (precision === 'month') {
		const total = year * 12 + (month - 1) + offset;
		return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1, 2)}`;
	}
	const date = new Date(Date.UTC(year, month - 1, day + offset));
	const y = date.getUTCFullYear();
	// toISOString() writes years outside 0–9999 with a sign and six digits.
	if (y < 0 || y > 9999) return date.toISOString().slice(0, 10);
	return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

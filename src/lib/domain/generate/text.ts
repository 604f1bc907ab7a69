// Small text helpers for the question generator: comparison keys, whole-phrase containment,
// stable ids and hashes, and the bits of English (articles, number words) the templates need.
import { formatDate, monthNames, normalise } from '../normalise';

/**
 * The comparison key of a text: normalise() with possessive 's dropped first, so that
 * "China's proposals" mentions "China" and "Xi's visit" mentions "Xi". Plain ASCII text (nearly
 * all of it) takes a fast path that gives exactly what normalise() gives; short texts (names,
 * aliases, values) are remembered, since the generator keys them again and again.
 */
export function key(text: string): string {
	// Long texts are not looked up: hashing a fresh prompt costs as much as keying it.
	const short = text.length <= 40;
	const cached = short ? keyCache.get(text) : undefined;
	if (cached !== undefined) return cached;
	const k = freshKey(text);
	// Names, aliases and short values recur; prompts and quotes do not, and would crowd them out.
	if (short) {
		if (keyCache.size >= 200_000) keyCache.clear();
		keyCache.set(text, k);
	}
	return k;
}

/**
 * key() of a text met once (a prompt, the words around a blank): computed, not remembered,
 * so one-off texts do not fill the cache that names and values share.
 */
export function freshKey(text: string): string {
	const end = plainSentenceEnd(text);
	if (end !== -1) return stripArticles(text.slice(0, end).toLowerCase());
	return plainAscii(text) ? asciiKey(text.toLowerCase()) : fullKey(text);
}

/**
 * For a plain sentence (ASCII words, single spaces, perhaps a closing "?" or "."), where its
 * words end; -1 for any other text. Its key is then those words lower-cased, as asciiKey() gives.
 */
function plainSentenceEnd(text: string): number {
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) inWord = true;
		else if (c === 32 && inWord && i + 1 < text.length) inWord = false;
		else if ((c === 63 || c === 46) && inWord && i === text.length - 1) return i;
		else return -1;
	}
	return inWord ? text.length : -1;
}

const possessive = /['’]s\b/g;
/** Printable ASCII, plus the curly quotes and ellipsis the templates write. */
const asciiOnly = /^[\x20-\x7e‘’“”…]*$/;
const keyCache = new Map<string, string>();

/** Printable ASCII without apostrophes or backquotes: nothing to drop before scanning. */
function plainAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c > 0x7e || c === 0x27 || c === 0x60) return false;
	}
	return true;
}

/** The key of any text: possessives dropped, then the ASCII scan or normalise(). */
function fullKey(text: string): string {
	const dropped = text.includes("'") || text.includes('’') ? text.replace(possessive, '') : text;
	if (!asciiOnly.test(dropped)) return normalise(dropped);
	// Apostrophes go first, so "5,'4" keeps its digit comma as normalise() does.
	// "…" is "..." to normalise() (NFKD).
	const lower = dropped
		.toLowerCase()
		.replace(/['`‘’]/g, '')
		.replace(/…/g, '...');
	// With the apostrophes gone, "Xi's visit?" is a plain sentence too.
	const end = plainSentenceEnd(lower);
	return end === -1 ? asciiKey(lower) : stripArticles(lower.slice(0, end));
}

/**
 * normalise() for lower-cased printable ASCII with apostrophes gone, in one pass that copies
 * whole words.
 */
function asciiKey(lower: string): string {
	let out = '';
	let word = -1; // start of the run of kept characters being scanned, or -1
	let pendingSpace = false;
	for (let i = 0; i <= lower.length; i++) {
		const c = i < lower.length ? lower.charCodeAt(i) : -1;
		const keep =
			(c >= 97 && c <= 122) ||
			(c >= 48 && c <= 57) ||
			// "." and "," between digits stay ("4.5", "1,000").
			((c === 46 || c === 44) && isDigitAt(lower, i - 1) && isDigitAt(lower, i + 1));
		if (keep) {
			if (word === -1) word = i;
			continue;
		}
		if (word !== -1) {
			if (pendingSpace && out !== '') out += ' ';
			pendingSpace = false;
			out += lower.slice(word, i);
			word = -1;
		}
		// Full stops vanish without a space ("U.S.").
		if (c !== 46) pendingSpace = true;
	}
	return stripArticles(out);
}

/** Drops leading articles, as normalise() does, unless nothing would be left. */
function stripArticles(k: string): string {
	let out = k;
	while (out.startsWith('the ') || out.startsWith('a ') || out.startsWith('an ')) {
		const rest = out.slice(out.indexOf(' ') + 1);
		if (rest === '') break;
		out = rest;
	}
	return out;
}

function isDigitAt(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return c >= 48 && c <= 57;
}

/** Whether a key contains another as whole words ("us" is not in "russia"). */
export function hasPhrase(hayKey: string, needleKey: string): boolean {
	if (needleKey === '') return false;
	for (let at = hayKey.indexOf(needleKey); at !== -1; at = hayKey.indexOf(needleKey, at + 1)) {
		const end = at + needleKey.length;
		if (
			(at === 0 || hayKey.charCodeAt(at - 1) === 32) &&
			(end === hayKey.length || hayKey.charCodeAt(end) === 32)
		) {
			return true;
		}
	}
	return false;
}

/** Whether the text names something by any of the given keys ("gives the answer away"). */
export function leaks(text: string, keys: readonly string[]): boolean {
	return leaksKey(freshKey(text), keys);
}

export function leaksKey(textKey: string, keys: readonly string[]): boolean {
	return keys.some((k) => hasPhrase(textKey, k));
}

export function unique(items: readonly string[]): string[] {
	return [...new Set(items)];
}

/** Whether two keys overlap as phrases: equal, or one holds the other. */
export function overlaps(a: string, b: string): boolean {
	return hasPhrase(a, b) || hasPhrase(b, a);
}

export function wordCount(text: string): number {
	let count = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const space = text.charCodeAt(i) <= 32;
		if (!space && !inWord) count++;
		inWord = !space;
	}
	return count;
}

/**
 * FNV-1a, 32 bits: a stable hash for seeding per-question randomness and shortening ids.
 * `start`: the hash of a prefix, to hash prefix + text without joining them.
 */
export function hash32(text: string, start = 0x811c9dc5): number {
	// FNV-1a runs left to right: hash32(b, hash32(a)) === hash32(a + b).
	let h = start;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A kebab-case id fragment from text; long texts are cut and tagged with a hash to stay unique. */
export function slug(text: string): string {
	return slugOfKey(key(text));
}

/** Words of a-z and 0-9, one space between them. */
const plainWords = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** slug() of a text whose key is known. */
export function slugOfKey(textKey: string): string {
	// Keys are mostly plain words: their slug only swaps spaces for dashes.
	const s = plainWords.test(textKey)
		? textKey.replaceAll(' ', '-')
		: textKey.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
	return s.length <= 40 ? s : `${s.slice(0, 32).replace(/-$/, '')}-${hash32(s).toString(36)}`;
}

export function capitalise(text: string): string {
	const first = text.charCodeAt(0);
	// Nearly every text starts with a capital or a digit already: no copy then.
	if (first < 97 || (first > 122 && first < 128)) return text;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Turns a sentence into a question: the final full stop becomes "?" (inside or outside a quote). */
export function asQuestion(sentence: string): string {
	const s = sentence.trim();
	const quoted = /\.(["”])$/.exec(s);
	if (quoted) return `${s.slice(0, -2)}${quoted[1]}?`;
	return `${s.replace(/[.!?]+$/, '')}?`;
}

/** Number words up to twenty, indexed by their value. */
export const smallNumbers: readonly string[] = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen',
	'twenty'
];

/** The ways a number may be written, for leak checks and typed alternatives: "12", "twelve". */
export function numberForms(amount: number): string[] {
	const forms = [String(amount)];
	const whole = Math.trunc(amount);
	const word = smallNumbers[whole];
	if (word !== undefined && amount >= 0) {
		if (amount === whole) forms.push(word);
		else if (amount - whole === 0.5) forms.push(`${word} and a half`);
	}
	return forms;
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday, 21 March 2023", "March 2023", "2023": how a date choice is shown. */
export function displayDate(iso: string): string {
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!day) return formatDate(iso);
	const weekday = weekdayNames[new Date(`${iso}T00:00:00Z`).getUTCDay()];
	return `${weekday}, ${formatDate(iso)}`;
}

/** The ways a date may be written, for leak checks: ISO, "21 March 2023", "March 21, 2023". */
export function dateForms(iso: string): string[] {
	return [iso, formatDate(iso), formatDate(iso, 'month-day')];
}

/** Words that would date an event in a prompt that asks for its date ("Monday's talks"). */
export const calendarWords: readonly string[] = [...weekdayNames, ...monthNames];

/** Adds a preposition to a bare date wording so it reads after a verb ("February 2022" → "in …"). */
export function dateAdverb(wording: string): string {
	const w = wording.trim();
	if (
		/^(on|in|at|by|last|this|next|during|since|before|after|earlier|later|a|an|the|coinciding|ahead|early|late)\b/i.test(
			w
		)
	)
		return w;
	if (weekdayNames.some((d) => w.startsWith(d))) return `on ${w}`;
	return `in ${w}`;
}

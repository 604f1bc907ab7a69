// GIFT text as characters that remember whether they were escaped (\~) and the line they came
// from, and the searches and splits the GIFT reader needs over them.
export interface Char {
	ch: string;
	escaped: boolean;
	line: number;
}

const escapable = new Set(['~', '=', '#', '{', '}', ':', '\\', '>']);

export function scan(lines: { text: string; line: number }[]): Char[] {
	const out: Char[] = [];
	for (const [n, { text, line }] of lines.entries()) {
		if (n > 0) out.push({ ch: '\n', escaped: false, line });
		const chars = Array.from(text);
		for (let i = 0; i < chars.length; i++) {
			const ch = chars[i]!;
			const next = chars[i + 1];
			if (ch === '\\' && next !== undefined && (escapable.has(next) || next === 'n')) {
				out.push({ ch: next === 'n' ? '\n' : next, escaped: true, line });
				i++;
			} else {
				// An unknown escape stays as written, as in Moodle.
				out.push({ ch, escaped: false, line });
			}
		}
	}
	return out;
}

export const plain = (chars: Char[]) => chars.map((c) => c.ch).join('');
export const isSpace = (c: Char) => !c.escaped && /\s/u.test(c.ch);

export function trim(chars: Char[]): Char[] {
	let start = 0;
	let end = chars.length;
	while (start < end && isSpace(chars[start]!)) start++;
	while (end > start && isSpace(chars[end - 1]!)) end--;
	return chars.slice(start, end);
}

export function trimStart(chars: Char[]): Char[] {
	let start = 0;
	while (start < chars.length && isSpace(chars[start]!)) start++;
	return chars.slice(start);
}

export function trimEnd(chars: Char[]): Char[] {
	let end = chars.length;
	while (end > 0 && isSpace(chars[end - 1]!)) end--;
	return chars.slice(0, end);
}

/** Index of an unescaped occurrence of `needle`, or -1. */
export function find(chars: Char[], needle: string, from = 0): number {
	const want = Array.from(needle);
	for (let i = from; i + want.length <= chars.length; i++) {
		if (want.every((w, k) => !chars[i + k]!.escaped && chars[i + k]!.ch === w)) return i;
	}
	return -1;
}

export function findLast(chars: Char[], needle: string): number {
	for (let i = chars.length - needle.length; i >= 0; i--)
		if (find(chars, needle, i) === i) return i;
	return -1;
}

/** Splits before each unescaped marker character; the first part has no marker. */
export function splitMarkers(
	chars: Char[],
	markers: string
): { lead: Char[]; parts: { marker: string; chars: Char[] }[] } {
	const parts: { marker: string; chars: Char[] }[] = [];
	let lead: Char[] = [];
	let current: Char[] = lead;
	for (const c of chars) {
		if (!c.escaped && markers.includes(c.ch)) {
			current = [];
			parts.push({ marker: c.ch, chars: current });
		} else current.push(c);
	}
	lead = parts.length ? lead : current;
	return { lead, parts };
}

export function lineOf(chars: Char[], fallback: number): number {
	return chars[0]?.line ?? fallback;
}

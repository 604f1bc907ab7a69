// Fill-in-the-blank questions from a fact's own quote: the number it gives, or the entity it
// names, blanked where the quote writes it, with nothing left around the blank to copy.
import type { Entity, Fact } from '../fact-base';
import type { ClozeQuestion } from '../question';
import { sourced, type Gen } from './build';
import { key, leaks, numberForms, smallNumbers, unique, wordCount } from './text';

interface Blank {
	/** What the blank stands for, in the id: an entity id or "number". */
	what: string;
	label: string;
	start: number;
	end: number;
	alternatives: readonly string[];
	/** Keys that must not be left around the blank. */
	giveaways: readonly string[];
}

const wordChar = /[\p{L}\p{N}]/u;

/** Whether the character at `i` is a letter or digit (false outside the text). */
function isWordChar(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	return wordChar.test(text.charAt(i));
}

/**
 * Where one of an entity's forms stands in the quote (given lower-cased, `lower`) as whole
 * words, the longest first.
 */
function findEntity(lower: string, e: Entity): { start: number; end: number } | undefined {
	let best: { start: number; end: number } | undefined;
	for (let i = -1; i < e.aliases.length; i++) {
		const needle = (i === -1 ? e.name : (e.aliases[i] as string)).toLowerCase();
		if (best && needle.length <= best.end - best.start) continue;
		for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
			const end = at + needle.length;
			if (isWordChar(lower, at - 1) || isWordChar(lower, end)) continue;
			best = { start: at, end };
			break;
		}
	}
	return best;
}

/** Where the amount is written in the quote, in digits ("12-point") or words ("four and a half"). */
function findNumber(quote: string, amount: number): { start: number; end: number } | undefined {
	const tokens = [...quote.matchAll(/\d+(?:\.\d+)?|[A-Za-z]+/g)];
	let best: { start: number; end: number } | undefined;
	for (let i = 0; i < tokens.length; i++) {
		for (let n = 1; n <= 5 && i + n <= tokens.length; n++) {
			const first = tokens[i];
			const last = tokens[i + n - 1];
			if (!first || !last || first.index === undefined || last.index === undefined) continue;
			const start = first.index;
			const end = last.index + last[0].length;
			const text = quote.slice(start, end);
			if (/[^A-Za-z0-9. -]/.test(text)) continue;
			if (parseSpan(text) === amount && (!best || end - start > best.end - best.start)) {
				best = { start, end };
			}
		}
	}
	return best;
}

// A Map, not an object: quote text like "constructor" must not find Object.prototype's members.
const spanWords = new Map(smallNumbers.map((w, i) => [w, i]));

/** Reads "12", "4.5", "twelve", "four and a half"; anything else is not a number. */
function parseSpan(text: string): number | undefined {
	const s = text.toLowerCase().trim();
	if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
	const half = /^([a-z]+) and a half$/.exec(s);
	if (half) {
		const whole = spanWords.get(half[1] ?? '');
		return whole === undefined ? undefined : whole + 0.5;
	}
	return spanWords.get(s);
}

const blankLabels: Record<Entity['kind'], string> = {
	person: 'name of the person',
	country: 'country',
	organisation: 'organisation',
	place: 'place',
	document: 'document',
	event: 'event'
};

/**
 * A fill-in-the-blank from the fact's quote: the number it gives, else its object, subject or
 * place as the quote writes it. The blanked thing must not be named elsewhere in the quote.
 */
export function clozeQuestion(
	g: Gen,
	f: Fact,
	asked: readonly string[] = []
): ClozeQuestion | undefined {
	const { ix } = g;
	const blanks: Blank[] = [];
	if (f.value?.kind === 'number') {
		const at = findNumber(f.quote, f.value.amount);
		const forms = numberForms(f.value.amount);
		if (at)
			blanks.push({
				what: 'number',
				label: 'number',
				...at,
				alternatives: forms,
				giveaways: forms.map(key)
			});
	}
	const lower = f.quote.toLowerCase();
	// Offsets in the lower-cased text must be offsets in the quote.
	const sameLength = lower.length === f.quote.length;
	const ids: string[] = [];
	for (const id of [f.object, f.subject, f.place]) {
		if (id === undefined || ids.includes(id)) continue;
		ids.push(id);
		const node = ix.node(id);
		const at = node && sameLength ? findEntity(lower, node.entity) : undefined;
		if (!node || !at) continue;
		blanks.push({
			what: node.id,
			label: blankLabels[node.kind],
			start: at.start,
			end: at.end,
			alternatives: [node.entity.name, ...node.entity.aliases],
			giveaways: node.keys
		});
	}
	for (const blank of blanks) {
		if (asked.includes(blank.what)) continue;
		const before = f.quote.slice(0, blank.start);
		const removed = f.quote.slice(blank.start, blank.end);
		const after = f.quote.slice(blank.end);
		// Enough sentence around the blank to recall it from, and no second mention to copy.
		if (wordCount(before) + wordCount(after) < 3) continue;
		if (leaks(before, blank.giveaways) || leaks(after, blank.giveaways)) continue;
		return {
			id: `cloze:${blank.what}:${f.id}`,
			type: 'cloze',
			prompt: `Fill in the blank in the article's words: the ${blank.label}.`,
			before,
			after,
			answer: removed,
			alternatives: unique(blank.alternatives.filter((a) => key(a) !== key(removed))),
			explanation: sourced(g, f).explanation,
			provenance: sourced(g, f).provenance
		};
	}
	return undefined;
}

// Fill-in-the-blank questions from a fact's own quote: the number it gives, or the entity it
// names, blanked where the quote writes it, with nothing left around the blank to copy.
import type { Entity, Fact } from '../fact-base';
import type { ClozeQuestion } from '../question';
import type { FactSlot } from '../predicates';
import { sourced, type Gen } from './build';
import { isPlural } from './english';
import { noted } from './notes';
import { key, leaks, numberForms, smallNumbers, unique, wordCount } from './text';

interface Blank {
	/** What the blank stands for, in the id: an entity id or "number". */
	what: string;
	/** The part of the fact it blanks. */
	slot: FactSlot;
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
	for (const needle of lowerForms(e)) {
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

/** An entity's name and aliases, lower-cased: remembered, as the same entities recur. */
function lowerForms(e: Entity): readonly string[] {
	let forms = lowerFormsCache.get(e);
	if (forms === undefined) {
		forms = [e.name.toLowerCase(), ...e.aliases.map((a) => a.toLowerCase())];
		lowerFormsCache.set(e, forms);
	}
	return forms;
}

const lowerFormsCache = new WeakMap<Entity, readonly string[]>();

/**
 * Where the amount is written in the quote, in digits ("12-point") or words ("four and a
 * half"), the longest writing first. Only one word or number, or "<word> and a half", can read
 * as a number, so those are the only runs of words looked at.
 */
function findNumber(quote: string, amount: number): { start: number; end: number } | undefined {
	const starts: number[] = [];
	const ends: number[] = [];
	tokenise(quote, starts, ends);
	let best: { start: number; end: number } | undefined;
	for (let i = 0; i < starts.length; i++) {
		const start = starts[i] as number;
		const one = ends[i] as number;
		if (
			parseSpan(quote.slice(start, one)) === amount &&
			(!best || one - start > best.end - best.start)
		) {
			best = { start, end: one };
		}
		const last = i + 3;
		if (last >= starts.length) continue;
		const end = ends[last] as number;
		if (halfAt(quote, one, starts, ends, i) && parseSpan(quote.slice(start, end)) === amount) {
			if (!best || end - start > best.end - best.start) best = { start, end };
		}
	}
	return best;
}

/** Runs of digits (with one decimal part) or of ASCII letters: where each starts and ends. */
function tokenise(text: string, starts: number[], ends: number[]): void {
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (isDigit(c)) {
			const start = i;
			while (i < text.length && isDigit(text.charCodeAt(i))) i++;
			if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
				i++;
				while (i < text.length && isDigit(text.charCodeAt(i))) i++;
			}
			starts.push(start);
			ends.push(i);
		} else if (isLetter(c)) {
			const start = i;
			while (i < text.length && isLetter(text.charCodeAt(i))) i++;
			starts.push(start);
			ends.push(i);
		} else i++;
	}
}

/** Whether tokens i+1..i+3 read " and a half", one space apart, after token i. */
function halfAt(text: string, from: number, starts: number[], ends: number[], i: number): boolean {
	let at = from;
	for (let n = 1; n <= 3; n++) {
		const start = starts[i + n] as number;
		if (start !== at + 1 || text.charCodeAt(at) !== 32) return false;
		at = ends[i + n] as number;
		if (text.slice(start, at).toLowerCase() !== halfWords[n - 1]) return false;
	}
	return true;
}

const halfWords = ['and', 'a', 'half'];

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
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

const blankLabels: Record<Entity['kind'], { one: string; many: string }> = {
	person: { one: 'name of the person', many: 'names of the people' },
	country: { one: 'country', many: 'countries' },
	organisation: { one: 'organisation', many: 'organisations' },
	place: { one: 'place', many: 'place' },
	document: { one: 'document', many: 'document' },
	event: { one: 'event', many: 'event' },
	thing: { one: 'missing words', many: 'missing words' }
};

/**
 * What a blank holding the entity is called: "the country", or "the countries" for a group of
 * them ("Western powers"). Plural event and document names are one thing ("formal talks").
 */
export function blankLabel(e: Entity): string {
	const label = blankLabels[e.kind];
	const group = (e.kind === 'country' || e.kind === 'organisation') && isPlural(e);
	return group ? label.many : label.one;
}

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
				slot: 'value',
				label: 'number',
				...at,
				alternatives: forms,
				giveaways: forms.map(key)
			});
	}
	// Lower-cased once some entity is still to be blanked.
	let lower: string | undefined;
	const ids: string[] = [];
	for (const [slot, id] of [
		['object', f.object],
		['subject', f.subject],
		['place', f.place]
	] as const) {
		if (id === undefined || ids.includes(id)) continue;
		ids.push(id);
		// Already asked for: not worth finding.
		if (asked.includes(id)) continue;
		const node = ix.node(id);
		if (!node) continue;
		lower ??= f.quote.toLowerCase();
		// Offsets in the lower-cased text must be offsets in the quote.
		const at = lower.length === f.quote.length ? findEntity(lower, node.entity) : undefined;
		if (!at) continue;
		blanks.push({
			what: node.id,
			slot,
			label: blankLabel(node.entity),
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
		const question: ClozeQuestion = {
			id: `cloze:${blank.what}:${f.id}`,
			type: 'cloze',
			prompt: `Fill in the blank in the article's words: the ${blank.label}.`,
			before,
			after,
			answer: removed,
			alternatives: unique(blank.alternatives.filter((a) => key(a) !== key(removed))),
			...sourced(g, f)
		};
		return noted(g, question, { factId: f.id, slot: blank.slot });
	}
	return undefined;
}

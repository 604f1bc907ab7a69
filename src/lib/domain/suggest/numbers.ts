// Stage 4: numbers with their units and what they count: "12-point position paper" (12
// points), "three-day visit" (3 days), "four and a half hours of talks" (4.5 hours),
// "20,000 troops". Years and days of dates are the dates stage's, not numbers.
import type { DateMention } from './dates';
import { timeUnits } from './lexicon';
import type { Word } from './nlp';
import type { Doc } from './segment';

export interface Quantity {
	/** From the number to the end of what it counts ("12-point position paper"). */
	start: number;
	end: number;
	sentence: number;
	amount: number;
	/** Plural unless the amount is one: "points", "days", "troops". */
	unit: string;
	kind: 'count' | 'duration';
	/** The noun phrase the number describes, when the unit is an adjective ("position paper"). */
	thing?: { start: number; end: number; text: string };
}

const irregular: Record<string, string> = {
	century: 'centuries',
	millennium: 'millennia',
	person: 'people',
	child: 'children',
	man: 'men',
	woman: 'women'
};

export function plural(word: string, amount: number): string {
	if (amount === 1) return word;
	if (irregular[word]) return irregular[word] as string;
	if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
	if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
	return `${word}s`;
}

export function singular(word: string): string {
	const back = Object.entries(irregular).find(([, p]) => p === word);
	if (back) return back[0];
	if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
	if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
	if (/[^s]s$/.test(word)) return word.slice(0, -1);
	return word;
}

const stopTags = ['Preposition', 'Conjunction', 'Determiner', 'Verb', 'Pronoun', 'Adverb'] as const;

/** The words after an adjectival number, up to the noun that ends the phrase. */
function phraseAfter(doc: Doc, words: readonly Word[], from: number): number {
	let to = from;
	while (to < words.length) {
		const w = words[to] as Word;
		if (stopTags.some((t) => w.tags.has(t)) && !w.tags.has('Noun')) break;
		if (w.tags.has('Verb') && !w.tags.has('Noun')) break;
		to++;
		const gap = doc.text.slice(w.end, words[to]?.start ?? w.end);
		if (gap !== ' ' || w.possessive) break;
	}
	return to;
}

export function findQuantities(doc: Doc, dates: readonly DateMention[]): Quantity[] {
	const out: Quantity[] = [];
	const inDate = (start: number) => dates.some((d) => d.start <= start && start < d.end);
	let s = 0;
	for (const num of doc.numbers) {
		while (s < doc.sentences.length - 1 && (doc.sentences[s + 1]?.start ?? Infinity) <= num.start)
			s++;
		if (inDate(num.start)) continue;
		const words = doc.sentences[s]?.words ?? [];
		const last = words.findIndex((w) => w.end >= num.end);
		if (last < 0) continue;
		const first = words.findIndex((w) => w.end > num.start);
		// "Group of Seven", "Apollo 11": a number in a name is not a quantity; nor is "first"
		const before = words[first - 1];
		if (/^\p{Lu}/u.test(words[first]?.text ?? '')) continue;
		if (
			before &&
			/^\p{Lu}/u.test(before.text) &&
			!before.possessive &&
			doc.text.slice(before.end, num.start) === ' '
		)
			continue;
		if (/^(first|second|third|\w+th|\d+(st|nd|rd|th))$/i.test(doc.text.slice(num.start, num.end)))
			continue;
		if (words[first]?.tags.has('Date') && /^\d{4}$/.test(words[first]?.text ?? '')) continue;
		const unitWord = words[last + 1];
		if (!unitWord || !unitWord.tags.has('Noun') || unitWord.tags.has('Pronoun')) continue;
		const gap = doc.text.slice(words[last]?.end ?? num.end, unitWord.start);
		let rawUnit = unitWord.text.toLowerCase();
		if (rawUnit === '%') rawUnit = 'percent';
		if (!/^[a-z%]+$/.test(rawUnit)) continue;
		const unit = singular(rawUnit);
		const kind = timeUnits.has(unit) ? 'duration' : 'count';
		const q: Quantity = {
			start: num.start,
			end: unitWord.end,
			sentence: s,
			amount: num.value,
			unit: rawUnit === 'percent' ? 'percent' : plural(unit, num.value),
			kind
		};
		// "12-point position paper", "three-day visit": the unit is an adjective;
		// "four and a half hours of talks": the thing follows "of"
		const thingFrom =
			gap === '-' ? last + 2 : gap === ' ' && words[last + 2]?.text === 'of' ? last + 3 : -1;
		if (gap !== '-' && gap !== ' ') continue;
		const to = thingFrom < 0 ? -1 : phraseAfter(doc, words, thingFrom);
		if (to > thingFrom) {
			const a = words[thingFrom] as Word;
			const b = words[to - 1] as Word;
			q.thing = { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) };
			q.end = b.end;
		}
		out.push(q);
	}
	return out;
}

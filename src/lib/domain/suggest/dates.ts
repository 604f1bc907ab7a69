// Stage 3: dates, resolved against the publication date with the text's own wording kept.
// chrono-node reads most of them; the forms it leaves alone or reads as news does not are
// handled here: "this May", "last week" (a span: its month), a weekday in a future-tense
// clause, a bare year ("in 1969"), "the second day of his visit", and dates fixed by another
// event ("a day after Putin traveled to Mariupol"), which the facts stage resolves.
import type { FactDate } from '../fact-base';
import { monthNames, parseNumber } from '../normalise';
import { addDays, factDate, parseDay, spanDate, weekday } from './calendar';
import { parseDates, type Day, type ParsedDate } from './date-parser';
import type { Doc } from './segment';

export interface DateMention {
	start: number;
	end: number;
	sentence: number;
	date: FactDate;
}

/** "a day after Putin traveled to Mariupol": a date counted from another event's. */
export interface AnchoredDate {
	start: number;
	end: number;
	sentence: number;
	wording: string;
	/** Days from the anchor event: +1 for "a day after", -2 for "two days before". */
	days: number;
	/** The clause naming the anchor event, right after the wording. */
	anchor: { start: number; end: number };
}

/** "on the second day of his visit": the event started ordinal-1 days before `date`. */
export interface OrdinalDay {
	start: number;
	end: number;
	sentence: number;
	ordinal: number;
	/** The event's noun as written ("visit") and what owns it ("his", "Xi's"). */
	noun: string;
	owner: string;
	/** The day it names, when the sentence dates it; else undefined. */
	date?: FactDate;
}

export interface DateStage {
	dates: DateMention[];
	anchored: AnchoredDate[];
	ordinals: OrdinalDay[];
}

const ordinals: Record<string, number> = {
	first: 1,
	second: 2,
	third: 3,
	fourth: 4,
	fifth: 5,
	sixth: 6,
	seventh: 7,
	eighth: 8,
	ninth: 9,
	tenth: 10
};
const countWord = `(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)`;
const anchoredForm = new RegExp(
	`\\b(?:the )?(${countWord}|the) (day|days|week|weeks) (after|before)\\b`,
	'gi'
);
const narrativeForm = new RegExp(
	`^(?:${countWord} (day|days|week|weeks) (later|earlier)|(?:the )?(next|following|previous) day)$`,
	'i'
);
const monthWord = monthNames.join('|');
const thisMonthForm = new RegExp(`\\b(this|last|next) (${monthWord})\\b`, 'g');
const weekForm = /\b(last|this|next|past) week\b/gi;
const yearForm =
	/\b(in|since|by|until|from|during|of|before|after|around|circa|early|late|mid-) ?(1[0-9]{3}|20[0-9]{2})\b/g;
const ordinalForm = new RegExp(
	`\\b(?:on )?the (${Object.keys(ordinals).join('|')}|\\d+(?:st|nd|rd|th)|last|final) day of (his|her|their|its|the|[A-Z][\\w.-]*['’]s) (\\w+)(?: (?:to|in|at) (?:the )?[A-Z][\\w-]*(?: [A-Z][\\w-]*)*)?`,
	'g'
);
const todayForm = /\b(earlier today|today|this (?:morning|afternoon|evening)|tonight)\b/i;
const futureForm =
	/\b(will|shall|is to|are to|is due to|are due to|is expected to|are expected to|plans? to|is set to|are set to|next)\b/i;

/** "a day", "two days", "10 days" */
const n = (word: string) => (/^an?$/i.test(word) ? 1 : (parseNumber(word) ?? 1));

function sentenceAt(doc: Doc, offset: number): number {
	let lo = 0;
	let hi = doc.sentences.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((doc.sentences[mid]?.start ?? 0) <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function sentenceText(doc: Doc, i: number): string {
	const s = doc.sentences[i];
	return s ? doc.text.slice(s.start, s.end) : '';
}

/** The end of the clause that starts at `start`: the next comma, semicolon or sentence end. */
function clauseEnd(doc: Doc, start: number, sentence: number): number {
	const end = doc.sentences[sentence]?.end ?? doc.text.length;
	const rest = doc.text.slice(start, end);
	const stop = /[,;:.!?](?:\s|$)|\s[—–]\s/.exec(rest);
	return start + (stop ? stop.index : rest.length);
}

/** A date chrono found, as a FactDate; undefined when it names no day, month or year. */
function fromChrono(p: ParsedDate, reference: Day, future: boolean): FactDate | undefined {
	const wording = p.text;
	if (p.stated.weekday && !p.stated.day) {
		// Past by default in a report ("on Monday" last Monday); forward in a future-tense clause.
		const diff = weekday(p.resolved) - weekday(reference);
		const back = (diff + 7) % 7;
		const day = future ? addDays(reference, back) : addDays(reference, back === 0 ? 0 : back - 7);
		return factDate(day, 'day', wording);
	}
	if (p.stated.day) return factDate(p.resolved, 'day', wording);
	if (p.stated.month) return factDate(p.resolved, 'month', wording);
	if (p.stated.year) return factDate(p.resolved, 'year', wording);
	return undefined;
}

function weekDate(word: string, reference: Day, wording: string): FactDate | undefined {
	const monday = addDays(reference, -((weekday(reference) + 6) % 7));
	const shift = { last: -7, past: -7, this: 0, next: 7 }[word.toLowerCase()] ?? 0;
	const first = addDays(monday, shift);
	return spanDate(first, addDays(first, 6), wording);
}

function monthDate(word: string, month: number, reference: Day, wording: string): FactDate {
	let year = reference.year;
	if (word === 'last' && month >= reference.month) year--;
	if (word === 'next' && month <= reference.month) year++;
	return factDate({ year, month, day: 1 }, 'month', wording);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
	a.start < b.end && b.start < a.end;

export function findDates(doc: Doc, publishedOn: string): DateStage {
	const reference = parseDay(publishedOn);
	const text = doc.text;
	const dates: DateMention[] = [];
	const anchored: AnchoredDate[] = [];
	// What each sentence's dates already cover: two readings of one phrase keep the first.
	const taken = new Map<number, Array<{ start: number; end: number }>>();
	const claim = (start: number, end: number): number | undefined => {
		const sentence = sentenceAt(doc, start);
		const here = taken.get(sentence) ?? [];
		if (here.some((t) => overlaps(t, { start, end }))) return undefined;
		taken.set(sentence, [...here, { start, end }]);
		return sentence;
	};
	const push = (start: number, end: number, date: FactDate | undefined) => {
		if (!date) return;
		const sentence = claim(start, end);
		if (sentence !== undefined) dates.push({ start, end, sentence, date });
	};

	// Anchored to another event: resolved later, but claimed first so chrono's reading
	// ("a day after" the publication date) is not used.
	for (const m of text.matchAll(anchoredForm)) {
		const start = m.index;
		const end = start + m[0].length;
		const sentence = sentenceAt(doc, start);
		const anchorStart = end + 1;
		const anchorEnd = clauseEnd(doc, anchorStart, sentence);
		if (anchorEnd <= anchorStart) continue;
		const count = m[2] ? n(m[2]) : 1;
		const days = count * (/week/i.test(m[3] ?? '') ? 7 : 1) * (/after/i.test(m[4] ?? '') ? 1 : -1);
		anchored.push({
			start,
			end: anchorEnd,
			sentence,
			wording: text.slice(start, anchorEnd),
			days,
			anchor: { start: anchorStart, end: anchorEnd }
		});
		claim(start, anchorEnd);
	}
	for (const m of text.matchAll(weekForm)) {
		push(m.index, m.index + m[0].length, weekDate(m[1] ?? '', reference, m[0]));
	}
	for (const m of text.matchAll(thisMonthForm)) {
		const month = monthNames.findIndex((x) => x === m[2]) + 1;
		push(m.index, m.index + m[0].length, monthDate(m[1] ?? '', month, reference, m[0]));
	}

	const ordinalDays = findOrdinals(doc, reference);
	for (const o of ordinalDays) if (o.date) push(o.start, o.end, o.date);

	let previous: FactDate | undefined;
	for (const p of parseDates(text, reference)) {
		const narrative = narrativeForm.exec(p.text);
		if (narrative) {
			// "two days later": counted from the last date the text gave, not from publication.
			if (previous?.precision === 'day') {
				const count = narrative[1] ? n(narrative[1]) : 1;
				const sign = /later|next|following/i.test(p.text) ? 1 : -1;
				const weeks = /week/i.test(narrative[2] ?? '') ? 7 : 1;
				push(
					p.start,
					p.end,
					factDate(addDays(parseDay(previous.date), sign * count * weeks), 'day', p.text)
				);
			}
			continue;
		}
		// "over the past years": a stretch, not a date
		if (/\b(years|months|weeks|days|decades)$/i.test(p.text) && !/\d/.test(p.text)) continue;
		const sentence = sentenceText(doc, sentenceAt(doc, p.start));
		const date = fromChrono(p, reference, futureForm.test(sentence));
		push(p.start, p.end, date);
		if (date) previous = date;
	}
	for (const m of text.matchAll(yearForm)) {
		const yearStart = m.index + m[0].length - 4;
		push(
			yearStart,
			yearStart + 4,
			factDate({ year: Number(m[2]), month: 1, day: 1 }, 'year', m[2] ?? '')
		);
	}
	dates.sort((a, b) => a.start - b.start);
	return { dates, anchored, ordinals: ordinalDays };
}

/**
 * "on the second day of his visit": which day that is comes from another date in the
 * sentence, or, for "earlier" or "today" in a report, from the publication date.
 */
function findOrdinals(doc: Doc, reference: Day): OrdinalDay[] {
	const out: OrdinalDay[] = [];
	for (const m of doc.text.matchAll(ordinalForm)) {
		const word = (m[1] ?? '').toLowerCase();
		const ordinal = ordinals[word] ?? parseInt(word, 10);
		if (!Number.isFinite(ordinal)) continue;
		const sentence = sentenceAt(doc, m.index);
		const s = sentenceText(doc, sentence);
		const today = todayForm.test(s) || /\bearlier\b/.test(s);
		const o: OrdinalDay = {
			start: m.index,
			end: m.index + m[0].length,
			sentence,
			ordinal,
			owner: m[2] ?? '',
			noun: (m[3] ?? '').toLowerCase()
		};
		if (today) o.date = factDate(reference, 'day', m[0]);
		out.push(o);
	}
	return out;
}

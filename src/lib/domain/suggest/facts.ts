// Stage 6: candidate facts from what the earlier stages found, each with its quote (a span of
// the body), a drafted statement that claims no more than the quote, and a kind.
import type { Fact, FactDate, Predicate } from '../fact-base';
import { dateAdverb, displayDate } from '../generate/text';
import type { Clauses, Span } from './clauses';
import type { DateMention } from './dates';
import type { SuggestedEntity } from './entities';
import type { EventDraft, EventStage } from './events';
import { kebab, IdPool } from './ids';
import type { Names } from './names';
import type { Quantity } from './numbers';
import type { Statement } from './quotes';
import type { Relation } from './relations';
import type { FactSuggestion, SuggestionKind } from './types';
import { eventClasses, leaderTitles } from './lexicon';
import { countryNamed } from './world';

const kindOf: Partial<Record<Predicate, SuggestionKind>> = {
	role_of: 'role',
	met: 'meeting',
	held_talks_with: 'meeting',
	visited: 'travel',
	traveled_to: 'travel',
	arrived_at: 'travel',
	said: 'quote',
	described_as: 'quote',
	called_for: 'quote',
	happened_on: 'date',
	count_of: 'number',
	duration_of: 'number'
};

const verbPhrase: Partial<Record<Predicate, [string, string]>> = {
	met: ['met', 'is to meet'],
	held_talks_with: ['held talks with', 'is to hold talks with'],
	visited: ['visited', 'is to visit'],
	traveled_to: ['traveled to', 'is to travel to'],
	arrived_at: ['arrived at', 'is to arrive at']
};

const sentenceOf = (text: string) => {
	const t = text.trim().replace(/[,;:]$/, '');
	const capital = t.charAt(0).toUpperCase() + t.slice(1);
	return /[.!?]["”]?$/.test(capital) ? capital : `${capital}.`;
};

export interface FactInputs {
	c: Clauses;
	entities: readonly SuggestedEntity[];
	relations: readonly Relation[];
	statements: readonly Statement[];
	quantities: readonly Quantity[];
	dates: readonly DateMention[];
	events: EventStage;
	eventIds: ReadonlyMap<EventDraft, string>;
	names: Names;
}

export function candidateFacts(input: FactInputs): FactSuggestion[] {
	const { c, entities } = input;
	const text = c.doc.text;
	const byId = new Map(entities.map((e) => [e.id, e]));
	const nameOf = (id: string) => input.names.of(byId.get(id)?.name ?? id);
	const ids = new IdPool();
	const out: FactSuggestion[] = [];
	const seen = new Set<string>();

	const add = (f: Omit<Fact, 'id' | 'quote'> & { span: Span }, idText: string) => {
		const span = trim(text, f.span);
		const quote = text.slice(span.start, span.end);
		if (!quote) return;
		const value =
			f.value?.kind === 'text'
				? f.value.text
				: f.value?.kind === 'number'
					? String(f.value.amount)
					: '';
		const key = [f.predicate, f.subject, f.object ?? '', value].join('|');
		if (seen.has(key)) return;
		seen.add(key);
		const kind = kindOf[f.predicate];
		if (!kind) return;
		// Keys in the order docs/suggestions.md lists them
		const { predicate, subject, object, value: v, date, place, statement } = f;
		out.push({
			id: ids.claim(idText),
			kind,
			predicate,
			subject,
			...(object !== undefined ? { object } : {}),
			...(v !== undefined ? { value: v } : {}),
			...(date !== undefined ? { date } : {}),
			...(place !== undefined ? { place } : {}),
			statement,
			quote,
			span
		});
	};

	/**
	 * The date told in the same sentence nearest a span (within a few words, or a sentence's
	 * "on the second day of ..."): the fact carries it and its wording. Not one whose wording
	 * holds the whole span ("on the second day of his visit to Russia").
	 */
	// Words said: a date in them dates what was said, not the saying, nor a meeting beside it.
	const saidWords = new Map<number, Span[]>();
	for (const x of input.statements)
		saidWords.set(x.sentence, [...(saidWords.get(x.sentence) ?? []), x.value]);
	const datesIn = new Map<number, DateMention[]>();
	for (const d of input.dates) datesIn.set(d.sentence, [...(datesIn.get(d.sentence) ?? []), d]);
	const dateNear = (sentence: number, span: Span): { date: FactDate; span: Span } | undefined => {
		const said = saidWords.get(sentence) ?? [];
		const d = (datesIn.get(sentence) ?? [])
			.filter((x) => !(x.start <= span.start && span.end <= x.end))
			.filter((x) => !said.some((o) => o.start <= x.start && x.end <= o.end))
			.filter((x) => gap(x, span) <= 40 || /^on the \w+ day of\b/i.test(x.date.wording))
			.sort((a, b) => gap(a, span) - gap(b, span))[0];
		return (
			d && {
				date: d.date,
				span: { start: Math.min(span.start, d.start), end: Math.max(span.end, d.end) }
			}
		);
	};

	/**
	 * The occasion an undated meeting or visit belongs to: the date an earlier sentence of its
	 * paragraph telling what the same subject did (the nearest, at most two sentences back), outside
	 * anything quoted, unless the sentence puts itself at another time ("earlier"). "Xi
	 * arrived in Moscow on Monday. He was greeted by ..., and met Putin": the meeting is
	 * Monday's. A question about an occasion needs its date to be asked at all; the curator sees
	 * the date came from the sentence before.
	 */
	const sentences = c.doc.sentences;
	const sameParagraph = (a: number, b: number) =>
		!/\n\s*\n/.test(text.slice(sentences[a]?.end ?? 0, sentences[b]?.start ?? 0));
	const occasionOf = (sentence: number, subject: string): FactDate | undefined => {
		// "Xi earlier met ...": another time than the sentence before's.
		const own = text.slice(sentences[sentence]?.start ?? 0, sentences[sentence]?.end ?? 0);
		if (otherTime.test(own)) return undefined;
		for (let back = sentence - 1; back >= Math.max(0, sentence - 2); back--) {
			if (!sameParagraph(back, sentence)) return undefined;
			// The occasion is the subject's: the sentence that dates it tells what they did.
			if (!input.relations.some((o) => o.sentence === back && o.subject === subject)) continue;
			const said = saidWords.get(back) ?? [];
			const told = (datesIn.get(back) ?? []).filter(
				(x) => !said.some((o) => o.start <= x.start && x.end <= o.end)
			);
			const last = told.sort((a, b) => b.start - a.start)[0];
			if (last) return last.date;
		}
		return undefined;
	};

	// Titles: "Russian President Vladimir Putin", "NASA Administrator Steve Jurczyk"
	for (const e of entities) {
		const role = e.roleEvidence;
		if (!role || !e.role) continue;
		const countryName = role.country ? countryNamed(role.country)?.name : undefined;
		const owner =
			entities.find((x) => x.kind === 'country' && x.name === countryName) ??
			entities.find(
				(x) => x.id !== e.id && x.kind === 'organisation' && role.text.startsWith(`${x.name} `)
			);
		const mention = e.mentions.find((m) => m.start >= role.end);
		const end = mention?.end ?? role.end;
		const head = e.role.split(' ').at(-1) ?? '';
		const lowerHead = head === head.toLowerCase();
		const article = /^[aeiou]/i.test(e.role) ? 'an' : 'a';
		const statement =
			lowerHead && !(owner && leaderTitles.has(head))
				? `${e.name} is ${article} ${e.role}.`
				: owner
					? `${e.name} is the ${e.role}.`
					: `${e.name} holds the title ${e.role}.`;
		add(
			{
				predicate: 'role_of',
				subject: e.id,
				...(owner ? { object: owner.id } : {}),
				value: { kind: 'text', text: e.role },
				statement,
				span: { start: role.start, end }
			},
			`${e.id}-role`
		);
	}

	// Meetings, talks, visits, travel
	for (const r of input.relations) {
		const near = r.planned ? undefined : dateNear(r.sentence, r);
		const occasion = r.planned || near ? undefined : occasionOf(r.sentence, r.subject);
		const dated = near ?? (occasion && { date: occasion, span: r });
		const [done, planned] = verbPhrase[r.predicate] ?? ['', ''];
		const when = dated ? ` ${adverbOf(dated.date.wording)}` : '';
		const statement = sentenceOf(
			`${nameOf(r.subject)} ${r.planned ? planned : done} ${nameOf(r.object)}${when}`
		);
		add(
			{
				predicate: r.predicate,
				subject: r.subject,
				object: r.object,
				...(dated ? { date: dated.date } : {}),
				statement,
				span: dated?.span ?? r
			},
			`${r.subject}-${r.predicate}-${r.object}`
		);
	}

	// What was said, and how things were described
	let lastDescribed: { sentence: number; object: string } | undefined;
	for (const s of input.statements) {
		const dated = dateNear(s.sentence, s);
		const inSpan =
			dated && dated.span.start >= s.start && dated.span.end <= s.end ? dated : undefined;
		// "described the trip as ...": the trip is the event the text last told of
		const phrase = s.objectPhrase
			? text.slice(s.objectPhrase.start, s.objectPhrase.end).trim()
			: '';
		const described =
			phrase === 'it' && lastDescribed?.sentence === s.sentence
				? lastDescribed.object
				: phrase
					? eventNamed(input, phrase, s.start)
					: undefined;
		if (described) lastDescribed = { sentence: s.sentence, object: described };
		const predicate = described ? 'described_as' : s.predicate;
		const object = described ?? s.object;
		add(
			{
				predicate,
				subject: s.subject,
				...(object ? { object } : {}),
				value: { kind: 'text', text: s.text },
				...(inSpan ? { date: inSpan.date } : {}),
				statement: sentenceOf(`${nameOf(s.subject)} ${s.predicateText}`),
				span: s
			},
			`${s.subject}-${predicate === 'said' ? 'said' : predicate}-${kebab(s.text).split('-').slice(0, 4).join('-')}`
		);
	}

	// Numbers: what they count, or how long an event lasted
	for (const q of input.quantities) {
		const event = input.events.ofQuantity.get(q);
		const eventId = event && input.eventIds.get(event);
		const thing =
			q.thing &&
			entities.find(
				(e) =>
					e.kind !== 'event' &&
					e.mentions.some((m) => m.start <= q.thing!.start && q.thing!.end <= m.end)
			);
		const subject = eventId ?? thing?.id;
		if (!subject) continue;
		const subjectName = event?.name ?? thing?.name ?? '';
		const amount = Number.isInteger(q.amount) ? String(q.amount) : String(q.amount);
		const duration = q.kind === 'duration' && !!eventId;
		const statement = duration
			? `${subjectName} lasted ${amount} ${q.unit}.`
			: `${subjectName} has ${amount} ${q.unit}.`;
		add(
			{
				predicate: duration ? 'duration_of' : 'count_of',
				subject,
				value: { kind: 'number', amount: q.amount, unit: q.unit },
				statement: sentenceOf(statement),
				span: q
			},
			`${subject}-${duration ? 'duration' : `${kebab(q.unit)}-count`}`
		);
	}

	// When events happened
	for (const [event, id] of input.eventIds) {
		if (!event.date || !event.dateEvidence) continue;
		const spelled = displayDate(event.date.date);
		const wording = event.date.wording;
		let when: string;
		if (/^coinciding with /i.test(wording))
			when = `coincided with ${wording.slice(16)}, in ${spelled}`;
		else if (/^(on )?(sun|mon|tues|wednes|thurs|fri|satur)day$/i.test(wording))
			when = `happened on ${spelled}`;
		else if (/^(a day|\d+ days|the start)/.test(wording)) when = `happened ${wording} (${spelled})`;
		else
			when = `happened ${adverbOf(wording)}${spelled.toLowerCase() === wording.toLowerCase() ? '' : ` (${spelled})`}`;
		add(
			{
				predicate: 'happened_on',
				subject: id,
				date: event.date,
				statement: sentenceOf(`${event.name} ${when}`),
				span: event.dateEvidence
			},
			`${id}-date`
		);
	}
	return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Words that put a sentence at another time than the one before it. */
const otherTime =
	/\b(earlier|later|previously|before|after|since|ago|recently|formerly|once|then|last|next|meanwhile)\b/i;

/** Quotes never start or end on a space, a comma or a dash. */
function trim(text: string, span: Span): Span {
	let { start, end } = span;
	while (start < end && /[\s,;:—–-]/.test(text.charAt(start))) start++;
	while (end > start && /[\s,;:—–-]/.test(text.charAt(end - 1))) end--;
	return { start, end };
}

function gap(a: Span, b: Span): number {
	if (a.start < b.end && b.start < a.end) return 0;
	return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

/** A date's wording as it reads after a verb: "On Monday" -> "on Monday", "February 2022" -> "in February 2022". */
function adverbOf(wording: string): string {
	const w = dateAdverb(wording);
	return /^(On|In|At|By|Last|This|Next|During|Since|Earlier|Later|A|An|The)\b/.test(w)
		? w.charAt(0).toLowerCase() + w.slice(1)
		: w;
}

/** "the trip" -> the visit the text told of last before `before`. */
function eventNamed(input: FactInputs, phrase: string, before: number): string | undefined {
	const m = /^(?:the|this|that) (\w+)$/i.exec(phrase.trim());
	if (!m) return undefined;
	const noun = (m[1] ?? '').toLowerCase();
	const cls = eventClasses[noun] ?? noun;
	let best: { id: string; at: number } | undefined;
	// Told of as a noun ("a surprise visit to Kyiv") before told of by a verb ("who visited Bucha")
	for (const nominalOnly of [true, false]) {
		for (const [e, id] of input.eventIds) {
			if (e.cls !== cls || (nominalOnly && !e.nominal)) continue;
			const at = Math.max(...e.spans.filter((s) => s.end <= before).map((s) => s.end));
			if (at > (best?.at ?? -1)) best = { id, at };
		}
		if (best) break;
	}
	return best?.id;
}

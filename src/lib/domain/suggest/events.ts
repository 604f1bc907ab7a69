// Events the facts are about: a meeting, a visit, talks, a statement, "the assault". Each is
// an entity of kind event, named from the text ("Xi Jinping's visit to Russia"), and dated
// where the text dates it, directly ("on Tuesday"), through another event ("a day after Putin
// traveled to Mariupol", "coincides with Xi's trip") or by its days ("on the second day of his
// visit" dates the visit's start; a "three-day visit" lasts three days).
import { addDays, factDate, parseDay } from './calendar';
import type { Clauses, Span } from './clauses';
import type { DateMention, DateStage } from './dates';
import type { SuggestedEntity } from './entities';
import { cover, coincide, distance, resolveAnchors } from './event-dates';
import { push, Registry, type EventDraft } from './event-registry';
import { eventClasses, eventNouns, verbNouns } from './lexicon';
import type { Word } from './nlp';
import type { Names } from './names';
import type { Quantity } from './numbers';
import type { Statement } from './quotes';
import type { Relation } from './relations';
import { countryOfCapital } from './world';

export type { EventDraft } from './event-registry';

export interface EventStage {
	events: EventDraft[];
	/** The event each relation and statement tells of (by index into their lists). */
	ofRelation: Map<Relation, EventDraft>;
	ofStatement: Map<Statement, EventDraft>;
	/** The event a quantity measures ("three-day visit" -> the visit). */
	ofQuantity: Map<Quantity, EventDraft>;
}

const preposition: Record<string, string> = {
	visit: 'to',
	trip: 'to',
	meeting: 'with',
	talks: 'with',
	arrival: 'at'
};

const classOf = (noun: string) => eventClasses[noun] ?? noun;

/** A person by surname ("Xi"), anything else by its name. */
export function shortName(e: SuggestedEntity | undefined): string {
	if (!e) return '';
	if (e.kind !== 'person') return e.name;
	const words = e.name.split(' ');
	const short = e.aliases.find((a) => words.length > 1 && words.includes(a));
	return short ?? e.name;
}

export function possessive(name: string): string {
	return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/** Nouns that own an event on behalf of an organisation named before ("the grouping's summit"). */
const genericOwners = new Set([
	'grouping',
	'group',
	'alliance',
	'bloc',
	'organisation',
	'organization',
	'company',
	'party',
	'union',
	'council',
	'government'
]);

/** The last entity of a kind named before an offset, in this sentence or the three before. */
function lastOf(
	c: Clauses,
	sentence: number,
	before: number,
	ok: (kind: string | undefined) => boolean
): string | undefined {
	for (let s = sentence; s >= 0 && s >= sentence - 3; s--) {
		const m = c
			.mentions(s)
			.filter((x) => x.end <= before && ok(c.kinds.get(x.entity)))
			.at(-1);
		if (m) return m.entity;
	}
	return undefined;
}

const near = (a: Span, b: Span, slack: number) =>
	a.start - slack < b.end && b.start - slack < a.end;

export function findEvents(
	c: Clauses,
	entities: ReadonlyMap<string, SuggestedEntity>,
	relations: readonly Relation[],
	statements: readonly Statement[],
	quantities: readonly Quantity[],
	dates: DateStage,
	names: Names
): EventStage {
	const reg = new Registry();
	const ofRelation = new Map<Relation, EventDraft>();
	const ofStatement = new Map<Statement, EventDraft>();
	const ofQuantity = new Map<Quantity, EventDraft>();
	const text = c.doc.text;
	const name = (id: string | undefined) => names.of(shortName(id ? entities.get(id) : undefined));

	const find = (
		cls: string,
		agent: string | undefined,
		object: string | undefined,
		sentence: number
	) =>
		reg.keyed(cls, agent).find((e) => {
			if (!agent) return false;
			// Visits of one person to one place are one visit; other events only within a sentence.
			if (cls !== 'visit')
				return (
					e.spans.some((s) => s.sentence === sentence) &&
					(!object || !e.object || e.object === object)
				);
			return (
				!object ||
				!e.object ||
				e.object === object ||
				capitalOf(e.object, object) ||
				capitalOf(object, e.object)
			);
		});
	const capitalOf = (city: string, country: string) => {
		const cityName = entities.get(city)?.name ?? '';
		const countryName = entities.get(country)?.name ?? '';
		return (
			!!cityName &&
			!!countryName &&
			entities.get(city)?.kind !== 'country' &&
			countryName === countryOfCapital(cityName)
		);
	};

	// Relations: "Putin traveled to Mariupol" is Putin's trip to Mariupol.
	for (const r of relations) {
		if (r.planned) continue;
		const cls = classOf(r.noun);
		let e = find(cls, r.subject, r.object, r.sentence);
		const written = `${possessive(name(r.subject))} ${r.noun} ${preposition[r.noun] ?? 'with'} ${name(r.object)}`;
		if (!e) {
			e = {
				name: written,
				aliases: new Set(),
				cls,
				agent: r.subject,
				object: r.object,
				spans: [],
				nominal: false
			};
			reg.add(e);
		} else if (!e.object || entities.get(r.object)?.kind === 'country') {
			// "Xi's visit to Russia" names a visit better than "Xi's Moscow visit"
			e.aliases.add(e.name);
			e.name = written;
			e.object = r.object;
		} else e.aliases.add(written);
		reg.span(e, { start: r.start, end: r.end, sentence: r.sentence });
		if (r.nominal) e.nominal = true;
		ofRelation.set(r, e);
	}

	// Event nouns with an owner: "Xi's three-day visit", "Russia's assault on Ukraine", "their occupation"
	const nominal: Array<{ e: EventDraft; span: Span; sentence: number; definite: boolean }> = [];
	c.doc.sentences.forEach((_, s) => {
		const words = c.words(s);
		words.forEach((w, i) => {
			const noun = w.text.toLowerCase();
			if (!eventNouns[noun] || !w.tags.has('Noun')) return;
			let k = i - 1;
			while (
				k >= 0 &&
				i - k <= 3 &&
				!c.mentionAt(s, k)?.possessive &&
				!/^(his|her|their|its|the|a|an)$/.test(c.lower(s, k))
			)
				k--;
			const ownerWord = c.lower(s, k);
			const owner = c.mentionAt(s, k);
			let agent = owner?.possessive ? owner.entity : undefined;
			if (!agent && (ownerWord === 'his' || ownerWord === 'her')) agent = c.person(s, k);
			if (!agent && (ownerWord === 'their' || ownerWord === 'its')) {
				agent = lastOf(c, s, words[k]?.start ?? 0, (kind) => kind !== 'person');
			}
			const first = owner?.possessive
				? c.outerStart(owner)
				: (words[Math.max(k, 0)]?.start ?? w.start);
			let end = w.end;
			let object: string | undefined;
			const next = c.lower(s, i + 1);
			if (['to', 'on', 'in', 'with', 'at'].includes(next)) {
				const o = c.objectAfter(s, i + 1);
				if (o) {
					object = o.entity;
					end = o.end;
				}
			}
			// "the grouping's summit": the organisation the text last named
			const ownerNoun = words[i - 1];
			if (!agent && ownerNoun?.possessive && genericOwners.has(ownerNoun.text.toLowerCase())) {
				agent = lastOf(c, s, ownerNoun.start, (kind) => kind === 'organisation');
			}
			const cls = classOf(noun);
			const definite = !agent && ownerWord === 'the';
			// "a daily record on Monday": an event the text dates as it names it
			const dated = dates.dates.some(
				(d) => d.sentence === s && d.start >= w.end && d.start - w.end <= 4
			);
			const indefinite = !agent && (ownerWord === 'a' || ownerWord === 'an') && dated;
			if (!agent && !definite && !indefinite) return;
			const span = { start: first, end };
			const written = agent
				? `${possessive(name(agent))} ${noun}${object ? ` ${next} ${name(object)}` : ''}`
				: text.slice(words[Math.min(k + 1, i)]?.start ?? w.start, end);
			let e = agent ? find(cls, agent, object, s) : undefined;
			if (definite) e = reg.lastOfClass(cls);
			if (!e) {
				e = { name: written, aliases: new Set(), cls, agent, object, spans: [], nominal: true };
				reg.add(e);
			} else if (agent && written !== e.name) e.aliases.add(written);
			const asWritten = text.slice(first, end);
			if (agent && asWritten !== e.name && !/^(his|her|their|its) /i.test(asWritten))
				e.aliases.add(asWritten);
			reg.span(e, { ...span, sentence: s });
			e.nominal = true;
			nominal.push({ e, span, sentence: s, definite });
		});
	});
	// A definite "the assault" said before "Russia's assault on Ukraine" joins it too.
	for (const n of nominal) {
		if (!n.definite || n.e.agent) continue;
		const full = reg.firstOwned(n.e.cls, n.e);
		if (full) {
			for (const span of n.e.spans) reg.span(full, span);
			reg.remove(n.e);
			n.e = full;
		}
	}

	// Quantities: "three-day visit", "four and a half hours of talks"
	for (const q of quantities) {
		if (!q.thing) continue;
		const thing = q.thing;
		const e = reg.inSentence(q.sentence).find((x) => near(x.s, thing, 0))?.e;
		if (!e) continue;
		ofQuantity.set(q, e);
		if (q.kind === 'duration' && q.unit.startsWith('day')) e.lengthDays = q.amount;
	}

	// Direct dates: the event told of nearest the date in its sentence, and any other told
	// right beside it ("arrived at the Kremlin on Tuesday for formal talks").
	const statementsIn = new Map<number, Statement[]>();
	for (const st of statements) push(statementsIn, st.sentence, st);
	const ordinalSpans = dates.ordinals.filter((o) => o.date);
	const insideOrdinal = (x: Span) => ordinalSpans.some((o) => o.start <= x.start && x.end <= o.end);
	for (const d of dates.dates) {
		const candidates = reg
			.inSentence(d.sentence)
			.filter((x) => !insideOrdinal(x.s))
			.sort((a, b) => distance(a.s, d) - distance(b.s, d));
		const best = candidates[0];
		if (best && distance(best.s, d) < 60) {
			for (const x of candidates) {
				if (x !== best && distance(x.s, d) > 2) continue;
				if (!x.e.date) {
					x.e.date = d.date;
					x.e.dateEvidence = cover(x.s, d);
				}
			}
			continue;
		}
		// "The United States said last week that ...": a statement is the event
		const here = statementsIn.get(d.sentence) ?? [];
		const inWords = here.some((x) => x.value.start <= d.start && d.end <= x.value.end);
		const st = inWords ? undefined : here.find((x) => near(x, d, 0));
		if (inWords) continue;
		if (!st) {
			const e = clauseEvent(c, d, name);
			if (e) reg.add(e);
			continue;
		}
		if (!ofStatement.has(st)) {
			const e: EventDraft = {
				name: `${possessive(name(st.subject))} statement`,
				aliases: new Set(),
				cls: 'statement',
				agent: st.subject,
				spans: [{ start: st.start, end: st.end, sentence: st.sentence }],
				nominal: false,
				date: d.date,
				dateEvidence: cover(st, d)
			};
			reg.add(e);
			ofStatement.set(st, e);
		}
	}

	// "on the second day of his visit" dates the visit's first day.
	for (const o of dates.ordinals) {
		if (!o.date) continue;
		const agent = /^(his|her)$/i.test(o.owner)
			? c.person(o.sentence, c.wordIndexAt(o.sentence, o.start + 1))
			: c.mentions(o.sentence).find((m) => m.possessive && m.start >= o.start && m.end <= o.end)
					?.entity;
		const e = reg.keyed(classOf(o.noun), agent)[0];
		if (e) e.start = addDays(parseDay(o.date.date), -(o.ordinal - 1));
	}

	resolveAnchors(reg, dates, ofRelation);
	coincide(c, reg);
	const events = reg.live();
	for (const e of events) {
		if (!e.date && e.start) {
			const [first] = e.spans;
			e.date = factDate(e.start, 'day', `the start of ${e.name}`);
			if (first) e.dateEvidence = first;
		}
	}
	distinctNames(events);
	return { events, ofRelation, ofStatement, ofQuantity };
}

/**
 * Two events of one name ("Xi's talks with Putin" on Monday and on Tuesday) are told apart by
 * their dates, and by a number when the dates do not tell them apart.
 */
function distinctNames(events: readonly EventDraft[]): void {
	const counts = new Map<string, number>();
	for (const e of events)
		counts.set(e.name.toLowerCase(), (counts.get(e.name.toLowerCase()) ?? 0) + 1);
	const used = new Set<string>();
	for (const e of events) {
		const base = e.name;
		let name = base;
		if ((counts.get(base.toLowerCase()) ?? 0) > 1) {
			const wording = e.date?.wording;
			if (wording && /^(on|in|last|this|next)\b/i.test(wording))
				name = `${base} ${wording.replace(/^On\b/, 'on')}`;
		}
		for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
		used.add(name.toLowerCase());
		if (name !== base) {
			e.aliases.delete(base);
			e.name = name;
		}
	}
}

/**
 * An event told by the verb of a dated clause: "Fleming published his findings in ... in
 * 1929" is "Fleming's publication of his findings"; "the rover landed on Mars on Thursday"
 * is "the rover's landing on Mars".
 */
function clauseEvent(
	c: Clauses,
	d: DateMention,
	name: (id: string) => string
): EventDraft | undefined {
	const words = c.words(d.sentence);
	const at = c.wordIndexAt(d.sentence, d.start);
	const text = c.doc.text;
	// The nearest past-tense verb with a noun for its event, before the date or (for "In 1945, ...") after.
	const order = [...words.keys()]
		.filter((i) => i !== at)
		.sort((a, b) => {
			const da = a < at ? at - a : 2 * (a - at);
			const db = b < at ? at - b : 2 * (b - at);
			return da - db;
		});
	const v = order.find((i) => {
		const w = words[i];
		return (
			!!w && w.tags.has('PastTense') && !!verbNouns[w.text.toLowerCase()] && Math.abs(i - at) <= 12
		);
	});
	if (v === undefined) return undefined;
	const verb = words[v] as Word;
	const noun = verbNouns[verb.text.toLowerCase()] as string;
	const [subjectId] = c.subjectsOf(d.sentence, v);
	const subjectMention = c
		.mentions(d.sentence)
		.find((m) => m.entity === subjectId && m.end <= verb.start);
	let owner: string;
	let start: number;
	if (subjectId && subjectMention) {
		owner = name(subjectId);
		start = c.outerStart(subjectMention);
	} else {
		// "NASA's Perseverance rover landed": the subject as written, if short
		let k = v - 1;
		while (
			k >= 0 &&
			v - k <= 4 &&
			!/[,;:]/.test(text.slice(words[k]?.end ?? 0, words[k + 1]?.start ?? 0))
		)
			k--;
		const first = words[k + 1];
		if (
			!first ||
			k + 1 >= v ||
			words.slice(k + 1, v).some((w) => w.tags.has('Verb') || w.tags.has('Preposition'))
		)
			return undefined;
		owner = text.slice(first.start, words[v - 1]?.end ?? first.end).replace(/^(the|a|an) /i, '');
		start = first.start;
	}
	// What the verb did, up to the date or a comma: "on Mars", "his findings"
	let end = v + 1;
	while (
		end < words.length &&
		end - v <= 6 &&
		end !== at &&
		!words[end]?.tags.has('Date') &&
		!/[,;:.]/.test(text.slice(words[end - 1]?.end ?? 0, words[end]?.start ?? 0))
	)
		end++;
	// Never cut a name in two ("St Mary's Hospital")
	const cut = c.mentionAt(d.sentence, end - 1);
	if (cut && cut.to > end && cut.to - v <= 10) end = cut.to;
	let object = end > v + 1 ? text.slice(words[v + 1]?.start ?? 0, words[end - 1]?.end ?? 0) : '';
	while (/\s(of|the|a|an|in|on|at|to|for|with|by|during)$/i.test(object))
		object = object.replace(/\s+\S+$/, '');
	// "returned to his laboratory" names a place; "agreed to go" does not
	if (
		/^(that|and|but)\b/i.test(object) ||
		/^to (?![A-Z]|the |his |her |their |its |a |an )/.test(object)
	)
		object = '';
	const joined = !object
		? ''
		: words[v + 1]?.tags.has('Preposition')
			? ` ${object}`
			: ` of ${object}`;
	const span = {
		start: Math.min(start, d.start),
		end: Math.max(d.end, verb.end, end > v + 1 ? (words[end - 1]?.end ?? 0) : 0)
	};
	return {
		name: `${possessive(owner)} ${noun}${joined}`,
		aliases: new Set(),
		cls: noun,
		...(subjectId ? { agent: subjectId } : {}),
		spans: [{ ...span, sentence: d.sentence }],
		nominal: false,
		date: d.date,
		dateEvidence: span
	};
}

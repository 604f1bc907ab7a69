// Meetings, talks, visits and travel: who did it, with or to whom, and the words that say so.
// Verbs ("met with", "visited", "traveled to", "arrived at") and nouns ("Xi's visit to
// Russia", "a surprise visit to Kyiv by Kishida", "a meeting with Zelensky") both count.
import type { Predicate } from '../fact-base';
import type { Clauses, Span } from './clauses';
import { eventClasses } from './lexicon';

export interface Relation extends Span {
	predicate: Extract<
		Predicate,
		'met' | 'held_talks_with' | 'visited' | 'traveled_to' | 'arrived_at'
	>;
	subject: string;
	object: string;
	sentence: number;
	/** The event it tells of, as a noun: "visit", "talks", "meeting", "trip", "arrival". */
	noun: string;
	/** Where the verb or event noun is, for dating and naming. */
	at: number;
	/** The event noun as written with its owner ("Xi's three-day visit"), for naming. */
	nominal?: Span;
	/** Planned or reported as to come ("is to offer ... in a meeting"): not yet happened. */
	planned: boolean;
}

const verbs: Record<string, { predicate: Relation['predicate']; noun: string; skip: string[] }> = {
	met: { predicate: 'met', noun: 'meeting', skip: ['with', 'the'] },
	meets: { predicate: 'met', noun: 'meeting', skip: ['with', 'the'] },
	visited: { predicate: 'visited', noun: 'visit', skip: ['the'] },
	visits: { predicate: 'visited', noun: 'visit', skip: ['the'] },
	traveled: { predicate: 'traveled_to', noun: 'trip', skip: ['to', 'the'] },
	travelled: { predicate: 'traveled_to', noun: 'trip', skip: ['to', 'the'] },
	flew: { predicate: 'traveled_to', noun: 'trip', skip: ['to', 'the'] },
	went: { predicate: 'traveled_to', noun: 'trip', skip: ['to', 'the'] },
	arrived: { predicate: 'arrived_at', noun: 'arrival', skip: ['at', 'in', 'the'] },
	arrives: { predicate: 'arrived_at', noun: 'arrival', skip: ['at', 'in', 'the'] }
};

const planned = /\b(is|are|was|were) (to|due to|expected to|set to)\b|\bwill\b|\bwould\b/;

export function findRelations(c: Clauses): Relation[] {
	const out: Relation[] = [];
	c.doc.sentences.forEach((_, s) => {
		const words = c.words(s);
		const sentenceText = c.doc.text.slice(
			c.doc.sentences[s]?.start ?? 0,
			c.doc.sentences[s]?.end ?? 0
		);
		const sentenceStart = c.doc.sentences[s]?.start ?? 0;
		const cue = planned.exec(sentenceText);
		const push = (r: Omit<Relation, 'sentence' | 'planned'>) => {
			if (r.subject === r.object) return;
			const isPlanned = !!cue && sentenceStart + cue.index < r.at;
			out.push({ ...r, sentence: s, planned: isPlanned });
		};
		for (let i = 0; i < words.length; i++) {
			const low = c.lower(s, i);
			const verb = verbs[low];
			if (verb && !words[i]?.tags.has('Noun')) {
				const object = c.objectAfter(s, i, verb.skip);
				if (!object) continue;
				for (const subject of c.subjectsOf(s, i)) {
					const start = spanStart(c, s, i);
					push({
						predicate: verb.predicate,
						subject,
						object: object.entity,
						start,
						end: object.end,
						noun: verb.noun,
						at: words[i]?.start ?? 0
					});
				}
			}
			// "Xi and Putin held four and a half hours of talks", "for formal talks with Putin"
			if (low === 'talks') {
				const withObject = c.lower(s, i + 1) === 'with' ? c.objectAfter(s, i + 1) : undefined;
				let v = i - 1;
				while (v >= 0 && !['held', 'hold', 'holds', 'for'].includes(c.lower(s, v)) && i - v < 8)
					v--;
				if (v < 0 || i - v >= 8) continue;
				let subjects = c.subjectsOf(s, v);
				// "arrived at the Kremlin on Tuesday for formal talks": the arriving one talks
				for (let u = v - 1; !subjects.length && u >= 0; u--) {
					if (c.words(s)[u]?.tags.has('PastTense')) subjects = c.subjectsOf(s, (v = u));
				}
				if (withObject) {
					for (const subject of subjects) {
						push({
							predicate: 'held_talks_with',
							subject,
							object: withObject.entity,
							start: spanStart(c, s, v),
							end: withObject.end,
							noun: 'talks',
							at: words[i]?.start ?? 0
						});
					}
				} else if (subjects.length === 2 && c.lower(s, v) !== 'for') {
					push({
						predicate: 'held_talks_with',
						subject: subjects[0] as string,
						object: subjects[1] as string,
						start: spanStart(c, s, v),
						end: words[i]?.end ?? 0,
						noun: 'talks',
						at: words[i]?.start ?? 0
					});
				}
			}
			// "Xi's visit to Russia", "Xi's Moscow visit", "his visit to Russia", "a visit to Kyiv by Kishida"
			if (eventClasses[low] === 'visit' && words[i]?.tags.has('Noun')) {
				nominalVisit(c, s, i, push);
			}
			if (low === 'meeting' && c.lower(s, i + 1) === 'with') {
				const object = c.objectAfter(s, i + 1);
				const subject = object && (c.subjectsOf(s, i)[0] ?? c.person(s, i));
				if (object && subject) {
					const start = Math.min(words[i]?.start ?? 0, spanStart(c, s, i));
					push({
						predicate: 'met',
						subject,
						object: object.entity,
						start,
						end: object.end,
						noun: 'meeting',
						at: words[i]?.start ?? 0
					});
				}
			}
		}
	});
	return out;
}

/** From the verb's subject (its title included) as far back as the subject goes. */
function spanStart(c: Clauses, s: number, v: number): number {
	const subjects = new Set(c.subjectsOf(s, v));
	const first = c.mentions(s).find((m) => subjects.has(m.entity) && m.from < v);
	const word = c.words(s)[v];
	if (!first) return word?.start ?? 0;
	return c.outerStart(first);
}

function nominalVisit(
	c: Clauses,
	s: number,
	i: number,
	push: (r: Omit<Relation, 'sentence' | 'planned'>) => void
): void {
	const words = c.words(s);
	const noun = c.lower(s, i);
	// The owner: "Xi's (three-day) (Moscow) visit", "his visit"
	let k = i - 1;
	let place: string | undefined;
	while (k >= 0 && i - k <= 4) {
		const m = c.mentionAt(s, k);
		if (m?.possessive) break;
		if (m && !m.possessive && c.kinds.get(m.entity) !== 'person') place = m.entity; // "Moscow visit"
		if (['his', 'her'].includes(c.lower(s, k))) break;
		if (['the', 'a', 'an', 'this', 'that'].includes(c.lower(s, k))) break;
		k = m ? m.from - 1 : k - 1;
	}
	let owner = c.mentionAt(s, k);
	let ownerEntity = owner?.possessive ? owner.entity : undefined;
	if (!ownerEntity && ['his', 'her'].includes(c.lower(s, k))) ownerEntity = c.person(s, k);
	const ownerStart = owner?.possessive ? c.outerStart(owner) : (words[Math.max(k, 0)]?.start ?? 0);
	// "to Kyiv", "to Russia"
	const to = c.lower(s, i + 1) === 'to' ? c.objectAfter(s, i + 1) : undefined;
	if (to) place = to.entity;
	// "a surprise visit to Kyiv by Japanese Prime Minister Fumio Kishida"
	let end = to?.end ?? words[i]?.end ?? 0;
	if (!ownerEntity && to) {
		const byAt = c.wordIndexAt(s, to.end);
		if (c.lower(s, byAt + 1) === 'by') {
			const by = c.objectAfter(s, byAt + 1);
			if (by) {
				ownerEntity = by.entity;
				end = by.end;
				owner = by;
			}
		}
	}
	// "Kishida made a surprise visit to Kyiv"
	if (!ownerEntity) {
		let v = i - 1;
		while (
			v >= 0 &&
			i - v <= 3 &&
			!['made', 'paid', 'began', 'started', 'makes', 'pays'].includes(c.lower(s, v))
		)
			v--;
		if (v >= 0 && i - v <= 3) {
			const [subject] = c.subjectsOf(s, v);
			const m = subject
				? c.mentions(s).find((x) => x.entity === subject && x.end <= (words[v]?.start ?? 0))
				: undefined;
			if (subject && m) {
				ownerEntity = subject;
				owner = m;
			}
		}
	}
	if (!ownerEntity || !place) return;
	const start = Math.min(ownerStart, words[i]?.start ?? 0);
	push({
		predicate: 'visited',
		subject: ownerEntity,
		object: place,
		start: owner && owner.start < start ? c.outerStart(owner) : start,
		end,
		noun,
		at: words[i]?.start ?? 0,
		nominal: { start, end: to?.end ?? words[i]?.end ?? 0 }
	});
}

// Stage 5: what people said and how they described things, with who said it. Quotations
// ("...," he added; X said "..."; quoted as saying), reported speech (X has said the talks
// would ...), and descriptions (described the trip as "historic", calling each other "dear
// friend"). A "he" or "she" speaks for the person the text was last about.
import type { Clauses, Span } from './clauses';
import { speechVerbs } from './lexicon';
import type { Word } from './nlp';

export interface Statement extends Span {
	predicate: 'said' | 'described_as' | 'called_for';
	subject: string;
	/** What was described (described_as only). */
	object?: string;
	/** The words said, or the description. */
	text: string;
	sentence: number;
	/** Inside quotation marks in the text. */
	quoted: boolean;
	/** Where the words said lie: a date in there dates what was said, not the saying. */
	value: Span;
	/** What the subject did, as the text words it: 'described the trip as "historic"'. */
	predicateText: string;
	/** What was described, as written, when no entity names it ("the trip"). */
	objectPhrase?: Span;
}

const openQuote = /["“]/g;

interface Quotation extends Span {
	/** The words inside the marks. */
	inner: Span;
}

function quotations(text: string): Quotation[] {
	const out: Quotation[] = [];
	openQuote.lastIndex = 0;
	for (let m = openQuote.exec(text); m; m = openQuote.exec(text)) {
		const close = m[0] === '“' ? '”' : '"';
		const end = text.indexOf(close, m.index + 1);
		if (end < 0) break;
		// A quotation does not run across a paragraph.
		if (text.slice(m.index, end).includes('\n\n')) continue;
		out.push({ start: m.index, end: end + 1, inner: { start: m.index + 1, end } });
		openQuote.lastIndex = end + 1;
	}
	return out;
}

/** The quotations that reach into a sentence (they are in text order: a binary search finds the first). */
function quotesIn(quotes: readonly Quotation[], sentence: Span): Quotation[] {
	let lo = 0;
	let hi = quotes.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((quotes[mid] as Quotation).end <= sentence.start) lo = mid + 1;
		else hi = mid;
	}
	const out: Quotation[] = [];
	for (let i = lo; i < quotes.length && (quotes[i] as Quotation).start < sentence.end; i++) {
		out.push(quotes[i] as Quotation);
	}
	return out;
}

/** The quoted words without the comma or stop a report puts inside the marks. */
function quotedText(text: string, q: Quotation): string {
	return text.slice(q.inner.start, q.inner.end).replace(/[,.]$/, '').trim();
}

const describing = new Set([
	'described',
	'describes',
	'describing',
	'hailed',
	'portrayed',
	'branded',
	'labelled',
	'labeled',
	'dubbed',
	'called',
	'calling',
	'calls'
]);

export function findStatements(c: Clauses): Statement[] {
	const text = c.doc.text;
	const out: Statement[] = [];
	const quotes = quotations(text);

	c.doc.sentences.forEach((sentence, s) => {
		const words = c.words(s);
		const span = c.sentenceSpan(s);
		// A sentence may open with its quotation mark just before the sentence's first word.
		const here = quotesIn(quotes, sentence);
		const inQuote = (offset: number) => here.some((q) => q.start <= offset && offset < q.end);
		let lastDescribed: string | undefined;
		for (let i = 0; i < words.length; i++) {
			const w = words[i];
			if (!w || inQuote(w.start)) continue;
			const low = w.text.toLowerCase();
			// "Beijing has called for an "impartial" mediation in the conflict"
			if ((low === 'called' || low === 'calls') && c.lower(s, i + 1) === 'for') {
				const subject = c.subjectsOf(s, i)[0];
				const valueStart = words[i + 2]?.start;
				if (!subject || valueStart === undefined) continue;
				const comma = /[,;]\s/.exec(text.slice(valueStart, span.end));
				const valueEnd = clauseEnd(
					c,
					s,
					valueStart,
					comma ? valueStart + comma.index : span.end,
					quotes
				);
				const subjectMention = c.mentions(s).find((m) => m.entity === subject && m.end <= w.start);
				const from = withArticle(text, subjectMention ? c.outerStart(subjectMention) : w.start);
				const value = text.slice(valueStart, valueEnd).replace(/^(an?|the) /, '');
				out.push({
					predicate: 'called_for',
					subject,
					text: value,
					start: from,
					end: valueEnd,
					sentence: s,
					quoted: false,
					value: { start: valueStart, end: valueEnd },
					predicateText: text.slice(w.start, valueEnd)
				});
				continue;
			}
			// described X as "Y", called it "Y", calling each other "Y"
			if (describing.has(low)) {
				const q = here.find((x) => x.start > w.end && x.start - w.end < 80);
				if (!q) continue;
				const between = text.slice(w.end, q.start);
				if (low !== 'called' && low !== 'calling' && low !== 'calls' && !/\bas\s*$/.test(between))
					continue;
				if (low.startsWith('call') && / for\b/.test(between)) continue;
				const subjects = c.subjectsOf(s, i);
				const objectMention = c.objectAfter(s, i);
				let object = objectMention?.entity;
				if (!object && /^\s*it\b/.test(between)) object = lastDescribed;
				const start = Math.min(
					w.start,
					...subjects
						.map((e) => c.mentions(s).find((m) => m.entity === e && m.end <= w.start))
						.filter((m) => m)
						.map((m) => c.outerStart(m!))
				);
				const value = quotedText(text, q);
				const told = {
					value: q.inner,
					predicateText: text.slice(w.start, q.end).replace(/[,.](["”])$/, '$1')
				};
				if (/^\s*each other\b/.test(between) && subjects.length === 2) {
					const [a, b] = subjects as [string, string];
					const pairs: Array<[string, string]> = [
						[a, b],
						[b, a]
					];
					for (const [subject, object] of pairs) {
						out.push({
							predicate: 'described_as',
							subject,
							object,
							text: value,
							start: span.start,
							end: q.end,
							sentence: s,
							quoted: true,
							...told
						});
					}
					continue;
				}
				const subject = subjects[0];
				if (!subject) continue;
				// "hailed Russia and China as ...": two described at once; said, not described_as
				const many = objectMention && c.lower(s, objectMention.to) === 'and';
				const phrase = between.replace(/\s+as\s*$/, '');
				const objectPhrase = {
					start: w.end + (phrase.length - phrase.trimStart().length),
					end: w.end + phrase.trimEnd().length
				};
				if (object && !many && object !== subject) {
					out.push({
						predicate: 'described_as',
						subject,
						object,
						text: value,
						start,
						end: q.end,
						sentence: s,
						quoted: true,
						...told
					});
					lastDescribed = object;
				} else {
					out.push({
						predicate: 'said',
						subject,
						text: value,
						start,
						end: q.end,
						sentence: s,
						quoted: true,
						...told,
						...(many || objectPhrase.end <= objectPhrase.start ? {} : { objectPhrase })
					});
				}
				continue;
			}
			if (!speechVerbs.has(low) || w.tags.has('Noun')) continue;
			// "he was quoted by Russian news agencies as saying": the quotation came first
			if (low === 'saying' && !/quoted/.test(text.slice(span.start, w.start))) continue;
			let subjects = c.subjectsOf(s, i);
			if (low === 'saying') {
				const quoted = words.findIndex((x) => x.text === 'quoted');
				subjects = quoted > 0 ? c.subjectsOf(s, quoted) : [];
			}
			const subject = subjects[0];
			if (!subject) continue;
			const before = here.filter((q) => q.end <= w.start).at(-1);
			const after = here.find((q) => q.start >= w.end);
			const subjectMention = c.mentions(s).find((m) => m.entity === subject && m.end <= w.start);
			const speakerAt = subjectMention
				? c.outerStart(subjectMention)
				: (words[i - 1]?.start ?? w.start);
			const from = withArticle(text, subjectMention ? speakerAt : w.start);
			// "...," he added: the quotation, then the speaker, then the verb
			// '"...," acting NASA Administrator Steve Jurczyk said': a word or two may come between
			const adjacent =
				before && /^[\s,]*(?:[a-z]+\s+){0,2}$/.test(text.slice(before.end, speakerAt));
			if (before && (low === 'saying' || (adjacent && !after))) {
				const words = quotedText(text, before);
				out.push({
					predicate: 'said',
					subject,
					text: words,
					start: before.start,
					end: span.end,
					sentence: s,
					quoted: true,
					value: before.inner,
					predicateText: `said "${words}"`
				});
				continue;
			}
			if (low === 'saying' && !after) continue;
			// Reported: "X said (that) CLAUSE", with any quotation inside it as the words said.
			// "told a news conference that ...", "said in a message to Kohl that ...": the words said follow "that"
			const head = /^\s+(?:(?:[\w'’.-]+\s+){0,7}?that\s+)?/.exec(text.slice(w.end, span.end));
			const clauseStart = head?.[0].length ?? 0;
			const reported = {
				start: w.end + clauseStart,
				end: clauseEnd(c, s, w.end + clauseStart, span.end, quotes)
			};
			if (reported.end - reported.start < 3) continue;
			if (after && after.start < reported.end) {
				const end = Math.max(after.end, Math.min(reported.end, span.end));
				out.push({
					predicate: 'said',
					subject,
					text: quotedText(text, after),
					start: Math.min(from, w.start),
					end,
					sentence: s,
					quoted: true,
					value: after.inner,
					predicateText: text.slice(w.start, end)
				});
				continue;
			}
			// "... the two leaders would discuss X, and that the talks were likely to ..."
			for (const part of splitThat(text, reported)) {
				const first = part.start === reported.start;
				out.push({
					predicate: 'said',
					subject,
					text: text.slice(part.start, part.end),
					start: first ? from : part.start,
					end: part.end,
					sentence: s,
					quoted: false,
					value: part,
					predicateText: first
						? text.slice(w.start, part.end)
						: `said ${text.slice(part.start, part.end)}`
				});
			}
		}
	});
	return out;
}

/**
 * A reported clause ends at the sentence's end, at a comma that opens another clause, or at
 * "and" before a verb of its speaker's ("said he was open to talks and praised ...").
 */
function clauseEnd(
	c: Clauses,
	s: number,
	start: number,
	sentenceEnd: number,
	quotes: readonly Quotation[]
): number {
	const text = c.doc.text;
	let end = sentenceEnd;
	const rest = text.slice(start, sentenceEnd);
	const comma =
		/,\s+(?:who|which|though|although|but|while|as|claims)\b|,\s+(?:said|says|added)\b/.exec(rest);
	if (comma) end = start + comma.index;
	const words = c.words(s);
	for (let i = 1; i < words.length; i++) {
		const w = words[i] as Word;
		if (w.start <= start || w.start >= end) continue;
		if (words[i - 1]?.text === 'and' && w.tags.has('PastTense') && !w.tags.has('Participle')) {
			end = words[i - 1]?.start ?? end;
			break;
		}
	}
	// Never end inside a quotation.
	for (const q of quotes) if (q.start < end && end < q.end) end = q.end;
	return start + text.slice(start, end).replace(/[\s.,;:!?]+$/, '').length;
}

/** "The Kremlin has said": the evidence starts at the article. */
function withArticle(text: string, start: number): number {
	const m = /\b(the|The) $/.exec(text.slice(Math.max(0, start - 4), start));
	return m ? start - 4 + m.index : start;
}

function splitThat(text: string, clause: Span): Span[] {
	const body = text.slice(clause.start, clause.end);
	const m = /,? and that /.exec(body);
	if (!m) return [clause];
	return [
		{ start: clause.start, end: clause.start + m.index },
		{ start: clause.start + m.index + m[0].length, end: clause.end }
	];
}

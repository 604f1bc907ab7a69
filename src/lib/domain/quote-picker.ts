// Picking a fact's quote without a mouse: the text as a list of sentences to choose a run of,
// then whole words trimmed from either end. What comes out is always a verbatim stretch of the
// body, with where it starts, so the fact editor never has to find it again.

export interface Sentence {
	/** Offsets into the body: body.slice(start, end) is the sentence. */
	start: number;
	end: number;
	text: string;
}

/** Words before a full stop that do not end a sentence ("Mr.", "Dr.", "St.", "U.S."). */
const abbreviations = new Set([
	'mr',
	'mrs',
	'ms',
	'dr',
	'prof',
	'st',
	'jr',
	'sr',
	'gen',
	'sen',
	'rep',
	'gov',
	'lt',
	'col',
	'capt',
	'sgt',
	'no',
	'vs',
	'etc',
	'approx',
	'jan',
	'feb',
	'mar',
	'apr',
	'aug',
	'sept',
	'sep',
	'oct',
	'nov',
	'dec',
	'inc',
	'ltd',
	'co',
	'corp'
]);

/** Whether the full stop ending `word` ends a sentence. */
function endsSentence(word: string): boolean {
	if (!/[.!?]["”’)\]]*$/.test(word)) return false;
	if (/[!?]/.test(word)) return true;
	const bare = word.replace(/["“”’'()[\]]/g, '').replace(/\.$/, '');
	// Initials and dotted abbreviations: "J.", "U.S", "e.g".
	if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(bare)) return false;
	return !abbreviations.has(bare.toLowerCase());
}

/** The body's sentences, in order: a line break or a sentence's closing mark ends one. */
export function sentencesOf(body: string): Sentence[] {
	const sentences: Sentence[] = [];
	let start = -1;
	let last = -1;
	const close = (end: number) => {
		if (start >= 0) sentences.push({ start, end, text: body.slice(start, end) });
		start = -1;
	};
	for (const match of body.matchAll(/[^\s]+|\n/g)) {
		const token = match[0];
		const at = match.index;
		if (token === '\n') {
			close(last);
			continue;
		}
		if (start < 0) start = at;
		last = at + token.length;
		if (endsSentence(token)) close(last);
	}
	close(last);
	return sentences;
}

/** Words (runs of non-space) of a stretch of the body, with their offsets. */
function wordsIn(body: string, start: number, end: number): { start: number; end: number }[] {
	const words: { start: number; end: number }[] = [];
	for (const m of body.slice(start, end).matchAll(/\S+/g)) {
		words.push({ start: start + m.index, end: start + m.index + m[0].length });
	}
	return words;
}

export interface QuoteChoice {
	/** Indexes into sentencesOf(body): the first and last sentence of the quote. */
	from: number;
	to: number;
	/** Whole words left out at the start and at the end. */
	trimStart: number;
	trimEnd: number;
}

export interface PickedQuote {
	start: number;
	end: number;
	quote: string;
	/** How many words the chosen sentences hold, so trimming can say how far it may go. */
	words: number;
}

/**
 * The quote a choice of sentences and trims makes, or undefined when the choice names no
 * sentence or trims every word away.
 */
export function pickQuote(
	body: string,
	sentences: readonly Sentence[],
	choice: QuoteChoice
): PickedQuote | undefined {
	const first = sentences[Math.min(choice.from, choice.to)];
	const last = sentences[Math.max(choice.from, choice.to)];
	if (!first || !last) return undefined;
	const words = wordsIn(body, first.start, last.end);
	const trimStart = Math.max(0, Math.floor(choice.trimStart));
	const trimEnd = Math.max(0, Math.floor(choice.trimEnd));
	const kept = words.slice(trimStart, words.length - trimEnd);
	if (kept.length === 0) return undefined;
	const start = kept[0]!.start;
	const end = kept[kept.length - 1]!.end;
	return { start, end, quote: body.slice(start, end), words: words.length };
}

/**
 * Where a quote stands in the body: at `near` when it stands there (the place the teacher picked
 * it from), else its first occurrence; -1 when it is not in the body.
 */
export function locateQuote(body: string, quote: string, near?: number): number {
	if (quote === '') return -1;
	if (near !== undefined && near >= 0 && body.startsWith(quote, near)) return near;
	return body.indexOf(quote);
}

/**
 * Where a quote stands in a new version of the text: the occurrence nearest to where it stood
 * in the old one (in proportion to the text's length), or -1 when the new text lost it.
 */
export function reanchor(newBody: string, quote: string, oldStart: number, oldLength: number) {
	if (quote === '') return -1;
	const target = oldLength > 0 ? (oldStart / oldLength) * newBody.length : 0;
	let best = -1;
	for (let at = newBody.indexOf(quote); at !== -1; at = newBody.indexOf(quote, at + 1)) {
		if (best === -1 || Math.abs(at - target) < Math.abs(best - target)) best = at;
	}
	return best;
}

/** The sentence that holds an offset, for showing a chosen quote's sentences again. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
	const i = sentences.findIndex((s) => offset < s.end);
	return i === -1 ? Math.max(0, sentences.length - 1) : i;
}

// Stage 1: the text as sentences of words with offsets, hyphenated words split into their
// parts ("U.S.-led" -> "U.S." and "led", "12-point" -> "12" and "point"), and the numbers.
import { parseNumber } from '../normalise';
import { analyse, type Sentence, type Word } from './nlp';

export interface Doc {
	text: string;
	sentences: Sentence[];
	/** Numbers in digits or words ("12", "20,000", "four and a half"), in text order. */
	numbers: NumberMention[];
	/** Words written with a capital somewhere other than a sentence's start: names. */
	capitalised: ReadonlySet<string>;
}

/** Splits "U.S.-led" into "U.S." and "led"; the gap between parts is the hyphen. */
function splitHyphens(w: Word): Word[] {
	if (!/[\w.]-\w/.test(w.text) || /^\d+-\d+$/.test(w.text)) return [w];
	const parts: Word[] = [];
	let offset = w.start;
	const pieces = w.text.split('-');
	pieces.forEach((piece, i) => {
		if (piece) {
			parts.push({
				text: piece,
				start: offset,
				end: offset + piece.length,
				tags: w.tags,
				possessive: i === pieces.length - 1 && w.possessive
			});
		}
		offset += piece.length + 1;
	});
	return parts;
}

/** Whether a word opens its sentence, a quotation or a bracket. */
export function opensClause(text: string, words: readonly Word[], i: number): boolean {
	if (i === 0) return true;
	const gap = text.slice((words[i - 1] as Word).end, (words[i] as Word).start);
	return /["“(:—–\n]/.test(gap);
}

export interface NumberMention {
	start: number;
	end: number;
	value: number;
}

const numberWord =
	/^(?:\d[\d,.]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|and|a|point)$/i;

/**
 * Runs of words tagged as numbers ("four and a half", "1.5 million", "twenty-one") read with
 * parseNumber; "a" or "and" never start or end one.
 */
function numbersIn(text: string, words: readonly Word[]): NumberMention[] {
	const out: NumberMention[] = [];
	for (let i = 0; i < words.length; i++) {
		const isNumber = (w: Word | undefined) => !!w && w.tags.has('Value') && numberWord.test(w.text);
		if (!isNumber(words[i]) || /^(a|and|point)$/i.test(words[i]?.text ?? '')) continue;
		let j = i + 1;
		while (
			j < words.length &&
			isNumber(words[j]) &&
			/^[ -]$/.test(text.slice(words[j - 1]!.end, words[j]!.start))
		)
			j++;
		while (j > i + 1 && /^(a|and|point)$/i.test(words[j - 1]?.text ?? '')) j--;
		const start = words[i]!.start;
		const end = words[j - 1]!.end;
		const value = parseNumber(
			text
				.slice(start, end)
				.replace(/-/g, ' ')
				.replace(/ and a half$/i, ' and a half')
		);
		if (value !== undefined && Number.isFinite(value)) out.push({ start, end, value });
		i = j - 1;
	}
	return out;
}

export function segment(text: string): Doc {
	const sentences = analyse(text);
	const split = sentences.map((s) => ({ ...s, words: s.words.flatMap(splitHyphens) }));
	const numbers = split.flatMap((s) => numbersIn(text, s.words));
	const capitalised = new Set<string>();
	for (const s of split) {
		s.words.forEach((w, i) => {
			if (/^\p{Lu}/u.test(w.text) && !opensClause(text, s.words, i)) capitalised.add(w.text);
		});
	}
	return { text, sentences: split, numbers, capitalised };
}

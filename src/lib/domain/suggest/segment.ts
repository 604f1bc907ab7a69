// Stage 1: the text as sentences of words with offsets, hyphenated words split into their
// parts ("U.S.-led" -> "U.S." and "led", "12-point" -> "12" and "point"), and the numbers.
import { analyse, type NumberMention, type Sentence, type Word } from './nlp';

export interface Doc {
	text: string;
	sentences: Sentence[];
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

export function segment(text: string): Doc {
	const { sentences, numbers } = analyse(text);
	const split = sentences.map((s) => ({ ...s, words: s.words.flatMap(splitHyphens) }));
	const capitalised = new Set<string>();
	for (const s of split) {
		s.words.forEach((w, i) => {
			if (/^\p{Lu}/u.test(w.text) && !opensClause(text, s.words, i)) capitalised.add(w.text);
		});
	}
	return { text, sentences: split, numbers, capitalised };
}

// What every importer reports besides its questions: the questions it had to leave out, each
// with its place in the file and why, and notes on what it dropped from the ones it kept.
import type { Question } from '../question';

/** A question of the file that cannot be imported; the rest of the file still can. */
export interface SkippedQuestion {
	/** Its place among the file's questions, from 1. */
	number: number;
	/** The line it starts on, from 1. */
	line: number;
	/** Its first line of text, to recognise it by. */
	firstLine: string;
	reason: string;
}

/** Something an imported question lost on the way in (an image, a hint). */
export interface ImportNote {
	line?: number;
	message: string;
}

/** A question's first line, shortened for the preview: at most `max` characters. */
export function firstLineOf(text: string, max = 120): string {
	const line =
		text
			.split(/\r\n|\r|\n/)
			.map((l) => l.trim())
			.find((l) => l !== '') ?? '';
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A question read from a file, with where it stands there. */
export interface Placed {
	question: Question;
	/** The file gave its id (a repeat of one is left out); otherwise one is made for it. */
	explicitId: boolean;
	number: number;
	line: number;
}

/**
 * Keeps the first question with each id the file gave and leaves out later ones, each added to
 * `skipped` with why; the ids kept are added to `taken`, for the ids made for the rest.
 */
export function firstOfEachId<T extends Placed>(
	placed: T[],
	skipped: SkippedQuestion[],
	taken: Set<string>,
	firstLine: (p: T) => string
): T[] {
	return placed.filter((p) => {
		if (!p.explicitId) return true;
		if (taken.has(p.question.id)) {
			skipped.push({
				number: p.number,
				line: p.line,
				firstLine: firstLineOf(firstLine(p)),
				reason: `duplicate id "${p.question.id}"`
			});
			return false;
		}
		taken.add(p.question.id);
		return true;
	});
}

// What every importer reports besides its questions: the questions it had to leave out, each
// with its place in the file and why, and notes on what it dropped from the ones it kept.

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

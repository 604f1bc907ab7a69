// One door for importing questions from a file or pasted text: tells the format from the file
// name or the content (or takes the teacher's choice), enforces the size limits, runs the right
// parser, and returns the questions or every problem with its line.
import type { Question } from '../question';
import { parseAiken } from './aiken';
import { parseCsv, parseTermDefinition, readCsvRecords } from './csv';
import { parseGift } from './gift';
import { importJson } from './json';
import { parseMoodleXml } from './moodle-xml-import';
import type { ImportNote, SkippedQuestion } from './outcome';

export const importFormats = ['gift', 'moodlexml', 'aiken', 'csv', 'terms', 'json'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importFormatLabels: Record<ImportFormat, string> = {
	gift: 'GIFT (Moodle)',
	moodlexml: 'Moodle XML',
	aiken: 'Aiken (multiple choice)',
	csv: 'CSV with Factdeck’s columns',
	terms: 'Term and definition lines (Quizlet: tab or comma)',
	json: 'Factdeck JSON'
};

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_QUESTIONS = 2000;
export const importLimits = 'An import can be at most 1 MB and 2,000 questions.';

export interface ImportProblem {
	/** 1-based, when the problem is at a line. */
	line?: number;
	message: string;
}

export type ImportOutcome =
	| {
			ok: true;
			format: ImportFormat;
			/** The questions that can be imported. */
			questions: Question[];
			/** The file's questions that cannot be, each with why: the teacher decides. */
			skipped: SkippedQuestion[];
			/** What the imported questions lost on the way (images, hints). */
			notes: ImportNote[];
			/** From a Factdeck JSON file. */
			title?: string;
			description?: string;
			/** GIFT's first $CATEGORY or Moodle XML's first category, as its path. */
			category?: string[];
	  }
	| { ok: false; format?: ImportFormat; errors: ImportProblem[] };

export interface ImportOptions {
	/** The teacher's choice; 'auto' or none: from the file name, then the content. */
	format?: ImportFormat | 'auto';
	fileName?: string;
}

export function isImportFormat(value: string): value is ImportFormat {
	return (importFormats as readonly string[]).includes(value);
}

/** UTF-8 bytes, as the file is stored, not UTF-16 code units. */
export function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A CSV whose first row names Factdeck's columns, rather than a term/definition list. */
function hasQuestionHeader(text: string): boolean {
	const firstLine = text
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.find((l) => l.trim() !== '');
	if (!firstLine) return false;
	const header = readCsvRecords(firstLine).records[0]?.fields.map((f) => f.trim().toLowerCase());
	return !!header && header.includes('type') && header.includes('prompt');
}

/** The format by the file's extension, then by what the text looks like; undefined: unsure. */
export function detectFormat(text: string, fileName?: string): ImportFormat | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
	switch (extension) {
		case 'json':
			return 'json';
		case 'gift':
			return 'gift';
		case 'xml':
			return 'moodlexml';
		case 'aiken':
			return 'aiken';
		case 'tsv':
			return 'terms';
		case 'csv':
			return hasQuestionHeader(text) ? 'csv' : 'terms';
	}
	const body = text.replace(/^\uFEFF/, '');
	const lines = body.split(/\r\n|\r|\n/).map((l) => l.trim());
	const content = lines.filter((l) => l !== '');
	if (content.length === 0) return undefined;
	if (/^[{[]/.test(content[0]!)) return 'json';
	if (/^<(?:\?xml|quiz\b|!--|!DOCTYPE)/i.test(content[0]!)) return 'moodlexml';
	if (hasQuestionHeader(body)) return 'csv';
	const aikenAnswers = content.filter((l) => /^ANSWER\s*:\s*[A-Za-z]$/.test(l)).length;
	const choices = content.filter((l) => /^[A-Z][.)][ \t]/.test(l)).length;
	if (aikenAnswers > 0 && choices >= 2 * aikenAnswers && !/(^|[^\\])[{}]/.test(body)) {
		return 'aiken';
	}
	if (
		/(^|[^\\]){[\s\S]*?(^|[^\\])}/m.test(body) ||
		content.some((l) => l.startsWith('$CATEGORY:') || l.startsWith('::'))
	) {
		return 'gift';
	}
	if (content.every((l) => l.includes('\t'))) return 'terms';
	if (content.every((l) => l.includes(','))) return 'terms';
	return undefined;
}

/**
 * Reads questions from text in one of the import formats. Nothing is saved here: the caller
 * shows the result as a preview and saves it, all or nothing, once the teacher confirms.
 */
export function importText(text: string, options: ImportOptions = {}): ImportOutcome {
	const bytes = byteLength(text);
	if (bytes > MAX_IMPORT_BYTES) {
		return {
			ok: false,
			errors: [
				{
					message: `This is ${megabytes(bytes)}; an import can be at most 1 MB. Split it into smaller files.`
				}
			]
		};
	}
	if (text.trim() === '') {
		return {
			ok: false,
			errors: [{ message: 'There is nothing to import: choose a file or paste questions.' }]
		};
	}
	const format =
		options.format && options.format !== 'auto'
			? options.format
			: detectFormat(text, options.fileName);
	if (!format) {
		return {
			ok: false,
			errors: [
				{
					message:
						'Factdeck could not tell which format this is. Choose the format from the list and try again.'
				}
			]
		};
	}
	const outcome = parse(text, format);
	if (!outcome.ok) return outcome;
	if (outcome.questions.length === 0 && outcome.skipped.length === 0) {
		return {
			ok: false,
			format,
			errors: [{ message: `No questions were found in this ${importFormatLabels[format]} text.` }]
		};
	}
	const total = outcome.questions.length + outcome.skipped.length;
	if (total > MAX_IMPORT_QUESTIONS) {
		return {
			ok: false,
			format,
			errors: [
				{
					message: `This has ${total.toLocaleString('en-GB')} questions; an import can have at most 2,000. Split it into smaller files.`
				}
			]
		};
	}
	return outcome;
}

function parse(text: string, format: ImportFormat): ImportOutcome {
	switch (format) {
		case 'gift': {
			const r = parseGift(text);
			if (!r.ok) return { ok: false, format, errors: r.errors };
			return {
				ok: true,
				format,
				questions: r.questions,
				skipped: r.skipped,
				notes: [],
				...(r.category ? { category: r.category } : {})
			};
		}
		case 'moodlexml': {
			const r = parseMoodleXml(text);
			if (!r.ok) return { ok: false, format, errors: r.errors };
			return {
				ok: true,
				format,
				questions: r.questions,
				skipped: r.skipped,
				notes: r.notes,
				...(r.category ? { category: r.category } : {})
			};
		}
		case 'aiken': {
			const r = parseAiken(text);
			return r.ok
				? { ok: true, format, questions: r.questions, skipped: r.skipped, notes: [] }
				: { ok: false, format, errors: r.errors };
		}
		case 'csv': {
			const r = parseCsv(text);
			return r.ok
				? { ok: true, format, questions: r.questions, skipped: r.skipped, notes: [] }
				: { ok: false, format, errors: r.errors };
		}
		case 'terms': {
			const r = parseTermDefinition(text);
			return r.ok
				? { ok: true, format, questions: r.questions, skipped: r.skipped, notes: [] }
				: { ok: false, format, errors: r.errors };
		}
		case 'json': {
			const r = importJson(text);
			if (!r.ok) {
				return {
					ok: false,
					format,
					errors: r.errors.map((e) => {
						// V8 does not always say where JSON breaks ("Unexpected token"): find it.
						const line = e.line ?? (e.path === '' ? syntaxErrorLine(text) : undefined);
						return {
							...(line !== undefined ? { line } : {}),
							message: e.path ? `${e.path}: ${e.message}` : e.message
						};
					})
				};
			}
			return {
				ok: true,
				format,
				questions: r.set.questions,
				skipped: r.skipped,
				notes: [],
				title: r.set.title,
				...(r.set.description !== undefined ? { description: r.set.description } : {})
			};
		}
	}
}

/** The line of the first JSON syntax error, by a small recursive-descent reader. */
export function syntaxErrorLine(source: string): number | undefined {
	const text = source.replace(/^\uFEFF/, '');
	let i = 0;
	class Broken extends Error {}
	const space = () => {
		while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
	};
	const expect = (ok: boolean) => {
		if (!ok) throw new Broken();
	};
	const literal = (word: string) => {
		expect(text.startsWith(word, i));
		i += word.length;
	};
	const string = () => {
		expect(text[i] === '"');
		i++;
		for (;;) {
			expect(i < text.length);
			const c = text[i]!;
			if (c === '"') break;
			expect(c >= ' ');
			if (c === '\\') {
				const e = text[i + 1] ?? '';
				if (e === 'u') {
					expect(/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)));
					i += 6;
				} else {
					expect('"\\/bfnrt'.includes(e) && e !== '');
					i += 2;
				}
			} else i++;
		}
		i++;
	};
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			i++;
			space();
			if (text[i] === close) {
				i++;
				return;
			}
			for (;;) {
				if (c === '{') {
					space();
					string();
					space();
					expect(text[i] === ':');
					i++;
				}
				value();
				space();
				if (text[i] === ',') {
					i++;
					continue;
				}
				expect(text[i] === close);
				i++;
				return;
			}
		}
		if (c === '"') return string();
		if (c === 't') return literal('true');
		if (c === 'f') return literal('false');
		if (c === 'n') return literal('null');
		const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
		expect(number !== null);
		i += number![0].length;
	};
	try {
		value();
		space();
		expect(i === text.length);
		return undefined;
	} catch (error) {
		if (!(error instanceof Broken)) throw error;
		return text.slice(0, i).split('\n').length;
	}
}

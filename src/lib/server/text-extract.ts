// A teacher's upload or paste as the plain text Factdeck stores: .txt as given (line endings
// made \n), .md with its markup taken out so a learner reads only the words, and .html
// reduced to the article with Readability on linkedom (nothing fetched, no script run).
// Anything else (empty, too large, binary, not UTF-8) is refused with a TextExtractError
// whose message can be shown on the form as it is.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The most text a source may hold, in bytes of UTF-8 (200 KB). */
export const maxTextBytes = 200 * 1024;
/** A saved web page carries scripts and styles around its article: it may be larger. */
export const maxHtmlBytes = 2 * 1024 * 1024;

export const textFormats = ['txt', 'md', 'html'] as const;
export type TextFormat = (typeof textFormats)[number];

export type TextExtractProblem = 'empty' | 'too-large' | 'binary' | 'not-utf8' | 'unsupported';

export class TextExtractError extends Error {
	constructor(
		readonly problem: TextExtractProblem,
		message: string
	) {
		super(message);
		this.name = 'TextExtractError';
	}
}

export interface ExtractedText {
	text: string;
	/** The page's title, when an HTML page gives one. */
	title?: string;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** The format a file name's extension names (.txt, .md or .markdown, .html or .htm). */
export function formatOf(fileName: string): TextFormat {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'md' || ext === 'markdown') return 'md';
	if (ext === 'html' || ext === 'htm') return 'html';
	throw new TextExtractError(
		'unsupported',
		`"${fileName}" is not a text file Factdeck reads: upload a .txt, .md or .html file.`
	);
}

/** Bytes as UTF-8 text; binary files and other encodings are refused by name. */
function decode(bytes: Uint8Array, limit: number): string {
	if (bytes.byteLength > limit) {
		throw new TextExtractError(
			'too-large',
			`The file is ${kb(bytes.byteLength)}; a source may be at most ${kb(limit)}.`
		);
	}
	// NUL never appears in text; a few control characters mean an image, a PDF or a document.
	let control = 0;
	for (const b of bytes) {
		if (b === 0) control += 1000;
		else if (b < 9 || (b > 13 && b < 32)) control++;
	}
	if (control > 0 && control * 100 > bytes.byteLength) {
		throw new TextExtractError(
			'binary',
			'The file is not text (it looks like an image, a PDF or a word-processor file). Save it as .txt, .md or .html first.'
		);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new TextExtractError(
			'not-utf8',
			'The file is not UTF-8 text. Save it again with the UTF-8 encoding (most editors offer it under "Save as").'
		);
	}
}

const lineEndings = (text: string) => text.replace(/\r\n?/g, '\n');

function finish(text: string): string {
	const out = text.replace(/^\uFEFF/, '');
	if (!out.trim()) throw new TextExtractError('empty', 'The text is empty.');
	const bytes = new TextEncoder().encode(out).byteLength;
	if (bytes > maxTextBytes) {
		throw new TextExtractError(
			'too-large',
			`The text is ${kb(bytes)}; a source may be at most ${kb(maxTextBytes)}.`
		);
	}
	return out;
}

/**
 * Markdown as the words a reader sees: headings, emphasis, links, images, code marks, quote
 * marks, bullets and rules are taken out; paragraphs stay separated by a blank line, and
 * numbered lists keep their numbers (they may matter). Nothing else is rewritten.
 */
export function markdownToText(md: string): string {
	const lines = lineEndings(md).split('\n');
	const out: string[] = [];
	let fenced = false;
	for (const raw of lines) {
		if (/^\s*(```|~~~)/.test(raw)) {
			fenced = !fenced;
			continue;
		}
		if (fenced) {
			out.push(raw);
			continue;
		}
		// Link definitions ("[1]: https://...") and rules ("---", "***") carry no words.
		if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw))
			continue;
		let line = raw
			.replace(/^\s{0,3}#{1,6}\s+/, '')
			.replace(/\s+#+\s*$/, '')
			.replace(/^\s{0,3}>\s?/, '')
			.replace(/^(\s*)[-*+]\s+/, '$1');
		line = line
			.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
			.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/`([^`]+)`/g, '$1')
			.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
			.replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/g, '$2');
		out.push(line);
	}
	return out
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const blockTags = new Set([
	'P',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'LI',
	'BLOCKQUOTE',
	'PRE',
	'FIGCAPTION',
	'DT',
	'DD',
	'TD',
	'TH',
	'CAPTION'
]);

interface Walkable {
	nodeType: number;
	tagName?: string;
	textContent: string | null;
	childNodes: ArrayLike<Walkable>;
}

/** The text of an element's blocks, one paragraph each, in document order. */
function blocks(root: Walkable): string[] {
	const out: string[] = [];
	const walk = (node: Walkable) => {
		if (node.nodeType !== 1) return;
		const tag = node.tagName?.toUpperCase() ?? '';
		if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG'].includes(tag)) return;
		const hasBlockChild = Array.from(node.childNodes).some(
			(c) => c.nodeType === 1 && (blockTags.has(c.tagName?.toUpperCase() ?? '') || hasBlocks(c))
		);
		if (blockTags.has(tag) && !hasBlockChild) {
			const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (text) out.push(text);
			return;
		}
		for (const child of Array.from(node.childNodes)) walk(child);
	};
	const hasBlocks = (node: Walkable): boolean =>
		Array.from(node.childNodes).some(
			(c) => c.nodeType === 1 && (blockTags.has(c.tagName?.toUpperCase() ?? '') || hasBlocks(c))
		);
	walk(root);
	return out;
}

/** A saved web page as its article's text: paragraphs separated by blank lines. */
export function htmlToText(html: string): ExtractedText {
	const { document } = parseHTML(html);
	const article = new Readability<Walkable>(document as unknown as Document, {
		serializer: (node) => node as unknown as Walkable
	}).parse();
	const root = (article?.content ??
		(document.body as unknown as Walkable | null)) as Walkable | null;
	let paragraphs = root ? blocks(root) : [];
	// A page with no paragraphs at all: its visible text, as one.
	if (paragraphs.length === 0) {
		const text = (article?.textContent ?? document.body?.textContent ?? '')
			.replace(/\s+/g, ' ')
			.trim();
		paragraphs = text ? [text] : [];
	}
	const title = (article?.title ?? document.title ?? '').trim();
	return { text: paragraphs.join('\n\n'), ...(title ? { title } : {}) };
}

/** A file's bytes (or pasted text) as the text a source stores. */
export function extractText(input: Uint8Array | string, format: TextFormat): ExtractedText {
	const limit = format === 'html' ? maxHtmlBytes : maxTextBytes;
	const raw =
		typeof input === 'string'
			? decode(new TextEncoder().encode(input), limit)
			: decode(input, limit);
	if (format === 'html') {
		const { text, title } = htmlToText(raw);
		return { text: finish(text), ...(title ? { title } : {}) };
	}
	const text = format === 'md' ? markdownToText(raw) : lineEndings(raw);
	return { text: finish(text) };
}

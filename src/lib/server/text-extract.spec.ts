import { describe, expect, it } from 'vitest';
import {
	extractText,
	formatOf,
	markdownToText,
	maxTextBytes,
	TextExtractError,
	type TextExtractProblem
} from './text-extract';

const bytes = (text: string) => new TextEncoder().encode(text);

function problemOf(run: () => unknown): TextExtractProblem | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof TextExtractError) return error.problem;
		throw error;
	}
	return undefined;
}

describe('extractText', () => {
	it('keeps a .txt as given, with \\r\\n and \\r line endings made \\n', () => {
		expect(extractText(bytes('One line.\r\nTwo lines.\rThree.\n'), 'txt')).toEqual({
			text: 'One line.\nTwo lines.\nThree.\n'
		});
	});

	it('drops a byte-order mark', () => {
		expect(extractText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Hello.')]), 'txt').text).toBe(
			'Hello.'
		);
	});

	it('takes the markup out of markdown and keeps its paragraphs', () => {
		const md =
			'# The discovery\n\nIn *1928* **Fleming** saw a [mould](https://example.org) grow.\n\n> Quoted words.\n\n- one\n- two\n\n1. first\n\n![a plate](plate.png)\n\n---\n\n```\ncode stays\n```\n\n[1]: https://example.org\n';
		expect(markdownToText(md)).toBe(
			'The discovery\n\nIn 1928 Fleming saw a mould grow.\n\nQuoted words.\n\none\ntwo\n\n1. first\n\ncode stays'
		);
		expect(extractText(bytes(md), 'md').text).toContain('Fleming saw a mould grow.');
	});

	it('keeps snake_case words and lone asterisks in markdown', () => {
		expect(markdownToText('Use file_name here; 2 * 3 is 6.')).toBe(
			'Use file_name here; 2 * 3 is 6.'
		);
	});

	it("reduces HTML to its article's paragraphs, without scripts, styles or navigation", () => {
		const html = `<!doctype html><html><head><title>Rover lands</title>
			<script>document.write('<p>injected</p>'); fetch('https://example.org/track')</script>
			<style>p { color: red }</style></head>
			<body><nav><a href="/">Home</a> · <a href="/news">News</a></nav>
			<article><h1>Perseverance lands on Mars</h1>
			<p>NASA's Perseverance rover landed on Mars on <b>Thursday</b> after a seven-month journey, the agency said in a statement.</p>
			<p>The rover touched down in Jezero Crater, a basin that scientists believe held a lake about 3.5 billion years ago.</p>
			<script>alert('x')</script>
			<p>"This landing is one of those pivotal moments," acting NASA Administrator Steve Jurczyk said as engineers cheered.</p>
			</article><footer>© 2021 Example News</footer></body></html>`;
		const { text, title } = extractText(bytes(html), 'html');
		expect(title).toBe('Rover lands');
		expect(text.split('\n\n')).toEqual([
			'Perseverance lands on Mars',
			"NASA's Perseverance rover landed on Mars on Thursday after a seven-month journey, the agency said in a statement.",
			'The rover touched down in Jezero Crater, a basin that scientists believe held a lake about 3.5 billion years ago.',
			'"This landing is one of those pivotal moments," acting NASA Administrator Steve Jurczyk said as engineers cheered.'
		]);
		expect(text).not.toMatch(/injected|alert|fetch|Home|color/);
	});

	it('refuses empty text, also when only markup or whitespace', () => {
		expect(problemOf(() => extractText(bytes(''), 'txt'))).toBe('empty');
		expect(problemOf(() => extractText(bytes('  \n\n\t'), 'txt'))).toBe('empty');
		expect(problemOf(() => extractText(bytes('![only](an-image.png)'), 'md'))).toBe('empty');
		expect(
			problemOf(() => extractText(bytes('<html><body><script>x()</script></body></html>'), 'html'))
		).toBe('empty');
	});

	it('refuses text over 200 KB, and says how large it is', () => {
		const big = 'a'.repeat(maxTextBytes + 1);
		expect(problemOf(() => extractText(bytes(big), 'txt'))).toBe('too-large');
		expect(() => extractText(big, 'txt')).toThrow(/201 KB; a source may be at most 200 KB/);
		expect(problemOf(() => extractText(bytes('a'.repeat(maxTextBytes)), 'txt'))).toBeUndefined();
	});

	it('refuses a binary file and text that is not UTF-8', () => {
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
		]);
		expect(problemOf(() => extractText(png, 'txt'))).toBe('binary');
		const latin1 = new Uint8Array([...bytes('Caf'), 0xe9, ...bytes(' au lait')]);
		expect(problemOf(() => extractText(latin1, 'txt'))).toBe('not-utf8');
		expect(() => extractText(latin1, 'md')).toThrow(/not UTF-8/);
	});
});

describe('formatOf', () => {
	it('reads .txt, .md and .html (and their other spellings), and refuses the rest', () => {
		expect(formatOf('notes.TXT')).toBe('txt');
		expect(formatOf('chapter.markdown')).toBe('md');
		expect(formatOf('saved page.htm')).toBe('html');
		expect(problemOf(() => formatOf('paper.pdf'))).toBe('unsupported');
		expect(problemOf(() => formatOf('README'))).toBe('unsupported');
	});
});

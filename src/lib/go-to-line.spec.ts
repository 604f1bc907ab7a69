import { describe, expect, it } from 'vitest';
import { lineRange } from './go-to-line';

describe('lineRange', () => {
	const text = 'first\nsecond line\n\nfourth';

	it('finds a line by its number, from 1', () => {
		const [start, end] = lineRange(text, 2);
		expect(text.slice(start, end)).toBe('second line');
		expect(lineRange(text, 1)).toEqual([0, 5]);
		expect(lineRange(text, 3)).toEqual([18, 18]);
	});

	it('keeps a number beyond the text to its last line, and below 1 to its first', () => {
		expect(text.slice(...lineRange(text, 99))).toBe('fourth');
		expect(lineRange(text, 0)).toEqual([0, 5]);
	});
});

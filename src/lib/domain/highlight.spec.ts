import { describe, expect, it } from 'vitest';
import { segmentArticle } from './highlight';

describe('segmentArticle', () => {
	const body = 'One two three.\n\nA heading\n\nFour five six.';

	it('keeps every character of every paragraph, in order', () => {
		const paragraphs = segmentArticle(body, [{ factId: 'a', start: 4, end: 13 }]);
		expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual([
			'One two three.',
			'A heading',
			'Four five six.'
		]);
	});

	it('says where each paragraph starts in the body', () => {
		for (const p of segmentArticle(body, [{ factId: 'a', start: 4, end: 13 }])) {
			const text = p.segments.map((s) => s.text).join('');
			expect(body.slice(p.start, p.start + text.length)).toBe(text);
		}
	});

	it('marks overlapping quotes segment by segment', () => {
		const [first] = segmentArticle(body, [
			{ factId: 'a', start: 0, end: 7 },
			{ factId: 'b', start: 4, end: 13 }
		]);
		expect(first!.segments).toEqual([
			{ text: 'One ', factIds: ['a'], starts: ['a'], ends: [] },
			{ text: 'two', factIds: ['a', 'b'], starts: ['b'], ends: ['a'] },
			{ text: ' three', factIds: ['b'], starts: [], ends: ['b'] },
			{ text: '.', factIds: [], starts: [], ends: [] }
		]);
	});

	it('tells subheadings from paragraphs', () => {
		expect(segmentArticle(body, []).map((p) => p.heading)).toEqual([false, true, false]);
	});
});

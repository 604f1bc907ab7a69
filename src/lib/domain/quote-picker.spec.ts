import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateQuote, pickQuote, reanchor, sentenceAt, sentencesOf } from './quote-picker';

const body =
	'Russian President Vladimir Putin met Mr. Xi at the Kremlin on Monday. The U.S. said "no"!\n\nTalks lasted 4.5 hours. Then dinner followed.\nA heading\nLast line';

describe('sentencesOf', () => {
	it('ends sentences at closing marks and line breaks, not after titles or initials', () => {
		expect(sentencesOf(body).map((s) => s.text)).toEqual([
			'Russian President Vladimir Putin met Mr. Xi at the Kremlin on Monday.',
			'The U.S. said "no"!',
			'Talks lasted 4.5 hours.',
			'Then dinner followed.',
			'A heading',
			'Last line'
		]);
	});

	it('gives offsets into the body', () => {
		for (const s of sentencesOf(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('pickQuote', () => {
	const sentences = sentencesOf(body);

	it('takes a run of sentences and trims whole words from either end', () => {
		expect(pickQuote(body, sentences, { from: 0, to: 0, trimStart: 2, trimEnd: 4 })).toMatchObject({
			quote: 'Vladimir Putin met Mr. Xi at',
			start: 18
		});
		expect(pickQuote(body, sentences, { from: 2, to: 3, trimStart: 0, trimEnd: 1 })?.quote).toBe(
			'Talks lasted 4.5 hours. Then dinner'
		);
	});

	it('refuses a choice that names no sentence or leaves no word', () => {
		expect(
			pickQuote(body, sentences, { from: 9, to: 9, trimStart: 0, trimEnd: 0 })
		).toBeUndefined();
		expect(
			pickQuote(body, sentences, { from: 4, to: 4, trimStart: 1, trimEnd: 1 })
		).toBeUndefined();
	});

	it('always gives a verbatim stretch of the body', () => {
		const words = [
			'Xi',
			'met',
			'Putin.',
			'Mr.',
			'"no"!',
			'\n',
			'U.S.',
			'  ',
			'the',
			'\n\n',
			'J.',
			'end?'
		];
		const text = fc
			.array(fc.constantFrom(...words), { minLength: 1, maxLength: 60 })
			.map((w) => w.join(' '));
		let picked = 0;
		fc.assert(
			fc.property(text, fc.nat(), fc.nat(), fc.nat(6), fc.nat(6), (t, x, y, s, e) => {
				const list = sentencesOf(t);
				// Mostly sentences there are, now and then one past the end.
				const a = x % (list.length + 1);
				const b = y % (list.length + 1);
				for (const sentence of list)
					expect(t.slice(sentence.start, sentence.end)).toBe(sentence.text);
				const quote = pickQuote(t, list, { from: a, to: b, trimStart: s, trimEnd: e });
				if (quote) {
					picked++;
					expect(t.slice(quote.start, quote.end)).toBe(quote.quote);
					expect(quote.quote.trim()).toBe(quote.quote);
					expect(quote.quote).not.toBe('');
				}
			}),
			{ numRuns: 300 }
		);
		expect(picked).toBeGreaterThan(20);
	});
});

describe('anchoring', () => {
	it('finds a quote where it was picked, else its first occurrence', () => {
		const text = 'the talks ended. the talks ended.';
		expect(locateQuote(text, 'the talks', 17)).toBe(17);
		expect(locateQuote(text, 'the talks', 3)).toBe(0);
		expect(locateQuote(text, 'lunch')).toBe(-1);
	});

	it('re-anchors in a new version at the occurrence nearest to the old place', () => {
		const old = 'A. Xi left. B. C. Xi left.';
		const next = 'Intro. A. Xi left. B. C. D. Xi left.';
		expect(reanchor(next, 'Xi left.', old.lastIndexOf('Xi left.'), old.length)).toBe(
			next.lastIndexOf('Xi left.')
		);
		expect(reanchor(next, 'Putin left.', 0, old.length)).toBe(-1);
	});

	it('names the sentence holding an offset', () => {
		const sentences = sentencesOf(body);
		expect(sentenceAt(sentences, body.indexOf('Talks'))).toBe(2);
		expect(sentenceAt(sentences, 0)).toBe(0);
	});
});

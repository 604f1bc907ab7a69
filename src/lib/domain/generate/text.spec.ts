import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise';
import { asQuestion, hash32, hasPhrase, key, numberForms, slug } from './text';

const reference = (text: string) => normalise(text.replace(/['’]s\b/g, ''));

describe('key', () => {
	it('equals normalise() after dropping possessives, on the fast ASCII path too', () => {
		const tricky = fc.string({
			unit: fc.constantFrom(...`aB ?.,'\`-45 theanTA"():;’‘“”…é`.split('')),
			maxLength: 30
		});
		fc.assert(
			fc.property(tricky, (s) => {
				expect(key(s)).toBe(reference(s));
			}),
			{ numRuns: 3000 }
		);
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), (s) => {
				expect(key(s)).toBe(reference(s));
			})
		);
		// Plain sentences, which take the quickest path.
		const sentence = fc
			.tuple(
				fc.array(fc.constantFrom('the', 'a', 'an', 'Xi', 'met', '12', 'putin', ''), {
					maxLength: 6
				}),
				fc.constantFrom('', '?', '.', '!')
			)
			.map(([words, end]) => words.join(' ') + end);
		fc.assert(
			fc.property(sentence, (s) => {
				expect(key(s)).toBe(reference(s));
			}),
			{ numRuns: 1000 }
		);
	});

	it('drops possessives and articles', () => {
		expect(key("China's 12-point position paper")).toBe('china 12 point position paper');
		expect(key('The Kremlin')).toBe('kremlin');
		expect(key('U.S. Secretary of State')).toBe('us secretary of state');
		expect(key('4.5 hours')).toBe('4.5 hours');
	});
});

describe('hasPhrase', () => {
	it('matches whole words only', () => {
		expect(hasPhrase('russian president', 'us')).toBe(false);
		expect(hasPhrase('the us said', 'us')).toBe(true);
		expect(hasPhrase('japanese prime minister', 'prime minister')).toBe(true);
		expect(hasPhrase('prime ministers', 'prime minister')).toBe(false);
		expect(hasPhrase('anything', '')).toBe(false);
	});

	it('agrees with padded substring search', () => {
		const words = fc.array(fc.constantFrom('a', 'ab', 'b', 'ba', 'c'), { maxLength: 8 });
		fc.assert(
			fc.property(words, words, (hay, needle) => {
				const h = hay.join(' ');
				const n = needle.join(' ');
				expect(hasPhrase(h, n)).toBe(n !== '' && ` ${h} `.includes(` ${n} `));
			})
		);
	});
});

describe('slug', () => {
	it('equals dashes for every run of other characters in the key, cut to 40', () => {
		const reference = (text: string) => {
			const s =
				key(text)
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '') || 'x';
			return s.length <= 40 ? s : `${s.slice(0, 32).replace(/-$/, '')}-${hash32(s).toString(36)}`;
		};
		const words = fc.string({
			unit: fc.constantFrom(...`ab 4.,-'é`.split('')),
			maxLength: 60
		});
		fc.assert(
			fc.property(words, (s) => {
				expect(slug(s)).toBe(reference(s));
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('helpers', () => {
	it('writes questions, number forms and slugs', () => {
		expect(asQuestion('Xi said "we are friends."')).toBe('Xi said "we are friends"?');
		expect(asQuestion('Putin is under sanctions.')).toBe('Putin is under sanctions?');
		expect(numberForms(12)).toEqual(['12', 'twelve']);
		expect(numberForms(4.5)).toEqual(['4.5', 'four and a half']);
		expect(slug("Beijing's growing assertiveness")).toBe('beijing-growing-assertiveness');
		expect(slug('x'.repeat(100)).length).toBeLessThanOrEqual(40);
	});
});

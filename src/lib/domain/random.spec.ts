import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
	it('gives the same sequence for the same seed and a different one for another seed', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const c = createRandom(43);
		const seqA = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
	});

	it('keeps next() in [0, 1) and int(n) in [0, n)', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
				const random = createRandom(seed);
				for (let i = 0; i < 50; i++) {
					const x = random.next();
					expect(x).toBeGreaterThanOrEqual(0);
					expect(x).toBeLessThan(1);
					const k = random.int(n);
					expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
				}
			})
		);
	});

	it('accepts any finite seed, including fractions and large numbers', () => {
		expect(createRandom(0.25).next()).not.toBe(createRandom(0.5).next());
		expect(createRandom(2 ** 40).next()).toBeLessThan(1);
		expect(createRandom(Date.now()).int(6)).toBeLessThan(6);
	});

	it('spreads int(n) roughly evenly', () => {
		const random = createRandom(7);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) counts[random.int(4)]!++;
		for (const count of counts) expect(count).toBeGreaterThan(850);
	});

	it('shuffles into a permutation without touching the input', () => {
		fc.assert(
			fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
				const copy = [...items];
				const shuffled = createRandom(seed).shuffle(items);
				expect(items).toEqual(copy);
				expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
			})
		);
	});

	it('reaches every ordering of a small array', () => {
		const seen = new Set<string>();
		for (let seed = 0; seed < 200; seed++) seen.add(createRandom(seed).shuffle([1, 2, 3]).join(''));
		expect(seen.size).toBe(6);
	});

	it('picks an element, and refuses an empty array or a bad n', () => {
		const random = createRandom(1);
		expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
		expect(() => random.pick([])).toThrow(RangeError);
		expect(() => random.int(0)).toThrow(RangeError);
		expect(() => random.int(2.5)).toThrow(RangeError);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../fact-base';
import { createRandom } from '../random';
import {
	dateDistractors,
	entityDistractors,
	type EntityCandidate,
	nearestByLength,
	numberDistractors,
	shiftDate,
	similarForm,
	textDistractors
} from './distractors';
import { wordCount } from './text';

const person = (id: string, name: string): Entity => ({ id, kind: 'person', name, aliases: [] });

/** A candidate as the index would describe it; its keys default to its id. */
function candidate(entity: Entity, keys: readonly string[] = [entity.id]): EntityCandidate {
	return {
		entity,
		keys,
		nameLength: entity.name.length,
		nameWords: entity.name.split(' ').length
	};
}

describe('numberDistractors', () => {
	it('offers numbers near the right one and never a true value', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 1, max: 5000 }), (seed, amount) => {
				const trueValues = new Set([amount, amount + 1]);
				const picked = numberDistractors(amount, trueValues, createRandom(seed));
				expect(picked).toHaveLength(3);
				for (const n of picked ?? []) {
					expect(trueValues.has(n)).toBe(false);
					expect(n).toBeGreaterThan(0);
					expect(Math.abs(n - amount)).toBeLessThanOrEqual(Math.max(4, amount * 0.4));
				}
				expect(new Set(picked).size).toBe(3);
			})
		);
	});

	it('steps by halves around a half', () => {
		const picked = numberDistractors(4.5, new Set([4.5]), createRandom(1)) ?? [];
		for (const n of picked) expect([3.5, 4, 5, 5.5, 6]).toContain(n);
		const twelve = numberDistractors(12, new Set([12]), createRandom(2)) ?? [];
		for (const n of twelve) expect([10, 11, 13, 14, 15]).toContain(n);
	});
});

describe('dateDistractors and shiftDate', () => {
	it('keeps the precision and skips true dates', () => {
		fc.assert(
			fc.property(
				fc.integer(),
				fc.constantFrom('2023-03-21', '2023-01', '2022', '2024-02-29', '2020-12'),
				(seed, iso) => {
					const precision = iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
					const other = shiftDate(iso, precision, 1) ?? '';
					const picked = dateDistractors(iso, precision, new Set([iso, other]), createRandom(seed));
					expect(picked).toHaveLength(3);
					for (const d of picked ?? []) {
						expect(d).toHaveLength(iso.length);
						expect([iso, other]).not.toContain(d);
					}
				}
			)
		);
	});

	it('moves across month and year ends', () => {
		expect(shiftDate('2023-03-31', 'day', 1)).toBe('2023-04-01');
		expect(shiftDate('2023-01', 'month', -1)).toBe('2022-12');
		expect(shiftDate('2022', 'year', 3)).toBe('2025');
	});
});

describe('entityDistractors', () => {
	const pool = [
		person('a', 'Xi Jinping'),
		person('b', 'Vladimir Putin'),
		person('c', 'Fumio Kishida'),
		person('d', 'Antony Blinken'),
		person('e', 'Mikhail Mishustin'),
		person('f', 'Volodymyr Zelensky')
	]
		.sort((x, y) => x.name.length - y.name.length)
		.map((e) => candidate(e));
	const ids = (found: readonly EntityCandidate[] | undefined) => found?.map((c) => c.entity.id);

	it('returns three valid ones, or none when three do not exist', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				const answer = pool[0] as EntityCandidate;
				const picked = entityDistractors(
					answer,
					[pool],
					(c) => c.entity.id === 'b',
					createRandom(seed)
				);
				expect(picked).toHaveLength(3);
				expect(ids(picked)).not.toContain('b');
				expect(ids(picked)).not.toContain(answer.entity.id);
			})
		);
		const none = entityDistractors(
			pool[0] as EntityCandidate,
			[pool],
			(c) => c.entity.id !== 'c',
			createRandom(1)
		);
		expect(none).toBeUndefined();
	});

	it('treats an entity sharing a name with the answer as the answer', () => {
		const twin = candidate({ ...person('z', 'Xi'), aliases: ['Xi Jinping'] }, ['xi jinping']);
		const answer = candidate({ ...(pool[0] as EntityCandidate).entity, id: 'xi' }, ['xi jinping']);
		const picked = entityDistractors(answer, [[twin, ...pool]], () => false, createRandom(3));
		expect(ids(picked)).not.toContain('z');
	});
});

describe('textDistractors and similarForm', () => {
	it('keeps phrases of a similar form', () => {
		expect(similarForm('dear friend', 'historic')).toBe(true);
		expect(similarForm('town', 'the last Group of Seven leader to visit Ukraine')).toBe(false);
		const phrase = (text: string) => ({ text, key: text, words: wordCount(text) });
		const pool = ['town', 'island', 'port city', 'capital', 'border town']
			.sort((a, b) => a.length - b.length)
			.map(phrase);
		const picked = textDistractors(
			phrase('village'),
			[pool],
			(c) => c.text === 'capital',
			createRandom(4)
		);
		expect(picked).toHaveLength(3);
		expect(picked?.map((c) => c.text)).not.toContain('capital');
	});
});

describe('nearestByLength', () => {
	it('walks outwards from the target length', () => {
		const words = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff'];
		expect(
			nearestByLength(
				words,
				(w) => w.length,
				3,
				() => true,
				3
			)
		).toEqual(['ccc', 'dddd', 'bb']);
		expect(
			nearestByLength(
				words,
				(w) => w.length,
				3,
				(w) => w !== 'ccc',
				2
			)
		).toEqual(['dddd', 'bb']);
	});
});

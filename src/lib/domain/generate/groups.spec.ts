import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../../content/xi-moscow-2023-03-21';
import { newGen } from './build';
import { daySpan, matchingQuestions, orderingQuestions, strictlyBefore } from './groups';

const g = newGen(xiMoscow, 1);

describe('strictlyBefore', () => {
	it('orders dates only when the days they may mean do not overlap', () => {
		expect(strictlyBefore('2022', '2022-02')).toBe(false);
		expect(strictlyBefore('2022-02', '2022')).toBe(false);
		expect(strictlyBefore('2022-02', '2023-03-19')).toBe(true);
		expect(strictlyBefore('2023-03', '2023-03-20')).toBe(false);
		expect(strictlyBefore('2023-03-20', '2023-03-20')).toBe(false);
		expect(strictlyBefore('2023-03-19', '2023-03-20')).toBe(true);
		expect(daySpan('2024-02')?.end).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
	});
});

describe('matching and ordering over the article', () => {
	it('never matches Japan to the G7 beside India to the Quad', () => {
		const groupings = matchingQuestions(g).filter((q) => q.id.startsWith('match:groupings:'));
		// Japan is in both the G7 and the Quad, so no set of three has one matching only.
		expect(groupings).toEqual([]);
	});

	it('keeps "Prime Minister" and "Japanese Prime Minister" apart', () => {
		for (const q of matchingQuestions(g).filter((m) => m.id.startsWith('match:titles:'))) {
			const rights = q.pairs.map((p) => p.right);
			expect(rights.includes('Prime Minister') && rights.includes('Japanese Prime Minister')).toBe(
				false
			);
		}
	});

	it('builds timelines of 3–5 events, earliest first', () => {
		const timelines = orderingQuestions(g);
		expect(timelines.length).toBeGreaterThan(0);
		for (const q of timelines) {
			expect(q.items.length).toBeGreaterThanOrEqual(3);
			expect(q.items.length).toBeLessThanOrEqual(5);
			const dates = (q.provenance?.factIds ?? []).map((id) => g.ix.fact(id)?.date?.date ?? '');
			for (let i = 1; i < dates.length; i++) {
				expect(strictlyBefore(dates[i - 1] ?? '', dates[i] ?? '')).toBe(true);
			}
		}
	});
});

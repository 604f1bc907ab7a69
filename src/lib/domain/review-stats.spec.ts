import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	currentStreak,
	deckStates,
	dueForecast,
	heatmap,
	retentionPercent,
	stateShares
} from './review-stats';
import { dayNumber, UTC_DAY } from './learner-day';

const today = dayNumber(new Date('2024-05-08T12:00:00Z'), UTC_DAY); // a Wednesday

describe('the due forecast', () => {
	it('counts overdue cards as due today and leaves out what is beyond the window', () => {
		const forecast = dueForecast(
			[
				{ day: today - 3, count: 2 },
				{ day: today, count: 1 },
				{ day: today + 1, count: 4 },
				{ day: today + 40, count: 9 }
			],
			today
		);
		expect(forecast).toHaveLength(30);
		expect(forecast.slice(0, 3).map((d) => [d.date, d.count])).toEqual([
			['2024-05-08', 3],
			['2024-05-09', 4],
			['2024-05-10', 0]
		]);
	});
});

describe('the heatmap', () => {
	it('lays out weeks from Monday, ends today, and grades days by the busiest', () => {
		const counts = new Map([
			[today, 8],
			[today - 1, 2],
			[today - 9, 1]
		]);
		const map = heatmap(counts, today, 4);
		expect(map.weeks).toHaveLength(4);
		expect(map.weeks[0]![0]!.date).toBe('2024-04-15'); // a Monday
		const last = map.weeks.at(-1)!;
		expect(last.map((c) => c.date)).toEqual(['2024-05-06', '2024-05-07', '2024-05-08']);
		expect(last.map((c) => c.level)).toEqual([0, 1, 4]);
		expect(map.max).toBe(8);
	});
});

describe('true retention', () => {
	it('is passed over passed and failed, or nothing without reviews', () => {
		expect(retentionPercent(9, 1)).toBe(90);
		expect(retentionPercent(2, 1)).toBe(66.7);
		expect(retentionPercent(0, 0)).toBeNull();
	});
});

describe('the streak', () => {
	it('counts days in a row up to today, or up to yesterday before today’s first review', () => {
		const days = new Set([today, today - 1, today - 2, today - 4]);
		expect(currentStreak(today, (d) => days.has(d))).toBe(3);
		days.delete(today);
		expect(currentStreak(today, (d) => days.has(d))).toBe(2);
		expect(currentStreak(today + 1, (d) => days.has(d))).toBe(0);
	});
});

describe('state shares', () => {
	it('always add up to 100 (or 0 for an empty deck)', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }), (ns) => {
				const counts = Object.fromEntries(deckStates.map((s, i) => [s, ns[i]!])) as Record<
					(typeof deckStates)[number],
					number
				>;
				const shares = stateShares(counts);
				const sum = Object.values(shares).reduce((a, b) => a + b, 0);
				expect(sum).toBe(ns.some((n) => n > 0) ? 100 : 0);
			})
		);
		expect(stateShares({ new: 1, learning: 1, review: 1, relearning: 0, suspended: 0 })).toEqual({
			new: 34,
			learning: 33,
			review: 33,
			relearning: 0,
			suspended: 0
		});
	});
});

// The arithmetic of the flashcard statistics, apart from the queries: the due forecast by day,
// the reviews heatmap laid out in weeks, true retention, and the current streak.
import { dayKey } from './learner-day';

export interface DayCount {
	/** The learner's day number (learner-day.ts). */
	day: number;
	/** YYYY-MM-DD */
	date: string;
	count: number;
}

/**
 * Cards due on each of the next `days` days; what is overdue is due today. `counts` are
 * (day number, cards) pairs.
 */
export function dueForecast(
	counts: readonly { day: number; count: number }[],
	today: number,
	days = 30
): DayCount[] {
	const out = Array.from({ length: days }, (_, i) => ({
		day: today + i,
		date: dayKey(today + i),
		count: 0
	}));
	for (const c of counts) {
		const index = Math.max(0, c.day - today);
		if (index < days) out[index]!.count += c.count;
	}
	return out;
}

export interface HeatmapCell extends DayCount {
	/** 0 for no reviews, then 1 to 4 by quarters of the busiest day. */
	level: 0 | 1 | 2 | 3 | 4;
}

/**
 * The last `weeks` weeks of reviews as columns of seven days (Monday first), ending with the
 * week of today; days after today are left out.
 */
export function heatmap(
	counts: ReadonlyMap<number, number>,
	today: number,
	weeks = 26
): { weeks: HeatmapCell[][]; max: number } {
	// 1970-01-01 was a Thursday: day 0 has weekday 3 counting Monday as 0.
	const weekday = (day: number) => (day + 3) % 7;
	const firstMonday = today - weekday(today) - (weeks - 1) * 7;
	let max = 0;
	for (let d = firstMonday; d <= today; d++) max = Math.max(max, counts.get(d) ?? 0);
	const level = (n: number): HeatmapCell['level'] =>
		n === 0 ? 0 : (Math.min(4, Math.ceil((4 * n) / Math.max(1, max))) as 1 | 2 | 3 | 4);
	const columns: HeatmapCell[][] = [];
	for (let w = 0; w < weeks; w++) {
		const column: HeatmapCell[] = [];
		for (let i = 0; i < 7; i++) {
			const day = firstMonday + w * 7 + i;
			if (day > today) break;
			const count = counts.get(day) ?? 0;
			column.push({ day, date: dayKey(day), count, level: level(count) });
		}
		columns.push(column);
	}
	return { weeks: columns, max };
}

/** Passed over passed plus failed, as a whole percentage; null when there is nothing to judge. */
export function retentionPercent(passed: number, failed: number): number | null {
	const total = passed + failed;
	return total === 0 ? null : Math.round((1000 * passed) / total) / 10;
}

/**
 * Consecutive days with at least one review, ending today, or yesterday when today has none
 * yet (the streak is not broken until the day is over).
 */
export function currentStreak(today: number, reviewedOn: (day: number) => boolean): number {
	let day = reviewedOn(today) ? today : today - 1;
	let streak = 0;
	while (reviewedOn(day)) {
		streak += 1;
		day -= 1;
	}
	return streak;
}

export const deckStates = ['new', 'learning', 'review', 'relearning', 'suspended'] as const;
export type DeckStateName = (typeof deckStates)[number];

/** Shares of a deck's cards in each state, as percentages that add up to 100. */
export function stateShares(counts: Record<DeckStateName, number>): Record<DeckStateName, number> {
	const total = deckStates.reduce((sum, s) => sum + counts[s], 0);
	const shares = Object.fromEntries(deckStates.map((s) => [s, 0])) as Record<DeckStateName, number>;
	if (total === 0) return shares;
	// Largest remainders, so the rounded shares still add up to 100.
	const raw = deckStates.map((s) => ({ s, v: (100 * counts[s]) / total }));
	let left = 100;
	for (const r of raw) {
		shares[r.s] = Math.floor(r.v);
		left -= shares[r.s];
	}
	for (const r of [...raw].sort((a, b) => (b.v % 1) - (a.v % 1)).slice(0, left)) shares[r.s] += 1;
	return shares;
}

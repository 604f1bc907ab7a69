// Day arithmetic on plain calendar days (no time zones), and FactDate formatting. Dates are
// spelled for people by the generator's displayDate.
import type { DatePrecision, FactDate } from '../fact-base';
import type { Day } from './date-parser';

const dayMs = 86_400_000;
const toTime = (d: Day) => Date.UTC(d.year, d.month - 1, d.day);
const fromTime = (t: number): Day => {
	const d = new Date(t);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

export function parseDay(iso: string): Day {
	const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
	return { year, month, day };
}

export function addDays(d: Day, n: number): Day {
	return fromTime(toTime(d) + n * dayMs);
}

/** 0 = Sunday, as Date.getUTCDay. */
export function weekday(d: Day): number {
	return new Date(toTime(d)).getUTCDay();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(d: Day, precision: DatePrecision): string {
	if (precision === 'year') return pad(d.year, 4);
	if (precision === 'month') return `${pad(d.year, 4)}-${pad(d.month)}`;
	return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function factDate(d: Day, precision: DatePrecision, wording: string): FactDate {
	return { date: isoDate(d, precision), precision, wording };
}

/**
 * The finest precision that holds a span of days: "last week" (13-19 March) is March; a week
 * across two months is only its year; across two years, nothing.
 */
export function spanDate(first: Day, last: Day, wording: string): FactDate | undefined {
	if (first.year !== last.year) return undefined;
	if (first.month !== last.month) return factDate(first, 'year', wording);
	if (first.day !== last.day) return factDate(first, 'month', wording);
	return factDate(first, 'day', wording);
}

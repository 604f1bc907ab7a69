// Formatting shared by pages: dates at the precision the fact base knows them.
import { utcOffset } from './domain/learner-day';

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "21 March 2023", "March 2023" or "2023", from YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(date: string, precision: string | null): string {
	const [year, month, day] = date.split('-');
	const monthName = month ? months[Number(month) - 1] : undefined;
	if (precision === 'year' || !monthName) return year ?? date;
	if (precision === 'month' || !day) return `${monthName} ${year}`;
	return `${Number(day)} ${monthName} ${year}`;
}

/**
 * "21 Mar 2023, 14:05 UTC", or in a learner's zone ("21 Mar 2023, 07:05 America/Los_Angeles"):
 * worked out from the zone's offset, not the runtime's locale, so server and client agree and
 * hydration matches.
 */
export function formatDateTime(when: Date | number, timeZone = 'UTC'): string {
	const t = new Date(when).getTime();
	const d = new Date(timeZone === 'UTC' ? t : t + utcOffset(t, timeZone));
	const month = months[d.getUTCMonth()]!.slice(0, 3);
	const pad = (n: number) => String(n).padStart(2, '0');
	const zone = timeZone.replaceAll('_', ' ');
	return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${zone}`;
}

/** "4 min 05 s", "52 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	const minutes = Math.floor(seconds / 60);
	if (minutes === 0) return `${seconds} s`;
	return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * Marks earned, as a person reads them: "5", "4.5", "2.67" (two decimals at most). The stored
 * sum stays exact; only its display is shortened.
 */
export function formatMarks(points: number): string {
	return String(Math.round(points * 100) / 100);
}

/** "67%": marks over the questions, as a whole percentage. */
export function formatPercent(points: number, of: number): string {
	return `${of === 0 ? 0 : Math.round((100 * points) / of)}%`;
}

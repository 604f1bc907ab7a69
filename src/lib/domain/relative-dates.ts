// Words that date something against the day a text was published ("last week", "this May",
// "on Tuesday") mean nothing to a learner who reads a question later: a question says the date.
// These rewrite them against the publication date, and find any left.
import { formatDate, monthNames } from './normalise';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayMs = 86_400_000;

function parseDay(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d);
}

function isoOf(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** "Tuesday, 21 March 2023" */
function dayPhrase(ms: number): string {
	return `${weekdays[new Date(ms).getUTCDay()]}, ${formatDate(isoOf(ms))}`;
}

/** Words after which a date stands without "in"/"on": "since 2022", not "since in 2022". */
const bareAfter = /\b(since|until|till|before|after|from|by|to|through)\s+$/i;

const weekdayGroup = weekdays.join('|');
const monthGroup = monthNames.join('|');

/**
 * Every relative date form this module rewrites, as one pattern. Named groups tell which form
 * matched; the replacement is worked out in `resolveRelative`.
 */
const relativePattern = new RegExp(
	[
		// "earlier this week", "later this year"
		String.raw`\b(?<edge>earlier|later) (?<edgeWhich>this|last|next) (?<edgeUnit>week|month|year)\b`,
		// "last week", "this month", "next year", "the past week"
		String.raw`\b(?:the )?(?<which>last|this|next|past|coming) (?<unit>week|month|year)\b`,
		// "this May", "last September"
		String.raw`\b(?<monthWhich>last|this|next) (?<month>${monthGroup})\b(?! \d)`,
		// "on Tuesday", "last Monday", "Monday's talks", "Friday"
		String.raw`\b(?:(?<on>on) )?(?:(?<dayWhich>last|this|next) )?(?<weekday>${weekdayGroup})(?<possessive>['’]s)?\b(?!,? \d)`,
		// "yesterday", "today", "tomorrow", "tonight"
		String.raw`\b(?<deictic>yesterday|today|tomorrow|tonight)\b`,
		// "two weeks ago", "a year ago"
		String.raw`\b(?<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?<agoUnit>days?|weeks?|months?|years?) ago\b`
	].join('|'),
	'gi'
);

/** A word every relative date form holds (a weekday ends in "day"). */
const mayBeRelative = /day|week|month|year|ago|tonight|tomorrow|last|this|next/i;

const counts: Record<string, number> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10
};

/** Year and month (1-12) of a day. */
function yearMonth(ms: number): { year: number; month: number } {
	const d = new Date(ms);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

function monthText(year: number, month: number): string {
	const total = year * 12 + (month - 1);
	return `${monthNames[((total % 12) + 12) % 12]} ${Math.floor(total / 12)}`;
}

/**
 * The text with its relative dates written out against the publication date (YYYY-MM-DD):
 * "said last week" → "said in the week before 21 March 2023", "this May" → "in May 2023",
 * "on Tuesday" → "on Tuesday, 21 March 2023". A bare weekday is the latest such day on or before
 * publication, as a news report means it. Dates fixed by another event ("a day after …") and
 * absolute dates are left as they are.
 */
export function resolveRelative(text: string, publishedOn: string): string {
	// Most prompts hold no relative date: one cheap scan before the full pattern.
	if (!mayBeRelative.test(text) || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) return text;
	const published = parseDay(publishedOn);
	const { year, month } = yearMonth(published);
	return text.replace(relativePattern, (match, ...args) => {
		const offset = args[args.length - 3] as number;
		const groups = args[args.length - 1] as Record<string, string | undefined>;
		const before = text.slice(0, offset);
		const bare = bareAfter.test(before);
		const inWord = bare ? '' : 'in ';
		const onWord = bare ? '' : 'on ';
		// A sentence that began with the words begins with what replaces them.
		const starts = /(^|[.!?]\s+)$/.test(before);
		const lead = (resolved: string) =>
			starts ? resolved.charAt(0).toUpperCase() + resolved.slice(1) : resolved;
		if (groups.edge) {
			const unit = groups.edgeUnit!.toLowerCase();
			const which = groups.edgeWhich!.toLowerCase();
			const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
			return lead(`${groups.edge.toLowerCase()} in ${period(unit, step, published, year, month)}`);
		}
		if (groups.which) {
			const which = groups.which.toLowerCase();
			const step = which === 'last' || which === 'past' ? -1 : which === 'this' ? 0 : 1;
			const unit = groups.unit!.toLowerCase();
			if (unit === 'week') {
				const when = step === 0 ? 'of' : step < 0 ? 'before' : 'after';
				return lead(`${inWord}the week ${when} ${formatDate(publishedOn)}`);
			}
			return lead(`${inWord}${period(unit, step, published, year, month)}`);
		}
		if (groups.month) {
			const target = monthNames.findIndex((m) => m.toLowerCase() === groups.month!.toLowerCase());
			const which = groups.monthWhich!.toLowerCase();
			let y = year;
			if (which === 'last' && target + 1 >= month) y = year - 1;
			if (which === 'next' && target + 1 <= month) y = year + 1;
			return lead(`${inWord}${monthText(y, target + 1)}`);
		}
		if (groups.weekday) {
			const target = weekdays.findIndex((d) => d.toLowerCase() === groups.weekday!.toLowerCase());
			const today = new Date(published).getUTCDay();
			const which = groups.dayWhich?.toLowerCase();
			let delta = -((today - target + 7) % 7);
			if (which === 'last' && delta === 0) delta = -7;
			if (which === 'next') delta = ((target - today + 7) % 7) + (target === today ? 7 : 0);
			const day = published + delta * dayMs;
			if (groups.possessive) return lead(`the ${formatDate(isoOf(day))}`);
			const on = groups.on ? `${groups.on} ` : '';
			return `${on}${dayPhrase(day)}`;
		}
		if (groups.deictic) {
			const word = groups.deictic.toLowerCase();
			const delta = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
			return lead(`${onWord}${formatDate(isoOf(published + delta * dayMs))}`);
		}
		if (groups.count) {
			const raw = groups.count.toLowerCase();
			const n = counts[raw] ?? Number(raw);
			const unit = groups.agoUnit!.toLowerCase().replace(/s$/, '');
			const plural = n === 1 ? unit : `${unit}s`;
			return lead(`${n} ${plural} before ${formatDate(publishedOn)}`);
		}
		return match;
	});
}

/** "March 2023" or "2023": the month or year `step` units from publication. */
function period(unit: string, step: number, published: number, year: number, month: number) {
	if (unit === 'year') return String(year + step);
	if (unit === 'month') return monthText(year, month + step);
	const when = step === 0 ? 'of' : step < 0 ? 'before' : 'after';
	return `the week ${when} ${formatDate(isoOf(published))}`;
}

/** The relative date words left in a text, for the bank linter ("last week", "Monday"). */
export function relativeDateWords(text: string): string[] {
	return [...text.matchAll(relativePattern)].map((m) => m[0]);
}

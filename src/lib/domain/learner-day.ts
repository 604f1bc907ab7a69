// A learner's day: it starts at an hour of their choosing (4 a.m. by default, as in Anki) in
// their own time zone, so that a learner in California does not meet tomorrow's cards in the
// afternoon. Daily limits, due counts, burying, streaks and the heatmap all count days this way.
// Pure: offsets come from Intl with the zone's IANA name, and the clock is always passed in.
// No zod here: pages format times with utcOffset, and the form schemas live in scheduling.ts.

export const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/** Where and when a learner's days begin. */
export interface DayClock {
	/** An IANA time zone name, as Intl knows it ("Europe/Paris"). */
	timeZone: string;
	/** The hour of the local clock at which a new day begins, 0 to 23. */
	dayStartHour: number;
}

export const DEFAULT_DAY_START_HOUR = 4;
export const DEFAULT_TIME_ZONE = 'UTC';
export const UTC_DAY: DayClock = { timeZone: 'UTC', dayStartHour: 0 };

// ---------------------------------------------------------------------------------------------
// Time zone names

/**
 * The zone's name as this runtime's Intl spells it ("europe/london" → "Europe/London",
 * "Asia/Kolkata" → "Asia/Calcutta" under Node's ICU), or undefined for a name it does not know.
 * Only names: offsets such as "+05:00" are not IANA zones and are refused.
 */
export function canonicalTimeZone(name: string): string | undefined {
	if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(name)) return undefined;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

let zoneList: string[] | undefined;

/** Every zone a learner may choose, for a list to pick from (UTC first). */
export function timeZoneNames(): string[] {
	zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
	return zoneList;
}

// ---------------------------------------------------------------------------------------------
// Offsets

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

const wallPattern = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/**
 * How far the zone's clocks are ahead of UTC at an instant, in milliseconds (Los Angeles in
 * winter: -8 h). Read from the formatted wall clock: format() is about three times faster than
 * formatToParts(), and the en-US pattern is fixed.
 */
export function utcOffset(at: number, timeZone: string): number {
	const whole = at - (((at % 1000) + 1000) % 1000);
	const m = wallPattern.exec(formatter(timeZone).format(whole));
	if (!m) throw new Error(`Unexpected date format for ${timeZone}`);
	const wall = Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]!, +m[5]!, +m[6]!);
	return wall - whole;
}

// ---------------------------------------------------------------------------------------------
// Days

/** The number of the learner's day a moment falls in: days since their 1970-01-01. */
export function dayNumber(when: Date | number, clock: DayClock): number {
	const t = typeof when === 'number' ? when : when.getTime();
	return Math.floor((t + utcOffset(t, clock.timeZone) - clock.dayStartHour * HOUR_MS) / DAY_MS);
}

/**
 * The first instant whose local clock reads `wall` (as epoch milliseconds of a UTC clock), or,
 * when that time does not exist (the hour skipped in spring), the first instant after it. A
 * time that happens twice (the hour repeated in autumn) is its first occurrence.
 */
function instantOfWall(wall: number, timeZone: string): number {
	// A zone's offset near the time, read a day either side and at it: one of them is right
	// unless the clocks change twice within two days, which no zone does.
	const candidates = [wall - DAY_MS, wall, wall + DAY_MS].map(
		(probe) => wall - utcOffset(probe, timeZone)
	);
	const exact = candidates.filter((t) => t + utcOffset(t, timeZone) === wall);
	if (exact.length) return Math.min(...exact);
	// Skipped: the first instant whose clock reads later than `wall`, between the candidates.
	return firstSecond(Math.min(...candidates), Math.max(...candidates), (t) => {
		return t + utcOffset(t, timeZone) >= wall;
	});
}

/**
 * The first whole second in [from, to] (milliseconds) at which `test` holds, for a test that
 * holds at `to` and, once it holds, holds from then on. Clocks change on whole seconds.
 */
function firstSecond(from: number, to: number, test: (at: number) => boolean): number {
	let lo = Math.ceil(from / 1000);
	let hi = Math.floor(to / 1000);
	while (lo < hi) {
		const mid = Math.floor((lo + hi) / 2);
		if (test(mid * 1000)) hi = mid;
		else lo = mid + 1;
	}
	return hi * 1000;
}

/** When a learner's day number `day` begins. */
export function startOfDayNumber(day: number, clock: DayClock): Date {
	return new Date(instantOfWall(day * DAY_MS + clock.dayStartHour * HOUR_MS, clock.timeZone));
}

/** A learner's day: its number and the instants it runs from and until (exclusive). */
export interface LearnerDay {
	day: number;
	start: Date;
	end: Date;
}

// The day is asked for on every queue read: the latest day found for each clock is kept, and a
// moment inside it needs no Intl call at all.
const latestDay = new Map<string, LearnerDay>();

export function learnerDay(when: Date | number, clock: DayClock): LearnerDay {
	const t = typeof when === 'number' ? when : when.getTime();
	const key = `${clock.timeZone}|${clock.dayStartHour}`;
	const cached = latestDay.get(key);
	if (cached && cached.start.getTime() <= t && t < cached.end.getTime()) return cached;
	const day = dayNumber(t, clock);
	const found = {
		day,
		start: startOfDayNumber(day, clock),
		end: startOfDayNumber(day + 1, clock)
	};
	latestDay.set(key, found);
	return found;
}

export function startOfDay(when: Date | number, clock: DayClock): Date {
	return learnerDay(when, clock).start;
}

export function startOfNextDay(when: Date | number, clock: DayClock): Date {
	return learnerDay(when, clock).end;
}

/** YYYY-MM-DD of a day number: the local date on which that day begins. */
export function dayKey(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A stretch of time over which a zone's offset stays the same. */
export interface OffsetSpan {
	/** From this instant (the first span starts at the range's start). */
	from: number;
	offset: number;
}

/**
 * The zone's offsets over [from, to): the first span, then one per change of the clocks. Used
 * to count by local day in SQL, where each row's offset is a CASE over these few spans. Probed
 * a day at a time, so two changes within one day would be missed; no zone has those.
 */
export function offsetSpans(from: number, to: number, timeZone: string): OffsetSpan[] {
	const spans: OffsetSpan[] = [{ from, offset: utcOffset(from, timeZone) }];
	let at = from;
	while (at < to) {
		const next = Math.min(to, at + DAY_MS);
		const offset = utcOffset(next, timeZone);
		if (offset !== spans[spans.length - 1]!.offset) {
			spans.push({ from: firstSecond(at, next, (t) => utcOffset(t, timeZone) === offset), offset });
		}
		at = next;
	}
	return spans;
}

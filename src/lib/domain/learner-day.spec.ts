import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canonicalTimeZone,
	DAY_MS,
	dayKey,
	dayNumber,
	learnerDay,
	offsetSpans,
	startOfDay,
	startOfDayNumber,
	startOfNextDay,
	timeZoneNames,
	UTC_DAY,
	utcOffset,
	type DayClock
} from './learner-day';
import { timeZoneSchema } from './scheduling';

const HOUR = 60 * 60_000;
const iso = (d: Date) => d.toISOString();
const clock = (timeZone: string, dayStartHour = 4): DayClock => ({ timeZone, dayStartHour });
const bounds = (when: string, c: DayClock) => {
	const day = learnerDay(new Date(when), c);
	return { date: dayKey(day.day), start: iso(day.start), end: iso(day.end) };
};

describe('a learner west of UTC', () => {
	const la = clock('America/Los_Angeles');

	it('is still on today at four in the afternoon, when UTC is already tomorrow', () => {
		// 16:00 in California on 6 May is 23:00 UTC; midnight UTC is 17:00 there.
		expect(bounds('2024-05-07T00:00:00Z', la)).toEqual({
			date: '2024-05-06',
			start: '2024-05-06T11:00:00.000Z',
			end: '2024-05-07T11:00:00.000Z'
		});
		expect(dayNumber(new Date('2024-05-07T00:00:00Z'), UTC_DAY)).toBe(
			dayNumber(new Date('2024-05-07T00:00:00Z'), la) + 1
		);
	});

	it('starts the next day at 4 a.m. local time', () => {
		expect(bounds('2024-05-07T10:59:59Z', la).date).toBe('2024-05-06');
		expect(bounds('2024-05-07T11:00:00Z', la).date).toBe('2024-05-07');
	});
});

describe('a learner east of UTC', () => {
	it('in Tokyo is on tomorrow while UTC is still on today', () => {
		// 05:00 in Tokyo on 7 May is 20:00 UTC on 6 May.
		expect(bounds('2024-05-06T20:00:00Z', clock('Asia/Tokyo'))).toEqual({
			date: '2024-05-07',
			start: '2024-05-06T19:00:00.000Z',
			end: '2024-05-07T19:00:00.000Z'
		});
	});

	it('in India, half an hour off the hour, starts the day at 04:00 there', () => {
		expect(bounds('2024-05-06T12:00:00Z', clock('Asia/Kolkata'))).toEqual({
			date: '2024-05-06',
			start: '2024-05-05T22:30:00.000Z',
			end: '2024-05-06T22:30:00.000Z'
		});
	});
});

describe('the hour the day starts at', () => {
	const paris = (hour: number) => clock('Europe/Paris', hour);

	it('keeps 3 a.m. on yesterday when days start at 4, and on today when they start at midnight', () => {
		// 03:00 in Paris on 7 May (summer time, UTC+2).
		const three = new Date('2024-05-07T01:00:00Z');
		expect(dayKey(dayNumber(three, paris(4)))).toBe('2024-05-06');
		expect(dayKey(dayNumber(three, paris(0)))).toBe('2024-05-07');
		expect(iso(startOfDay(three, paris(4)))).toBe('2024-05-06T02:00:00.000Z');
		expect(iso(startOfNextDay(three, paris(4)))).toBe('2024-05-07T02:00:00.000Z');
		expect(iso(startOfDay(three, paris(0)))).toBe('2024-05-06T22:00:00.000Z');
	});

	it('can be late in the evening: at 23, 22:59 is still the day that began yesterday', () => {
		expect(bounds('2024-05-07T20:59:00Z', paris(23))).toEqual({
			date: '2024-05-06',
			start: '2024-05-06T21:00:00.000Z',
			end: '2024-05-07T21:00:00.000Z'
		});
	});

	it('at midnight in UTC gives the plain UTC days', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
				expect(dayNumber(t, UTC_DAY)).toBe(Math.floor(t / DAY_MS));
				expect(startOfDay(t, UTC_DAY).getTime()).toBe(Math.floor(t / DAY_MS) * DAY_MS);
			})
		);
	});
});

describe('daylight saving time', () => {
	const ny = clock('America/New_York');
	const london = clock('Europe/London');
	const berlin = clock('Europe/Berlin');

	it('in March in the US: the day the clocks go forward has 23 hours', () => {
		// 10 March 2024, 02:00 EST became 03:00 EDT.
		expect(bounds('2024-03-10T12:00:00Z', ny)).toEqual({
			date: '2024-03-10',
			start: '2024-03-10T08:00:00.000Z', // 04:00 EDT
			end: '2024-03-11T08:00:00.000Z'
		});
		expect(bounds('2024-03-09T12:00:00Z', ny)).toEqual({
			date: '2024-03-09',
			start: '2024-03-09T09:00:00.000Z', // 04:00 EST
			end: '2024-03-10T08:00:00.000Z'
		});
	});

	it('a day that starts in the skipped hour starts when the clocks go forward', () => {
		// With days starting at 02:00, 10 March starts at 03:00 EDT: 02:00 never happened.
		expect(
			iso(
				startOfDayNumber(
					dayNumber(new Date('2024-03-10T12:00:00Z'), ny),
					clock('America/New_York', 2)
				)
			)
		).toBe('2024-03-10T07:00:00.000Z');
		expect(bounds('2024-03-10T06:59:59Z', clock('America/New_York', 2)).date).toBe('2024-03-09');
		expect(bounds('2024-03-10T07:00:00Z', clock('America/New_York', 2)).date).toBe('2024-03-10');
	});

	it('between the US and the EU changes, New York is four hours behind London, not five', () => {
		// 20 March 2024: New York is on EDT since the 10th, London on GMT until the 31st.
		expect(bounds('2024-03-20T12:00:00Z', ny).start).toBe('2024-03-20T08:00:00.000Z');
		expect(bounds('2024-03-20T12:00:00Z', london).start).toBe('2024-03-20T04:00:00.000Z');
		// 1 April: both on summer time, five hours apart again.
		expect(bounds('2024-04-01T12:00:00Z', ny).start).toBe('2024-04-01T08:00:00.000Z');
		expect(bounds('2024-04-01T12:00:00Z', london).start).toBe('2024-04-01T03:00:00.000Z');
	});

	it('in March in the EU: 31 March has 23 hours in Berlin', () => {
		// 31 March 2024, 02:00 CET became 03:00 CEST.
		const day = learnerDay(new Date('2024-03-31T12:00:00Z'), berlin);
		expect(dayKey(day.day)).toBe('2024-03-31');
		expect(iso(day.start)).toBe('2024-03-31T02:00:00.000Z'); // 04:00 CEST
		expect(day.end.getTime() - day.start.getTime()).toBe(24 * HOUR);
		const before = learnerDay(new Date('2024-03-30T12:00:00Z'), berlin);
		expect(iso(before.start)).toBe('2024-03-30T03:00:00.000Z'); // 04:00 CET
		expect(before.end.getTime() - before.start.getTime()).toBe(23 * HOUR);
	});

	it('in October in the EU: 26 October has 25 hours in Berlin', () => {
		// 27 October 2024, 03:00 CEST became 02:00 CET.
		const day = learnerDay(new Date('2024-10-26T12:00:00Z'), berlin);
		expect(iso(day.start)).toBe('2024-10-26T02:00:00.000Z'); // 04:00 CEST
		expect(iso(day.end)).toBe('2024-10-27T03:00:00.000Z'); // 04:00 CET
		expect(day.end.getTime() - day.start.getTime()).toBe(25 * HOUR);
	});

	it('in November in the US: a day starting in the repeated hour starts at its first', () => {
		// 3 November 2024, 02:00 EDT became 01:00 EST: 01:00 to 02:00 happened twice.
		const one = clock('America/New_York', 1);
		expect(bounds('2024-11-03T12:00:00Z', one)).toEqual({
			date: '2024-11-03',
			start: '2024-11-03T05:00:00.000Z', // the first 01:00, EDT
			end: '2024-11-04T06:00:00.000Z' // 01:00 EST
		});
		// The second 01:30 (EST) is the same day as the first (EDT).
		expect(bounds('2024-11-03T05:30:00Z', one).date).toBe('2024-11-03');
		expect(bounds('2024-11-03T06:30:00Z', one).date).toBe('2024-11-03');
		expect(bounds('2024-11-02T12:00:00Z', ny).end).toBe('2024-11-03T09:00:00.000Z'); // 04:00 EST
	});

	it('south of the equator, Sydney goes back in April and forward in October', () => {
		const sydney = clock('Australia/Sydney');
		const april = learnerDay(new Date('2024-04-06T12:00:00Z'), sydney);
		expect(april.end.getTime() - april.start.getTime()).toBe(25 * HOUR);
		const october = learnerDay(new Date('2024-10-05T12:00:00Z'), sydney);
		expect(october.end.getTime() - october.start.getTime()).toBe(23 * HOUR);
	});
});

describe('any zone, any hour, any moment', () => {
	const zones = [
		'UTC',
		'America/Los_Angeles',
		'America/New_York',
		'America/St_Johns',
		'America/Sao_Paulo',
		'Europe/London',
		'Europe/Berlin',
		'Africa/Casablanca',
		'Asia/Kolkata',
		'Asia/Kathmandu',
		'Asia/Tokyo',
		'Australia/Lord_Howe',
		'Pacific/Chatham',
		'Pacific/Kiritimati',
		'Pacific/Pago_Pago'
	];

	it('lies inside its day, and days follow one another without gaps', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 946_684_800_000, max: 2_208_988_800_000 }),
				(timeZone, dayStartHour, t) => {
					const c = { timeZone, dayStartHour };
					const day = learnerDay(t, c);
					expect(day.day).toBe(dayNumber(t, c));
					expect(day.start.getTime()).toBeLessThanOrEqual(t);
					expect(day.end.getTime()).toBeGreaterThan(t);
					expect(dayNumber(day.start, c)).toBe(day.day);
					expect(dayNumber(day.start.getTime() - 1, c)).toBe(day.day - 1);
					expect(dayNumber(day.end, c)).toBe(day.day + 1);
					const length = day.end.getTime() - day.start.getTime();
					expect(length).toBeGreaterThanOrEqual(22 * HOUR);
					expect(length).toBeLessThanOrEqual(26 * HOUR);
				}
			),
			{ numRuns: 400 }
		);
	});
});

describe('offset spans', () => {
	it('list each change of the clocks in a range, so SQL can count by local day', () => {
		const from = Date.parse('2024-01-01T00:00:00Z');
		const to = Date.parse('2025-01-01T00:00:00Z');
		expect(offsetSpans(from, to, 'America/New_York')).toEqual([
			{ from, offset: -5 * HOUR },
			{ from: Date.parse('2024-03-10T07:00:00Z'), offset: -4 * HOUR },
			{ from: Date.parse('2024-11-03T06:00:00Z'), offset: -5 * HOUR }
		]);
		expect(offsetSpans(from, to, 'Asia/Tokyo')).toEqual([{ from, offset: 9 * HOUR }]);
	});

	it('agree with the offset at every moment of the range', () => {
		const from = Date.parse('2023-06-01T00:00:00Z');
		const to = from + 400 * DAY_MS;
		fc.assert(
			fc.property(
				fc.constantFrom('Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Tokyo'),
				fc.integer({ min: from, max: to - 1 }),
				(timeZone, t) => {
					const spans = offsetSpans(from, to, timeZone);
					const span = spans.filter((s) => s.from <= t).at(-1)!;
					expect(span.offset).toBe(utcOffset(t, timeZone));
				}
			)
		);
	});
});

describe('time zone names', () => {
	it('accepts IANA names in any case and spells them as Intl does', () => {
		expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
		expect(canonicalTimeZone('america/los_angeles')).toBe('America/Los_Angeles');
		expect(canonicalTimeZone('UTC')).toBe('UTC');
		expect(timeZoneNames()).toContain('UTC');
		expect(timeZoneNames()).toContain('America/Los_Angeles');
		// Whatever Intl calls a zone is in the list to choose from.
		expect(timeZoneNames()).toContain(canonicalTimeZone('Asia/Kolkata'));
	});

	it('refuses names that are not zones, offsets, and oversized or odd input', () => {
		for (const bad of [
			'',
			'Mars/Olympus_Mons',
			'+05:00',
			'GMT+5:30',
			'Europe/London\n',
			'a'.repeat(65),
			'../etc'
		]) {
			expect(canonicalTimeZone(bad), bad).toBeUndefined();
		}
		const parsed = timeZoneSchema.safeParse('Narnia/Cair_Paravel');
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toContain('is not a time zone we know');
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	editDistance,
	formatDate,
	isAmbiguousDate,
	isIsoDate,
	normalise,
	parseDate,
	parseNumber,
	parseQuantity
} from './normalise';

describe('normalise', () => {
	it.each([
		['Xi Jinping', 'xi jinping'],
		['  XI   JINPING ', 'xi jinping'],
		['Xi-Jinping!', 'xi jinping'],
		['Zürich', 'zurich'],
		['São Tomé', 'sao tome'],
		['“The Kremlin”', 'kremlin'],
		['the the Beatles', 'beatles'],
		['An apple', 'apple'],
		['A', 'a'],
		['the', 'the'],
		["Côte d'Ivoire", 'cote divoire'],
		['U.S.', 'us'],
		['4.5 hours', '4.5 hours'],
		['1,000', '1,000'],
		['end.', 'end'],
		['ﬁnal', 'final']
	])('%s → %s', (input, expected) => {
		expect(normalise(input)).toBe(expected);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				const once = normalise(s);
				expect(normalise(once)).toBe(once);
			}),
			{ numRuns: 2000 }
		);
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'the a an.,1-2 \'"ÉéxΣς') }), (s) => {
				const once = normalise(s);
				expect(normalise(once)).toBe(once);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('editDistance', () => {
	it.each([
		['', '', 0],
		['abc', '', 3],
		['kitten', 'sitting', 3],
		['jinping', 'jinpimg', 1],
		['jinping', 'jinpnig', 1],
		['kiev', 'kyiv', 2],
		['ca', 'abc', 3]
	])('%s / %s → %i', (a, b, d) => {
		expect(editDistance(a, b)).toBe(d);
		expect(editDistance(b, a)).toBe(d);
	});

	it('is a metric-like measure: zero only for equal strings, bounded by the longer length', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const d = editDistance(a, b);
				expect(d === 0).toBe(a === b);
				expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
				expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
			})
		);
	});
});

describe('parseNumber', () => {
	it.each([
		['12', 12],
		[' -3 ', -3],
		['+7', 7],
		['4.5', 4.5],
		['.5', 0.5],
		['4,5', 4.5],
		['1,000', 1000],
		['1,234,567.5', 1234567.5],
		['1 000', 1000],
		['1.5e3', 1500],
		['1/2', 0.5],
		['4 1/2', 4.5],
		['4½', 4.5],
		['zero', 0],
		['twelve', 12],
		['Twenty-one', 21],
		['twenty one', 21],
		['three hundred', 300],
		['three hundred and five', 305],
		['a hundred', 100],
		['one thousand two hundred and thirty-four', 1234],
		['1.5 million', 1_500_000],
		['a dozen', 12],
		['two dozen', 24],
		['half', 0.5],
		['a half', 0.5],
		['three quarters', 0.75],
		['four and a half', 4.5],
		['two and three quarters', 2.75],
		['four point five', 4.5],
		['minus two', -2],
		['nineteen eighty-four', undefined],
		['five five', undefined],
		['twenty thirty', undefined],
		['', undefined],
		['banana', undefined],
		['12 hours', undefined],
		['1/0', undefined],
		['a', undefined],
		['and', undefined]
	])('%s → %s', (text, expected) => {
		expect(parseNumber(text)).toBe(expected);
	});

	it('reads back any finite number written by String()', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
				expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
			})
		);
	});
});

describe('parseQuantity', () => {
	it.each([
		['4.5 hours', { value: 4.5, unit: 'hours' }],
		['four and a half hours', { value: 4.5, unit: 'hours' }],
		['12km', { value: 12, unit: 'km' }],
		['50%', { value: 50, unit: '%' }],
		['$12', { value: 12, unit: '$' }],
		['one hundred people', { value: 100, unit: 'people' }],
		['about 12', { value: 12 }],
		['12', { value: 12 }]
	])('%s', (text, expected) => {
		expect(parseQuantity(text)).toEqual(expected);
	});

	it.each(['13 or 14', 'twelve or thirteen', '4 to 5 hours', 'hours', 'lots'])(
		'%s is not a quantity',
		(text) => {
			expect(parseQuantity(text)).toBeUndefined();
		}
	);
});

describe('parseDate', () => {
	const day = (date: string) => ({ date, precision: 'day' });
	it.each([
		['2023-03-21', day('2023-03-21')],
		['2023/3/21', day('2023-03-21')],
		['March 21, 2023', day('2023-03-21')],
		['march 21 2023', day('2023-03-21')],
		['21 March 2023', day('2023-03-21')],
		['21st of March, 2023', day('2023-03-21')],
		['on the 21st of March 2023', day('2023-03-21')],
		['21 Mar 2023', day('2023-03-21')],
		['Mar. 21, 2023', day('2023-03-21')],
		['Tuesday, 21 March 2023', day('2023-03-21')],
		['Tue 21 March 2023', day('2023-03-21')],
		['21/03/2023', day('2023-03-21')],
		['03/21/2023', day('2023-03-21')],
		['21.03.2023', day('2023-03-21')],
		['03/03/2023', day('2023-03-03')],
		['29 February 2024', day('2024-02-29')],
		['March 2023', { date: '2023-03', precision: 'month' }],
		['2023-03', { date: '2023-03', precision: 'month' }],
		['Sept 2023', { date: '2023-09', precision: 'month' }],
		['2023', { date: '2023', precision: 'year' }],
		['in 2023', { date: '2023', precision: 'year' }]
	])('%s', (text, expected) => {
		expect(parseDate(text)).toEqual(expected);
	});

	it('marks an all-number date that reads both ways as ambiguous', () => {
		const parsed = parseDate('03/04/2023');
		expect(isAmbiguousDate(parsed)).toBe(true);
		expect(parsed).toEqual({ ambiguous: true, readings: ['2023-04-03', '2023-03-04'] });
	});

	it.each([
		'29 February 2023',
		'31 April 2023',
		'2023-13-01',
		'13/13/2023',
		'21/03/23',
		'March 21',
		'March',
		'21 2023',
		'someday',
		'21 March 2023 2024',
		''
	])('rejects %s', (text) => {
		expect(parseDate(text)).toBeUndefined();
	});

	it('reads back every date it formats, in both styles', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
				(d) => {
					const iso = d.toISOString().slice(0, 10);
					expect(parseDate(formatDate(iso))).toEqual(day(iso));
					expect(parseDate(formatDate(iso, 'month-day'))).toEqual(day(iso));
					expect(parseDate(iso)).toEqual(day(iso));
				}
			)
		);
	});
});

describe('formatDate and isIsoDate', () => {
	it('writes dates for people', () => {
		expect(formatDate('2023-03-21')).toBe('21 March 2023');
		expect(formatDate('2023-03-21', 'month-day')).toBe('March 21, 2023');
		expect(formatDate('2023-03')).toBe('March 2023');
		expect(formatDate('2023')).toBe('2023');
		expect(formatDate('soon')).toBe('soon');
	});

	it('checks an ISO date against its precision', () => {
		expect(isIsoDate('2023-03-21', 'day')).toBe(true);
		expect(isIsoDate('2023-03', 'month')).toBe(true);
		expect(isIsoDate('2023', 'year')).toBe(true);
		expect(isIsoDate('2023-03', 'day')).toBe(false);
		expect(isIsoDate('2023-02-30', 'day')).toBe(false);
		expect(isIsoDate('21 March 2023', 'day')).toBe(false);
	});
});

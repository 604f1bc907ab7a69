import { describe, expect, it } from 'vitest';
import { findDates } from './dates';
import { suggest } from './index';
import { segment } from './segment';

const datesOf = (text: string, publishedOn: string) =>
	findDates(segment(text), publishedOn).dates.map((d) => d.date);

/** The happened_on suggestions of a text: event name -> date. */
function happened(text: string, publishedOn: string) {
	const s = suggest(text, publishedOn);
	const name = new Map(s.entities.map((e) => [e.id, e.name]));
	return s.facts
		.filter((f) => f.predicate === 'happened_on')
		.map((f) => ({ event: name.get(f.subject), ...f.date }));
}

describe('dates, resolved against the publication date', () => {
	// 2023-03-21 is a Tuesday.
	it('reads a weekday in a report as the last such day, the publication day included', () => {
		expect(datesOf('Xi arrived in Moscow on Tuesday.', '2023-03-21')).toEqual([
			{ date: '2023-03-21', precision: 'day', wording: 'on Tuesday' }
		]);
		expect(datesOf('On Monday, the two leaders met.', '2023-03-21')).toEqual([
			{ date: '2023-03-20', precision: 'day', wording: 'On Monday' }
		]);
		expect(datesOf('The talks ended on Friday.', '2023-03-21')).toEqual([
			{ date: '2023-03-17', precision: 'day', wording: 'on Friday' }
		]);
	});

	it('reads a weekday in a future-tense clause forward', () => {
		expect(datesOf('The ministers will meet again on Friday.', '2023-03-21')).toEqual([
			{ date: '2023-03-24', precision: 'day', wording: 'on Friday' }
		]);
	});

	it('gives "last week" the month it lies in, or only the year when it spans two months', () => {
		expect(datesOf('The United States said last week that it would act.', '2023-03-21')).toEqual([
			{ date: '2023-03', precision: 'month', wording: 'last week' }
		]);
		// Friday 10 November 1989: last week ran from 30 October to 5 November.
		expect(datesOf('Protests grew last week.', '1989-11-10')).toEqual([
			{ date: '1989', precision: 'year', wording: 'last week' }
		]);
	});

	it('reads "this May", "last May" and "next May" as months of the right year', () => {
		expect(datesOf('Japan hosts the summit this May.', '2023-03-21')).toEqual([
			{ date: '2023-05', precision: 'month', wording: 'this May' }
		]);
		expect(datesOf('The law passed last May.', '2023-03-21')).toEqual([
			{ date: '2022-05', precision: 'month', wording: 'last May' }
		]);
		expect(datesOf('Elections are due next February.', '2023-03-21')).toEqual([
			{ date: '2024-02', precision: 'month', wording: 'next February' }
		]);
	});

	it('reads "last year", a month and year, a full date and a bare year', () => {
		expect(datesOf('Forces occupied the town last year.', '2023-03-21')).toEqual([
			{ date: '2022', precision: 'year', wording: 'last year' }
		]);
		expect(datesOf('The assault began in February 2022.', '2023-03-21')).toEqual([
			{ date: '2022-02', precision: 'month', wording: 'February 2022' }
		]);
		expect(datesOf('Armstrong stepped onto the Moon on 21 July 1969.', '2019-07-20')).toEqual([
			{ date: '1969-07-21', precision: 'day', wording: 'on 21 July 1969' }
		]);
		expect(datesOf('Fleming published his findings in 1929.', '2024-09-01')).toEqual([
			{ date: '1929', precision: 'year', wording: '1929' }
		]);
	});

	it('counts "two days later" from the last date the text gave, not from publication', () => {
		expect(datesOf('The ship left on 3 May 1851. Two days later it sank.', '1851-06-01')).toEqual([
			{ date: '1851-05-03', precision: 'day', wording: 'on 3 May 1851' },
			{ date: '1851-05-05', precision: 'day', wording: 'Two days later' }
		]);
	});

	it('takes no date from a stretch of time ("over the past years")', () => {
		expect(datesOf('Both have over the past years ramped up cooperation.', '2023-03-21')).toEqual(
			[]
		);
	});

	it('resolves "a day after X" from X\'s date', () => {
		const text =
			"Russian President Vladimir Putin traveled to Mariupol on Sunday. Chinese leader Xi Jinping's visit began a day after Putin traveled to Mariupol.";
		expect(happened(text, '2023-03-21')).toContainEqual({
			event: "Xi Jinping's visit",
			date: '2023-03-20',
			precision: 'day',
			wording: 'a day after Putin traveled to Mariupol'
		});
	});

	it('resolves "a day after X" backwards when the later event is dated', () => {
		// "earlier" in a report is earlier on the publication day, the visit's second day.
		const text =
			"Chinese leader Xi Jinping earlier met with Prime Minister Mikhail Mishustin on the second day of his visit to Russia. Xi's visit began a day after Putin traveled to Mariupol.";
		const dates = happened(text, '2023-03-21');
		expect(dates).toContainEqual(
			expect.objectContaining({
				event: "Putin's trip to Mariupol",
				date: '2023-03-19',
				precision: 'day'
			})
		);
		expect(dates).toContainEqual(
			expect.objectContaining({
				event: "Xi's meeting with Mikhail Mishustin",
				date: '2023-03-21',
				precision: 'day'
			})
		);
	});

	it('dates an event that coincides with one of known days by the month they share', () => {
		const text =
			"Chinese leader Xi Jinping's three-day visit began on Monday. Xi's trip coincides with a surprise visit to Kyiv by Japanese Prime Minister Fumio Kishida.";
		expect(happened(text, '2023-03-21')).toContainEqual(
			expect.objectContaining({
				event: "Fumio Kishida's visit to Kyiv",
				date: '2023-03',
				precision: 'month'
			})
		);
	});
});

import { describe, expect, it } from 'vitest';
import { relativeDateWords, resolveRelative } from './relative-dates';

// Tuesday, 21 March 2023: the shipped article's publication date.
const published = '2023-03-21';
const resolve = (text: string) => resolveRelative(text, published);

describe('resolveRelative', () => {
	it.each([
		[
			'The United States said last week that …',
			'The United States said in the week before 21 March 2023 that …'
		],
		['Japan hosts the summit this May.', 'Japan hosts the summit in May 2023.'],
		['atrocities during their occupation last year', 'atrocities during their occupation in 2022'],
		['Who did Xi meet on Tuesday?', 'Who did Xi meet on Tuesday, 21 March 2023?'],
		['a daily record on Monday', 'a daily record on Monday, 20 March 2023'],
		[
			'How many hours did Monday’s Xi-Putin talks last?',
			'How many hours did the 20 March 2023 Xi-Putin talks last?'
		],
		['He invited Putin to visit China this year.', 'He invited Putin to visit China in 2023.'],
		['It happened yesterday.', 'It happened on 20 March 2023.'],
		['since last year', 'since 2022'],
		['two weeks ago', '2 weeks before 21 March 2023'],
		['Last week, the ministry said', 'In the week before 21 March 2023, the ministry said'],
		['last Tuesday', 'Tuesday, 14 March 2023'],
		['next Friday', 'Friday, 24 March 2023'],
		['last March', 'In March 2022'],
		['next March', 'In March 2024'],
		['earlier this year', 'Earlier in 2023']
	])('%s', (text, expected) => {
		expect(resolve(text)).toBe(expected);
	});

	it('leaves absolute and event-relative dates alone', () => {
		for (const text of [
			'on Tuesday, 21 March 2023',
			'in February 2022',
			'a day after Putin traveled to Mariupol',
			'on the second day of his visit to Russia',
			'the last Group of Seven leader'
		]) {
			expect(resolve(text)).toBe(text);
		}
	});

	it('finds what is left relative, and nothing once resolved', () => {
		expect(relativeDateWords('said last week that Monday’s talks went well')).toEqual([
			'last week',
			'Monday’s'
		]);
		expect(relativeDateWords(resolve('said last week that Monday’s talks went well'))).toEqual([]);
	});
});

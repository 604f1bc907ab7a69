import { describe, expect, it } from 'vitest';
import type { FactBase } from '../fact-base';
import { formKey, matchEntity, score } from './score';
import type { Suggestions } from './types';

const body =
	'Chinese leader Xi Jinping arrived at the Kremlin on Tuesday. The visit lasts three days.';

const curated: FactBase = {
	source: { id: 's', title: 'S', publishedOn: '2023-03-21', body },
	entities: [
		{ id: 'xi', kind: 'person', name: 'Xi Jinping', aliases: ['Xi'] },
		{ id: 'kremlin', kind: 'place', name: 'Kremlin', aliases: ['the Kremlin'] },
		{ id: 'visit', kind: 'event', name: "Xi's visit", aliases: [] }
	],
	facts: [
		{
			id: 'arrived',
			predicate: 'arrived_at',
			subject: 'xi',
			object: 'kremlin',
			date: { date: '2023-03-21', precision: 'day', wording: 'on Tuesday' },
			statement: 'Xi arrived at the Kremlin on Tuesday.',
			quote: 'Xi Jinping arrived at the Kremlin on Tuesday'
		},
		{
			id: 'length',
			predicate: 'duration_of',
			subject: 'visit',
			value: { kind: 'number', amount: 3, unit: 'days' },
			statement: 'The visit lasts three days.',
			quote: 'The visit lasts three days'
		}
	]
};

const at = (quote: string) => ({
	start: body.indexOf(quote),
	end: body.indexOf(quote) + quote.length
});

describe('score', () => {
	it('matches entities by any shared name or alias, "the" and a possessive aside', () => {
		expect(formKey("The Kremlin's")).toBe('kremlin');
		expect(
			matchEntity({ id: 'k', kind: 'place', name: 'the Kremlin', aliases: [] }, curated.entities)
				?.id
		).toBe('kremlin');
		expect(
			matchEntity({ id: 'k', kind: 'country', name: 'Kremlin', aliases: [] }, curated.entities)?.id
		).toBe('kremlin');
		// A person is never matched to a place of the same name.
		expect(
			matchEntity({ id: 'k', kind: 'person', name: 'Kremlin', aliases: [] }, curated.entities)
		).toBeUndefined();
	});

	it('counts a dated fact found when a suggestion on the same evidence has the same date and precision', () => {
		const suggestions: Suggestions = {
			version: 1,
			publishedOn: '2023-03-21',
			body,
			entities: [
				{ id: 'xi-jinping', kind: 'person', name: 'Xi Jinping', aliases: [], mentions: [] },
				{ id: 'kremlin', kind: 'place', name: 'Kremlin', aliases: [], mentions: [] },
				{ id: 'moscow', kind: 'place', name: 'Moscow', aliases: [], mentions: [] }
			],
			facts: [
				{
					id: 'a',
					kind: 'travel',
					predicate: 'visited',
					subject: 'xi-jinping',
					object: 'kremlin',
					date: { date: '2023-03-21', precision: 'day', wording: 'Tuesday' },
					statement: 'Xi visited the Kremlin on Tuesday.',
					quote: 'arrived at the Kremlin on Tuesday',
					span: at('arrived at the Kremlin on Tuesday')
				},
				{
					id: 'b',
					kind: 'number',
					predicate: 'duration_of',
					subject: 'kremlin',
					value: { kind: 'number', amount: 3, unit: 'day' },
					statement: 'It lasted 3 days.',
					quote: 'three days',
					span: at('three days')
				}
			]
		};
		const r = score(suggestions, curated);
		expect(r.people).toEqual({ found: 1, of: 1, missed: [] });
		expect(r.places).toEqual({ found: 1, of: 1, missed: [] });
		expect(r.datedFacts).toEqual({ found: 1, of: 1, missed: [] });
		// Units compare singular; the subject does not matter for a number's recall.
		expect(r.numbers).toEqual({ found: 1, of: 1, missed: [] });
		// "visited" is in the family of "arrived_at"; a duration of the Kremlin is no curated fact.
		expect(r.precision.facts).toEqual({ found: 1, of: 2, missed: ['b'] });
		expect(r.precision.entities).toEqual({ found: 2, of: 3, missed: ['moscow'] });
		expect(r.precision.all).toMatchObject({ found: 3, of: 5 });
	});

	it('misses a dated fact whose date or precision differs', () => {
		const suggestions: Suggestions = {
			version: 1,
			publishedOn: '2023-03-21',
			body,
			entities: [],
			facts: [
				{
					id: 'a',
					kind: 'date',
					predicate: 'happened_on',
					subject: 'e',
					date: { date: '2023-03', precision: 'month', wording: 'on Tuesday' },
					statement: 'It happened in March 2023.',
					quote: 'on Tuesday',
					span: at('on Tuesday')
				}
			]
		};
		expect(score(suggestions, curated).datedFacts).toEqual({
			found: 0,
			of: 1,
			missed: ['arrived']
		});
	});
});

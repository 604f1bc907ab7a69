import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../../content/xi-moscow-2023-03-21';
import { FactIndex } from './fact-index';
import { key } from './text';

const ix = new FactIndex(xiMoscow);

describe('FactIndex', () => {
	it('answers asks both ways for symmetric predicates', () => {
		expect([
			...ix.answers({ predicate: 'met', hole: 'object', known: 'mikhail-mishustin' })
		]).toEqual(['xi-jinping']);
		// Holding talks is meeting: Putin met Xi on Tuesday as well as Mishustin.
		expect(
			ix.answers({ predicate: 'met', hole: 'object', known: 'xi-jinping', date: '2023-03-21' })
		).toEqual(new Set(['mikhail-mishustin', 'vladimir-putin']));
	});

	it('finds speakers by a phrase their words hold', () => {
		const ask = {
			predicate: 'said',
			hole: 'subject',
			value: key('great neighboring powers')
		} as const;
		expect(ix.answers(ask)).toEqual(new Set(['xi-jinping']));
		expect(ix.isOnlyAnswer(ask, 'xi-jinping', () => true)).toBe(true);
	});

	it('treats titles that hold one another as overlapping when screening', () => {
		const ask = { predicate: 'role_of', hole: 'subject', value: key('Prime Minister') } as const;
		expect(ix.answers(ask)).toEqual(new Set(['mikhail-mishustin', 'fumio-kishida']));
		const japanese = {
			predicate: 'role_of',
			hole: 'subject',
			value: key('Japanese Prime Minister')
		} as const;
		expect(ix.answers(japanese)).toEqual(new Set(['fumio-kishida']));
		expect(ix.mayHold(japanese, 'mikhail-mishustin')).toBe(true);
		expect(ix.mayHold(japanese, 'antony-blinken')).toBe(false);
	});

	it('screens related predicates: greeting and escorting are meeting', () => {
		const ask = { predicate: 'met', hole: 'object', known: 'xi-jinping' } as const;
		const possible = ix.possibleAnswers(ask);
		for (const id of ['mikhail-mishustin', 'vladimir-putin', 'military-band']) {
			expect(possible.has(id)).toBe(true);
			expect(ix.mayHold(ask, id)).toBe(true);
		}
		expect(possible.has('fumio-kishida')).toBe(false);
		expect(ix.mayHold(ask, 'fumio-kishida')).toBe(false);
	});

	it('counts a country as visited when a place in it was', () => {
		const ask = { predicate: 'traveled_to', hole: 'object', known: 'vladimir-putin' } as const;
		expect(ix.possibleAnswers(ask).has('ukraine')).toBe(true);
		expect(ix.mayHold(ask, 'ukraine')).toBe(true);
		expect(ix.mayHold(ask, 'japan')).toBe(false);
	});

	it('keeps pools sorted by name length and finds owners of a name', () => {
		const people = ix.kindPool('person').map((e) => e.entity.name.length);
		expect(people).toEqual([...people].sort((a, b) => a - b));
		expect(ix.ownersOf(key('the Kremlin'))).toEqual(['kremlin']);
		expect(
			ix
				.slotPool('member_of', 'object')
				.map((e) => e.id)
				.sort()
		).toEqual(['group-of-seven', 'quad', 'un-security-council']);
	});
});

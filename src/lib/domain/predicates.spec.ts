import { describe, expect, it } from 'vitest';
import { predicates, type Fact } from './fact-base';
import { factSlots, isExclusive, isQuotation, predicateTruth } from './predicates';

const fact = (over: Partial<Fact>): Fact => ({
	id: 'f',
	predicate: 'said',
	subject: 's',
	statement: 'S said it.',
	quote: 'S said it.',
	...over
});

describe('predicateTruth', () => {
	it('marks every predicate, and only predicates', () => {
		const marked = Object.keys(predicateTruth).sort();
		expect(marked).toEqual([...predicates].sort());
		for (const p of predicates) {
			const truth = predicateTruth[p];
			expect(typeof truth.occasion).toBe('boolean');
			expect(typeof truth.notGiven).toBe('boolean');
			const slots = truth.exclusive(fact({ predicate: p }), () => 'person');
			expect(slots.every((s) => (factSlots as readonly string[]).includes(s))).toBe(true);
		}
	});

	it('makes the relations of the world non-exclusive', () => {
		for (const p of [
			'met',
			'visited',
			'trades_with',
			'exports_to',
			'member_of',
			'seeks'
		] as const) {
			for (const slot of factSlots) {
				expect(isExclusive(fact({ predicate: p, object: 'o' }), slot, () => 'country')).toBe(false);
			}
		}
	});

	it('makes one date an event’s, one count a thing’s, one title a person’s', () => {
		expect(isExclusive(fact({ predicate: 'happened_on' }), 'date', () => 'event')).toBe(true);
		expect(isExclusive(fact({ predicate: 'count_of' }), 'value', () => 'document')).toBe(true);
		expect(isExclusive(fact({ predicate: 'role_of' }), 'value', () => 'person')).toBe(true);
		// "Russian gas giant" is a description, not an office.
		expect(isExclusive(fact({ predicate: 'role_of' }), 'value', () => 'organisation')).toBe(false);
	});

	it('gives a quotation of a few words one speaker, and a short phrase none', () => {
		const long = fact({
			value: { kind: 'text', text: 'We are great neighboring powers' },
			quote: '"We are great neighboring powers," he said.'
		});
		const short = fact({
			value: { kind: 'text', text: 'dear friend' },
			quote: 'calling each other "dear friend."'
		});
		const reported = fact({
			value: { kind: 'text', text: 'the talks went well and lasted long' },
			quote: 'The Kremlin said the talks went well and lasted long.'
		});
		expect(isQuotation(long)).toBe(true);
		expect(isQuotation(short)).toBe(false);
		expect(isQuotation(reported)).toBe(false);
		expect(isExclusive(long, 'subject', () => 'person')).toBe(true);
		expect(isExclusive(reported, 'subject', () => 'person')).toBe(false);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFactBase, predicates } from './fact-base';
import { syntheticFactBase } from './synthetic-facts';

describe('syntheticFactBase', () => {
	it('is a valid fact base of the asked size, the same for the same seed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 400 }), fc.integer(), (n, seed) => {
				const base = syntheticFactBase(n, seed);
				expect(base.facts).toHaveLength(n);
				const result = checkFactBase(base);
				expect(result.ok ? [] : result.problems).toEqual([]);
				expect(syntheticFactBase(n, seed)).toEqual(base);
			}),
			{ numRuns: 30 }
		);
	});

	it('uses every predicate once it is large enough', () => {
		const used = new Set(syntheticFactBase(200).facts.map((f) => f.predicate));
		expect([...predicates].filter((p) => !used.has(p))).toEqual([]);
	});

	it('never gives two entities the same name or alias', () => {
		const base = syntheticFactBase(3000);
		const owners = new Map<string, string>();
		for (const e of base.entities) {
			for (const form of new Set([e.name, ...e.aliases].map((s) => s.toLowerCase()))) {
				expect(owners.get(form) ?? e.id, form).toBe(e.id);
				owners.set(form, e.id);
			}
		}
	});
});

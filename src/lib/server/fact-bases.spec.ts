import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { generateQuestions } from '../domain/generate-questions';
import { loadFactBase } from './db/content';
import { fact } from './db/schema';
import { bumpRevision, factBaseOf, readSourceFacts, sourceFactsOf } from './fact-bases';
import { sourceReading } from './sources';
import { createTestDb } from './testing/test-db';

const shipped = factBases[0]!;
const id = shipped.source.id;

describe('the shipped article from the database', () => {
	it('is the compiled fact base: same text, entities in order, fact ids in order', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		const base = factBaseOf(db, id)!;
		expect(base).toEqual(shipped);
		expect(base.facts.map((f) => f.id)).toEqual(shipped.facts.map((f) => f.id));
		expect(base.entities.map((e) => e.id)).toEqual(shipped.entities.map((e) => e.id));
	});

	it('gives the same bank for the same seed as the compiled base', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		const base = factBaseOf(db, id)!;
		for (const seed of [1, 7, 20261127]) {
			expect(generateQuestions(base, { seed })).toEqual(generateQuestions(shipped, { seed }));
		}
	});

	it('is unknown for a source that does not exist', () => {
		const db = createTestDb();
		expect(factBaseOf(db, 'no-such-source')).toBeUndefined();
	});
});

describe('the memo', () => {
	function editStatement(db: ReturnType<typeof createTestDb>, statement: string) {
		db.transaction((tx) => {
			tx.update(fact).set({ statement }).where(eq(fact.id, 'xi-role')).run();
			bumpRevision(tx, id);
		});
	}
	const statementOf = (db: ReturnType<typeof createTestDb>) =>
		factBaseOf(db, id)!.facts.find((f) => f.id === 'xi-role')!.statement;

	it('hands out the same fact base until the source is written, then the new one at once', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		const first = factBaseOf(db, id);
		expect(factBaseOf(db, id)).toBe(first);
		editStatement(db, 'Xi Jinping leads China.');
		expect(factBaseOf(db, id)).not.toBe(first);
		expect(statementOf(db)).toBe('Xi Jinping leads China.');
	});

	it('keeps nothing a rolled-back write read', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		const before = statementOf(db);
		expect(() =>
			db.transaction((tx) => {
				tx.update(fact).set({ statement: 'Never committed.' }).where(eq(fact.id, 'xi-role')).run();
				bumpRevision(tx, id);
				// Read inside the transaction: it sees the write, and must not memoise it.
				expect(sourceFactsOf(db, id)!.base.facts[0]!.statement).toBe('Never committed.');
				throw new Error('roll back');
			})
		).toThrow('roll back');
		expect(statementOf(db)).toBe(before);
		// A later write that reaches the same revision number is read afresh, not from the memo.
		editStatement(db, 'Committed.');
		expect(statementOf(db)).toBe('Committed.');
	});

	it('leaves an unanchored fact out of the base and lists it apart', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		db.transaction((tx) => {
			tx.update(fact).set({ anchored: false }).where(eq(fact.id, 'xi-role')).run();
			bumpRevision(tx, id);
		});
		const read = readSourceFacts(db, id)!;
		expect(read.base.facts.some((f) => f.id === 'xi-role')).toBe(false);
		expect(read.unanchored.map((f) => f.id)).toEqual(['xi-role']);
		expect(read.all.map((f) => f.id)).toEqual(shipped.facts.map((f) => f.id));
		expect(factBaseOf(db, id)!.facts).toHaveLength(shipped.facts.length - 1);
	});
});

describe("a source's reading", () => {
	it('is segmented once per revision, and an edit of a fact shows at once', () => {
		const db = createTestDb();
		loadFactBase(db, shipped);
		const first = sourceReading(db, id)!;
		expect(first.paragraphs.length).toBeGreaterThan(0);
		expect(sourceReading(db, id)).toBe(first);
		db.transaction((tx) => {
			tx.update(fact)
				.set({ statement: 'Xi Jinping leads China.' })
				.where(eq(fact.id, 'xi-role'))
				.run();
			bumpRevision(tx, id);
		});
		const edited = sourceReading(db, id)!;
		expect(edited).not.toBe(first);
		expect(edited.facts.find((f) => f.id === 'xi-role')!.statement).toBe('Xi Jinping leads China.');
		expect(sourceReading(db, 'no-such-source')).toBeUndefined();
	});
});

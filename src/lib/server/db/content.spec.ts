import { describe, expect, it, vi } from 'vitest';
import { factBases } from '../../content';
import type { FactBase } from '../../domain/fact-base';
import { checkHealth } from '../health';
import { createTestDb } from '../testing/test-db';
import { openDatabase, type Db } from './index';
import { loadFactBase } from './content';
import { entity, fact, source, sourceVersion } from './schema';

const base = factBases[0]!;

function snapshot(db: Db) {
	return {
		sources: db.select({ id: source.id, hash: source.contentHash }).from(source).all(),
		entities: db.select().from(entity).orderBy(entity.id).all(),
		facts: db.select().from(fact).orderBy(fact.id).all()
	};
}

describe('loadFactBase', () => {
	it('loads every entity and fact of the article', () => {
		const db = createTestDb();
		expect(loadFactBase(db, base)).toBe('loaded');
		const { entities, facts } = snapshot(db);
		expect(entities).toHaveLength(base.entities.length);
		expect(facts).toHaveLength(base.facts.length);
		for (const row of facts) {
			const body = base.source.body;
			expect(body.slice(row.quoteStart, row.quoteEnd)).toBe(row.quote);
		}
	});

	it('changes nothing when the same content is loaded twice', () => {
		const db = createTestDb();
		loadFactBase(db, base);
		const first = snapshot(db);
		expect(loadFactBase(db, base)).toBe('unchanged');
		expect(snapshot(db)).toEqual(first);
	});

	it('upgrades content in place, keeping fact ids, and drops removed facts', () => {
		const db = createTestDb();
		loadFactBase(db, base);
		const [firstFact, ...rest] = base.facts;
		const upgraded: FactBase = {
			...base,
			facts: [{ ...firstFact!, statement: `${firstFact!.statement} (revised)` }, ...rest.slice(1)]
		};
		expect(loadFactBase(db, upgraded)).toBe('loaded');
		const facts = snapshot(db).facts;
		expect(facts).toHaveLength(base.facts.length - 1);
		expect(facts.find((f) => f.id === firstFact!.id)?.statement).toMatch(/\(revised\)$/);
		expect(facts.some((f) => f.id === rest[0]!.id)).toBe(false);
	});

	it('keeps a changed text as a new version, the old one as it was', () => {
		const db = createTestDb();
		loadFactBase(db, base);
		const body = `${base.source.body}\n\nA paragraph added later.`;
		expect(loadFactBase(db, { ...base, source: { ...base.source, body } })).toBe('loaded');
		expect(db.select({ version: source.version }).from(source).get()).toEqual({ version: 2 });
		expect(
			db
				.select({ version: sourceVersion.version, body: sourceVersion.body })
				.from(sourceVersion)
				.orderBy(sourceVersion.version)
				.all()
		).toEqual([
			{ version: 1, body: base.source.body },
			{ version: 2, body }
		]);
	});

	it('refuses an invalid fact base and writes nothing', () => {
		const db = createTestDb();
		const broken: FactBase = {
			...base,
			facts: [{ ...base.facts[0]!, quote: 'words the article never printed' }]
		};
		expect(() => loadFactBase(db, broken)).toThrow(/not verbatim/);
		expect(snapshot(db).facts).toHaveLength(0);
	});
});

describe('checkHealth', () => {
	it('answers ok after a real query', () => {
		const db = createTestDb();
		loadFactBase(db, base);
		expect(checkHealth(() => db)).toEqual({ status: 200, body: { status: 'ok', sources: 1 } });
	});

	it('answers 503 when the database cannot be reached', () => {
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		const closed = createTestDb();
		closed.$client.close();
		expect(checkHealth(() => closed).status).toBe(503);
		// A path that cannot be opened (a folder) fails the same way.
		expect(checkHealth(() => openDatabase('/')).status).toBe(503);
		quiet.mockRestore();
	});
});

// The runtime home of every fact base is the database: a source's current text, its entities
// and its anchored facts, assembled from their rows into the FactBase the generator, the
// flashcards and the quiz read. Assembling is memoised per source; every write to a source
// raises its `revision` in the same transaction (bumpRevision), and a read that finds another
// revision than the one it memoised assembles again, so an edit shows at once, in this process
// or any other on the same file, and a rolled-back write leaves nothing stale behind.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Entity, Fact, FactBase } from '../domain/fact-base';
import type { Conn, Db } from './db';
import { entity, fact, source, sourceVersion, type FactRow } from './db/schema';

/** A fact base and the facts a new version of its text left without their quote. */
export interface SourceFacts {
	base: FactBase;
	/** In position order; kept for their teacher to re-anchor, out of the base until then. */
	unanchored: Fact[];
	/** Every fact, anchored or not, in position order: flashcards keep learners' memory of both. */
	all: Fact[];
	/** The source's owner (null: a shipped, public source) and its version of the text. */
	ownerId: string | null;
	version: number;
	revision: number;
}

export function factOfRow(row: FactRow): Fact {
	return {
		id: row.id,
		predicate: row.predicate,
		subject: row.subjectId,
		...(row.objectId !== null ? { object: row.objectId } : {}),
		...(row.valueText !== null
			? { value: { kind: 'text' as const, text: row.valueText } }
			: row.valueNumber !== null
				? { value: { kind: 'number' as const, amount: row.valueNumber, unit: row.valueUnit ?? '' } }
				: {}),
		...(row.date !== null && row.datePrecision !== null
			? { date: { date: row.date, precision: row.datePrecision, wording: row.dateWording ?? '' } }
			: {}),
		...(row.placeId !== null ? { place: row.placeId } : {}),
		statement: row.statement,
		quote: row.quote
	};
}

/**
 * A fact's columns, but for its id, source and position: its quote anchored at `quoteStart`
 * in the current text, or kept from an earlier one (`anchored` false).
 */
export function factColumns(f: Omit<Fact, 'id'>, quoteStart: number, anchored = true) {
	return {
		predicate: f.predicate,
		subjectId: f.subject,
		objectId: f.object ?? null,
		placeId: f.place ?? null,
		valueText: f.value?.kind === 'text' ? f.value.text : null,
		valueNumber: f.value?.kind === 'number' ? f.value.amount : null,
		valueUnit: f.value?.kind === 'number' ? f.value.unit : null,
		date: f.date?.date ?? null,
		datePrecision: f.date?.precision ?? null,
		dateWording: f.date?.wording ?? null,
		statement: f.statement,
		quote: f.quote,
		quoteStart,
		quoteEnd: quoteStart + f.quote.length,
		anchored
	};
}

/** The join of a source with its current text. */
export const currentText = and(
	eq(sourceVersion.sourceId, source.id),
	eq(sourceVersion.version, source.version)
);

/** Assembles a source's fact base from its rows, uncached (inside a transaction, say). */
export function readSourceFacts(db: Conn, sourceId: string): SourceFacts | undefined {
	const row = db
		.select({
			id: source.id,
			title: source.title,
			publishedOn: source.publishedOn,
			ownerId: source.ownerId,
			version: source.version,
			revision: source.revision,
			body: sourceVersion.body
		})
		.from(source)
		.innerJoin(sourceVersion, currentText)
		.where(eq(source.id, sourceId))
		.get();
	if (!row) return undefined;
	const entities: Entity[] = db
		.select()
		.from(entity)
		.where(eq(entity.sourceId, sourceId))
		.orderBy(asc(entity.position), asc(entity.id))
		.all()
		.map((e) => ({
			id: e.id,
			kind: e.kind,
			name: e.name,
			aliases: e.aliases,
			...(e.role !== null ? { role: e.role } : {})
		}));
	const rows = db
		.select()
		.from(fact)
		.where(eq(fact.sourceId, sourceId))
		.orderBy(asc(fact.position), asc(fact.id))
		.all();
	return {
		base: {
			source: { id: row.id, title: row.title, publishedOn: row.publishedOn, body: row.body },
			entities,
			facts: rows.filter((f) => f.anchored).map(factOfRow)
		},
		unanchored: rows.filter((f) => !f.anchored).map(factOfRow),
		all: rows.map(factOfRow),
		ownerId: row.ownerId,
		version: row.version,
		revision: row.revision
	};
}

const memo = new WeakMap<Db, Map<string, SourceFacts>>();

function revisionStatement(db: Db) {
	return db
		.select({ revision: source.revision })
		.from(source)
		.where(eq(source.id, sql.placeholder('id')))
		.prepare();
}
const revisions = new WeakMap<Db, ReturnType<typeof revisionStatement>>();

/**
 * The source's fact base and unanchored facts, memoised: one primary-key read of its revision
 * decides whether the memo still holds. Inside a transaction nothing is memoised, as the
 * transaction may yet roll back what it read.
 */
export function sourceFactsOf(db: Db, sourceId: string): SourceFacts | undefined {
	if (db.$client.inTransaction) return readSourceFacts(db, sourceId);
	let statement = revisions.get(db);
	if (!statement) revisions.set(db, (statement = revisionStatement(db)));
	const current = statement.get({ id: sourceId });
	let cache = memo.get(db);
	if (!cache) memo.set(db, (cache = new Map()));
	if (!current) {
		cache.delete(sourceId);
		return undefined;
	}
	const held = cache.get(sourceId);
	if (held && held.revision === current.revision) return held;
	const read = readSourceFacts(db, sourceId);
	if (read) cache.set(sourceId, read);
	else cache.delete(sourceId);
	return read;
}

/** sourceFactsOf on the connection, or read afresh inside a transaction. */
export function sourceFactsIn(conn: Conn, sourceId: string): SourceFacts | undefined {
	return '$client' in conn ? sourceFactsOf(conn as Db, sourceId) : readSourceFacts(conn, sourceId);
}

/** The fact base of a source (its current text and anchored facts), or undefined. */
export function factBaseOf(db: Db, sourceId: string): FactBase | undefined {
	return sourceFactsOf(db, sourceId)?.base;
}

/**
 * Every write to a source, its text, entities or facts calls this in its transaction: the
 * memoised fact base is rebuilt on its next read.
 */
export function bumpRevision(tx: Conn, sourceId: string, now = new Date()): void {
	tx.update(source)
		.set({ revision: sql`${source.revision} + 1`, updatedAt: now })
		.where(eq(source.id, sourceId))
		.run();
}

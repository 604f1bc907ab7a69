// Queries about sources and their facts, for the home page and the source reader.
import { asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './db';
import { entity, fact, source } from './db/schema';

export interface SourceSummary {
	id: string;
	title: string;
	publishedOn: string;
	factCount: number;
	people: string[];
	/** How many facts of each kind of question they can feed. */
	studyable: { dates: number; numbers: number; quotes: number; roles: number };
}

export function listSources(db: Db): SourceSummary[] {
	const sources = db
		.select({ id: source.id, title: source.title, publishedOn: source.publishedOn })
		.from(source)
		.orderBy(asc(source.publishedOn))
		.all();
	return sources.map((s) => {
		const facts = db
			.select({
				predicate: fact.predicate,
				date: fact.date,
				valueNumber: fact.valueNumber,
				subjectKind: entity.kind,
				subjectName: entity.name
			})
			.from(fact)
			.innerJoin(entity, eq(entity.id, fact.subjectId))
			.where(eq(fact.sourceId, s.id))
			.all();
		const people = [
			...new Set(facts.filter((f) => f.subjectKind === 'person').map((f) => f.subjectName))
		];
		return {
			...s,
			factCount: facts.length,
			people,
			studyable: {
				dates: facts.filter((f) => f.date !== null).length,
				numbers: facts.filter((f) => f.valueNumber !== null).length,
				quotes: facts.filter((f) => f.predicate === 'said' || f.predicate === 'described_as')
					.length,
				roles: facts.filter((f) => f.predicate === 'role_of').length
			}
		};
	});
}

export interface FactView {
	id: string;
	predicate: string;
	subject: string;
	object: string | null;
	place: string | null;
	value: string | null;
	date: string | null;
	datePrecision: string | null;
	dateWording: string | null;
	statement: string;
	quote: string;
	quoteStart: number;
	quoteEnd: number;
}

export function getSource(db: Db, id: string) {
	const row = db.select().from(source).where(eq(source.id, id)).get();
	if (!row) return undefined;
	const objectEntity = alias(entity, 'object_entity');
	const placeEntity = alias(entity, 'place_entity');
	const facts: FactView[] = db
		.select({
			id: fact.id,
			predicate: fact.predicate,
			subject: entity.name,
			object: objectEntity.name,
			place: placeEntity.name,
			valueText: fact.valueText,
			valueNumber: fact.valueNumber,
			valueUnit: fact.valueUnit,
			date: fact.date,
			datePrecision: fact.datePrecision,
			dateWording: fact.dateWording,
			statement: fact.statement,
			quote: fact.quote,
			quoteStart: fact.quoteStart,
			quoteEnd: fact.quoteEnd
		})
		.from(fact)
		.innerJoin(entity, eq(entity.id, fact.subjectId))
		.leftJoin(objectEntity, eq(objectEntity.id, fact.objectId))
		.leftJoin(placeEntity, eq(placeEntity.id, fact.placeId))
		.where(eq(fact.sourceId, id))
		.orderBy(asc(fact.position))
		.all()
		.map(({ valueText, valueNumber, valueUnit, ...f }) => ({
			...f,
			value: valueText ?? (valueNumber !== null ? `${valueNumber} ${valueUnit ?? ''}`.trim() : null)
		}));
	return {
		source: { id: row.id, title: row.title, publishedOn: row.publishedOn, body: row.body },
		facts
	};
}

const revisionStatements = new WeakMap<Db, { get: (id: string) => string | undefined }>();

/**
 * What changes whenever a source's text or facts do: the hash of its fact base, kept with the
 * source when it is loaded. Undefined for no such source.
 */
export function sourceRevision(db: Db, id: string): string | undefined {
	let s = revisionStatements.get(db);
	if (!s) {
		const statement = db.$client.prepare('select content_hash from source where id = ?').pluck();
		s = { get: (sourceId) => statement.get(sourceId) as string | undefined };
		revisionStatements.set(db, s);
	}
	return s.get(id);
}

/** A real query against the database, for /healthz. */
export function countSources(db: Db): number {
	return db.select({ n: count() }).from(source).get()?.n ?? 0;
}

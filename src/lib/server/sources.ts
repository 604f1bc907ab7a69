// Queries about sources and their facts, for the home page and the source reader, and who may
// read a source: the shipped ones are public; a teacher's is theirs (and the admins'), and a
// learner's once a published set drawing on it is assigned to a class they are in.
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { canAdminister } from './access';
import type { Db } from './db';
import { ReadCache } from './db/read-cache';
import { currentText } from './fact-bases';
import { segmentArticle, type Paragraph } from '../domain/highlight';
import {
	classAssignment,
	classMember,
	entity,
	fact,
	question,
	questionFact,
	questionSet,
	source,
	sourceVersion,
	type UserRole
} from './db/schema';

/** Who is asking: a signed-in person or a guest (whose role is learner). */
export interface Viewer {
	id: string;
	role: UserRole;
}

/** Whether a published set assigned to one of the viewer's classes asks about the source. */
function assignedToViewer(db: Db, sourceId: string, viewerId: string): boolean {
	const viaSet = db
		.select({ one: classAssignment.setId })
		.from(classMember)
		.innerJoin(classAssignment, eq(classAssignment.classId, classMember.classId))
		.innerJoin(
			questionSet,
			and(eq(questionSet.id, classAssignment.setId), eq(questionSet.status, 'published'))
		)
		.where(and(eq(classMember.userId, viewerId), eq(questionSet.sourceId, sourceId)))
		.limit(1)
		.get();
	if (viaSet) return true;
	const viaFacts = db
		.select({ one: fact.id })
		.from(classMember)
		.innerJoin(classAssignment, eq(classAssignment.classId, classMember.classId))
		.innerJoin(
			questionSet,
			and(eq(questionSet.id, classAssignment.setId), eq(questionSet.status, 'published'))
		)
		.innerJoin(question, eq(question.setId, questionSet.id))
		.innerJoin(questionFact, eq(questionFact.questionId, question.id))
		.innerJoin(fact, and(eq(fact.id, questionFact.factId), eq(fact.sourceId, sourceId)))
		.where(eq(classMember.userId, viewerId))
		.limit(1)
		.get();
	return viaFacts !== undefined;
}

/**
 * Whether the viewer may read the source (its text, facts and export). Everyone else is told
 * it does not exist.
 */
export function canSeeSource(db: Db, sourceId: string, viewer: Viewer | null): boolean {
	const row = db
		.select({ ownerId: source.ownerId })
		.from(source)
		.where(eq(source.id, sourceId))
		.get();
	if (!row) return false;
	if (row.ownerId === null) return true;
	if (!viewer) return false;
	if (row.ownerId === viewer.id || canAdminister(viewer.role)) return true;
	return assignedToViewer(db, sourceId, viewer.id);
}

/** Sources a teacher may generate questions from: the shipped ones and their own. */
export function usableSources(db: Db, teacherId: string) {
	return db
		.select({ id: source.id, title: source.title, ownerId: source.ownerId })
		.from(source)
		.where(or(isNull(source.ownerId), eq(source.ownerId, teacherId)))
		.orderBy(sql`${source.ownerId} is not null`, asc(source.title))
		.all()
		.map((s) => ({ id: s.id, title: s.title, own: s.ownerId !== null }));
}

/** Whether the teacher may generate questions from the source. */
export function canUseSource(db: Db, sourceId: string, teacherId: string): boolean {
	return usableSources(db, teacherId).some((s) => s.id === sourceId);
}

export interface SourceSummary {
	id: string;
	title: string;
	publishedOn: string;
	factCount: number;
	people: string[];
	/** How many facts of each kind of question they can feed. */
	studyable: { dates: number; numbers: number; quotes: number; roles: number };
}

/** The public sources (those Factdeck ships with), for the home page. */
export function listSources(db: Db): SourceSummary[] {
	const sources = db
		.select({ id: source.id, title: source.title, publishedOn: source.publishedOn })
		.from(source)
		.where(isNull(source.ownerId))
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
			.innerJoin(entity, and(eq(entity.sourceId, fact.sourceId), eq(entity.id, fact.subjectId)))
			.where(and(eq(fact.sourceId, s.id), eq(fact.anchored, true)))
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

/** A source's current text and its anchored facts, with the names they refer to. */
export function getSource(db: Db, id: string) {
	const row = db
		.select({
			id: source.id,
			title: source.title,
			publishedOn: source.publishedOn,
			author: source.author,
			url: source.url,
			ownerId: source.ownerId,
			version: source.version,
			body: sourceVersion.body
		})
		.from(source)
		.innerJoin(sourceVersion, currentText)
		.where(eq(source.id, id))
		.get();
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
		.innerJoin(entity, and(eq(entity.sourceId, fact.sourceId), eq(entity.id, fact.subjectId)))
		.leftJoin(
			objectEntity,
			and(eq(objectEntity.sourceId, fact.sourceId), eq(objectEntity.id, fact.objectId))
		)
		.leftJoin(
			placeEntity,
			and(eq(placeEntity.sourceId, fact.sourceId), eq(placeEntity.id, fact.placeId))
		)
		.where(and(eq(fact.sourceId, id), eq(fact.anchored, true)))
		.orderBy(asc(fact.position))
		.all()
		.map(({ valueText, valueNumber, valueUnit, ...f }) => ({
			...f,
			value: valueText ?? (valueNumber !== null ? `${valueNumber} ${valueUnit ?? ''}`.trim() : null)
		}));
	return {
		source: {
			id: row.id,
			title: row.title,
			publishedOn: row.publishedOn,
			author: row.author,
			url: row.url,
			ownerId: row.ownerId,
			version: row.version,
			body: row.body
		},
		facts
	};
}

interface RevisionRow {
	owner_id: string | null;
	content_hash: string | null;
	version: number;
	revision: number;
}

const revisionStatements = new WeakMap<Db, { get: (id: string) => RevisionRow | undefined }>();

/**
 * What a public source's page depends on, the same for every reader: its text's hash and
 * version and its facts' revision (raised by every edit). Null for a teacher's own source, whose
 * page also depends on whom it is assigned to; undefined for no such source.
 */
export function sourceRevision(db: Db, id: string): string | null | undefined {
	const row = revisionRow(db, id);
	if (!row) return undefined;
	if (row.owner_id !== null) return null;
	return revisionOf(row);
}

/** Its text's hash and version, and its facts' revision. */
const revisionOf = (row: RevisionRow) => `${row.content_hash ?? ''}:${row.version}:${row.revision}`;

function revisionRow(db: Db, id: string): RevisionRow | undefined {
	let s = revisionStatements.get(db);
	if (!s) {
		const statement = db.$client.prepare(
			'select owner_id, content_hash, version, revision from source where id = ?'
		);
		s = { get: (sourceId) => statement.get(sourceId) as RevisionRow | undefined };
		revisionStatements.set(db, s);
	}
	return s.get(id);
}

/** A source as its reading page shows it: the text in paragraphs with its evidence marked. */
export interface SourceReading {
	source: {
		id: string;
		title: string;
		publishedOn: string;
		author: string | null;
		url: string | null;
	};
	paragraphs: Paragraph[];
	facts: FactView[];
}

/** Texts kept segmented: the shipped article and the teachers' texts in use at once. */
const readings = new ReadCache<SourceReading | undefined>(50);

/**
 * The reading of a source, segmented once per revision of its text and facts (what a class
 * opening the article would otherwise redo for every reader); one primary-key read decides
 * whether the kept one still holds. Undefined for no such source. Who may read it is the
 * caller's to check.
 */
export function sourceReading(db: Db, id: string): SourceReading | undefined {
	const row = revisionRow(db, id);
	if (!row) return undefined;
	return readings.get(db, id, () => readSource(db, id), revisionOf(row));
}

function readSource(db: Db, id: string): SourceReading | undefined {
	const found = getSource(db, id);
	if (!found) return undefined;
	return {
		source: {
			id: found.source.id,
			title: found.source.title,
			publishedOn: found.source.publishedOn,
			author: found.source.author,
			url: found.source.url
		},
		paragraphs: segmentArticle(
			found.source.body,
			found.facts.map((f) => ({ factId: f.id, start: f.quoteStart, end: f.quoteEnd }))
		),
		facts: found.facts
	};
}

/** A real query against the database, for /healthz. */
export function countSources(db: Db): number {
	return db.select({ n: count() }).from(source).get()?.n ?? 0;
}

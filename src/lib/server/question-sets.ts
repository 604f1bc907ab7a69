// Question sets in the database: the generated bank of each source (kept in step with the
// generator, with stable question ids), and the queries the set pages need.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { FactBase } from '../domain/fact-base';
import { generateQuestions } from '../domain/generate-questions';
import type { Question } from '../domain/question';
import type { Db } from './db';
import { preparedFor } from './db/prepared';
import { question, questionFact, questionSet } from './db/schema';

/** The generator's seed for the stored bank; attempts regenerate with their own seed. */
export const BANK_SEED = 1;
export const DEFAULT_QUIZ_SIZE = 12;

export function bankSetId(sourceId: string): string {
	return `${sourceId}-quiz`;
}

/** A stored question's id: its set's id and the generator's stable id for it. */
export function storedQuestionId(setId: string, generatedId: string): string {
	return `${setId}:${generatedId}`;
}

/**
 * Makes the source's generated set match the generator: upserts by stable id, removes what the
 * generator no longer produces. Writes nothing when the bank has not changed.
 */
export function syncGeneratedSet(db: Db, base: FactBase): 'unchanged' | 'synced' {
	const bank = generateQuestions(base, { seed: BANK_SEED });
	const hash = createHash('sha256').update(JSON.stringify(bank)).digest('hex');
	const setId = bankSetId(base.source.id);
	const existing = db
		.select({ hash: questionSet.contentHash })
		.from(questionSet)
		.where(eq(questionSet.id, setId))
		.get();
	if (existing?.hash === hash) return 'unchanged';

	db.transaction((tx) => {
		const set = {
			id: setId,
			ownerId: null,
			sourceId: base.source.id,
			title: `${base.source.title}: the quiz`,
			description: `${DEFAULT_QUIZ_SIZE} questions at a time, drawn from ${bank.length} generated from the article's facts. Every attempt draws a new mix and new wrong answers.`,
			status: 'published' as const,
			origin: 'generated' as const,
			quizSize: DEFAULT_QUIZ_SIZE,
			contentHash: hash,
			updatedAt: new Date()
		};
		tx.insert(questionSet).values(set).onConflictDoUpdate({ target: questionSet.id, set }).run();
		const ids = bank.map((q) => storedQuestionId(setId, q.id));
		for (const [position, q] of bank.entries()) {
			const row = { id: ids[position]!, setId, position, type: q.type, body: q };
			tx.insert(question).values(row).onConflictDoUpdate({ target: question.id, set: row }).run();
			tx.delete(questionFact).where(eq(questionFact.questionId, row.id)).run();
			for (const factId of new Set(q.provenance?.factIds ?? [])) {
				tx.insert(questionFact).values({ questionId: row.id, factId }).run();
			}
		}
		tx.delete(question)
			.where(and(eq(question.setId, setId), notInArray(question.id, ids)))
			.run();
	});
	return 'synced';
}

export interface SetSummary {
	id: string;
	title: string;
	description: string;
	sourceId: string | null;
	questionCount: number;
	quizSize: number | null;
	origin: string;
	status: string;
	ownerId: string | null;
}

/** Every page of a set or an attempt asks for its set: prepared once per connection. */
const setStatements = preparedFor((db) => ({
	// A null viewer owns nothing: `owner_id = null` is never true.
	visible: db
		.select()
		.from(questionSet)
		.where(
			and(
				eq(questionSet.id, sql.placeholder('setId')),
				or(
					eq(questionSet.status, 'published'),
					eq(questionSet.ownerId, sql.placeholder('viewerId'))
				)
			)
		)
		.prepare(),
	count: db
		.select({ n: count() })
		.from(question)
		.where(eq(question.setId, sql.placeholder('setId')))
		.prepare()
}));

/** A set a viewer may take: published, or their own. */
export function getVisibleSet(
	db: Db,
	setId: string,
	viewerId: string | null
): SetSummary | undefined {
	const s = setStatements(db);
	const row = s.visible.get({ setId, viewerId });
	if (!row) return undefined;
	const questionCount = s.count.get({ setId })?.n ?? 0;
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		sourceId: row.sourceId,
		questionCount,
		quizSize: row.quizSize,
		origin: row.origin,
		status: row.status,
		ownerId: row.ownerId
	};
}

export function publishedSets(db: Db) {
	return db
		.select({
			id: questionSet.id,
			title: questionSet.title,
			description: questionSet.description,
			sourceId: questionSet.sourceId
		})
		.from(questionSet)
		.where(and(eq(questionSet.status, 'published'), isNull(questionSet.ownerId)))
		.orderBy(asc(questionSet.title))
		.all();
}

export function setQuestions(db: Db, setId: string): { id: string; question: Question }[] {
	return db
		.select({ id: question.id, body: question.body })
		.from(question)
		.where(eq(question.setId, setId))
		.orderBy(asc(question.position))
		.all()
		.map((r) => ({ id: r.id, question: r.body as Question }));
}

export function questionsById(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.select({ id: question.id, body: question.body })
		.from(question)
		.where(inArray(question.id, ids))
		.all();
}

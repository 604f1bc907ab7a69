// A teacher's own question sets and their questions. Every function takes the acting teacher's
// id and finds nothing for anyone else's set; an import is saved in one transaction, all or
// nothing. Generating questions from a source's facts is in generation.ts.
import { and, asc, count, desc, eq, max } from 'drizzle-orm';
import { syncSetCards } from './flashcards';
import { z } from 'zod';
import { validateQuestion } from '../domain/formats/json';
import { MAX_IMPORT_QUESTIONS } from '../domain/formats/import';
import type { Question, QuestionSet } from '../domain/question';
import { generateToken } from './auth';
import { assignSet, getOwnedClass, listTeacherClasses } from './classes';
import type { Db } from './db';
import { classAssignment, question, questionFact, questionSet, schoolClass } from './db/schema';
import { getVisibleSet, setQuestions } from './question-sets';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// ---------------------------------------------------------------------------------------------
// Set details

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 30;

/** "history, Russia,  history" → ['history', 'Russia']: trimmed, no repeats (ignoring case). */
export function parseTags(input: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const raw of input.split(',')) {
		const tag = raw.trim().replace(/\s+/g, ' ');
		if (tag === '' || seen.has(tag.toLowerCase())) continue;
		seen.add(tag.toLowerCase());
		tags.push(tag);
	}
	return tags;
}

export const setDetailsSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Give the set a title.')
		.max(120, 'Titles are at most 120 characters.'),
	description: z.string().trim().max(2000, 'Descriptions are at most 2,000 characters.'),
	tags: z
		.string()
		.transform(parseTags)
		.pipe(
			z
				.array(z.string().max(MAX_TAG_LENGTH, `Each tag is at most ${MAX_TAG_LENGTH} characters.`))
				.max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
		)
});
export type SetDetails = z.output<typeof setDetailsSchema>;

export interface TeacherSet {
	id: string;
	title: string;
	description: string;
	tags: string[];
	status: 'draft' | 'published';
	origin: 'generated' | 'authored' | 'imported';
	questionCount: number;
	updatedAt: Date;
}

const setColumns = {
	id: questionSet.id,
	title: questionSet.title,
	description: questionSet.description,
	tags: questionSet.tags,
	status: questionSet.status,
	origin: questionSet.origin,
	updatedAt: questionSet.updatedAt
};

function ownSet(setId: string, teacherId: string) {
	return and(eq(questionSet.id, setId), eq(questionSet.ownerId, teacherId));
}

export function listTeacherSets(db: Db, teacherId: string): TeacherSet[] {
	return db
		.select({ ...setColumns, questionCount: count(question.id) })
		.from(questionSet)
		.leftJoin(question, eq(question.setId, questionSet.id))
		.where(eq(questionSet.ownerId, teacherId))
		.groupBy(questionSet.id)
		.orderBy(desc(questionSet.updatedAt), asc(questionSet.title))
		.all();
}

/** The teacher's own set, or undefined: another teacher's set does not exist for them. */
export function getTeacherSet(db: Db, teacherId: string, setId: string): TeacherSet | undefined {
	const row = db.select(setColumns).from(questionSet).where(ownSet(setId, teacherId)).get();
	if (!row) return undefined;
	const questionCount =
		db.select({ n: count() }).from(question).where(eq(question.setId, setId)).get()?.n ?? 0;
	return { ...row, questionCount };
}

/** A new draft set; `sourceId` names the source it is made from, when there is one. */
export function createSet(
	db: Db,
	teacherId: string,
	details: SetDetails,
	origin: 'authored' | 'imported' = 'authored',
	sourceId: string | null = null
): string {
	const id = generateToken();
	db.insert(questionSet)
		.values({ id, ownerId: teacherId, sourceId, ...details, status: 'draft', origin })
		.run();
	return id;
}

/**
 * After any change to a set's questions: its time stamp, and its flashcards made to match in
 * the same transaction (so that opening a deck, a GET, never has to write them).
 */
function touch(db: Db | Tx, setId: string) {
	db.update(questionSet).set({ updatedAt: new Date() }).where(eq(questionSet.id, setId)).run();
	syncSetCards(db, setId);
}

/** Renames, describes and tags a set in one go. */
export function updateSetDetails(
	db: Db,
	teacherId: string,
	setId: string,
	details: SetDetails
): boolean {
	const result = db
		.update(questionSet)
		.set({ ...details, updatedAt: new Date() })
		.where(ownSet(setId, teacherId))
		.run();
	return result.changes === 1;
}

/** A draft copy of the set and all its questions; the new set's id. */
export function duplicateSet(db: Db, teacherId: string, setId: string): string | undefined {
	const original = db.select().from(questionSet).where(ownSet(setId, teacherId)).get();
	if (!original) return undefined;
	const id = generateToken();
	const title = `Copy of ${original.title}`.slice(0, 120);
	db.transaction((tx) => {
		tx.insert(questionSet)
			.values({
				id,
				ownerId: teacherId,
				title,
				description: original.description,
				tags: original.tags,
				status: 'draft',
				origin: original.origin,
				quizSize: original.quizSize
			})
			.run();
		const rows = tx
			.select()
			.from(question)
			.where(eq(question.setId, setId))
			.orderBy(asc(question.position))
			.all();
		for (const row of rows) insertQuestion(tx, id, row.position, row.body as Question);
		touch(tx, id);
	});
	return id;
}

/** Deletes the set with its questions, assignments and the attempts at it. */
export function deleteSet(db: Db, teacherId: string, setId: string): boolean {
	return db.delete(questionSet).where(ownSet(setId, teacherId)).run().changes === 1;
}

export type Outcome = { ok: true } | { ok: false; message: string };

export function publishSet(db: Db, teacherId: string, setId: string): Outcome {
	const set = getTeacherSet(db, teacherId, setId);
	if (!set) return { ok: false, message: 'No set of yours has that id.' };
	if (set.questionCount === 0) {
		return { ok: false, message: 'Add at least one question before you publish the set.' };
	}
	db.update(questionSet)
		.set({ status: 'published', updatedAt: new Date() })
		.where(ownSet(setId, teacherId))
		.run();
	return { ok: true };
}

/** Back to draft: learners no longer see it, though its assignments stay for later. */
export function unpublishSet(db: Db, teacherId: string, setId: string): boolean {
	const result = db
		.update(questionSet)
		.set({ status: 'draft', updatedAt: new Date() })
		.where(ownSet(setId, teacherId))
		.run();
	return result.changes === 1;
}

// ---------------------------------------------------------------------------------------------
// Questions

/**
 * A question of a teacher's set. `id` is the question's own id (unique in its set, what the
 * formats export); the row's primary key is the set's id and that id, unique everywhere.
 */
export interface SetQuestion {
	id: string;
	position: number;
	question: Question;
}

export function rowId(setId: string, questionId: string): string {
	return `${setId}:${questionId}`;
}

/** An id not yet taken in the set: the wanted one, or the wanted one with -2, -3, … */
function freeId(wanted: string, taken: Set<string>): string {
	let id = wanted;
	for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
	taken.add(id);
	return id;
}

/** A fresh id for a question written in the editor. */
export function newQuestionId(): string {
	return `q-${generateToken().slice(0, 10)}`;
}

function takenIds(db: Db | Tx, setId: string): Set<string> {
	return new Set(
		db
			.select({ body: question.body })
			.from(question)
			.where(eq(question.setId, setId))
			.all()
			.map((r) => (r.body as Question).id)
	);
}

function nextPosition(db: Db | Tx, setId: string): number {
	const last = db
		.select({ p: max(question.position) })
		.from(question)
		.where(eq(question.setId, setId))
		.get()?.p;
	return last === null || last === undefined ? 0 : last + 1;
}

function insertQuestion(db: Db | Tx, setId: string, position: number, q: Question): void {
	const id = rowId(setId, q.id);
	db.insert(question).values({ id, setId, position, type: q.type, body: q }).run();
	for (const factId of new Set(q.provenance?.factIds ?? [])) {
		db.insert(questionFact).values({ questionId: id, factId }).run();
	}
}

export function teacherSetQuestions(
	db: Db,
	teacherId: string,
	setId: string
): SetQuestion[] | undefined {
	if (!getTeacherSet(db, teacherId, setId)) return undefined;
	return db
		.select({ position: question.position, body: question.body })
		.from(question)
		.where(eq(question.setId, setId))
		.orderBy(asc(question.position))
		.all()
		.map((r) => ({
			id: (r.body as Question).id,
			position: r.position,
			question: r.body as Question
		}));
}

export function getTeacherQuestion(
	db: Db,
	teacherId: string,
	setId: string,
	questionId: string
): SetQuestion | undefined {
	if (!getTeacherSet(db, teacherId, setId)) return undefined;
	const row = db
		.select({ position: question.position, body: question.body })
		.from(question)
		.where(and(eq(question.setId, setId), eq(question.id, rowId(setId, questionId))))
		.get();
	return row
		? { id: questionId, position: row.position, question: row.body as Question }
		: undefined;
}

export type SaveResult = { ok: true; id: string } | { ok: false; message: string };

function invalid(q: unknown): string | undefined {
	const checked = validateQuestion(q);
	if (checked.ok) return undefined;
	return checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}

/**
 * Adds a question at the end of the set. Its id is kept when free in the set (a generated
 * question keeps the generator's id), made free with -2, -3… otherwise, or made up when empty.
 */
export function addQuestion(db: Db, teacherId: string, setId: string, q: Question): SaveResult {
	if (!getTeacherSet(db, teacherId, setId))
		return { ok: false, message: 'No set of yours has that id.' };
	const problem = invalid({ ...q, id: q.id || 'pending' });
	if (problem) return { ok: false, message: problem };
	return db.transaction(
		(tx) => {
			const id = freeId(q.id || newQuestionId(), takenIds(tx, setId));
			insertQuestion(tx, setId, nextPosition(tx, setId), { ...q, id });
			touch(tx, setId);
			return { ok: true, id } as const;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Replaces a question's content; its id stays, and so does its provenance unless the new
 * content brings one: an edit in the editor never loses where a generated question came from.
 */
export function updateQuestion(
	db: Db,
	teacherId: string,
	setId: string,
	questionId: string,
	q: Question
): SaveResult {
	const existing = getTeacherQuestion(db, teacherId, setId, questionId);
	if (!existing) return { ok: false, message: 'No question of yours has that id.' };
	const provenance = q.provenance ?? existing.question.provenance;
	const body: Question = { ...q, id: questionId, ...(provenance ? { provenance } : {}) };
	const problem = invalid(body);
	if (problem) return { ok: false, message: problem };
	const id = rowId(setId, questionId);
	db.transaction((tx) => {
		tx.update(question).set({ type: body.type, body }).where(eq(question.id, id)).run();
		tx.delete(questionFact).where(eq(questionFact.questionId, id)).run();
		for (const factId of new Set(body.provenance?.factIds ?? [])) {
			tx.insert(questionFact).values({ questionId: id, factId }).run();
		}
		touch(tx, setId);
	});
	return { ok: true, id: questionId };
}

/** Swaps a question with its neighbour; false at either end or for someone else's set. */
export function moveQuestion(
	db: Db,
	teacherId: string,
	setId: string,
	questionId: string,
	direction: 'up' | 'down'
): boolean {
	const list = teacherSetQuestions(db, teacherId, setId);
	if (!list) return false;
	const at = list.findIndex((q) => q.id === questionId);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (at < 0 || to < 0 || to >= list.length) return false;
	const a = list[at]!;
	const b = list[to]!;
	db.transaction((tx) => {
		tx.update(question)
			.set({ position: b.position })
			.where(eq(question.id, rowId(setId, a.id)))
			.run();
		tx.update(question)
			.set({ position: a.position })
			.where(eq(question.id, rowId(setId, b.id)))
			.run();
		touch(tx, setId);
	});
	return true;
}

export function removeQuestion(
	db: Db,
	teacherId: string,
	setId: string,
	questionId: string
): boolean {
	if (!getTeacherSet(db, teacherId, setId)) return false;
	return db.transaction((tx) => {
		const result = tx
			.delete(question)
			.where(and(eq(question.setId, setId), eq(question.id, rowId(setId, questionId))))
			.run();
		if (result.changes !== 1) return false;
		// Close the gap, so positions stay 0…n-1.
		const rest = tx
			.select({ id: question.id })
			.from(question)
			.where(eq(question.setId, setId))
			.orderBy(asc(question.position))
			.all();
		for (const [position, row] of rest.entries()) {
			tx.update(question).set({ position }).where(eq(question.id, row.id)).run();
		}
		touch(tx, setId);
		return true;
	});
}

export type ImportSaveResult = { ok: true; added: number } | { ok: false; message: string };

/**
 * Appends imported questions to the set in ONE transaction: all of them or, if anything is
 * wrong or the database fails part way, none. Ids already in the set get -2, -3…
 */
export function importQuestions(
	db: Db,
	teacherId: string,
	setId: string,
	questions: readonly Question[]
): ImportSaveResult {
	if (!getTeacherSet(db, teacherId, setId))
		return { ok: false, message: 'No set of yours has that id.' };
	if (questions.length === 0) return { ok: false, message: 'There are no questions to import.' };
	if (questions.length > MAX_IMPORT_QUESTIONS) {
		return {
			ok: false,
			message: `An import can have at most ${MAX_IMPORT_QUESTIONS.toLocaleString('en-GB')} questions.`
		};
	}
	for (const [i, q] of questions.entries()) {
		const problem = invalid(q);
		if (problem) return { ok: false, message: `Question ${i + 1}: ${problem}` };
	}
	db.transaction(
		(tx) => {
			const taken = takenIds(tx, setId);
			let position = nextPosition(tx, setId);
			for (const q of questions) {
				insertQuestion(tx, setId, position++, { ...q, id: freeId(q.id, taken) });
			}
			touch(tx, setId);
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, added: questions.length };
}

// ---------------------------------------------------------------------------------------------
// Export and assignment

/** A set as the formats take it: published sets for anyone, and the owner's own drafts. */
export function exportableSet(
	db: Db,
	viewerId: string | null,
	setId: string
): QuestionSet | undefined {
	const set = getVisibleSet(db, setId, viewerId);
	if (!set) return undefined;
	return {
		id: set.id,
		title: set.title,
		...(set.description !== '' ? { description: set.description } : {}),
		...(set.sourceId !== null ? { sourceId: set.sourceId } : {}),
		questions: setQuestions(db, set.id).map((q) => q.question)
	};
}

/** The teacher's classes, each saying whether this set is assigned to it and when it is due. */
export function setAssignments(db: Db, teacherId: string, setId: string) {
	const assigned = new Map(
		db
			.select({ classId: classAssignment.classId, dueOn: classAssignment.dueOn })
			.from(classAssignment)
			.innerJoin(schoolClass, eq(schoolClass.id, classAssignment.classId))
			.where(and(eq(classAssignment.setId, setId), eq(schoolClass.teacherId, teacherId)))
			.all()
			.map((a) => [a.classId, a.dueOn])
	);
	return listTeacherClasses(db, teacherId).map((c) => ({
		id: c.id,
		name: c.name,
		assigned: assigned.has(c.id),
		dueOn: assigned.get(c.id) ?? null
	}));
}

/** Assigns a published set of the teacher's to several of their classes at once. */
export function assignToClasses(
	db: Db,
	teacherId: string,
	setId: string,
	classIds: readonly string[],
	dueOn: string | null
): Outcome {
	const set = getTeacherSet(db, teacherId, setId);
	if (!set) return { ok: false, message: 'No set of yours has that id.' };
	if (set.status !== 'published')
		return { ok: false, message: 'Publish the set before you assign it.' };
	if (classIds.length === 0) return { ok: false, message: 'Choose at least one class.' };
	if (classIds.some((id) => !getOwnedClass(db, teacherId, id))) {
		return { ok: false, message: 'Choose among your own classes.' };
	}
	for (const classId of new Set(classIds)) assignSet(db, teacherId, classId, setId, dueOn);
	return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Generated questions in a set

/** The ids of the set's questions: a generated question is in the set when its id is. */
export function setQuestionIds(db: Db, teacherId: string, setId: string): Set<string> {
	return new Set((teacherSetQuestions(db, teacherId, setId) ?? []).map((q) => q.id));
}

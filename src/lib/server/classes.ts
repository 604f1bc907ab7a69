// Classes, their join codes, rosters and assigned sets. Every function that reads or changes
// a class takes the acting teacher's id and finds nothing for anyone else's class.
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './db';
import { preparedFor } from './db/prepared';
import { classAssignment, classMember, questionSet, schoolClass, user } from './db/schema';
import { recordAudit } from './audit';
import { generateToken } from './auth';

export const classNameSchema = z
	.string()
	.trim()
	.min(1, 'Give the class a name.')
	.max(80, 'Class names are at most 80 characters.');

/** YYYY-MM-DD that is a real day, or empty for none. */
export const dueDateSchema = z
	.string()
	.trim()
	.refine(
		(s) =>
			s === '' ||
			(/^\d{4}-\d{2}-\d{2}$/.test(s) &&
				!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
				new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
		'Give the due date as a day, like 2026-12-01, or leave it empty.'
	)
	.transform((s) => (s === '' ? null : s));

/** Upper-case letters and digits without look-alikes: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
	const bytes = new Uint8Array(JOIN_CODE_LENGTH);
	crypto.getRandomValues(bytes);
	// 256 is not a multiple of 31; the bias this leaves (under 1%) does not matter for a code
	// that only has to be hard to guess among a few classes and is renewable.
	return [...bytes].map((b) => JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length]).join('');
}

/** What a learner types: any case, with spaces or dashes. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

function uniqueCode(db: Db): string {
	for (;;) {
		const code = generateJoinCode();
		const clash = db
			.select({ id: schoolClass.id })
			.from(schoolClass)
			.where(eq(schoolClass.joinCode, code))
			.get();
		if (!clash) return code;
	}
}

export function createClass(db: Db, teacherId: string, name: string) {
	const row = { id: generateToken(), teacherId, name, joinCode: uniqueCode(db) };
	db.insert(schoolClass).values(row).run();
	return row;
}

export function listTeacherClasses(db: Db, teacherId: string) {
	return db
		.select({
			id: schoolClass.id,
			name: schoolClass.name,
			joinCode: schoolClass.joinCode,
			learners: count(classMember.userId)
		})
		.from(schoolClass)
		.leftJoin(classMember, eq(classMember.classId, schoolClass.id))
		.where(eq(schoolClass.teacherId, teacherId))
		.groupBy(schoolClass.id)
		.orderBy(asc(schoolClass.name))
		.all();
}

/** The class reads every page of a class and its report make, prepared once per connection. */
const classStatements = preparedFor((db) => {
	const assignments = (publishedOnly: boolean) =>
		db
			.select({
				setId: questionSet.id,
				title: questionSet.title,
				dueOn: classAssignment.dueOn,
				status: questionSet.status
			})
			.from(classAssignment)
			.innerJoin(questionSet, eq(questionSet.id, classAssignment.setId))
			.where(
				publishedOnly
					? and(
							eq(classAssignment.classId, sql.placeholder('classId')),
							eq(questionSet.status, 'published')
						)
					: eq(classAssignment.classId, sql.placeholder('classId'))
			)
			.orderBy(asc(classAssignment.dueOn), asc(questionSet.title))
			.prepare();
	return {
		owned: db
			.select({ id: schoolClass.id, name: schoolClass.name, joinCode: schoolClass.joinCode })
			.from(schoolClass)
			.where(
				and(
					eq(schoolClass.id, sql.placeholder('classId')),
					eq(schoolClass.teacherId, sql.placeholder('teacherId'))
				)
			)
			.prepare(),
		roster: db
			.select({
				id: user.id,
				username: user.username,
				role: user.role,
				joinedAt: classMember.joinedAt
			})
			.from(classMember)
			.innerJoin(user, eq(user.id, classMember.userId))
			.where(eq(classMember.classId, sql.placeholder('classId')))
			.orderBy(asc(user.usernameKey))
			.prepare(),
		assignments: assignments(false),
		publishedAssignments: assignments(true)
	};
});

export function getOwnedClass(db: Db, teacherId: string, classId: string) {
	return classStatements(db).owned.get({ classId, teacherId });
}

export function classRoster(db: Db, classId: string) {
	return classStatements(db).roster.all({ classId });
}

export function renameClass(db: Db, teacherId: string, classId: string, name: string): boolean {
	const result = db
		.update(schoolClass)
		.set({ name })
		.where(and(eq(schoolClass.id, classId), eq(schoolClass.teacherId, teacherId)))
		.run();
	return result.changes === 1;
}

export function renewJoinCode(db: Db, teacherId: string, classId: string): string | undefined {
	if (!getOwnedClass(db, teacherId, classId)) return undefined;
	const code = uniqueCode(db);
	db.update(schoolClass).set({ joinCode: code }).where(eq(schoolClass.id, classId)).run();
	return code;
}

export function deleteClass(db: Db, teacherId: string, classId: string): boolean {
	const result = db
		.delete(schoolClass)
		.where(and(eq(schoolClass.id, classId), eq(schoolClass.teacherId, teacherId)))
		.run();
	return result.changes === 1;
}

/** A teacher takes a learner out of their class: an action on another account, so audited. */
export function removeLearner(
	db: Db,
	teacher: { id: string; username: string },
	classId: string,
	userId: string
): boolean {
	const found = getOwnedClass(db, teacher.id, classId);
	if (!found) return false;
	return db.transaction((tx) => {
		const result = tx
			.delete(classMember)
			.where(and(eq(classMember.classId, classId), eq(classMember.userId, userId)))
			.run();
		if (result.changes !== 1) return false;
		recordAudit(tx, {
			actor: teacher,
			action: 'remove-from-class',
			targetId: userId,
			detail: `from class ${found.name}`
		});
		return true;
	});
}

export type JoinResult =
	{ ok: true; className: string; already: boolean } | { ok: false; message: string };

export function joinClass(db: Db, userId: string, codeInput: string): JoinResult {
	const code = normaliseJoinCode(codeInput);
	if (code.length !== JOIN_CODE_LENGTH || [...code].some((c) => !JOIN_CODE_ALPHABET.includes(c))) {
		return {
			ok: false,
			message: `A join code is ${JOIN_CODE_LENGTH} letters and digits, like K7QM3P. Check it with your teacher.`
		};
	}
	const found = db
		.select({ id: schoolClass.id, name: schoolClass.name, teacherId: schoolClass.teacherId })
		.from(schoolClass)
		.where(eq(schoolClass.joinCode, code))
		.get();
	if (!found)
		return { ok: false, message: 'No class has that join code. Check it with your teacher.' };
	if (found.teacherId === userId) return { ok: false, message: 'You teach this class.' };
	const inserted = db
		.insert(classMember)
		.values({ classId: found.id, userId })
		.onConflictDoNothing()
		.run();
	return { ok: true, className: found.name, already: inserted.changes === 0 };
}

export function leaveClass(db: Db, userId: string, classId: string): boolean {
	const result = db
		.delete(classMember)
		.where(and(eq(classMember.classId, classId), eq(classMember.userId, userId)))
		.run();
	return result.changes === 1;
}

/** A learner's classes, each with its assigned sets and due dates. */
export function learnerClasses(db: Db, userId: string) {
	const classes = db
		.select({ id: schoolClass.id, name: schoolClass.name, teacher: user.username })
		.from(classMember)
		.innerJoin(schoolClass, eq(schoolClass.id, classMember.classId))
		.innerJoin(user, eq(user.id, schoolClass.teacherId))
		.where(eq(classMember.userId, userId))
		.orderBy(asc(schoolClass.name))
		.all();
	return classes.map((c) => ({ ...c, assignments: classAssignments(db, c.id, true) }));
}

export function classAssignments(db: Db, classId: string, publishedOnly = false) {
	const s = classStatements(db);
	return (publishedOnly ? s.publishedAssignments : s.assignments).all({ classId });
}

/** Published sets a teacher may assign: Factdeck's own, and the teacher's. */
export function assignableSets(db: Db, teacherId: string) {
	return db
		.select({ id: questionSet.id, title: questionSet.title })
		.from(questionSet)
		.where(
			and(
				eq(questionSet.status, 'published'),
				or(isNull(questionSet.ownerId), eq(questionSet.ownerId, teacherId))
			)
		)
		.orderBy(asc(questionSet.title))
		.all();
}

export function assignSet(
	db: Db,
	teacherId: string,
	classId: string,
	setId: string,
	dueOn: string | null
): boolean {
	if (!getOwnedClass(db, teacherId, classId)) return false;
	if (!assignableSets(db, teacherId).some((s) => s.id === setId)) return false;
	db.insert(classAssignment)
		.values({ classId, setId, dueOn })
		.onConflictDoUpdate({
			target: [classAssignment.classId, classAssignment.setId],
			set: { dueOn }
		})
		.run();
	return true;
}

export function unassignSet(db: Db, teacherId: string, classId: string, setId: string): boolean {
	if (!getOwnedClass(db, teacherId, classId)) return false;
	const result = db
		.delete(classAssignment)
		.where(and(eq(classAssignment.classId, classId), eq(classAssignment.setId, setId)))
		.run();
	return result.changes === 1;
}

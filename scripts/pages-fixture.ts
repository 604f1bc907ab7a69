// A school term in a fresh database, for the page benchmark: a teacher with a class of 30
// learners who each took the article's quiz ten times and reviewed flashcards over the weeks,
// and one learner part-way through an attempt (the rest of the class can review while their
// pages are measured). Written through the app's own repositories.
import { factBases } from '../src/lib/content';
import type { Question } from '../src/lib/domain/question';
import { createSession, generateToken, hashPassword } from '../src/lib/server/auth';
import { assignSet, createClass, joinClass } from '../src/lib/server/classes';
import { loadFactBase } from '../src/lib/server/db/content';
import { migrateDatabase, openDatabase } from '../src/lib/server/db';
import { attemptQuestion, user } from '../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { factCardId } from '../src/lib/domain/card-faces';
import { gradeCard, syncFactCards } from '../src/lib/server/flashcards';
import { parseResponseForm } from '../src/lib/server/quiz-form';
import { bankSetId, syncGeneratedSet } from '../src/lib/server/question-sets';
import { finishAttempt, startAttempt, submitAnswer } from '../src/lib/server/quiz';
import { formFor } from './classroom-fixture';

const DAY = 86_400_000;

export interface TermFixture {
	/** Session cookies: the teacher's, and the learner whose pages are measured. */
	teacherCookie: string;
	learnerCookie: string;
	setId: string;
	classId: string;
	sourceId: string;
	/** The learner's attempt in progress, and a finished one. */
	openAttempt: string;
	finishedAttempt: string;
	/** The rest of the class, to review flashcards while the measured learner's pages load. */
	classmates: string[];
	/** The flashcards every learner has reviewed once. */
	cardIds: string[];
	/** The rest of the class's answers to attempts they have open, learner by learner in turn. */
	classAnswers: { path: string; body: string; cookie: string }[];
}

export async function setUpTerm(
	file: string,
	learners = 30,
	attemptsEach = 10,
	classAnswersWanted = 4000
) {
	const db = openDatabase(file);
	migrateDatabase(db);
	const base = factBases[0]!;
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	syncFactCards(db, base.source.id);
	const setId = bankSetId(base.source.id);
	const passwordHash = await hashPassword('bench-password');
	/** Answers the attempt's questions (the first `count`), as a learner's forms would. */
	const answer = (userId: string, attemptId: string, count = Infinity) => {
		const rows = db
			.select({ position: attemptQuestion.position, body: attemptQuestion.body })
			.from(attemptQuestion)
			.where(eq(attemptQuestion.attemptId, attemptId))
			.orderBy(attemptQuestion.position)
			.all()
			.slice(0, count);
		for (const row of rows) {
			const data = new FormData();
			for (const [k, v] of new URLSearchParams(formFor(row.position, row.body as Question))) {
				data.append(k, v);
			}
			submitAnswer(db, userId, attemptId, row.position, (q) => parseResponseForm(q, data));
		}
	};
	const person = (name: string, role: 'learner' | 'teacher') => {
		const id = generateToken();
		db.insert(user).values({ id, username: name, usernameKey: name, passwordHash, role }).run();
		const token = generateToken();
		createSession(db, token, id);
		return { id, cookie: `factdeck_session=${token}` };
	};
	// The first account is the admin: the teacher comes first, as at a school.
	const teacher = person('bench_teacher', 'teacher');
	const made = createClass(db, teacher.id, 'Year 10');
	assignSet(db, teacher.id, made.id, setId, null);
	const start = Date.now() - 70 * DAY;
	const cardIds = base.facts.slice(0, 30).map((f) => factCardId(f.id));
	const cohort = Array.from({ length: learners }, (_, i) => person(`learner${i}`, 'learner'));
	let finishedAttempt = '';
	for (const [i, learner] of cohort.entries()) {
		joinClass(db, learner.id, made.joinCode);
		for (let a = 0; a < attemptsEach; a++) {
			const when = new Date(start + a * 7 * DAY + i * 60_000);
			const started = startAttempt(db, learner.id, setId, 1000 + a * 31 + i, when);
			if (!started.ok) throw new Error(started.message);
			answer(learner.id, started.attemptId);
			finishAttempt(db, learner.id, started.attemptId);
			if (i === 0) finishedAttempt = started.attemptId;
		}
		for (const [c, cardId] of cardIds.entries()) {
			const when = new Date(start + (c % 10) * 5 * DAY + i * 1000);
			gradeCard(db, learner.id, cardId, (((c + i) % 4) + 1) as 1 | 2 | 3 | 4, when, 4000);
		}
	}
	// The rest of the class has attempts open, enough for classAnswersWanted answers in all.
	const queues: TermFixture['classAnswers'][] = cohort.slice(1).map(() => []);
	for (let a = 0, total = 0; total < classAnswersWanted; a++) {
		for (const [k, mate] of cohort.slice(1).entries()) {
			const started = startAttempt(db, mate.id, setId, 5000 + a * 31 + k);
			if (!started.ok) throw new Error(started.message);
			for (const row of db
				.select({ position: attemptQuestion.position, body: attemptQuestion.body })
				.from(attemptQuestion)
				.where(eq(attemptQuestion.attemptId, started.attemptId))
				.orderBy(attemptQuestion.position)
				.all()) {
				queues[k]!.push({
					path: `/attempts/${started.attemptId}?/answer`,
					body: formFor(row.position, row.body as Question),
					cookie: mate.cookie
				});
				total++;
			}
		}
	}
	const classAnswers: TermFixture['classAnswers'] = [];
	for (let i = 0; i < queues[0]!.length; i++) {
		for (const queue of queues) if (queue[i]) classAnswers.push(queue[i]!);
	}
	// The measured learner is part-way through an attempt.
	const learner = cohort[0]!;
	const open = startAttempt(db, learner.id, setId, 777);
	if (!open.ok) throw new Error(open.message);
	answer(learner.id, open.attemptId, 4);
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return {
		teacherCookie: teacher.cookie,
		learnerCookie: learner.cookie,
		setId,
		classId: made.id,
		sourceId: base.source.id,
		openAttempt: open.attemptId,
		finishedAttempt,
		classmates: cohort.slice(1).map((c) => c.cookie),
		cardIds,
		classAnswers
	} satisfies TermFixture;
}

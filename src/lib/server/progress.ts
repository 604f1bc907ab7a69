// A learner's progress, from their attempts and answers: per set the best and latest score
// and a series over time, and per fact whether their answers show they know it.
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './db';
import { inJsonList, preparedFor } from './db/prepared';
import { answer, attempt, attemptQuestion, fact, questionSet, answerToQuestion } from './db/schema';

const historyStatement = preparedFor((db) =>
	db
		.select({
			id: attempt.id,
			startedAt: attempt.startedAt,
			finishedAt: attempt.finishedAt,
			score: attempt.score,
			points: attempt.points,
			questionCount: attempt.questionCount
		})
		.from(attempt)
		.where(
			and(
				eq(attempt.userId, sql.placeholder('userId')),
				eq(attempt.setId, sql.placeholder('setId'))
			)
		)
		.orderBy(desc(attempt.startedAt))
		.prepare()
);

export function setAttemptHistory(db: Db, userId: string, setId: string) {
	return historyStatement(db)
		.all({ userId, setId })
		.map((a) => ({ ...a, finished: a.finishedAt !== null }));
}

export interface SetProgress {
	setId: string;
	title: string;
	attempts: number;
	/** Percentages of finished attempts. */
	best: number;
	latest: number;
	/** Finished attempts, oldest first, for the chart. */
	series: { finishedAt: number; percent: number; score: number; of: number }[];
}

export interface FactProgress {
	factId: string;
	statement: string;
	sourceId: string;
	right: number;
	wrong: number;
	lastCorrect: boolean;
}

export interface Progress {
	sets: SetProgress[];
	known: FactProgress[];
	missing: FactProgress[];
}

const percent = (score: number, of: number) => (of === 0 ? 0 : Math.round((100 * score) / of));

/** The reads of the progress page, prepared once per connection: it is read after every answer. */
const progressStatements = preparedFor((db) => ({
	finished: db
		.select({
			setId: attempt.setId,
			title: questionSet.title,
			// Marks, part marks included: 2 of 3 options right counts 0.67, not 0.
			score: attempt.points,
			of: attempt.questionCount,
			finishedAt: attempt.finishedAt
		})
		.from(attempt)
		.innerJoin(questionSet, eq(questionSet.id, attempt.setId))
		.where(and(eq(attempt.userId, sql.placeholder('userId')), isNotNull(attempt.finishedAt)))
		.orderBy(asc(attempt.finishedAt))
		.prepare(),
	// Every answer of every attempt, oldest first, credited to the facts its question tests.
	answers: db
		.select({ correct: answer.correct, factIds: attemptQuestion.factIds })
		.from(answer)
		.innerJoin(attempt, eq(attempt.id, answer.attemptId))
		.innerJoin(attemptQuestion, answerToQuestion)
		.where(eq(attempt.userId, sql.placeholder('userId')))
		.orderBy(asc(answer.answeredAt))
		.prepare(),
	facts: db
		.select({ id: fact.id, statement: fact.statement, sourceId: fact.sourceId })
		.from(fact)
		.where(inJsonList(fact.id, 'factIds'))
		.prepare()
}));

export function learnerProgress(db: Db, userId: string): Progress {
	const s = progressStatements(db);
	const finished = s.finished.all({ userId });
	const bySet = new Map<string, SetProgress>();
	for (const a of finished) {
		const entry = bySet.get(a.setId) ?? {
			setId: a.setId,
			title: a.title,
			attempts: 0,
			best: 0,
			latest: 0,
			series: []
		};
		const p = percent(a.score, a.of);
		entry.attempts += 1;
		entry.best = Math.max(entry.best, p);
		entry.latest = p;
		entry.series.push({
			finishedAt: a.finishedAt!.getTime(),
			percent: p,
			score: a.score,
			of: a.of
		});
		bySet.set(a.setId, entry);
	}

	const answers = s.answers.all({ userId });
	const tally = new Map<string, { right: number; wrong: number; lastCorrect: boolean }>();
	for (const a of answers) {
		for (const factId of a.factIds) {
			const t = tally.get(factId) ?? { right: 0, wrong: 0, lastCorrect: false };
			if (a.correct) t.right += 1;
			else t.wrong += 1;
			t.lastCorrect = a.correct;
			tally.set(factId, t);
		}
	}
	const facts = tally.size ? s.facts.all({ factIds: JSON.stringify([...tally.keys()]) }) : [];
	const rows: FactProgress[] = facts.map((f) => ({
		factId: f.id,
		statement: f.statement,
		sourceId: f.sourceId,
		...tally.get(f.id)!
	}));
	// Known: the latest answer was right and right answers outnumber wrong ones.
	const known = rows.filter((r) => r.lastCorrect && r.right > r.wrong);
	const missing = rows
		.filter((r) => !(r.lastCorrect && r.right > r.wrong))
		.sort((a, b) => b.wrong - a.wrong || a.right - b.right);
	return { sets: [...bySet.values()], known, missing };
}

// A class's report for its teacher, over the sets assigned to it and the learners in it now:
// per learner their attempts, best and latest score and last activity; per question the share
// answered right, the wrong answer chosen most and flags; per fact how much of the class knows
// it; and the class's live sessions with each player's score. And the same tables as CSV.
import { and, asc, eq, sql } from 'drizzle-orm';
import { describeResponse } from '../domain/describe-response';
import type { Response } from '../domain/grade-answer';
import type { Question } from '../domain/question';
import type { Ranked } from '../domain/live-scoring';
import { classAssignments, classRoster, getOwnedClass } from './classes';
import { classSessions } from './live-sessions';
import { standings } from './live-views';
import type { Db } from './db';
import { inJsonList, preparedFor } from './db/prepared';
import { classLearnersVersion, contentVersion, liveVersion } from './db/page-versions';
import { ReadCache } from './db/read-cache';
import {
	answer,
	attempt,
	attemptQuestion,
	fact,
	question,
	questionSet,
	answerToQuestion
} from './db/schema';

/** Flags need this many answers: one learner's slip says nothing about a question. */
export const FLAG_MIN_ANSWERS = 5;
export const TOO_EASY_PERCENT = 90;
export const TOO_HARD_PERCENT = 30;

export interface LearnerRow {
	userId: string;
	username: string;
	/** Attempts started, finished or not. */
	attempts: number;
	finished: number;
	/** Percentages of finished attempts; null before the first is finished. */
	best: number | null;
	latest: number | null;
	lastActivity: Date | null;
}

export type QuestionFlag =
	{ kind: 'too-easy' } | { kind: 'too-hard' } | { kind: 'unpicked-distractor'; choice: string };

export interface QuestionRow {
	questionId: string;
	number: number;
	prompt: string;
	type: string;
	answers: number;
	right: number;
	/** Percentage right; null with no answers. */
	percentRight: number | null;
	/** The wrong answer given most, as text, and how often. */
	topWrong: { text: string; count: number } | null;
	/** Average marks, part marks included, as a percentage; null with no marked answers. */
	percentMarks: number | null;
	/** Choice questions: how often each option was picked, by its text, right ones marked. */
	options: { text: string; right: boolean; picked: number; percent: number }[];
	/** Open responses: what each learner wrote, and how they marked it (null: not yet). */
	responses: { username: string; text: string; score: number | null }[];
	flags: QuestionFlag[];
}

export interface SetReport {
	setId: string;
	title: string;
	status: string;
	dueOn: string | null;
	learners: LearnerRow[];
	questions: QuestionRow[];
}

export interface FactRow {
	factId: string;
	statement: string;
	sourceId: string;
	/** Learners who answered a question on the fact. */
	answered: number;
	/** Learners whose latest answer on the fact was right. */
	knowing: number;
	/** Of the whole class. */
	percentKnowing: number;
}

/** A live session run for the class: its players (guests too) with their scores. */
export interface LiveSessionReport {
	sessionId: string;
	setTitle: string;
	createdAt: Date;
	ended: boolean;
	/** Questions put to the class so far. */
	asked: number;
	players: Ranked[];
}

export interface ClassReport {
	classId: string;
	name: string;
	learnerCount: number;
	sets: SetReport[];
	facts: FactRow[];
	live: LiveSessionReport[];
}

const percent = (part: number, whole: number) =>
	whole === 0 ? 0 : Math.round((100 * part) / whole);

export function flagLabel(flag: QuestionFlag): string {
	switch (flag.kind) {
		case 'too-easy':
			return `Too easy: ${TOO_EASY_PERCENT}% or more right`;
		case 'too-hard':
			return `Too hard: ${TOO_HARD_PERCENT}% or less right`;
		case 'unpicked-distractor':
			return `Nobody picked “${flag.choice}”`;
	}
}

/**
 * The report's reads, prepared once per connection: after every answer the report is read
 * afresh, and building these queries' SQL cost more than running them. Lists of ids are bound
 * as JSON arrays (see inJsonList).
 */
const reportStatements = preparedFor((db) => {
	const ofClass = and(inJsonList(attempt.setId, 'setIds'), inJsonList(attempt.userId, 'userIds'));
	return {
		attempts: db.select().from(attempt).where(ofClass).orderBy(asc(attempt.startedAt)).prepare(),
		answers: db
			.select({
				userId: attempt.userId,
				setId: attempt.setId,
				questionId: attemptQuestion.questionId,
				// What the report reads of the question as asked, not its whole body (prompt,
				// explanation, evidence): parsing every answer's whole question was a sixth of a
				// report's time, and most of its garbage.
				body: sql<AskedQuestion>`json_object('type', ${attemptQuestion.body} ->> '$.type', 'choices', ${attemptQuestion.body} -> '$.choices', 'correctChoiceId', ${attemptQuestion.body} ->> '$.correctChoiceId', 'pairs', ${attemptQuestion.body} -> '$.pairs')`.mapWith(
					(text: string) => JSON.parse(text) as AskedQuestion
				),
				factIds: attemptQuestion.factIds,
				response: answer.response,
				correct: answer.correct,
				score: answer.score,
				answeredAt: answer.answeredAt
			})
			.from(answer)
			.innerJoin(attempt, eq(attempt.id, answer.attemptId))
			.innerJoin(attemptQuestion, answerToQuestion)
			.where(ofClass)
			.orderBy(asc(answer.answeredAt))
			.prepare(),
		quizSize: db
			.select({ quizSize: questionSet.quizSize })
			.from(questionSet)
			.where(eq(questionSet.id, sql.placeholder('setId')))
			.prepare(),
		questions: db
			.select({ id: question.id, position: question.position, body: question.body })
			.from(question)
			.where(eq(question.setId, sql.placeholder('setId')))
			.orderBy(asc(question.position))
			.prepare(),
		facts: db
			.select({
				id: fact.id,
				statement: fact.statement,
				sourceId: fact.sourceId,
				position: fact.position
			})
			.from(fact)
			.where(inJsonList(fact.id, 'factIds'))
			.prepare()
	};
});

const reports = new ReadCache<ClassReport | undefined>(50);

/**
 * What a class's report shows changes with the content (sets, the roster, names), live
 * sessions, and its learners' own rows: not with another class's answers.
 */
export function reportVersion(db: Db, classId: string): string {
	return `${contentVersion(db)}:${liveVersion(db)}:${classLearnersVersion(db, classId)}`;
}

/**
 * The report of the teacher's own class, or undefined for anyone else's. A class of 30 over a
 * term reads thousands of answers, and a teacher (or a projector) reloads it: it is read again
 * only after a write it may show (reportVersion).
 */
export function classReport(db: Db, teacherId: string, classId: string): ClassReport | undefined {
	return reports.get(
		db,
		`${teacherId}\u0000${classId}`,
		() => readClassReport(db, teacherId, classId),
		reportVersion(db, classId)
	);
}

/** Items by key, each list in the items' order. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const list = groups.get(key);
		if (list) list.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

function readClassReport(db: Db, teacherId: string, classId: string): ClassReport | undefined {
	const found = getOwnedClass(db, teacherId, classId);
	if (!found) return undefined;
	const roster = classRoster(db, classId);
	const learnerIds = roster.map((r) => r.id);
	const assignments = classAssignments(db, classId);
	const setIds = assignments.map((a) => a.setId);
	const none = learnerIds.length === 0 || setIds.length === 0;

	const statements = reportStatements(db);
	const ofClass = { setIds: JSON.stringify(setIds), userIds: JSON.stringify(learnerIds) };
	const attempts = none ? [] : statements.attempts.all(ofClass);
	const answers = none ? [] : statements.answers.all(ofClass);

	const names = new Map(roster.map((r) => [r.id, r.username ?? 'guest']));
	const sets: SetReport[] = assignments.map((a) => {
		const setAttempts = attempts.filter((t) => t.setId === a.setId);
		const setAnswers = answers.filter((x) => x.setId === a.setId);
		const attemptsOf = groupBy(setAttempts, (t) => t.userId);
		const answersOf = groupBy(setAnswers, (x) => x.userId);
		const learners = roster.map((r): LearnerRow => {
			const mine = attemptsOf.get(r.id) ?? [];
			const finished = mine
				.filter((t) => t.finishedAt !== null)
				.sort((x, y) => x.finishedAt!.getTime() - y.finishedAt!.getTime());
			const scores = finished.map((t) => percent(t.points, t.questionCount));
			const times = [
				...mine.flatMap((t) => [t.startedAt.getTime(), t.finishedAt?.getTime() ?? 0]),
				...(answersOf.get(r.id) ?? []).map((x) => x.answeredAt.getTime())
			];
			const last = times.length ? Math.max(...times) : 0;
			return {
				userId: r.id,
				username: r.username ?? 'guest',
				attempts: mine.length,
				finished: finished.length,
				best: scores.length ? Math.max(...scores) : null,
				latest: scores.length ? scores[scores.length - 1]! : null,
				lastActivity: last ? new Date(last) : null
			};
		});
		return {
			setId: a.setId,
			title: a.title,
			status: a.status,
			dueOn: a.dueOn,
			learners,
			questions: questionRows(db, a.setId, setAnswers, names)
		};
	});

	return {
		classId,
		name: found.name,
		learnerCount: roster.length,
		sets,
		facts: factRows(db, answers, roster.length),
		live: classSessions(db, teacherId, classId).map((s) => ({
			sessionId: s.id,
			setTitle: s.setTitle,
			createdAt: s.createdAt,
			ended: s.phase === 'ended',
			asked: s.asked,
			players: standings(db, s.id)
		}))
	};
}

/**
 * A question as it was asked, with only what the report reads of it: its type, choices, key
 * and pairs (what describeResponse and the pick rates use); its other fields are absent.
 */
type AskedQuestion = Question;

type AnswerRow = {
	userId: string;
	questionId: string | null;
	body: AskedQuestion;
	factIds: string[];
	response: unknown;
	correct: boolean;
	score: number | null;
	answeredAt: Date;
};

function questionRows(
	db: Db,
	setId: string,
	answers: AnswerRow[],
	names: Map<string, string>
): QuestionRow[] {
	const statements = reportStatements(db);
	const set = statements.quizSize.get({ setId });
	const stored = statements.questions.all({ setId });
	const byQuestion = new Map<string, AnswerRow[]>();
	for (const a of answers) {
		if (a.questionId === null) continue;
		const list = byQuestion.get(a.questionId);
		if (list) list.push(a);
		else byQuestion.set(a.questionId, [a]);
	}
	// A set that draws a few questions from a large bank lists only the ones asked.
	const drawn = set?.quizSize != null && set.quizSize < stored.length;
	return stored
		.filter((s) => (s.body as Question).type !== 'description')
		.filter((s) => !drawn || byQuestion.has(s.id))
		.map((s) =>
			questionRow(s.id, s.position + 1, s.body as Question, byQuestion.get(s.id) ?? [], names)
		);
}

function questionRow(
	questionId: string,
	number: number,
	q: Question,
	answers: AnswerRow[],
	names: Map<string, string>
): QuestionRow {
	const right = answers.filter((a) => a.correct).length;
	const percentRight = answers.length ? percent(right, answers.length) : null;
	const wrong = new Map<string, number>();
	// For choice questions: how often each wrong choice was offered and picked, by its text (a
	// generated question's choices change from attempt to attempt, their texts are comparable).
	const offered = new Map<string, number>();
	const picked = new Map<string, number>();
	for (const a of answers) {
		const asked = a.body;
		const text = describeResponse(asked, a.response as Response);
		if (!a.correct) wrong.set(text, (wrong.get(text) ?? 0) + 1);
		if (asked.type === 'multiple_choice') {
			for (const c of asked.choices) {
				if (c.id === asked.correctChoiceId) continue;
				offered.set(c.text, (offered.get(c.text) ?? 0) + 1);
			}
			if (!a.correct) picked.set(text, (picked.get(text) ?? 0) + 1);
		}
	}
	let topWrong: QuestionRow['topWrong'] = null;
	for (const [text, n] of [...wrong].sort((x, y) => x[0].localeCompare(y[0]))) {
		if (!topWrong || n > topWrong.count) topWrong = { text, count: n };
	}
	const flags: QuestionFlag[] = [];
	if (answers.length >= FLAG_MIN_ANSWERS && percentRight !== null) {
		if (percentRight >= TOO_EASY_PERCENT) flags.push({ kind: 'too-easy' });
		if (percentRight <= TOO_HARD_PERCENT) flags.push({ kind: 'too-hard' });
		for (const [choice, times] of [...offered].sort((x, y) => x[0].localeCompare(y[0]))) {
			if (times >= FLAG_MIN_ANSWERS && !picked.has(choice)) {
				flags.push({ kind: 'unpicked-distractor', choice });
			}
		}
	}
	const marked = answers.filter((a) => a.score !== null);
	const percentMarks = marked.length
		? Math.round((100 * marked.reduce((sum, a) => sum + (a.score ?? 0), 0)) / marked.length)
		: null;
	return {
		questionId,
		number,
		prompt: q.prompt,
		type: q.type,
		answers: answers.length,
		right,
		percentRight,
		topWrong,
		percentMarks,
		options: pickRates(q, answers),
		responses:
			q.type === 'open_response'
				? answers.map((a) => ({
						username: names.get(a.userId) ?? 'guest',
						text: describeResponse(a.body, a.response as Response),
						score: a.score
					}))
				: [],
		flags
	};
}

/**
 * How often each option of a choice question was picked, by text (a generated question's
 * choices vary by attempt), as a share of the answers that offered it.
 */
function pickRates(q: Question, answers: AnswerRow[]): QuestionRow['options'] {
	if (q.type !== 'multiple_choice' && q.type !== 'multiple_response') return [];
	const offered = new Map<string, number>();
	const picked = new Map<string, number>();
	const right = new Set<string>();
	for (const a of answers) {
		const asked = a.body;
		const response = a.response as Response;
		if (asked.type === 'multiple_choice') {
			for (const c of asked.choices) offered.set(c.text, (offered.get(c.text) ?? 0) + 1);
			right.add(asked.choices.find((c) => c.id === asked.correctChoiceId)?.text ?? '');
			const chosen =
				response.type === 'multiple_choice'
					? asked.choices.find((c) => c.id === response.choiceId)
					: undefined;
			if (chosen) picked.set(chosen.text, (picked.get(chosen.text) ?? 0) + 1);
		} else if (asked.type === 'multiple_response') {
			for (const c of asked.choices) {
				offered.set(c.text, (offered.get(c.text) ?? 0) + 1);
				if (c.weight > 0) right.add(c.text);
				if (response.type === 'multiple_response' && response.choiceIds.includes(c.id)) {
					picked.set(c.text, (picked.get(c.text) ?? 0) + 1);
				}
			}
		}
	}
	const order = q.choices.map((c) => c.text);
	return [...offered]
		.sort(
			([x], [y]) =>
				(order.indexOf(x) + 1 || Infinity) - (order.indexOf(y) + 1 || Infinity) ||
				x.localeCompare(y)
		)
		.map(([text, times]) => ({
			text,
			right: right.has(text),
			picked: picked.get(text) ?? 0,
			percent: percent(picked.get(text) ?? 0, times)
		}));
}

function factRows(db: Db, answers: AnswerRow[], classSize: number): FactRow[] {
	// Answers come oldest first, so the last one seen per learner and fact is the latest.
	const latest = new Map<string, Map<string, boolean>>();
	for (const a of answers) {
		for (const factId of new Set(a.factIds)) {
			const byLearner = latest.get(factId) ?? new Map<string, boolean>();
			byLearner.set(a.userId, a.correct);
			latest.set(factId, byLearner);
		}
	}
	if (latest.size === 0) return [];
	const facts = reportStatements(db).facts.all({ factIds: JSON.stringify([...latest.keys()]) });
	return facts
		.map((f) => {
			const byLearner = latest.get(f.id)!;
			const knowing = [...byLearner.values()].filter(Boolean).length;
			return {
				factId: f.id,
				statement: f.statement,
				sourceId: f.sourceId,
				answered: byLearner.size,
				knowing,
				percentKnowing: percent(knowing, classSize),
				position: f.position
			};
		})
		.sort((x, y) => x.percentKnowing - y.percentKnowing || x.position - y.position)
		.map(({ position: _position, ...row }) => row);
}

// ---------------------------------------------------------------------------------------------
// CSV

export const reportTables = ['learners', 'questions', 'facts'] as const;
export type ReportTable = (typeof reportTables)[number];

/**
 * One CSV field: quoted when needed, and a text a spreadsheet would run as a formula (=, +, -,
 * @ first) is prefixed with an apostrophe, so nothing a learner or teacher typed runs there.
 */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number | null)[][]): string {
	return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One table of the report as CSV, with a header row. */
export function reportCsv(report: ClassReport, table: ReportTable): string {
	switch (table) {
		case 'learners':
			return csv([
				[
					'set',
					'learner',
					'attempts',
					'finished',
					'best_percent',
					'latest_percent',
					'last_activity'
				],
				...report.sets.flatMap((s) =>
					s.learners.map((l) => [
						s.title,
						l.username,
						l.attempts,
						l.finished,
						l.best,
						l.latest,
						l.lastActivity?.toISOString() ?? null
					])
				)
			]);
		case 'questions':
			return csv([
				[
					'set',
					'number',
					'question',
					'type',
					'answers',
					'right_percent',
					'marks_percent',
					'most_chosen_wrong_answer',
					'times_chosen',
					'flags'
				],
				...report.sets.flatMap((s) =>
					s.questions.map((q) => [
						s.title,
						q.number,
						q.prompt,
						q.type,
						q.answers,
						q.percentRight,
						q.percentMarks,
						q.topWrong?.text ?? null,
						q.topWrong?.count ?? null,
						q.flags.map(flagLabel).join('; ')
					])
				)
			]);
		case 'facts':
			return csv([
				[
					'fact',
					'statement',
					'learners_answered',
					'learners_knowing',
					'class_size',
					'percent_knowing'
				],
				...report.facts.map((f) => [
					f.factId,
					f.statement,
					f.answered,
					f.knowing,
					report.learnerCount,
					f.percentKnowing
				])
			]);
	}
}

import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import type { Response } from '../domain/grade-answer';
import type { MultipleChoiceQuestion, Question } from '../domain/question';
import { createGuest } from './accounts';
import { classReport, csvField, flagLabel, reportCsv } from './class-report';
import { assignSet, createClass, joinClass } from './classes';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { user } from './db/schema';
import { finishAttempt, markOpenResponse, startAttempt, submitAnswer } from './quiz';
import { addQuestion, createSet, publishSet } from './teacher-sets';
import { createTestDb } from './testing/test-db';

let db: Db;
let teacher: string;
let classId: string;
let joinCode: string;
let setId: string;

const mc: MultipleChoiceQuestion = {
	id: 'capital',
	type: 'multiple_choice',
	prompt: 'Which is the capital of Italy?',
	choices: [
		{ id: 'rome', text: 'Rome' },
		{ id: 'milan', text: 'Milan' },
		{ id: 'turin', text: 'Turin' }
	],
	correctChoiceId: 'rome',
	explanation: '',
	provenance: { sourceId: 'xi-moscow-2023-03-21', factIds: ['putin-escorted-xi'], quote: 'q' }
};
const sa: Question = {
	id: 'hard',
	type: 'short_answer',
	prompt: 'Who painted the ceiling of the Sistine Chapel?',
	answer: 'Michelangelo',
	alternatives: [],
	explanation: '',
	provenance: {
		sourceId: 'xi-moscow-2023-03-21',
		factIds: ['putin-called-xi-dear-friend'],
		quote: 'q'
	}
};

function person(name: string, role: 'learner' | 'teacher' = 'learner'): string {
	db.insert(user).values({ id: name, username: name, usernameKey: name, role }).run();
	return name;
}

/** A learner in the class who takes the set once, answering as told, at a given time. */
function takes(
	learner: string,
	responses: { capital: string; hard: string },
	at: Date,
	finish = true
) {
	const started = startAttempt(db, learner, setId, 1, at);
	if (!started.ok) throw new Error(started.message);
	const respond = (q: Question): Response =>
		q.type === 'multiple_choice'
			? { type: 'multiple_choice', choiceId: responses.capital }
			: { type: 'short_answer', text: responses.hard };
	for (const position of [0, 1]) {
		submitAnswer(
			db,
			learner,
			started.attemptId,
			position,
			(q) => ({ ok: true, response: respond(q) }),
			new Date(at.getTime() + (position + 1) * 1000)
		);
	}
	if (finish) finishAttempt(db, learner, started.attemptId, new Date(at.getTime() + 5000));
	return started.attemptId;
}

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, factBases[0]!);
	teacher = person('teacher', 'teacher');
	const created = createClass(db, teacher, 'Year 9');
	classId = created.id;
	joinCode = created.joinCode;
	setId = createSet(db, teacher, { title: 'Italy', description: '', tags: [] });
	addQuestion(db, teacher, setId, mc);
	addQuestion(db, teacher, setId, sa);
	publishSet(db, teacher, setId);
	assignSet(db, teacher, classId, setId, '2030-01-01');
});

function learnerInClass(name: string) {
	const id = person(name);
	expect(joinClass(db, id, joinCode)).toMatchObject({ ok: true });
	return id;
}

describe('classReport', () => {
	it('is read again after any write, so a new answer shows at once', () => {
		const ada = learnerInClass('ada');
		const before = classReport(db, teacher, classId)!;
		// Unchanged data: the same report, not a new reading.
		expect(classReport(db, teacher, classId)).toBe(before);
		expect(before.sets[0]!.learners[0]).toMatchObject({ userId: ada, attempts: 0 });
		takes(ada, { capital: 'rome', hard: 'Michelangelo' }, new Date('2030-01-01T10:00:00Z'));
		const after = classReport(db, teacher, classId)!;
		expect(after).not.toBe(before);
		expect(after.sets[0]!.learners[0]).toMatchObject({ userId: ada, attempts: 1, best: 100 });
	});

	// Its reads are prepared once per connection with the class's learners and sets bound as
	// lists: each report must bind the lists as they are now.
	it('shows a learner who joins and a set assigned since the last report', () => {
		const ada = learnerInClass('ada');
		takes(ada, { capital: 'rome', hard: 'Michelangelo' }, new Date('2030-01-01T10:00:00Z'));
		const before = classReport(db, teacher, classId)!;
		expect(before.sets[0]!.learners.map((l) => l.username)).toEqual(['ada']);
		expect(before.facts.map((f) => [f.factId, f.knowing])).toEqual([
			['putin-called-xi-dear-friend', 1],
			['putin-escorted-xi', 1]
		]);

		const bo = learnerInClass('bo');
		takes(bo, { capital: 'milan', hard: 'nope' }, new Date('2030-01-02T10:00:00Z'));
		const second = createSet(db, teacher, { title: 'Rome', description: '', tags: [] });
		addQuestion(db, teacher, second, { ...mc, id: 'capital-again' });
		publishSet(db, teacher, second);
		assignSet(db, teacher, classId, second, '2030-02-01');
		const after = classReport(db, teacher, classId)!;
		expect(after.sets.map((s) => s.title)).toEqual(['Italy', 'Rome']);
		expect(after.sets[0]!.learners.map((l) => [l.username, l.best])).toEqual([
			['ada', 100],
			['bo', 0]
		]);
		expect(after.sets[0]!.questions.map((q) => q.answers)).toEqual([2, 2]);
		expect(after.sets[1]!.learners.map((l) => l.attempts)).toEqual([0, 0]);
		expect(after.facts.map((f) => [f.factId, f.answered, f.knowing])).toEqual([
			['putin-called-xi-dear-friend', 2, 1],
			['putin-escorted-xi', 2, 1]
		]);
	});

	it("is the owner's alone", () => {
		const rival = person('rival', 'teacher');
		expect(classReport(db, rival, classId)).toBeUndefined();
		expect(classReport(db, teacher, classId)).toMatchObject({ name: 'Year 9', learnerCount: 0 });
	});

	it('gives each learner their attempts, best and latest score and last activity', () => {
		const ada = learnerInClass('ada');
		const bo = learnerInClass('bo');
		takes(ada, { capital: 'rome', hard: 'Michelangelo' }, new Date('2030-01-01T10:00:00Z'));
		takes(ada, { capital: 'milan', hard: 'Michelangelo' }, new Date('2030-01-02T10:00:00Z'));
		takes(ada, { capital: 'milan', hard: 'nope' }, new Date('2030-01-03T10:00:00Z'), false);
		const report = classReport(db, teacher, classId)!;
		expect(report.sets).toHaveLength(1);
		expect(report.sets[0]!.learners).toEqual([
			{
				userId: ada,
				username: 'ada',
				attempts: 3,
				finished: 2,
				best: 100,
				latest: 50,
				lastActivity: new Date('2030-01-03T10:00:02Z')
			},
			{
				userId: bo,
				username: 'bo',
				attempts: 0,
				finished: 0,
				best: null,
				latest: null,
				lastActivity: null
			}
		]);
	});

	it('leaves out learners outside the class and sets not assigned to it', () => {
		const outsider = person('outsider');
		takes(outsider, { capital: 'rome', hard: 'x' }, new Date('2030-01-01T10:00:00Z'));
		const guest = createGuest(db);
		joinClass(db, guest, joinCode);
		const report = classReport(db, teacher, classId)!;
		expect(report.sets[0]!.learners.map((l) => l.username)).toEqual(['guest']);
		expect(report.sets[0]!.questions.every((q) => q.answers === 0)).toBe(true);
		expect(report.facts).toEqual([]);
	});

	it('gives each question its share right, the wrong answer chosen most, and flags', () => {
		const answers: [string, string][] = [
			['milan', 'Raphael'],
			['rome', 'Raphael'],
			['rome', 'Leonardo'],
			['rome', 'raphael'],
			['rome', 'michelangelo'],
			['rome', 'Donatello']
		];
		for (const [i, [capital, hard]] of answers.entries()) {
			takes(learnerInClass(`l${i}`), { capital, hard }, new Date(Date.UTC(2030, 0, 1, i)));
		}
		const [capital, hard] = classReport(db, teacher, classId)!.sets[0]!.questions;
		expect(capital).toMatchObject({
			number: 1,
			prompt: 'Which is the capital of Italy?',
			answers: 6,
			right: 5,
			percentRight: 83,
			topWrong: { text: 'Milan', count: 1 },
			flags: [{ kind: 'unpicked-distractor', choice: 'Turin' }]
		});
		// Typed answers are compared as typed: "Raphael" twice beats "raphael" once.
		expect(hard).toMatchObject({
			number: 2,
			answers: 6,
			right: 1,
			percentRight: 17,
			topWrong: { text: 'Raphael', count: 2 },
			flags: [{ kind: 'too-hard' }]
		});
		expect(flagLabel(capital!.flags[0]!)).toBe('Nobody picked “Turin”');
	});

	it('flags a question too easy only after enough answers', () => {
		for (let i = 0; i < 4; i++) {
			takes(
				learnerInClass(`l${i}`),
				{ capital: 'rome', hard: 'x' },
				new Date(Date.UTC(2030, 0, 1, i))
			);
		}
		expect(classReport(db, teacher, classId)!.sets[0]!.questions[0]!.flags).toEqual([]);
		takes(learnerInClass('l4'), { capital: 'rome', hard: 'x' }, new Date(Date.UTC(2030, 0, 2)));
		expect(classReport(db, teacher, classId)!.sets[0]!.questions[0]!.flags).toEqual([
			{ kind: 'too-easy' },
			{ kind: 'unpicked-distractor', choice: 'Milan' },
			{ kind: 'unpicked-distractor', choice: 'Turin' }
		]);
	});

	it('counts, per fact, the learners whose latest answer on it was right, of the whole class', () => {
		const ada = learnerInClass('ada');
		const bo = learnerInClass('bo');
		learnerInClass('cy');
		learnerInClass('di');
		// Ada was wrong, then right; Bo was right, then wrong.
		takes(ada, { capital: 'milan', hard: 'x' }, new Date('2030-01-01T10:00:00Z'));
		takes(ada, { capital: 'rome', hard: 'x' }, new Date('2030-01-02T10:00:00Z'));
		takes(bo, { capital: 'rome', hard: 'Michelangelo' }, new Date('2030-01-01T11:00:00Z'));
		takes(bo, { capital: 'turin', hard: 'Michelangelo' }, new Date('2030-01-03T11:00:00Z'));
		expect(classReport(db, teacher, classId)!.facts).toEqual([
			{
				factId: 'putin-called-xi-dear-friend',
				statement: expect.any(String),
				sourceId: 'xi-moscow-2023-03-21',
				answered: 2,
				knowing: 1,
				percentKnowing: 25
			},
			{
				factId: 'putin-escorted-xi',
				statement: expect.any(String),
				sourceId: 'xi-moscow-2023-03-21',
				answered: 2,
				knowing: 1,
				percentKnowing: 25
			}
		]);
	});
});

describe('reportCsv', () => {
	it('writes each table with a header row, and defuses formulas', () => {
		const ada = learnerInClass('=HYPERLINK("x")');
		takes(ada, { capital: 'milan', hard: '+1, @SUM(A1)' }, new Date('2030-01-01T10:00:00Z'));
		const report = classReport(db, teacher, classId)!;
		const learners = reportCsv(report, 'learners')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(learners[0]).toBe(
			'set,learner,attempts,finished,best_percent,latest_percent,last_activity'
		);
		expect(learners[1]).toBe(`Italy,"'=HYPERLINK(""x"")",1,1,0,0,2030-01-01T10:00:05.000Z`);
		const questions = reportCsv(report, 'questions').split('\r\n');
		expect(questions[0]).toBe(
			'\uFEFFset,number,question,type,answers,right_percent,marks_percent,most_chosen_wrong_answer,times_chosen,flags'
		);
		expect(questions[2]).toBe(
			`Italy,2,Who painted the ceiling of the Sistine Chapel?,short_answer,1,0,0,"'+1, @SUM(A1)",1,`
		);
		expect(reportCsv(report, 'facts').split('\r\n')[0]).toBe(
			'\uFEFFfact,statement,learners_answered,learners_knowing,class_size,percent_knowing'
		);
		expect(csvField('-3')).toBe("'-3");
		expect(csvField(-3)).toBe('-3');
		expect(csvField(null)).toBe('');
	});
});

describe('the new kinds of question', () => {
	it('shows how often each option was picked, and what each learner wrote, with their mark', () => {
		const quad: Question = {
			id: 'quad',
			type: 'multiple_response',
			prompt: 'Which are in the Quad?',
			choices: [
				{ id: 'in', text: 'India', weight: 0.5 },
				{ id: 'au', text: 'Australia', weight: 0.5 },
				{ id: 'cn', text: 'China', weight: -1 }
			],
			allOrNothing: false,
			explanation: ''
		};
		const why: Question = {
			id: 'why',
			type: 'open_response',
			prompt: 'Why?',
			modelAnswer: '',
			explanation: ''
		};
		const other = createSet(db, teacher, { title: 'Quad', description: '', tags: [] });
		addQuestion(db, teacher, other, quad);
		addQuestion(db, teacher, other, {
			id: 'read',
			type: 'description',
			prompt: 'Read.',
			explanation: ''
		});
		addQuestion(db, teacher, other, why);
		publishSet(db, teacher, other);
		assignSet(db, teacher, classId, other, null);
		const at = new Date('2030-01-02T10:00:00Z');
		for (const [name, ticks, text] of [
			['ada', ['in', 'au'], 'Security.'],
			['bo', ['in', 'cn'], 'Trade.']
		] as const) {
			const id = learnerInClass(name);
			const started = startAttempt(db, id, other, 1, at);
			if (!started.ok) throw new Error(started.message);
			submitAnswer(db, id, started.attemptId, 0, () => ({
				ok: true,
				response: { type: 'multiple_response', choiceIds: [...ticks] }
			}));
			submitAnswer(db, id, started.attemptId, 2, () => ({
				ok: true,
				response: { type: 'open_response', text }
			}));
			if (name === 'ada') markOpenResponse(db, id, started.attemptId, 2, 'partly');
		}
		const report = classReport(db, teacher, classId)!;
		const rows = report.sets.find((s) => s.setId === other)!.questions;
		// The description is not a question of the report.
		expect(rows.map((r) => r.type)).toEqual(['multiple_response', 'open_response']);
		expect(rows[0]!.options).toEqual([
			{ text: 'India', right: true, picked: 2, percent: 100 },
			{ text: 'Australia', right: true, picked: 1, percent: 50 },
			{ text: 'China', right: false, picked: 1, percent: 50 }
		]);
		// Ada 1, Bo 0 (0.5 - 1, clamped): marks average 50%, while one in two is fully right.
		expect(rows[0]).toMatchObject({ percentRight: 50, percentMarks: 50 });
		expect(rows[1]!.responses).toEqual([
			{ username: 'ada', text: 'Security.', score: 0.5 },
			{ username: 'bo', text: 'Trade.', score: null }
		]);
		expect(reportCsv(report, 'questions')).toContain('marks_percent');
	});
});

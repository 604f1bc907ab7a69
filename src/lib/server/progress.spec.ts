import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import type { Question } from '../domain/question';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { user } from './db/schema';
import { learnerProgress, setAttemptHistory } from './progress';
import { finishAttempt, startAttempt, submitAnswer } from './quiz';
import { addQuestion, createSet, publishSet } from './teacher-sets';
import { createTestDb } from './testing/test-db';

const sourceId = factBases[0]!.source.id;
const escorted = 'putin-escorted-xi';
const friend = 'putin-called-xi-dear-friend';

const questions: Question[] = [
	{
		id: 'escort',
		type: 'true_false',
		prompt: 'Putin escorted Xi.',
		answer: true,
		explanation: '',
		provenance: { sourceId, factIds: [escorted], quote: 'q' }
	},
	{
		id: 'friend',
		type: 'short_answer',
		prompt: 'What did Putin call Xi?',
		answer: 'dear friend',
		alternatives: [],
		explanation: '',
		provenance: { sourceId, factIds: [friend], quote: 'q' }
	}
];

let db: Db;
let setId: string;

function person(name: string, role: 'learner' | 'teacher' = 'learner'): string {
	db.insert(user).values({ id: name, username: name, usernameKey: name, role }).run();
	return name;
}

/** Starts an attempt and answers the questions given (by position), right or wrong. */
function answers(learner: string, right: Record<number, boolean>, at: Date, finish = true) {
	const started = startAttempt(db, learner, setId, 1, at);
	if (!started.ok) throw new Error(started.message);
	for (const [position, correct] of Object.entries(right)) {
		const result = submitAnswer(
			db,
			learner,
			started.attemptId,
			Number(position),
			(q) => ({
				ok: true,
				response:
					q.type === 'true_false'
						? { type: 'true_false', value: correct }
						: { type: 'short_answer', text: correct ? 'dear friend' : 'rival' }
			}),
			new Date(at.getTime() + (Number(position) + 1) * 1000)
		);
		expect(result).toMatchObject({ ok: true });
	}
	if (finish) finishAttempt(db, learner, started.attemptId, new Date(at.getTime() + 5000));
	return started.attemptId;
}

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, factBases[0]!);
	const teacher = person('teacher', 'teacher');
	setId = createSet(db, teacher, { title: 'Moscow', description: '', tags: [] });
	for (const q of questions) addQuestion(db, teacher, setId, q);
	publishSet(db, teacher, setId);
});

describe('learnerProgress', () => {
	it('gives per set the best and latest score, and per fact whether it is known', () => {
		const ada = person('ada');
		answers(ada, { 0: true, 1: true }, new Date('2030-01-01T10:00:00Z'));
		answers(ada, { 0: true, 1: false }, new Date('2030-01-02T10:00:00Z'));
		const progress = learnerProgress(db, ada);
		expect(progress.sets).toEqual([
			{
				setId,
				title: 'Moscow',
				attempts: 2,
				best: 100,
				latest: 50,
				series: [
					{ finishedAt: Date.parse('2030-01-01T10:00:05Z'), percent: 100, score: 2, of: 2 },
					{ finishedAt: Date.parse('2030-01-02T10:00:05Z'), percent: 50, score: 1, of: 2 }
				]
			}
		]);
		expect(progress.known.map((f) => [f.factId, f.right, f.wrong])).toEqual([[escorted, 2, 0]]);
		expect(progress.missing.map((f) => [f.factId, f.right, f.wrong, f.lastCorrect])).toEqual([
			[friend, 1, 1, false]
		]);
	});

	// Its reads are statements prepared once per connection: each call must bind its own
	// learner and list of facts, and see what was written since the last call.
	it('shows a new answer in the next call, and each learner only their own', () => {
		const ada = person('ada');
		const bo = person('bo');
		expect(learnerProgress(db, ada)).toEqual({ sets: [], known: [], missing: [] });
		const open = answers(ada, { 0: false }, new Date('2030-01-01T10:00:00Z'), false);
		const first = learnerProgress(db, ada);
		expect(first.sets).toEqual([]);
		expect(first.missing.map((f) => f.factId)).toEqual([escorted]);

		submitAnswer(
			db,
			ada,
			open,
			1,
			() => ({ ok: true, response: { type: 'short_answer', text: 'dear friend' } }),
			new Date('2030-01-01T10:01:00Z')
		);
		finishAttempt(db, ada, open, new Date('2030-01-01T10:02:00Z'));
		const second = learnerProgress(db, ada);
		expect(second.sets.map((s) => [s.attempts, s.latest])).toEqual([[1, 50]]);
		expect(second.known.map((f) => f.factId)).toEqual([friend]);
		expect(second.missing.map((f) => f.factId)).toEqual([escorted]);

		expect(learnerProgress(db, bo)).toEqual({ sets: [], known: [], missing: [] });
		answers(bo, { 0: true }, new Date('2030-01-03T10:00:00Z'));
		expect(learnerProgress(db, bo).known.map((f) => f.factId)).toEqual([escorted]);
		expect(learnerProgress(db, ada)).toEqual(second);
	});
});

describe('setAttemptHistory', () => {
	it('lists the learner’s attempts at the set, newest first', () => {
		const ada = person('ada');
		const first = answers(ada, { 0: true }, new Date('2030-01-01T10:00:00Z'));
		const second = answers(ada, { 0: true }, new Date('2030-01-02T10:00:00Z'), false);
		expect(setAttemptHistory(db, ada, setId).map((a) => [a.id, a.finished])).toEqual([
			[second, false],
			[first, true]
		]);
	});
});

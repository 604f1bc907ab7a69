import { and, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId } from '../domain/card-faces';
import { DAY_MS } from '../domain/learner-day';
import {
	defaultSettings,
	review,
	type LearnerSettings,
	type Memory,
	type Rating1to4
} from '../domain/scheduling';
import { createGuest } from './accounts';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import {
	attemptQuestion,
	card,
	cardState,
	question as questionTable,
	questionSet,
	reviewLog
} from './db/schema';
import {
	buryCard,
	cardFaces,
	cardStateOf,
	memoryOf,
	doneToday,
	flaggedCards,
	getSettings,
	gradeCard,
	lastGrade,
	nextCard,
	queueCounts,
	resetCard,
	resolveDeck,
	saveSettings,
	suspendCard,
	syncFactCards,
	syncSetCards,
	undoLastGrade,
	unsuspendCard,
	whyEmpty,
	type Deck
} from './flashcards';
import { moveProgress } from './progress-owner';
import { bankSetId, syncGeneratedSet } from './question-sets';
import { startAttempt, submitAnswer } from './quiz';
import { createTestDb } from './testing/test-db';
import { correctResponse } from '../domain/public-question';
import type { Question } from '../domain/question';

const base = factBases[0]!;
const sourceId = base.source.id;
let db: Db;
let learner: string;
let deck: Deck;
/** 09:00 UTC on a fixed day: the injected clock. */
const day0 = new Date('2024-05-06T09:00:00Z');
const at = (days: number, minutes = 0) =>
	new Date(day0.getTime() + days * DAY_MS + minutes * 60_000);

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	syncFactCards(db, base.source.id);
	learner = createGuest(db);
	deck = resolveDeck(db, learner, { kind: 'source', id: sourceId })!;
});

/** The learner's settings, day included: UTC, starting at 4 a.m., unless a test saves others. */
const settingsOf = (userId: string) => getSettings(db, userId);

function grade(cardId: string, rating: Rating1to4, now: Date) {
	const result = gradeCard(db, learner, cardId, rating, now, 1000);
	if (!result.ok) throw new Error(result.message);
	return result;
}

function logCount(where = eq(reviewLog.userId, learner)) {
	return db.select({ n: count() }).from(reviewLog).where(where).get()!.n;
}

describe('cards', () => {
	it('are made from the facts once, and kept in step on every start', () => {
		const n = () =>
			db.select({ n: count() }).from(card).where(eq(card.sourceId, sourceId)).get()!.n;
		const before = n();
		expect(before).toBeGreaterThan(base.facts.length);
		syncFactCards(db, base.source.id);
		expect(n()).toBe(before);
		expect(cardFaces(db, 'fact:putin-role:reverse')?.front.prompt).toBe(
			'Who is the Russian President?'
		);
	});
});

describe('the queue', () => {
	it('offers new cards in the order of the facts, then what is due', () => {
		const first = nextCard(db, learner, deck, day0, settingsOf(learner))!;
		expect(first).toEqual({ cardId: factCardId(base.facts[0]!.id), queue: 'new' });
		grade(first.cardId, 3, day0);
		// Good on a new card: back in ten minutes; meanwhile the next new card.
		expect(nextCard(db, learner, deck, at(0, 1), settingsOf(learner))!.queue).toBe('new');
		expect(nextCard(db, learner, deck, at(0, 10), settingsOf(learner))).toEqual({
			cardId: first.cardId,
			queue: 'learning'
		});
	});

	it('records each grade as ts-fsrs schedules it, with a log row', () => {
		const id = factCardId('putin-role');
		let memory: Memory | undefined;
		let now = day0;
		for (const rating of [3, 3, 1, 3] as Rating1to4[]) {
			const expected = review(memory, rating, now).memory;
			const result = grade(id, rating, now);
			expect(result.due).toEqual(expected.due);
			memory = memoryOf(cardStateOf(db, learner, id)!);
			expect(memory).toEqual(expected);
			now = expected.due;
		}
		const logs = db.select().from(reviewLog).where(eq(reviewLog.cardId, id)).all();
		expect(logs.map((l) => [l.rating, l.state, l.origin])).toEqual([
			[3, 'new', 'review'],
			[3, 'learning', 'review'],
			[1, 'review', 'review'],
			[3, 'relearning', 'review']
		]);
		expect(logs.every((l) => l.timeMs === 1000)).toBe(true);
	});

	it('records nothing for a second submission of the same grade', () => {
		const id = factCardId('putin-role');
		expect(gradeCard(db, learner, id, 3, day0, 0, { expectedReps: 0 }).ok).toBe(true);
		expect(gradeCard(db, learner, id, 3, day0, 0, { expectedReps: 0 })).toMatchObject({
			ok: false,
			reason: 'already-graded'
		});
		expect(logCount()).toBe(1);
	});

	it('belongs to each learner: another learner’s cards are untouched', () => {
		const other = createGuest(db);
		grade(factCardId('putin-role'), 4, day0);
		expect(cardStateOf(db, other, factCardId('putin-role'))).toBeUndefined();
		expect(nextCard(db, other, deck, day0, settingsOf(other))!.cardId).toBe(
			factCardId(base.facts[0]!.id)
		);
	});
});

describe('undo', () => {
	it('restores exactly the state before the grade and removes its log row', () => {
		const id = factCardId('xi-role');
		grade(id, 3, day0);
		grade(id, 3, at(0, 10));
		const later = cardStateOf(db, learner, id)!.due;
		const before = cardStateOf(db, learner, id);
		grade(id, 1, later);
		expect(logCount()).toBe(3);
		expect(undoLastGrade(db, learner, later, settingsOf(learner))).toEqual({
			ok: true,
			cardId: id,
			rating: 1
		});
		expect(cardStateOf(db, learner, id)).toEqual(before);
		expect(logCount()).toBe(2);
	});

	it('takes a card graded once back to never studied, and stops when nothing is left today', () => {
		const id = factCardId('xi-role');
		grade(id, 3, day0);
		expect(undoLastGrade(db, learner, day0, settingsOf(learner)).ok).toBe(true);
		expect(cardStateOf(db, learner, id)).toBeUndefined();
		expect(logCount()).toBe(0);
		expect(undoLastGrade(db, learner, day0, settingsOf(learner))).toEqual({
			ok: false,
			message: 'There is no grade from today to undo.'
		});
	});

	it('does not reach back to yesterday', () => {
		grade(factCardId('xi-role'), 3, day0);
		expect(undoLastGrade(db, learner, at(1), settingsOf(learner)).ok).toBe(false);
		expect(logCount()).toBe(1);
	});
});

describe('daily limits, with the clock moved', () => {
	it('offer 20 new cards a day: the 21st waits for tomorrow', () => {
		const graded: string[] = [];
		for (let i = 0; i < 20; i++) {
			const next = nextCard(db, learner, deck, at(0, i), settingsOf(learner))!;
			expect(next.queue).toBe('new');
			// Easy sends it out for days, so only new cards compete.
			grade(next.cardId, 4, at(0, i));
			graded.push(next.cardId);
		}
		expect(doneToday(db, learner, at(0, 30), settingsOf(learner))).toEqual({
			newCards: 20,
			reviews: 0
		});
		expect(nextCard(db, learner, deck, at(0, 30), settingsOf(learner))).toBeUndefined();
		const state = queueCounts(db, learner, deck, at(0, 30), settingsOf(learner));
		expect(state.counts.newCards).toBe(0);
		expect(whyEmpty(db, learner, deck, at(0, 30), state).newLimitReached).toBe(true);
		// At midnight UTC it is still the learner's day: it starts again at 4 a.m. (their zone is UTC).
		expect(nextCard(db, learner, deck, at(1, -9 * 60 + 1), settingsOf(learner))).toBeUndefined();
		const tomorrow = nextCard(db, learner, deck, at(1, -5 * 60), settingsOf(learner))!;
		expect(tomorrow.queue).toBe('new');
		expect(graded).not.toContain(tomorrow.cardId);
		expect(cardStateOf(db, learner, tomorrow.cardId)).toBeUndefined();
		expect(queueCounts(db, learner, deck, at(1), settingsOf(learner)).counts.newCards).toBe(20);
	});

	it('offer as many reviews a day as the learner allows', () => {
		saveSettings(db, learner, { ...defaultSettings, newPerDay: 5, reviewsPerDay: 3 });
		for (let i = 0; i < 5; i++)
			grade(nextCard(db, learner, deck, at(0, i), settingsOf(learner))!.cardId, 4, at(0, i));
		const due = resolveDeck(db, learner, { kind: 'due' })!;
		// Three weeks later all five are due; three may be reviewed today.
		const later = at(21);
		expect(queueCounts(db, learner, due, later, settingsOf(learner)).counts.due).toBe(3);
		for (let i = 0; i < 3; i++) {
			const next = nextCard(db, learner, due, at(21, i), settingsOf(learner))!;
			expect(next.queue).toBe('review');
			grade(next.cardId, 3, at(21, i));
		}
		expect(nextCard(db, learner, due, at(21, 5), settingsOf(learner))).toBeUndefined();
		const state = queueCounts(db, learner, due, at(21, 5), settingsOf(learner));
		expect(whyEmpty(db, learner, due, at(21, 5), state).reviewLimitReached).toBe(true);
		expect(nextCard(db, learner, due, at(22), settingsOf(learner))?.queue).toBe('review');
	});

	it('do not count quiz answers against the limits', () => {
		const started = startAttempt(db, learner, bankSetId(sourceId), 5, day0);
		if (!started.ok) throw new Error('not started');
		answerAll(started.attemptId, true);
		expect(doneToday(db, learner, day0, settingsOf(learner))).toEqual({ newCards: 0, reviews: 0 });
	});
});

describe('the learner’s own day', () => {
	const inZone = (timeZone: string, dayStartHour = 4): LearnerSettings => ({
		...defaultSettings,
		timeZone,
		dayStartHour
	});

	it('west of UTC: a Californian’s new cards come back at 4 a.m. there, not at 5 p.m.', () => {
		const la = inZone('America/Los_Angeles');
		saveSettings(db, learner, la);
		// 15:00 on 6 May in California (22:00 UTC): the day's 20 new cards.
		const afternoon = new Date('2024-05-06T22:00:00Z');
		for (let i = 0; i < 20; i++) {
			const next = nextCard(db, learner, deck, afternoon, settingsOf(learner))!;
			grade(next.cardId, 4, afternoon);
		}
		expect(settingsOf(learner).timeZone).toBe('America/Los_Angeles');
		// 17:30 there is 00:30 UTC on the 7th: a new UTC day, but not a new day for them.
		const evening = new Date('2024-05-07T00:30:00Z');
		expect(doneToday(db, learner, evening, la)).toEqual({ newCards: 20, reviews: 0 });
		expect(nextCard(db, learner, deck, evening, la)).toBeUndefined();
		expect(nextCard(db, learner, deck, new Date('2024-05-07T10:59:00Z'), la)).toBeUndefined();
		// 04:00 on the 7th in California.
		expect(nextCard(db, learner, deck, new Date('2024-05-07T11:00:00Z'), la)?.queue).toBe('new');
	});

	it('counts a review due late in the learner’s evening as due today', () => {
		const id = factCardId('putin-role');
		grade(id, 4, new Date('2024-05-01T20:00:00Z'));
		// Due at 23:00 on 6 May in California, which is 06:00 UTC on the 7th.
		db.update(cardState)
			.set({ due: new Date('2024-05-07T06:00:00Z') })
			.where(eq(cardState.cardId, id))
			.run();
		const due = resolveDeck(db, learner, { kind: 'due' })!;
		const noon = new Date('2024-05-06T19:00:00Z');
		expect(queueCounts(db, learner, due, noon, inZone('America/Los_Angeles')).counts.due).toBe(1);
		expect(queueCounts(db, learner, due, noon, inZone('UTC')).counts.due).toBe(0);
		expect(nextCard(db, learner, due, noon, inZone('America/Los_Angeles'))).toEqual({
			cardId: id,
			queue: 'review'
		});
	});

	it('east of UTC: a card buried in Tokyo comes back at the start of the next day there', () => {
		const tokyo = inZone('Asia/Tokyo');
		// 22:00 on 6 May in Tokyo.
		const night = new Date('2024-05-06T13:00:00Z');
		const first = nextCard(db, learner, deck, night, tokyo)!.cardId;
		buryCard(db, learner, first, night, tokyo);
		// 04:00 on the 7th in Tokyo is 19:00 UTC on the 6th.
		expect(cardStateOf(db, learner, first)?.buriedUntil).toEqual(new Date('2024-05-06T19:00:00Z'));
		expect(nextCard(db, learner, deck, new Date('2024-05-06T18:59:00Z'), tokyo)?.cardId).not.toBe(
			first
		);
		expect(nextCard(db, learner, deck, new Date('2024-05-06T19:00:00Z'), tokyo)?.cardId).toBe(
			first
		);
	});

	it('undo reaches back to the start of the learner’s day, and no further', () => {
		const id = factCardId('xi-role');
		// 03:30 in Paris on 7 May, with days starting at 4: still the 6th's day.
		grade(id, 3, new Date('2024-05-07T01:30:00Z'));
		const at0430 = new Date('2024-05-07T02:30:00Z');
		expect(lastGrade(db, learner, at0430, inZone('Europe/Paris', 4))).toBeUndefined();
		expect(undoLastGrade(db, learner, at0430, inZone('Europe/Paris', 4)).ok).toBe(false);
		// With days starting at 3, both are on the 7th.
		expect(undoLastGrade(db, learner, at0430, inZone('Europe/Paris', 3)).ok).toBe(true);
	});

	it('the day-start hour moves the daily limit’s reset', () => {
		saveSettings(db, learner, { ...inZone('UTC', 0), newPerDay: 1 });
		grade(nextCard(db, learner, deck, at(0), settingsOf(learner))!.cardId, 4, at(0));
		expect(nextCard(db, learner, deck, at(0, 60), settingsOf(learner))).toBeUndefined();
		// Midnight UTC with days starting at midnight: a new card.
		expect(nextCard(db, learner, deck, at(1, -9 * 60), settingsOf(learner))?.queue).toBe('new');
		saveSettings(db, learner, { ...inZone('UTC', 6), newPerDay: 1 });
		expect(nextCard(db, learner, deck, at(1, -9 * 60), settingsOf(learner))).toBeUndefined();
		expect(nextCard(db, learner, deck, at(1, -3 * 60), settingsOf(learner))?.queue).toBe('new');
	});
});

describe('bury and suspend', () => {
	it('bury a card until tomorrow', () => {
		const first = nextCard(db, learner, deck, day0, settingsOf(learner))!.cardId;
		expect(buryCard(db, learner, first, day0, settingsOf(learner))).toBe(true);
		expect(nextCard(db, learner, deck, day0, settingsOf(learner))!.cardId).not.toBe(first);
		expect(nextCard(db, learner, deck, at(1), settingsOf(learner))!.cardId).toBe(first);
	});

	it('suspend a card until it is unsuspended', () => {
		const first = nextCard(db, learner, deck, day0, settingsOf(learner))!.cardId;
		suspendCard(db, learner, first, day0);
		expect(nextCard(db, learner, deck, at(3), settingsOf(learner))!.cardId).not.toBe(first);
		expect(flaggedCards(db, learner).map((f) => f.cardId)).toEqual([first]);
		unsuspendCard(db, learner, first, day0);
		expect(nextCard(db, learner, deck, at(3), settingsOf(learner))!.cardId).toBe(first);
		// Unsuspended and never studied, it needs no row at all.
		expect(cardStateOf(db, learner, first)).toBeUndefined();
	});
});

describe('leeches', () => {
	it('a card with 8 lapses becomes a leech, is suspended and listed; undo reverses it', () => {
		const id = factCardId('putin-role');
		let now = day0;
		grade(id, 4, now); // straight to review
		for (let lapse = 1; lapse <= 8; lapse++) {
			now = cardStateOf(db, learner, id)!.due;
			const result = grade(id, 1, now);
			expect(result.becameLeech).toBe(lapse === 8);
			if (lapse < 8) {
				now = cardStateOf(db, learner, id)!.due;
				grade(id, 3, now); // relearnt
			}
		}
		const row = cardStateOf(db, learner, id)!;
		expect(row).toMatchObject({ lapses: 8, leech: true, suspended: true });
		expect(flaggedCards(db, learner)).toEqual([
			expect.objectContaining({ cardId: id, lapses: 8, leech: true, suspended: true })
		]);
		expect(
			nextCard(db, learner, deck, new Date(row.due.getTime() + DAY_MS), settingsOf(learner))!.cardId
		).not.toBe(id);
		expect(lastGrade(db, learner, now, settingsOf(learner))).toMatchObject({
			madeLeech: true,
			undoable: true
		});
		undoLastGrade(db, learner, now, settingsOf(learner));
		expect(cardStateOf(db, learner, id)).toMatchObject({
			lapses: 7,
			leech: false,
			suspended: false
		});
	});

	it('a leech can be reset to a new card', () => {
		const id = factCardId('putin-role');
		grade(id, 4, day0);
		expect(resetCard(db, learner, id)).toBe(true);
		expect(cardStateOf(db, learner, id)).toBeUndefined();
		expect(logCount()).toBe(1);
	});
});

function answerAll(attemptId: string, right: boolean) {
	const rows = db
		.select({ position: attemptQuestion.position, body: attemptQuestion.body })
		.from(attemptQuestion)
		.where(eq(attemptQuestion.attemptId, attemptId))
		.all();
	for (const row of rows) {
		const q = row.body as Question;
		submitAnswer(
			db,
			learner,
			attemptId,
			row.position,
			() =>
				right
					? { ok: true, response: correctResponse(q)! }
					: { ok: true, response: { type: 'short_answer', text: 'nothing like it' } },
			day0
		);
	}
	return rows.map((r) => r.body as Question);
}

describe('quiz answers', () => {
	it('count as reviews of each fact’s card: Good when right, Again when wrong', () => {
		const started = startAttempt(db, learner, bankSetId(sourceId), 11, day0);
		if (!started.ok) throw new Error('not started');
		const questions = answerAll(started.attemptId, false);
		const factIds = new Set(questions.flatMap((q) => q.provenance?.factIds ?? []));
		const quizLogs = db
			.select()
			.from(reviewLog)
			.where(and(eq(reviewLog.userId, learner), eq(reviewLog.origin, 'quiz')))
			.all();
		expect(quizLogs.length).toBeGreaterThanOrEqual(factIds.size);
		expect(new Set(quizLogs.map((l) => l.cardId))).toEqual(
			new Set([...factIds].map((f) => factCardId(f)))
		);
		// A wrong answer is Again... unless the grader accepted "nothing like it", which it won't.
		expect(quizLogs.every((l) => l.rating === 1)).toBe(true);
		const some = quizLogs[0]!.cardId;
		expect(cardStateOf(db, learner, some)!.state).toBe('learning');
	});

	it('feed the missed deck of the attempt, which only its learner may open', () => {
		const started = startAttempt(db, learner, bankSetId(sourceId), 12, day0);
		if (!started.ok) throw new Error('not started');
		answerAll(started.attemptId, false);
		const missed = resolveDeck(db, learner, { kind: 'missed', id: started.attemptId })!;
		expect(missed.filter.kind === 'cards' && missed.filter.cardIds.length).toBeGreaterThan(0);
		// Wrong answers were Again: the cards are back within minutes.
		expect(nextCard(db, learner, missed, at(0, 10), settingsOf(learner))?.queue).toBe('learning');
		const other = createGuest(db);
		expect(resolveDeck(db, other, { kind: 'missed', id: started.attemptId })).toBeUndefined();
	});
});

describe('a guest who signs in', () => {
	it('brings their cards and logs; where both studied a card, the later state wins', () => {
		const account = createGuest(db);
		const both = factCardId('putin-role');
		const guestOnly = factCardId('xi-role');
		const accountOnly = factCardId('kishida-role');
		gradeCard(db, account, both, 3, day0, 0);
		gradeCard(db, account, accountOnly, 3, day0, 0);
		grade(both, 4, at(1));
		grade(guestOnly, 3, at(1));
		const guestState = cardStateOf(db, learner, both);
		db.transaction((tx) => moveProgress(tx, learner, account));
		expect(cardStateOf(db, account, both)).toEqual({ ...guestState, userId: account });
		expect(cardStateOf(db, account, guestOnly)).toBeDefined();
		expect(cardStateOf(db, account, accountOnly)).toBeDefined();
		expect(db.select().from(cardState).where(eq(cardState.userId, learner)).all()).toEqual([]);
		expect(logCount(eq(reviewLog.userId, account))).toBe(4);
		expect(logCount()).toBe(0);
	});
});

describe('a teacher’s set', () => {
	const question: Question = {
		id: 'capital',
		type: 'multiple_choice',
		prompt: 'Which city did Xi Jinping visit?',
		explanation: 'He flew to Moscow.',
		choices: [
			{ id: 'a', text: 'Kyiv' },
			{ id: 'b', text: 'Moscow' }
		],
		correctChoiceId: 'b'
	};

	function teacherSet(status: 'draft' | 'published') {
		const owner = createGuest(db);
		const id = `set-${status}`;
		db.insert(questionSet)
			.values({ id, ownerId: owner, title: 'Moscow', status, origin: 'authored' })
			.run();
		db.insert(questionTable)
			.values({ id: `${id}:q1`, setId: id, position: 0, type: question.type, body: question })
			.run();
		// What saving a set's questions does (teacher-sets.ts); opening a deck writes nothing.
		syncSetCards(db, id);
		return id;
	}

	it('is a deck of one card per question, the key on the back', () => {
		const setId = teacherSet('published');
		const setDeck = resolveDeck(db, learner, { kind: 'set', id: setId })!;
		const next = nextCard(db, learner, setDeck, day0, settingsOf(learner))!;
		expect(next).toEqual({ cardId: `question:${setId}:q1`, queue: 'new' });
		expect(cardFaces(db, next.cardId)).toEqual({
			front: {
				prompt: 'Which city did Xi Jinping visit?',
				lists: [{ label: 'Choices', items: ['Kyiv', 'Moscow'] }]
			},
			back: { answer: 'Moscow', explanation: 'He flew to Moscow.' }
		});
		grade(next.cardId, 3, day0);
		expect(cardStateOf(db, learner, next.cardId)?.state).toBe('learning');
	});

	it('is no deck for a learner who may not see the set, nor for the generated bank', () => {
		const draft = teacherSet('draft');
		expect(resolveDeck(db, learner, { kind: 'set', id: draft })).toBeUndefined();
		expect(resolveDeck(db, learner, { kind: 'set', id: bankSetId(sourceId) })).toBeUndefined();
	});
});

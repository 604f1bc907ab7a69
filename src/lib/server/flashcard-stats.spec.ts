import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId } from '../domain/card-faces';
import { DAY_MS } from '../domain/scheduling';
import { createGuest } from './accounts';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { reviewStats } from './flashcard-stats';
import { cardStateOf, gradeCard, syncFactCards } from './flashcards';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
const day0 = new Date('2024-05-06T09:00:00Z');
const at = (days: number, minutes = 0) =>
	new Date(day0.getTime() + days * DAY_MS + minutes * 60_000);
let db: Db;
let learner: string;

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncFactCards(db, base);
	learner = createGuest(db);
});

describe('flashcard statistics', () => {
	it('start empty', () => {
		const stats = reviewStats(db, learner, day0);
		expect(stats.today).toEqual({ flashcards: 0, quiz: 0 });
		expect([stats.dueToday, stats.dueTomorrow, stats.dueNext30, stats.streak]).toEqual([
			0, 0, 0, 0
		]);
		expect(stats.retention.every((r) => r.percent === null)).toBe(true);
		expect(stats.decks[0]!.shares.new).toBe(100);
	});

	it('count today’s reviews, the days in a row, what is due, and true retention', () => {
		const ids = ['xi-role', 'putin-role', 'kishida-role'].map((f) => factCardId(f));
		// Yesterday: three cards learnt with Easy; today: the first reviewed early, forgotten.
		for (const id of ids) gradeCard(db, learner, id, 4, at(-1), 1000);
		gradeCard(db, learner, ids[0]!, 1, at(0), 1000);
		gradeCard(db, learner, ids[1]!, 3, at(0, 1), 1000);
		const stats = reviewStats(db, learner, at(0, 2));
		expect(stats.today).toEqual({ flashcards: 2, quiz: 0 });
		expect(stats.streak).toBe(2);
		// Reviews of cards already learnt: one Again, one Good.
		expect(stats.retention.find((r) => r.label === 'Today')).toEqual({
			label: 'Today',
			passed: 1,
			failed: 1,
			percent: 50
		});
		// The relearning card is due again today; the others later, within 30 days.
		expect(cardStateOf(db, learner, ids[0]!)!.state).toBe('relearning');
		expect(stats.dueToday).toBe(1);
		expect(stats.dueNext30).toBe(3);
		expect(stats.forecast).toHaveLength(30);
		const deck = stats.decks.find((d) => d.id === `source:${base.source.id}`)!;
		expect(deck.counts).toMatchObject({ review: 2, relearning: 1, suspended: 0 });
		expect(deck.counts.new).toBe(deck.total - 3);
		const todayCell = stats.heatmap.weeks.flat().at(-1)!;
		expect(todayCell).toMatchObject({ date: '2024-05-06', count: 2 });
		expect(stats.heatmap.days[0]).toEqual({ date: '2024-05-06', flashcards: 2, quiz: 0 });
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId } from '../domain/card-faces';
import { eq } from 'drizzle-orm';
import { DAY_MS, type DayClock } from '../domain/learner-day';
import { createGuest } from './accounts';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { cardState } from './db/schema';
import { reviewStats } from './flashcard-stats';
import { cardStateOf, gradeCard, syncFactCards } from './flashcards';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
const day0 = new Date('2024-05-06T09:00:00Z');
const at = (days: number, minutes = 0) =>
	new Date(day0.getTime() + days * DAY_MS + minutes * 60_000);
/** Days at midnight UTC, as the fixed clock above expects. */
const utc: DayClock = { timeZone: 'UTC', dayStartHour: 0 };
let db: Db;
let learner: string;

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncFactCards(db, base.source.id);
	learner = createGuest(db);
});

describe('flashcard statistics', () => {
	it('start empty', () => {
		const stats = reviewStats(db, learner, day0, utc);
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
		const stats = reviewStats(db, learner, at(0, 2), utc);
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

	it('count by the learner’s day: a Californian’s evening is one day, not two', () => {
		const la: DayClock = { timeZone: 'America/Los_Angeles', dayStartHour: 4 };
		const id = factCardId('xi-role');
		// 16:30 and 17:30 on 6 May in California, either side of midnight UTC, and 03:30 on the
		// 7th, before the day starts at 4.
		for (const when of ['2024-05-06T23:30:00Z', '2024-05-07T00:30:00Z', '2024-05-07T10:30:00Z']) {
			gradeCard(db, learner, id, 1, new Date(when), 1000);
		}
		const stats = reviewStats(db, learner, new Date('2024-05-07T12:00:00Z'), la);
		expect(stats.today).toEqual({ flashcards: 0, quiz: 0 });
		expect(stats.heatmap.days).toEqual([{ date: '2024-05-06', flashcards: 3, quiz: 0 }]);
		expect(stats.heatmap.weeks.flat().at(-1)).toMatchObject({ date: '2024-05-07', count: 0 });
		expect(stats.streak).toBe(1);
		// The same reviews, counted in UTC days, fall on two days.
		const inUtc = reviewStats(db, learner, new Date('2024-05-07T12:00:00Z'), utc);
		expect(inUtc.heatmap.days.map((d) => d.date)).toEqual(['2024-05-07', '2024-05-06']);
	});

	it('count across the night the clocks go forward in Berlin', () => {
		const berlin: DayClock = { timeZone: 'Europe/Berlin', dayStartHour: 4 };
		const id = factCardId('xi-role');
		// 23:30 CET on 30 March; 03:30 CEST on the 31st (still the 30th's day); 04:30 CEST on the 31st.
		for (const when of ['2024-03-30T22:30:00Z', '2024-03-31T01:30:00Z', '2024-03-31T02:30:00Z']) {
			gradeCard(db, learner, id, 1, new Date(when), 1000);
		}
		const stats = reviewStats(db, learner, new Date('2024-03-31T10:00:00Z'), berlin);
		expect(stats.today).toEqual({ flashcards: 1, quiz: 0 });
		expect(stats.heatmap.days).toEqual([
			{ date: '2024-03-31', flashcards: 1, quiz: 0 },
			{ date: '2024-03-30', flashcards: 2, quiz: 0 }
		]);
		expect(stats.streak).toBe(2);
	});

	it('forecast what is due by the learner’s day east of UTC', () => {
		const tokyo: DayClock = { timeZone: 'Asia/Tokyo', dayStartHour: 4 };
		const [a, b] = ['xi-role', 'putin-role'].map((f) => factCardId(f));
		gradeCard(db, learner, a!, 4, day0, 1000);
		gradeCard(db, learner, b!, 4, day0, 1000);
		// 03:59 and 04:00 in Tokyo on 8 May: the last minute of the 7th's day, then the 8th's.
		const setDue = (cardId: string, due: string) =>
			db
				.update(cardState)
				.set({ due: new Date(due) })
				.where(eq(cardState.cardId, cardId))
				.run();
		setDue(a!, '2024-05-07T18:59:00Z');
		setDue(b!, '2024-05-07T19:00:00Z');
		// 12:00 in Tokyo on 7 May.
		const stats = reviewStats(db, learner, new Date('2024-05-07T03:00:00Z'), tokyo);
		expect(stats.forecast[0]).toMatchObject({ date: '2024-05-07', count: 1 });
		expect(stats.forecast[1]).toMatchObject({ date: '2024-05-08', count: 1 });
		expect([stats.dueToday, stats.dueTomorrow]).toEqual([1, 1]);
	});
});

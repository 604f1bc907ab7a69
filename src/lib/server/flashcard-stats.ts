// A learner's flashcard statistics from their card states and review logs: what is due over
// the next 30 days, reviews per day, true retention, the current streak, and per deck the
// share of cards in each state. Days are the learner's own (their zone and day-start hour).
import { and, count, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
	currentStreak,
	dueForecast,
	heatmap,
	retentionPercent,
	stateShares,
	type DeckStateName
} from '../domain/review-stats';
import {
	DAY_MS,
	dayNumber,
	offsetSpans,
	startOfDayNumber,
	type DayClock
} from '../domain/learner-day';
import type { Db } from './db';
import { card, cardState, reviewLog } from './db/schema';
import { listDecks, type Deck } from './flashcards';

const HEATMAP_WEEKS = 26;
const FORECAST_DAYS = 30;

export interface RetentionRow {
	label: string;
	passed: number;
	failed: number;
	percent: number | null;
}

export interface DeckStates {
	id: string;
	title: string;
	total: number;
	counts: Record<DeckStateName, number>;
	shares: Record<DeckStateName, number>;
}

/**
 * The learner's day number of a time column, in SQL: the zone's offset is a CASE over the few
 * changes of the clocks in [from, to) (times before `from` take its offset), so the rows are
 * counted by the same days as learner-day.ts counts them.
 */
function localDay(column: SQLiteColumn, clock: DayClock, from: number, to: number) {
	const spans = offsetSpans(from, to, clock.timeZone);
	const changes = spans
		.slice(1)
		.reverse()
		.map((s) => sql`when ${column} >= ${s.from} then ${s.offset}`);
	const offset = changes.length
		? sql`case ${sql.join(changes, sql` `)} else ${spans[0]!.offset} end`
		: sql`${spans[0]!.offset}`;
	const shift = clock.dayStartHour * 60 * 60_000;
	return sql<number>`cast((${column} + ${offset} - ${shift}) / ${DAY_MS} as integer)`;
}

export function reviewStats(db: Db, userId: string, now: Date, clock: DayClock) {
	const today = dayNumber(now, clock);
	const dayStart = (day: number) => startOfDayNumber(day, clock);

	const todayRows = db
		.select({ origin: reviewLog.origin, n: count() })
		.from(reviewLog)
		.where(and(eq(reviewLog.userId, userId), gte(reviewLog.reviewedAt, dayStart(today))))
		.groupBy(reviewLog.origin)
		.all();
	const todayCounts = {
		flashcards: todayRows.find((r) => r.origin === 'review')?.n ?? 0,
		quiz: todayRows.find((r) => r.origin === 'quiz')?.n ?? 0
	};

	// Due by day: learning and review cards not suspended, overdue ones counting as today.
	const forecastEnd = dayStart(today + FORECAST_DAYS);
	const dueDay = localDay(cardState.due, clock, dayStart(today).getTime(), forecastEnd.getTime());
	const dueDays = db
		.select({
			day: dueDay.as('day'),
			count: count()
		})
		.from(cardState)
		.where(
			and(
				eq(cardState.userId, userId),
				ne(cardState.state, 'new'),
				eq(cardState.suspended, false),
				lt(cardState.due, forecastEnd)
			)
		)
		.groupBy(sql`day`)
		.all();
	const forecast = dueForecast(dueDays, today, FORECAST_DAYS);

	const from = dayStart(today - HEATMAP_WEEKS * 7);
	const reviewDay = localDay(reviewLog.reviewedAt, clock, from.getTime(), now.getTime() + 1);
	const perDay = db
		.select({ day: reviewDay.as('day'), origin: reviewLog.origin, count: count() })
		.from(reviewLog)
		.where(and(eq(reviewLog.userId, userId), gte(reviewLog.reviewedAt, from)))
		.groupBy(sql`day`, reviewLog.origin)
		.all();
	const totals = new Map<number, number>();
	const byDay = new Map<number, { flashcards: number; quiz: number }>();
	for (const r of perDay) {
		totals.set(r.day, (totals.get(r.day) ?? 0) + r.count);
		const entry = byDay.get(r.day) ?? { flashcards: 0, quiz: 0 };
		entry[r.origin === 'quiz' ? 'quiz' : 'flashcards'] += r.count;
		byDay.set(r.day, entry);
	}
	const map = heatmap(totals, today, HEATMAP_WEEKS);

	// True retention: of reviews of cards in the review state, the share not forgotten.
	const since = (days: number) => dayStart(today - days + 1).getTime();
	const periods = [
		{ label: 'Today', from: since(1) },
		{ label: 'Last 7 days', from: since(7) },
		{ label: 'Last 30 days', from: since(30) },
		{ label: 'Last 365 days', from: since(365) },
		{ label: 'All time', from: 0 }
	];
	const sums = db
		.select(
			Object.fromEntries(
				periods.flatMap((p, i) => [
					[
						`passed${i}`,
						sql<number>`coalesce(sum(${reviewLog.rating} > 1 and ${reviewLog.reviewedAt} >= ${p.from}), 0)`
					],
					[
						`failed${i}`,
						sql<number>`coalesce(sum(${reviewLog.rating} = 1 and ${reviewLog.reviewedAt} >= ${p.from}), 0)`
					]
				])
			) as Record<string, SQL<number>>
		)
		.from(reviewLog)
		.where(and(eq(reviewLog.userId, userId), eq(reviewLog.state, 'review')))
		.get() as Record<string, number> | undefined;
	const retention: RetentionRow[] = periods.map((p, i) => {
		const passed = Number(sums?.[`passed${i}`] ?? 0);
		const failed = Number(sums?.[`failed${i}`] ?? 0);
		return { label: p.label, passed, failed, percent: retentionPercent(passed, failed) };
	});

	// The streak probes one day at a time from today back: as long as the streak, no longer.
	const reviewed = db
		.select({ id: reviewLog.id })
		.from(reviewLog)
		.where(
			and(
				eq(reviewLog.userId, sql.placeholder('userId')),
				gte(reviewLog.reviewedAt, sql.placeholder('from')),
				lt(reviewLog.reviewedAt, sql.placeholder('to'))
			)
		)
		.limit(1)
		.prepare();
	const streak = currentStreak(
		today,
		(day) =>
			reviewed.get({
				userId,
				from: dayStart(day).getTime(),
				to: dayStart(day + 1).getTime()
			}) !== undefined
	);

	const decks = listDecks(db, userId)
		.filter((d) => d.filter.kind === 'source' || d.filter.kind === 'set')
		.map((d) => deckStates(db, userId, d));

	return {
		today: todayCounts,
		forecast,
		dueToday: forecast[0]?.count ?? 0,
		dueTomorrow: forecast[1]?.count ?? 0,
		dueNext30: forecast.reduce((sum, d) => sum + d.count, 0),
		heatmap: {
			...map,
			days: [...byDay.entries()]
				.sort((a, b) => b[0] - a[0])
				.map(([day, c]) => ({ date: map.weeks.flat().find((x) => x.day === day)?.date, ...c }))
				.filter((d): d is { date: string; flashcards: number; quiz: number } => !!d.date)
		},
		retention,
		streak,
		decks
	};
}

export type ReviewStats = ReturnType<typeof reviewStats>;

function deckStates(db: Db, userId: string, deck: Deck): DeckStates {
	const f = deck.filter;
	const inDeck =
		f.kind === 'source'
			? eq(card.sourceId, f.sourceId)
			: f.kind === 'set'
				? eq(card.setId, f.setId)
				: undefined;
	const rows = db
		.select({ state: cardState.state, suspended: cardState.suspended, n: count() })
		.from(card)
		.leftJoin(cardState, and(eq(cardState.userId, userId), eq(cardState.cardId, card.id)))
		.where(inDeck)
		.groupBy(cardState.state, cardState.suspended)
		.all();
	const counts: Record<DeckStateName, number> = {
		new: 0,
		learning: 0,
		review: 0,
		relearning: 0,
		suspended: 0
	};
	for (const r of rows) {
		const name: DeckStateName = r.suspended ? 'suspended' : (r.state ?? 'new');
		counts[name] += r.n;
	}
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	return { id: deck.id, title: deck.title, total, counts, shares: stateShares(counts) };
}

// Times the flashcard hot paths for a heavy learner (100,000 cards, 1,000,000 review logs in a
// file database with the real migrations, WAL on): finding the next card to study and recording
// a grade, through the app's functions and through the same SQL as raw better-sqlite3 prepared
// statements in the same process. Prints median and p99; passes or fails on nothing.
// Usage: npm run bench:review [-- --runs N]
import { percentile, report, type BenchRow, runsArg } from './bench-support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
import { DAY_MS, learnerDay } from '../src/lib/domain/learner-day';
import {
	defaultSettings,
	review,
	type Memory,
	type MemoryStateName,
	type Rating1to4
} from '../src/lib/domain/scheduling';
import { createGuest } from '../src/lib/server/accounts';
import { migrateDatabase, openDatabase } from '../src/lib/server/db';
import { loadFactBase } from '../src/lib/server/db/content';
import {
	getSettings,
	gradeCard,
	nextCard,
	saveSettings,
	type DeckFilter
} from '../src/lib/server/flashcards';

const CARDS = 100_000;
const LOGS = 1_000_000;

/** A small seeded generator, so every run builds the same data. */
function random(seed: number) {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Timing {
	median: number;
	p99: number;
}

/**
 * Times two functions over the same inputs, in alternating blocks so that neither gets the
 * warmer cache or the quieter moment. Times are in microseconds.
 */
function compare(
	runs: number,
	app: (i: number) => unknown,
	raw: (i: number) => unknown
): { app: Timing; raw: Timing } {
	for (let i = 0; i < 200; i++) {
		app(i);
		raw(i);
	}
	const times = { app: [] as number[], raw: [] as number[] };
	const block = 100;
	for (let start = 0; start < runs; start += block) {
		for (const [name, fn] of [
			['app', app],
			['raw', raw]
		] as const) {
			for (let i = start; i < Math.min(runs, start + block); i++) {
				const t0 = performance.now();
				fn(i);
				times[name].push((performance.now() - t0) * 1000);
			}
		}
	}
	const summary = (values: number[]) => {
		values.sort((a, b) => a - b);
		return { median: percentile(values, 50), p99: percentile(values, 99) };
	};
	return { app: summary(times.app), raw: summary(times.raw) };
}

const us = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} ms` : `${n.toFixed(1)} µs`);

function printTable(rows: readonly (readonly string[])[]): void {
	const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	for (const [i, r] of rows.entries()) {
		console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
		if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	}
}

const runs = runsArg('bench-review.ts', 5000, 10);
const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-review-'));
const file = path.join(dir, 'bench.db');
const db = openDatabase(file);
migrateDatabase(db);
loadFactBase(db, xiMoscow);
const client = db.$client;
const userId = createGuest(db);
// A learner whose days follow a zone with daylight saving time, starting at 4 a.m.
saveSettings(db, userId, { ...defaultSettings, timeZone: 'America/New_York', dayStartHour: 4 });
const sourceId = xiMoscow.source.id;
const now = new Date();
const nowMs = now.getTime();
const rand = random(42);

// ---------------------------------------------------------------------------------------------
// The learner: 100,000 cards, 90% studied (review, learning, relearning), and 1,000,000 logs
// over the last 1,000 days.
const t0 = performance.now();
const cardIds: string[] = [];
const studied: string[] = [];
client.transaction(() => {
	const insertCard = client.prepare(
		`insert into card (id, kind, direction, source_id, position) values (?, 'fact', 'forward', ?, ?)`
	);
	const insertState = client.prepare(
		`insert into card_state (user_id, card_id, state, due, stability, difficulty, elapsed_days,
			scheduled_days, learning_steps, reps, lapses, last_review, suspended, buried_until, leech)
		 values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, null, 0)`
	);
	for (let i = 0; i < CARDS; i++) {
		const id = `bench:${i}`;
		cardIds.push(id);
		insertCard.run(id, sourceId, i);
		if (i % 10 === 9) continue; // new: no state row
		const r = rand();
		// Learning cards come back within hours (none due this instant, so the queue goes on
		// to the reviews, its usual path); review cards are spread over the past month and
		// the next year, so a few thousand are due today.
		const state: MemoryStateName = r < 0.05 ? 'learning' : r < 0.08 ? 'relearning' : 'review';
		const due =
			state === 'review'
				? nowMs + Math.round((rand() * 395 - 30) * DAY_MS)
				: nowMs + Math.round((0.5 + rand() * 3) * 3600_000);
		const scheduled = state === 'review' ? Math.max(1, Math.round(rand() * 120)) : 0;
		insertState.run(
			userId,
			id,
			state,
			due,
			1 + rand() * 100,
			1 + rand() * 9,
			scheduled,
			scheduled,
			1 + Math.floor(rand() * 20),
			Math.floor(rand() * 4),
			Math.min(nowMs - 60_000, due - scheduled * DAY_MS),
			rand() < 0.01 ? 1 : 0
		);
		studied.push(id);
	}
	const insertLog = client.prepare(
		`insert into review_log (user_id, card_id, rating, state, due, stability, difficulty,
			elapsed_days, last_elapsed_days, scheduled_days, learning_steps, previous_due, made_leech,
			time_ms, reviewed_at, origin)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?)`
	);
	const states: MemoryStateName[] = ['new', 'learning', 'review', 'review', 'review', 'relearning'];
	for (let i = 0; i < LOGS; i++) {
		const at = nowMs - Math.floor(rand() * 1000 * DAY_MS);
		const elapsed = Math.floor(rand() * 60);
		insertLog.run(
			userId,
			studied[Math.floor(rand() * studied.length)]!,
			1 + Math.floor(rand() * 4),
			states[Math.floor(rand() * states.length)]!,
			at - elapsed * DAY_MS,
			1 + rand() * 100,
			1 + rand() * 9,
			elapsed,
			elapsed,
			elapsed,
			at,
			Math.floor(rand() * 20_000),
			at,
			rand() < 0.9 ? 'review' : 'quiz'
		);
	}
})();
client.pragma('optimize');
const buildSeconds = (performance.now() - t0) / 1000;

// The learner's day, worked out once: the raw statements take it as a constant, as hand-written
// code that knew the day would, so the app's own working-out of the day counts against it.
const today = learnerDay(now, { timeZone: 'America/New_York', dayStartHour: 4 });

const counts = client
	.prepare(
		`select (select count(*) from card) as cards, (select count(*) from card_state) as states,
			(select count(*) from review_log) as logs,
			(select count(*) from review_log where reviewed_at >= ?) as today,
			(select count(*) from card_state where state = 'review' and due < ?) as dueToday`
	)
	.get(today.start.getTime(), today.end.getTime()) as Record<string, number>;

// ---------------------------------------------------------------------------------------------
// (a) The next card: the app's nextCard, and the same statements raw.
const settings = getSettings(db, userId);
const raw = {
	doneToday: client.prepare(
		`select coalesce(sum(state = 'new'), 0) as newCards, coalesce(sum(state = 'review'), 0) as reviews
		 from review_log where user_id = ? and reviewed_at > ? and origin = 'review'`
	),
	learningAll: client.prepare(
		`select card_id from card_state
		 where user_id = ? and state in ('learning', 'relearning') and due <= ? and suspended = 0
			and (buried_until is null or buried_until <= ?)
		 order by due limit 1`
	),
	reviewAll: client.prepare(
		`select card_id from card_state
		 where user_id = ? and state = 'review' and due < ? and suspended = 0
			and (buried_until is null or buried_until <= ?)
		 order by due limit 1`
	),
	learningSource: client.prepare(
		`select card_id from card_state
		 where user_id = ? and state in ('learning', 'relearning') and due <= ? and suspended = 0
			and (buried_until is null or buried_until <= ?)
			and exists (select 1 from card where card.id = card_state.card_id and card.source_id = ?)
		 order by due limit 1`
	),
	reviewSource: client.prepare(
		`select card_id from card_state
		 where user_id = ? and state = 'review' and due < ? and suspended = 0
			and (buried_until is null or buried_until <= ?)
			and exists (select 1 from card where card.id = card_state.card_id and card.source_id = ?)
		 order by due limit 1`
	)
};

function rawNext(filter: DeckFilter, at: number): string | undefined {
	const source = filter.kind === 'source';
	const extra = source ? [sourceId] : [];
	const learning = (source ? raw.learningSource : raw.learningAll).get(userId, at, at, ...extra) as
		{ card_id: string } | undefined;
	if (learning) return learning.card_id;
	const done = raw.doneToday.get(userId, today.start.getTime() - 1) as {
		newCards: number;
		reviews: number;
	};
	if (settings.reviewsPerDay - done.reviews > 0) {
		const due = (source ? raw.reviewSource : raw.reviewAll).get(
			userId,
			today.end.getTime(),
			at,
			...extra
		) as { card_id: string } | undefined;
		if (due) return due.card_id;
	}
	return undefined;
}

const decks: { label: string; filter: DeckFilter }[] = [
	{ label: 'everything due', filter: { kind: 'all' } },
	{ label: 'one source', filter: { kind: 'source', sourceId } }
];
const rows: string[][] = [['operation', 'app median', 'app p99', 'raw median', 'raw p99', 'ratio']];
const reported: BenchRow[] = [];
const row = (label: string, r: { app: Timing; raw: Timing }) => {
	reported.push({
		bench: 'review',
		measure: label,
		unit: 'ms',
		median: r.app.median / 1000,
		p99: r.app.p99 / 1000,
		baselineName: 'raw prepared statement',
		baseline: r.raw.median / 1000,
		ratio: r.app.median / r.raw.median,
		target: '≤ 2x, a few ms'
	});
	return rows.push([
		label,
		us(r.app.median),
		us(r.app.p99),
		us(r.raw.median),
		us(r.raw.p99),
		`${(r.app.median / r.raw.median).toFixed(2)}x`
	]);
};

for (const d of decks) {
	const deck = { filter: d.filter, includesNew: false };
	// Both must find the same card, or the comparison means nothing.
	const appCard = nextCard(db, userId, deck, now, settings)?.cardId;
	const rawCard = rawNext(d.filter, nowMs);
	if (appCard !== rawCard) throw new Error(`app and raw disagree: ${appCard} vs ${rawCard}`);
	row(
		`next card (${d.label})`,
		compare(
			runs,
			(i) => nextCard(db, userId, deck, new Date(nowMs + i), settings),
			(i) => rawNext(d.filter, nowMs + i)
		)
	);
}

// ---------------------------------------------------------------------------------------------
// (b) Recording a grade: the app's gradeCard as the grade action calls it (it reads the
// learner's retention, then in one transaction reads the state, runs ts-fsrs, appends the log
// and writes the state), and the same statements raw with the same ts-fsrs call.
const rawGrade = {
	settings: client.prepare(`select desired_retention from learner_settings where user_id = ?`),
	state: client.prepare(`select * from card_state where user_id = ? and card_id = ?`),
	insertLog: client.prepare(
		`insert into review_log (user_id, card_id, rating, state, due, stability, difficulty,
			elapsed_days, last_elapsed_days, scheduled_days, learning_steps, previous_due, made_leech,
			time_ms, reviewed_at, origin)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'review')`
	),
	upsertState: client.prepare(
		`insert into card_state (user_id, card_id, state, due, stability, difficulty, elapsed_days,
			scheduled_days, learning_steps, reps, lapses, last_review, suspended, buried_until, leech)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)
		 on conflict (user_id, card_id) do update set state = excluded.state, due = excluded.due,
			stability = excluded.stability, difficulty = excluded.difficulty,
			elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
			learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
			last_review = excluded.last_review, suspended = excluded.suspended,
			buried_until = excluded.buried_until, leech = excluded.leech`
	)
};
interface StateRow {
	state: MemoryStateName;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	last_review: number | null;
	suspended: number;
	leech: number;
}
const rawGradeTx = client.transaction(
	(cardId: string, rating: Rating1to4, at: Date, retention: number) => {
		const row = rawGrade.state.get(userId, cardId) as StateRow | undefined;
		if (row?.suspended) return;
		const before: Memory | undefined = row && {
			state: row.state,
			due: new Date(row.due),
			stability: row.stability,
			difficulty: row.difficulty,
			elapsedDays: row.elapsed_days,
			scheduledDays: row.scheduled_days,
			learningSteps: row.learning_steps,
			reps: row.reps,
			lapses: row.lapses,
			lastReview: row.last_review === null ? null : new Date(row.last_review)
		};
		const { memory: m, record: r, becameLeech } = review(before, rating, at, retention);
		rawGrade.insertLog.run(
			userId,
			cardId,
			rating,
			r.state,
			r.due.getTime(),
			r.stability,
			r.difficulty,
			r.elapsedDays,
			r.lastElapsedDays,
			r.scheduledDays,
			r.learningSteps,
			r.previousDue.getTime(),
			becameLeech ? 1 : 0,
			1000,
			at.getTime()
		);
		rawGrade.upsertState.run(
			userId,
			cardId,
			m.state,
			m.due.getTime(),
			m.stability,
			m.difficulty,
			m.elapsedDays,
			m.scheduledDays,
			m.learningSteps,
			m.reps,
			m.lapses,
			m.lastReview?.getTime() ?? null,
			becameLeech ? 1 : 0,
			becameLeech || row?.leech ? 1 : 0
		);
	}
);
function rawGradeCard(cardId: string, rating: Rating1to4, at: Date) {
	const s = rawGrade.settings.get(userId) as { desired_retention: number } | undefined;
	rawGradeTx.immediate(cardId, rating, at, s?.desired_retention ?? 0.9);
}
const ratingFor = (i: number) => ([3, 3, 3, 1, 2, 4] as Rating1to4[])[i % 6]!;
// Each grade is of a different card, later than the last, as a session goes.
const gradeAt = (i: number) => new Date(nowMs + 60_000 + i * 10);
const appCards = studied.filter((_, i) => i % 2 === 0);
const rawCards = studied.filter((_, i) => i % 2 === 1);
row(
	'record a grade',
	compare(
		Math.min(runs, appCards.length - 200),
		(i) => gradeCard(db, userId, appCards[i]!, ratingFor(i), gradeAt(i), 1000),
		(i) => rawGradeCard(rawCards[i]!, ratingFor(i), gradeAt(i))
	)
);

// ts-fsrs alone, for scale: both paths above include it.
const fsrsTimes: number[] = [];
const sample = review(undefined, 3, now).memory;
for (let i = 0; i < runs; i++) {
	const t = performance.now();
	review(sample, ratingFor(i), new Date(nowMs + DAY_MS + i));
	fsrsTimes.push((performance.now() - t) * 1000);
}
fsrsTimes.sort((a, b) => a - b);

// The learner's day, for scale: the queue asks for it on every read. Within a day it is one map
// lookup; working a new day out (the first read after the day turns) costs a few Intl calls.
const dayClock = { timeZone: 'America/New_York', dayStartHour: 4 };
const timeDay = (at: (i: number) => number) => {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		learnerDay(at(i), dayClock);
		times.push((performance.now() - t) * 1000);
	}
	return times.sort((x, y) => x - y);
};
const dayKnown = timeDay((i) => nowMs + i);
const dayWorkedOut = timeDay((i) => nowMs + (i + 1) * DAY_MS);

console.log(
	`Flashcard review benchmark: ${counts.cards!.toLocaleString('en')} cards, ` +
		`${counts.states!.toLocaleString('en')} studied, ${counts.logs!.toLocaleString('en')} review logs ` +
		`(${counts.today} today), ${counts.dueToday!.toLocaleString('en')} review cards due today; ` +
		`built in ${buildSeconds.toFixed(1)} s. ${runs} runs each, WAL, file database.\n`
);
printTable(rows);
report(reported);
console.log(
	`\nts-fsrs alone (inside both grade paths): median ${us(percentile(fsrsTimes, 50))}, p99 ${us(percentile(fsrsTimes, 99))}.` +
		`\nThe learner's day (America/New_York, from 4 a.m.): within a known day ${us(percentile(dayKnown, 50))}, ` +
		`a new day worked out ${us(percentile(dayWorkedOut, 50))} (medians).`
);
const plan = (sql: string, ...params: unknown[]) =>
	(client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[])
		.map((r) => r.detail)
		.join('; ');
console.log(
	`Plan of the review query: ${plan(raw.reviewSource.source, userId, nowMs, nowMs, sourceId)}`
);

client.close();
rmSync(dir, { recursive: true, force: true });

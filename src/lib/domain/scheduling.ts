// The glue between Factdeck's stored card states and ts-fsrs: converting rows to ts-fsrs cards
// and back, grading, rolling a grade back, previewing each grade's interval, the leech rule and
// daily limits (the days themselves are each learner's own: learner-day.ts). Pure: the clock is
// always passed in, so tests can move it.
import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	State,
	type Card,
	type FSRS,
	type Grade,
	type ReviewLog
} from 'ts-fsrs';
import { z } from 'zod';
import {
	canonicalTimeZone,
	DEFAULT_DAY_START_HOUR,
	DEFAULT_TIME_ZONE,
	type DayClock
} from './learner-day';

export const memoryStates = ['new', 'learning', 'review', 'relearning'] as const;
export type MemoryStateName = (typeof memoryStates)[number];
export const reviewOrigins = ['review', 'quiz'] as const;
export type ReviewOrigin = (typeof reviewOrigins)[number];

/** 1 Again, 2 Hard, 3 Good, 4 Easy: ts-fsrs's grades, and Anki's keys. */
export type Rating1to4 = 1 | 2 | 3 | 4;
export const ratings: readonly Rating1to4[] = [1, 2, 3, 4];
export const ratingNames: Record<Rating1to4, string> = {
	1: 'Again',
	2: 'Hard',
	3: 'Good',
	4: 'Easy'
};

export function isRating(value: unknown): value is Rating1to4 {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

/** A learner's memory of a card: the FSRS fields of a card_state row. */
export interface Memory {
	state: MemoryStateName;
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	lastReview: Date | null;
}

/** What a review log row holds of the review, ts-fsrs's ReviewLog plus what undo needs. */
export interface ReviewRecord {
	rating: Rating1to4;
	/** The state before the review. */
	state: MemoryStateName;
	/** ts-fsrs's log.due: the previous review, or a new card's due date. */
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	lastElapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	/** The due date before the review: ts-fsrs's rollback sets the review time instead. */
	previousDue: Date;
	reviewedAt: Date;
}

export const DEFAULT_RETENTION = 0.9;
export const DEFAULT_NEW_PER_DAY = 20;
export const DEFAULT_REVIEWS_PER_DAY = 200;
/** Anki's default: a card is a leech at 8 lapses, and again every 4 lapses after that. */
export const LEECH_THRESHOLD = 8;
export const LEECH_REPEAT = 4;
/** Anki's learn-ahead limit: with nothing else to study, learning cards due this soon show. */
export const LEARN_AHEAD_MS = 20 * 60_000;
/** Anki's default cap on the time a review counts for. */
export const MAX_ANSWER_MS = 60_000;

const stateNames: Record<State, MemoryStateName> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};
const stateNumbers: Record<MemoryStateName, State> = {
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning
};

const schedulers = new Map<number, FSRS>();

/**
 * The scheduler for a desired retention: ts-fsrs's defaults (learning steps 1m and 10m,
 * relearning 10m, fuzz on as in Anki; the fuzz is seeded by the card and the review time, so
 * the same review always gives the same due date).
 */
export function scheduler(retention = DEFAULT_RETENTION): FSRS {
	let f = schedulers.get(retention);
	if (!f) {
		f = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: true }));
		schedulers.set(retention, f);
	}
	return f;
}

/** A card never studied, as ts-fsrs makes one. */
export function newMemory(now: Date): Memory {
	return fromFsrsCard(createEmptyCard(now));
}

export function toFsrsCard(m: Memory): Card {
	return {
		due: m.due,
		stability: m.stability,
		difficulty: m.difficulty,
		elapsed_days: m.elapsedDays,
		scheduled_days: m.scheduledDays,
		learning_steps: m.learningSteps,
		reps: m.reps,
		lapses: m.lapses,
		state: stateNumbers[m.state],
		...(m.lastReview ? { last_review: m.lastReview } : {})
	};
}

export function fromFsrsCard(c: Card): Memory {
	return {
		state: stateNames[c.state],
		due: c.due,
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		lastReview: c.last_review ?? null
	};
}

function toFsrsLog(r: ReviewRecord): ReviewLog {
	return {
		rating: r.rating as Grade,
		state: stateNumbers[r.state],
		due: r.due,
		stability: r.stability,
		difficulty: r.difficulty,
		elapsed_days: r.elapsedDays,
		last_elapsed_days: r.lastElapsedDays,
		scheduled_days: r.scheduledDays,
		learning_steps: r.learningSteps,
		review: r.reviewedAt
	};
}

/** Grades a card (never studied: `undefined`) at `now`: its next memory and the log record. */
export function review(
	before: Memory | undefined,
	rating: Rating1to4,
	now: Date,
	retention = DEFAULT_RETENTION
): { memory: Memory; record: ReviewRecord; becameLeech: boolean } {
	const current = before ?? newMemory(now);
	// A clock behind the last review (another server, a skewed client) reviews at that moment:
	// ts-fsrs refuses a negative interval, and the answer must still be recorded.
	const at = reviewTime(current, now);
	const { card, log } = scheduler(retention).next(toFsrsCard(current), at, rating as Grade);
	const memory = fromFsrsCard(card);
	return {
		memory,
		record: {
			rating,
			state: stateNames[log.state],
			due: log.due,
			stability: log.stability,
			difficulty: log.difficulty,
			elapsedDays: log.elapsed_days,
			lastElapsedDays: log.last_elapsed_days,
			scheduledDays: log.scheduled_days,
			learningSteps: log.learning_steps,
			previousDue: current.due,
			reviewedAt: at
		},
		becameLeech: memory.lapses > current.lapses && isLeechCount(memory.lapses)
	};
}

/**
 * Undoes a review: ts-fsrs's rollback gives back the memory before it, and the stored
 * previous due date replaces the review time that rollback puts there.
 */
export function rollback(after: Memory, record: ReviewRecord, retention = DEFAULT_RETENTION) {
	const card = scheduler(retention).rollback(toFsrsCard(after), toFsrsLog(record));
	return { ...fromFsrsCard(card), due: record.previousDue };
}

function reviewTime(m: Memory, now: Date): Date {
	return m.lastReview && m.lastReview > now ? m.lastReview : now;
}

/** Whether a memory is what a card never studied looks like (so it needs no row). */
export function isPristine(m: Memory): boolean {
	return m.state === 'new' && m.reps === 0 && m.lapses === 0 && m.lastReview === null;
}

/** A lapse count at which a card becomes (or again becomes) a leech: 8, 12, 16, … */
export function isLeechCount(lapses: number): boolean {
	return lapses >= LEECH_THRESHOLD && (lapses - LEECH_THRESHOLD) % LEECH_REPEAT === 0;
}

export interface Interval {
	/** "10m", "1d", "4d", "1.5mo". */
	short: string;
	/** "10 minutes", "1 day": for screen readers and announcements. */
	long: string;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** An interval as Anki writes it on its buttons. */
export function formatInterval(ms: number): Interval {
	const minutes = Math.max(0, ms) / 60_000;
	if (minutes < 1) return { short: '<1m', long: 'less than a minute' };
	if (minutes < 60) {
		const n = Math.round(minutes);
		return { short: `${n}m`, long: plural(n, 'minute') };
	}
	const hours = minutes / 60;
	if (hours < 24) {
		const n = Math.round(hours);
		return { short: `${n}h`, long: plural(n, 'hour') };
	}
	const days = hours / 24;
	if (days < 30) {
		const n = Math.round(days);
		return { short: `${n}d`, long: plural(n, 'day') };
	}
	if (days < 365) {
		const n = oneDecimal(days / 30);
		return { short: `${n}mo`, long: `${n} month${n === '1' ? '' : 's'}` };
	}
	const n = oneDecimal(days / 365);
	return { short: `${n}y`, long: `${n} year${n === '1' ? '' : 's'}` };
}

export interface GradePreview {
	rating: Rating1to4;
	name: string;
	due: Date;
	interval: Interval;
}

/** What each grade would do to a card now: the intervals on the four buttons. */
export function previewGrades(
	before: Memory | undefined,
	now: Date,
	retention = DEFAULT_RETENTION
): GradePreview[] {
	const memory = before ?? newMemory(now);
	const at = reviewTime(memory, now);
	const preview = scheduler(retention).repeat(toFsrsCard(memory), at);
	return ratings.map((rating) => {
		const due = preview[rating as Grade].card.due;
		return {
			rating,
			name: ratingNames[rating],
			due,
			interval: formatInterval(due.getTime() - at.getTime())
		};
	});
}

/**
 * A quiz answer as a review of the fact's card, from its score (a boolean is 1 or 0): full
 * marks are Good, part marks (2 of 3 options, a self-marked "partly") Hard, none Again. Hard
 * rather than a scaled interval: the learner half knew it, which is what Hard means to FSRS.
 */
export function quizRating(score: boolean | number): Rating1to4 {
	const s = typeof score === 'boolean' ? (score ? 1 : 0) : score;
	if (s >= 1) return 3;
	return s > 0 ? 2 : 1;
}

export interface DailyLimits {
	newPerDay: number;
	reviewsPerDay: number;
}

/** What a learner has done today: new cards introduced and review-state cards reviewed. */
export interface DoneToday {
	newCards: number;
	reviews: number;
}

/** How many more new cards and reviews today's limits allow. */
export function remainingToday(limits: DailyLimits, done: DoneToday) {
	return {
		newCards: Math.max(0, limits.newPerDay - done.newCards),
		reviews: Math.max(0, limits.reviewsPerDay - done.reviews)
	};
}

/** Time spent on a card, from when its front was shown, within [0, MAX_ANSWER_MS]. */
export function answerTime(shownAt: number | undefined, now: Date): number {
	if (shownAt === undefined || !Number.isFinite(shownAt)) return 0;
	return Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(now.getTime() - shownAt)));
}

/** A learner's scheduling settings, their day included (its zone resolved: see getSettings). */
export interface LearnerSettings extends DailyLimits, DayClock {
	desiredRetention: number;
}

export const defaultSettings: LearnerSettings = {
	desiredRetention: DEFAULT_RETENTION,
	newPerDay: DEFAULT_NEW_PER_DAY,
	reviewsPerDay: DEFAULT_REVIEWS_PER_DAY,
	timeZone: DEFAULT_TIME_ZONE,
	dayStartHour: DEFAULT_DAY_START_HOUR
};

const wholeNumber = (label: string, max: number) =>
	z
		.string()
		.trim()
		.min(1, `Enter ${label}.`)
		.regex(/^\d+$/, `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
		.transform(Number)
		.refine((n) => n <= max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}.`);

/** An IANA zone name as a form sends it, spelled as Intl spells it once checked. */
export const timeZoneSchema = z
	.string()
	.trim()
	.min(1, 'Choose a time zone.')
	.transform((name, ctx) => {
		const canonical = canonicalTimeZone(name);
		if (!canonical) {
			ctx.addIssue({
				code: 'custom',
				message: `"${name.slice(0, 64)}" is not a time zone we know. Choose one from the list, such as Europe/London or America/Los_Angeles.`
			});
			return z.NEVER;
		}
		return canonical;
	});

export const dayStartHourSchema = z
	.string()
	.trim()
	.min(1, 'Enter the hour your day starts at.')
	.regex(/^\d+$/, 'The hour your day starts at must be a whole number from 0 to 23.')
	.transform(Number)
	.refine(
		(n) => n >= 0 && n <= 23,
		'The hour your day starts at must be from 0 (midnight) to 23 (11 p.m.).'
	);

/**
 * The settings form: retention as a percentage (70 to 99), limits as whole numbers, the day's
 * time zone as an IANA name and the hour it starts at (0 to 23).
 */
export const settingsFormSchema = z.object({
	desiredRetention: z
		.string()
		.trim()
		.min(1, 'Enter a desired retention.')
		.regex(/^\d+(\.\d+)?$/, 'Desired retention must be a number, such as 90.')
		.transform(Number)
		.refine(
			(n) => n >= 70 && n <= 99,
			'Desired retention must be between 70 and 99 percent: below 70 you forget too much, above 99 the reviews never end.'
		)
		.transform((n) => Math.round(n * 10) / 1000),
	newPerDay: wholeNumber('new cards a day', 1000),
	reviewsPerDay: wholeNumber('reviews a day', 10000),
	timeZone: timeZoneSchema,
	dayStartHour: dayStartHourSchema
});

export type SettingsFormInput = z.input<typeof settingsFormSchema>;

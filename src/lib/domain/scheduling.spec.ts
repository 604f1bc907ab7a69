import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
	answerTime,
	formatInterval,
	fromFsrsCard,
	isLeechCount,
	isPristine,
	newMemory,
	previewGrades,
	quizRating,
	remainingToday,
	review,
	rollback,
	settingsFormSchema,
	toFsrsCard,
	type Memory,
	type Rating1to4
} from './scheduling';

const start = new Date('2024-01-01T09:00:00Z');
/** Good, Good, Good, Again, Good, Good, Easy, Hard: each review made when the card is due. */
const sequence: Rating1to4[] = [3, 3, 3, 1, 3, 3, 4, 2];

function run(ratings: Rating1to4[], retention = 0.9) {
	const steps: { before: Memory | undefined; now: Date; after: Memory; rating: Rating1to4 }[] = [];
	let memory: Memory | undefined;
	let now = start;
	for (const rating of ratings) {
		const { memory: after } = review(memory, rating, now, retention);
		steps.push({ before: memory, now, after, rating });
		memory = after;
		now = after.due;
	}
	return steps;
}

describe('grading against ts-fsrs', () => {
	it('gives the due dates ts-fsrs gives for the same ratings, times and parameters', () => {
		const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: true }));
		let card: Card = createEmptyCard(start);
		let now = start;
		const expected: string[] = [];
		for (const rating of sequence) {
			card = f.next(card, now, rating as Grade).card;
			expected.push(card.due.toISOString());
			now = card.due;
		}
		expect(run(sequence).map((s) => s.after.due.toISOString())).toEqual(expected);
	});

	it('follows the learning steps, then days: a known sequence gives known dates', () => {
		const dues = run(sequence).map((s) => s.after.due.toISOString());
		expect(dues.slice(0, 6)).toEqual([
			'2024-01-01T09:10:00.000Z', // Good on a new card: the 10-minute step
			'2024-01-03T09:10:00.000Z', // Good again: graduates, 2 days
			'2024-01-16T09:10:00.000Z', // 13 days
			'2024-01-16T09:20:00.000Z', // Again: a lapse, relearning in 10 minutes
			'2024-01-18T09:20:00.000Z', // relearnt: 2 days
			'2024-01-22T09:20:00.000Z' // 4 days
		]);
		const states = run(sequence).map((s) => s.after.state);
		expect(states.slice(0, 5)).toEqual(['learning', 'review', 'review', 'relearning', 'review']);
		expect(run(sequence).at(-1)!.after.lapses).toBe(1);
	});

	it('schedules sooner for a higher desired retention', () => {
		const interval = (retention: number) => {
			const s = run([3, 3, 3], retention).at(-1)!;
			return s.after.due.getTime() - s.now.getTime();
		};
		expect(interval(0.97)).toBeLessThan(interval(0.9));
		expect(interval(0.9)).toBeLessThan(interval(0.8));
	});

	it('records a review whose clock is behind the last review at the last review', () => {
		const last = run([3, 3]).at(-1)!.after;
		const early = new Date(last.lastReview!.getTime() - 60_000);
		const { record } = review(last, 3, early);
		expect(record.reviewedAt).toEqual(last.lastReview);
		expect(record.elapsedDays).toBe(0);
	});

	it('converts to ts-fsrs cards and back without loss', () => {
		for (const s of run(sequence)) {
			expect(fromFsrsCard(toFsrsCard(s.after))).toEqual(s.after);
		}
		expect(isPristine(newMemory(start))).toBe(true);
	});
});

describe('rollback', () => {
	it('restores exactly the memory before each grade, due date included', () => {
		for (const s of run(sequence)) {
			const before = s.before ?? newMemory(s.now);
			const { record, memory } = review(s.before, s.rating, s.now);
			expect(rollback(memory, record)).toEqual(before);
		}
	});

	it('records what the rollback needs: the previous due date and state', () => {
		const [, second] = run([3, 3]);
		const { record } = review(second!.before, 3, second!.now);
		expect(record.previousDue).toEqual(second!.before!.due);
		expect(record.state).toBe('learning');
		expect(record.reviewedAt).toEqual(second!.now);
	});
});

describe('previews', () => {
	it('show the interval each grade would give a new card', () => {
		const preview = previewGrades(undefined, start);
		expect(preview.map((p) => p.name)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
		expect(preview.map((p) => p.interval.short).slice(0, 3)).toEqual(['1m', '6m', '10m']);
		expect(preview[3]!.interval.short).toMatch(/^\d+d$/);
	});

	it('match what grading then does', () => {
		const steps = run([3, 3, 3]);
		const last = steps.at(-1)!;
		const preview = previewGrades(last.before, last.now);
		expect(preview[2]!.due).toEqual(last.after.due);
	});
});

describe('intervals as Anki writes them', () => {
	it.each([
		[30_000, '<1m', 'less than a minute'],
		[60_000, '1m', '1 minute'],
		[10 * 60_000, '10m', '10 minutes'],
		[3 * 3600_000, '3h', '3 hours'],
		[86400_000, '1d', '1 day'],
		[4 * 86400_000, '4d', '4 days'],
		[45 * 86400_000, '1.5mo', '1.5 months'],
		[730 * 86400_000, '2y', '2 years']
	])('%i ms is %s', (ms, short, long) => {
		expect(formatInterval(ms)).toEqual({ short, long });
	});
});

describe('leeches', () => {
	it('are marked at 8 lapses and again every 4 after', () => {
		expect([7, 8, 9, 11, 12, 16].map(isLeechCount)).toEqual([
			false,
			true,
			false,
			false,
			true,
			true
		]);
	});

	it('a lapse that reaches 8 makes a leech; other grades do not', () => {
		const reviewCard: Memory = { ...run([3, 3]).at(-1)!.after, lapses: 7 };
		const at = reviewCard.due;
		expect(review(reviewCard, 1, at).becameLeech).toBe(true);
		expect(review(reviewCard, 1, at).memory.lapses).toBe(8);
		expect(review(reviewCard, 3, at).becameLeech).toBe(false);
		expect(review({ ...reviewCard, lapses: 8 }, 3, at).becameLeech).toBe(false);
	});
});

describe('days and limits', () => {
	it('counts what is left of the daily limits, never below zero', () => {
		expect(
			remainingToday({ newPerDay: 20, reviewsPerDay: 200 }, { newCards: 5, reviews: 10 })
		).toEqual({ newCards: 15, reviews: 190 });
		expect(remainingToday({ newPerDay: 3, reviewsPerDay: 2 }, { newCards: 5, reviews: 2 })).toEqual(
			{
				newCards: 0,
				reviews: 0
			}
		);
	});

	it('caps the time spent on a card', () => {
		expect(answerTime(start.getTime() - 5000, start)).toBe(5000);
		expect(answerTime(start.getTime() - 600_000, start)).toBe(60_000);
		expect(answerTime(start.getTime() + 5000, start)).toBe(0);
		expect(answerTime(undefined, start)).toBe(0);
	});

	it('turns quiz answers into ratings: right is Good, wrong is Again', () => {
		expect([quizRating(true), quizRating(false)]).toEqual([3, 1]);
	});
});

describe('the settings form', () => {
	it('accepts a percentage, whole-number limits, a time zone and an hour', () => {
		const parsed = settingsFormSchema.safeParse({
			desiredRetention: '92.5',
			newPerDay: '3',
			reviewsPerDay: '150',
			timeZone: 'europe/paris',
			dayStartHour: '0'
		});
		expect(parsed.success && parsed.data).toEqual({
			desiredRetention: 0.925,
			newPerDay: 3,
			reviewsPerDay: 150,
			timeZone: 'Europe/Paris',
			dayStartHour: 0
		});
	});

	it('refuses values out of range with messages that say what to enter', () => {
		const parsed = settingsFormSchema.safeParse({
			desiredRetention: '50',
			newPerDay: '-1',
			reviewsPerDay: '',
			timeZone: 'Mars/Olympus_Mons',
			dayStartHour: '24'
		});
		expect(parsed.success).toBe(false);
		const messages = parsed.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
		expect(messages).toContain(
			'desiredRetention: Desired retention must be between 70 and 99 percent: below 70 you forget too much, above 99 the reviews never end.'
		);
		expect(messages).toContain('newPerDay: New cards a day must be a whole number.');
		expect(messages).toContain('reviewsPerDay: Enter reviews a day.');
		expect(messages).toContain(
			'timeZone: "Mars/Olympus_Mons" is not a time zone we know. Choose one from the list, such as Europe/London or America/Los_Angeles.'
		);
		expect(messages).toContain(
			'dayStartHour: The hour your day starts at must be from 0 (midnight) to 23 (11 p.m.).'
		);
	});
});

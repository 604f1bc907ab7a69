// Scoring a live session and reading its answers back: points for a right answer (with an
// optional, small bonus for speed), the leaderboard's ranks, the spread of answers to one
// question for the reveal's bar chart, and the summary's line per question. Any question type
// works: answers are grouped by the text describeResponse gives them.
import { describeResponse } from './describe-response';
import type { Response } from './grade-answer';
import { correctResponse } from './public-question';
import { verdictLabels, verdicts, type Question } from './question';

/** A right answer's points. */
export const BASE_POINTS = 100;
/** The most the speed bonus adds: small, so that accuracy decides the order. */
export const MAX_SPEED_BONUS = 20;
/** Without a timer, the speed bonus runs out after this long. */
export const BONUS_WINDOW_MS = 30_000;

export interface PointsInput {
	correct: boolean;
	/** From the question opening to the answer, paused time left out. */
	elapsedMs: number;
	timerMs: number | null;
	speedBonus: boolean;
}

/** Nothing for a wrong answer; BASE_POINTS for a right one, plus a bonus falling to 0 with time. */
export function pointsFor({ correct, elapsedMs, timerMs, speedBonus }: PointsInput): number {
	if (!correct) return 0;
	if (!speedBonus) return BASE_POINTS;
	const window = timerMs ?? BONUS_WINDOW_MS;
	const left = Math.min(1, Math.max(0, 1 - Math.max(0, elapsedMs) / window));
	return BASE_POINTS + Math.round(MAX_SPEED_BONUS * left);
}

export interface Standing {
	userId: string;
	name: string;
	points: number;
	right: number;
}

export interface Ranked extends Standing {
	/** 1 for the most points; equal points share a rank (1, 2, 2, 4). */
	rank: number;
}

/** Players by points (then right answers), each with a rank; ties share it; names break ties in order only. */
export function rankPlayers(players: readonly Standing[]): Ranked[] {
	const sorted = [...players].sort(
		(a, b) => b.points - a.points || b.right - a.right || a.name.localeCompare(b.name)
	);
	const ranked: Ranked[] = [];
	for (const [i, p] of sorted.entries()) {
		const previous = ranked[i - 1];
		const tied = previous && previous.points === p.points && previous.right === p.right;
		ranked.push({ ...p, rank: tied ? previous.rank : i + 1 });
	}
	return ranked;
}

export interface GivenAnswer {
	response: Response;
	correct: boolean;
}

export interface SpreadRow {
	/** The answer as text. */
	label: string;
	count: number;
	/** Answers in this row were graded right. */
	correct: boolean;
}

/** Typed answers beyond this many distinct ones are counted together as "other answers". */
export const MAX_SPREAD_ROWS = 6;

const key = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * How the class answered one question. A question with a fixed list of options (a choice, true or
 * false) lists every option in its own order, picked or not; other answers are grouped by their
 * text (ignoring case and spacing), most given first, the right answer always among the rows.
 */
export function answerSpread(q: Question, answers: readonly GivenAnswer[]): SpreadRow[] {
	const rows = new Map<string, SpreadRow>();
	const add = (label: string, correct: boolean, count: number) => {
		const k = key(label);
		const row = rows.get(k);
		if (row) row.count += count;
		else rows.set(k, { label, count, correct });
	};
	const options = fixedOptions(q);
	for (const option of options) add(option.label, option.correct, 0);
	for (const a of answers) add(describeResponse(q, a.response), a.correct, 1);
	const rightResponse = correctResponse(q);
	const right = rightResponse && describeResponse(q, rightResponse);
	if (right !== undefined && !rows.has(key(right))) add(right, true, 0);
	if (options.length) return [...rows.values()];

	const sorted = [...rows.values()].sort(
		(a, b) => b.count - a.count || Number(b.correct) - Number(a.correct)
	);
	if (sorted.length <= MAX_SPREAD_ROWS) return sorted;
	const kept = sorted.slice(0, MAX_SPREAD_ROWS - 1);
	// The right answer keeps its own row even when few gave it.
	if (!kept.some((r) => r.correct)) {
		const rightRow = sorted.find((r) => r.correct);
		if (rightRow) kept[kept.length - 1] = rightRow;
	}
	const rest = sorted.filter((r) => !kept.includes(r));
	const others = rest.reduce((n, r) => n + r.count, 0);
	return [
		...kept,
		// Counted as not right: it may mix accepted and refused answers.
		{ label: `Other answers (${rest.length})`, count: others, correct: false }
	];
}

/** The options a question offers as a fixed list, with which is right. */
function fixedOptions(q: Question): { label: string; correct: boolean }[] {
	switch (q.type) {
		case 'multiple_choice':
			return q.choices.map((c) => ({ label: c.text, correct: c.id === q.correctChoiceId }));
		case 'true_false':
			return [
				{ label: 'True', correct: q.answer },
				{ label: 'False', correct: !q.answer }
			];
		case 'true_false_not_given':
			return verdicts.map((v) => ({ label: verdictLabels[v], correct: v === q.answer }));
		default:
			return [];
	}
}

export interface QuestionOutcome {
	answers: number;
	right: number;
	/** Percentage right of those who answered; null with no answers. */
	percentRight: number | null;
	/** The wrong answer given most, and how often. */
	topWrong: { label: string; count: number } | null;
}

/** One line of the summary: how many answered, the share right, the most given wrong answer. */
export function questionOutcome(q: Question, answers: readonly GivenAnswer[]): QuestionOutcome {
	const right = answers.filter((a) => a.correct).length;
	const wrong = new Map<string, { label: string; count: number }>();
	for (const a of answers) {
		if (a.correct) continue;
		const label = describeResponse(q, a.response);
		const entry = wrong.get(key(label)) ?? { label, count: 0 };
		entry.count += 1;
		wrong.set(key(label), entry);
	}
	let topWrong: QuestionOutcome['topWrong'] = null;
	for (const entry of [...wrong.values()].sort((a, b) => a.label.localeCompare(b.label))) {
		if (!topWrong || entry.count > topWrong.count) topWrong = entry;
	}
	return {
		answers: answers.length,
		right,
		percentRight: answers.length ? Math.round((100 * right) / answers.length) : null,
		topWrong
	};
}

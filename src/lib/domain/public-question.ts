// What a learner may see of a question before answering (no answer key, no explanation, no
// provenance), and the right answer as a Response and as text for after grading.

import type { Response } from './grade-answer';
import { formatDate } from './normalise';
import type { DatePrecision } from './normalise';
import { verdictLabels, type Question } from './question';
import { createRandom, type Random } from './random';

interface PublicBase {
	id: string;
	title?: string;
	prompt: string;
}

export type PublicQuestion =
	| (PublicBase & { type: 'multiple_choice'; choices: { id: string; text: string }[] })
	| (PublicBase & { type: 'true_false' })
	| (PublicBase & { type: 'true_false_not_given' })
	| (PublicBase & { type: 'short_answer' })
	| (PublicBase & { type: 'cloze'; before: string; after: string })
	| (PublicBase & { type: 'numeric'; unit?: string })
	| (PublicBase & { type: 'date'; precision: DatePrecision })
	/** Lefts in their own order (a response lists a right per left); rights shuffled. */
	| (PublicBase & { type: 'matching'; lefts: string[]; rights: string[] })
	/** Shuffled, never in the right order when that is possible. */
	| (PublicBase & { type: 'ordering'; items: string[] });

/**
 * The projection sent to a learner before answering. Built field by field (never by copying
 * the question and deleting), so a field added to the model later cannot leak an answer.
 * Choices keep the order the question gives them; matching rights and ordering items are
 * shuffled by the seed, so the same seed shows the same layout. The id is the caller's
 * (`q3`: its place), never the question's own: a generated question's id names the fact it
 * asks about ("sa:visitor:kishida-visited-kyiv"), which would give the answer away.
 */
export function toPublicQuestion(q: Question, seed: number, publicId: string): PublicQuestion {
	const base: PublicBase = {
		id: publicId,
		...(q.title !== undefined ? { title: q.title } : {}),
		prompt: q.prompt
	};
	const random = createRandom(seed);
	switch (q.type) {
		case 'multiple_choice':
			return { ...base, type: q.type, choices: q.choices.map((c) => ({ id: c.id, text: c.text })) };
		case 'true_false':
		case 'true_false_not_given':
		case 'short_answer':
			return { ...base, type: q.type };
		case 'cloze':
			return { ...base, type: q.type, before: q.before, after: q.after };
		case 'numeric':
			return { ...base, type: q.type, ...(q.unit !== undefined ? { unit: q.unit } : {}) };
		case 'date':
			return { ...base, type: q.type, precision: q.precision };
		case 'matching':
			return {
				...base,
				type: q.type,
				lefts: q.pairs.map((p) => p.left),
				rights: shuffleOutOfOrder(
					q.pairs.map((p) => p.right),
					random
				)
			};
		case 'ordering':
			return { ...base, type: q.type, items: shuffleOutOfOrder(q.items, random) };
	}
}

/**
 * A shuffle that never hands back the original order when another order exists: a shuffle
 * that lands on it is rotated by one, which changes any list that is not all the same item.
 */
function shuffleOutOfOrder(items: readonly string[], random: Random): string[] {
	const shuffled = random.shuffle(items);
	const unchanged = shuffled.every((item, i) => item === items[i]);
	return unchanged && shuffled.length > 1 ? [...shuffled.slice(1), shuffled[0]!] : shuffled;
}

/** The right answer as a Response: what the results page shows, and what tests feed back. */
export function correctResponse(q: Question): Response {
	switch (q.type) {
		case 'multiple_choice':
			return { type: q.type, choiceId: q.correctChoiceId };
		case 'true_false':
			return { type: q.type, value: q.answer };
		case 'true_false_not_given':
			return { type: q.type, value: q.answer };
		case 'short_answer':
		case 'cloze':
			return { type: q.type, text: q.answer };
		case 'numeric':
			return { type: q.type, text: String(q.answer) };
		case 'date':
			return { type: q.type, text: q.answer };
		case 'matching':
			return { type: q.type, rights: q.pairs.map((p) => p.right) };
		case 'ordering':
			return { type: q.type, order: [...q.items] };
	}
}

/** The right answer as one line of text for the results page. */
export function describeAnswer(q: Question): string {
	switch (q.type) {
		case 'multiple_choice':
			return q.choices.find((c) => c.id === q.correctChoiceId)?.text ?? '';
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'true_false_not_given':
			return verdictLabels[q.answer];
		case 'short_answer':
		case 'cloze': {
			const also = q.alternatives.length ? ` (also accepted: ${q.alternatives.join(', ')})` : '';
			return `${q.answer}${also}`;
		}
		case 'numeric': {
			const unit = q.unit ? ` ${q.unit}` : '';
			const within = q.tolerance > 0 ? ` (±${q.tolerance})` : '';
			return `${q.answer}${unit}${within}`;
		}
		case 'date':
			return formatDate(q.answer);
		case 'matching':
			return q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
		case 'ordering':
			return q.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
	}
}

/**
 * The hint under a date input: the form alone, never an example date, which could be the
 * answer to some question (a hint "like 21 March 2023" gave one away).
 */
export function dateInputHint(precision: DatePrecision): string {
	switch (precision) {
		case 'day':
			return 'Write the day, the month and the year, or pick the date below.';
		case 'month':
			return 'Write the month and the year.';
		case 'year':
			return 'Write the year in four digits.';
	}
}

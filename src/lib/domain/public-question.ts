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
	| (PublicBase & { type: 'ordering'; items: string[] })
	/** Checkboxes: neither the weights nor how many are right. */
	| (PublicBase & {
			type: 'multiple_response';
			choices: { id: string; text: string }[];
			allOrNothing: boolean;
	  })
	| (PublicBase & { type: 'open_response' })
	| (PublicBase & { type: 'description' });

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
		case 'multiple_response':
			return {
				...base,
				type: q.type,
				choices: q.choices.map((c) => ({ id: c.id, text: c.text })),
				allOrNothing: q.allOrNothing
			};
		case 'open_response':
		case 'description':
			return { ...base, type: q.type };
		default:
			return unknownType(q);
	}
}

/** Every switch over the types ends here: a type added to the model fails to compile. */
export function unknownType(q: never): never {
	throw new Error(`unknown question type ${JSON.stringify((q as { type?: unknown }).type)}`);
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

/**
 * The right answer as a Response: what the results page shows, and what tests feed back. An
 * open response's is its model answer (which still waits for a mark); a description has none.
 */
export function correctResponse(q: Question): Response | undefined {
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
		case 'multiple_response':
			return { type: q.type, choiceIds: q.choices.filter((c) => c.weight > 0).map((c) => c.id) };
		case 'open_response':
			return { type: q.type, text: q.modelAnswer || q.prompt };
		case 'description':
			return undefined;
		default:
			return unknownType(q);
	}
}

/**
 * A fraction as a percentage, exactly: its shortest decimal with the point moved two places
 * (1/3 → "33.33333333333333"), which `fromPercentText` reads back to the very same number.
 * Multiplying by 100 would not do: 1/3 × 100 ÷ 100 is not 1/3 in floating point.
 */
export function percentText(fraction: number): string {
	const [mantissa, exponent] = fraction.toExponential().split('e') as [string, string];
	return String(Number(`${mantissa}e${Number(exponent) + 2}`));
}

/** A percentage as written ("33.33333333333333", "-100") as a fraction, correctly rounded. */
export function fromPercentText(percent: string): number {
	return Number(`${percent.trim()}e-2`);
}

/** "50%", "-33.3%": a weight or credit as Moodle writes it, to three significant decimals. */
export function formatWeight(fraction: number): string {
	return `${Number((fraction * 100).toFixed(3))}%`;
}

/** The right answer as one line of text for the results page. */
export function describeAnswer(q: Question): string {
	switch (q.type) {
		case 'multiple_choice': {
			const right = q.choices.find((c) => c.id === q.correctChoiceId)?.text ?? '';
			const partly = q.choices.filter((c) => c.credit !== undefined && c.credit > 0);
			return partly.length
				? `${right} (part marks: ${partly.map((c) => `${c.text} ${formatWeight(c.credit!)}`).join(', ')})`
				: right;
		}
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'true_false_not_given':
			return verdictLabels[q.answer];
		case 'short_answer':
		case 'cloze': {
			const also = q.alternatives.length ? ` (also accepted: ${q.alternatives.join(', ')})` : '';
			const partly =
				q.type === 'short_answer' && q.partialAnswers?.length
					? ` (part marks: ${q.partialAnswers.map((p) => `${p.answer} ${formatWeight(p.credit)}`).join(', ')})`
					: '';
			return `${q.answer}${also}${partly}`;
		}
		case 'numeric': {
			const unit = q.unit ? ` ${q.unit}` : '';
			if (q.range) return `${q.range.min} to ${q.range.max}${unit}`;
			const within = q.tolerance > 0 ? ` (±${q.tolerance})` : '';
			return `${q.answer}${unit}${within}`;
		}
		case 'date':
			return formatDate(q.answer);
		case 'matching':
			return q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
		case 'ordering':
			return q.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
		case 'multiple_response': {
			const right = q.choices.filter((c) => c.weight > 0);
			const even = right.every((c) => Math.abs(c.weight - 1 / right.length) < 1e-6);
			const texts = right.map((c) =>
				q.allOrNothing || even ? c.text : `${c.text} (${formatWeight(c.weight)})`
			);
			return `${texts.join('; ')}${q.allOrNothing ? ' (all of them, and only them)' : ''}`;
		}
		case 'open_response':
			return q.modelAnswer || 'Your own answer: mark it against the explanation.';
		case 'description':
			return '';
		default:
			return unknownType(q);
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

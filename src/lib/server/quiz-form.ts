// Reads a learner's answer from a submitted form and checks it against the question it
// claims to answer: a tampered form (a choice that does not exist, a reordered list with an
// item added) is refused with a message, before anything is graded or recorded.
import type { Response } from '../domain/grade-answer';
import { unknownType } from '../domain/public-question';
import { verdicts, type Question, type Verdict } from '../domain/question';

/** Typed answers longer than this are not answers. */
export const MAX_TYPED_LENGTH = 500;
/** An open response may run to a few paragraphs. */
export const MAX_OPEN_LENGTH = 5000;

export type ParsedResponse = { ok: true; response: Response } | { ok: false; message: string };

function text(data: FormData, name: string): string | undefined {
	const value = data.get(name);
	return typeof value === 'string' ? value : undefined;
}

function texts(data: FormData, name: string): string[] | undefined {
	const values = data.getAll(name);
	return values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
}

function typed(data: FormData, name = 'text', max = MAX_TYPED_LENGTH): ParsedResponse | string {
	const value = text(data, name)?.trim() ?? '';
	if (!value) return { ok: false, message: 'Type an answer first.' };
	if (value.length > max) {
		return { ok: false, message: `Answers are at most ${max.toLocaleString('en-GB')} characters.` };
	}
	return value;
}

export function parseResponseForm(q: Question, data: FormData): ParsedResponse {
	switch (q.type) {
		case 'multiple_choice': {
			const choiceId = text(data, 'choice');
			if (!choiceId) return { ok: false, message: 'Choose an answer first.' };
			if (!q.choices.some((c) => c.id === choiceId)) {
				return { ok: false, message: 'That choice is not one of this question’s choices.' };
			}
			return { ok: true, response: { type: 'multiple_choice', choiceId } };
		}
		case 'true_false': {
			const choice = text(data, 'choice');
			if (!choice) return { ok: false, message: 'Choose True or False first.' };
			if (choice !== 'true' && choice !== 'false') {
				return { ok: false, message: 'The answer to a true-or-false question is true or false.' };
			}
			return { ok: true, response: { type: 'true_false', value: choice === 'true' } };
		}
		case 'true_false_not_given': {
			const choice = text(data, 'choice');
			if (!choice) return { ok: false, message: 'Choose True, False or Not given first.' };
			if (!(verdicts as readonly string[]).includes(choice)) {
				return { ok: false, message: 'The answer is True, False or Not given.' };
			}
			return { ok: true, response: { type: 'true_false_not_given', value: choice as Verdict } };
		}
		case 'short_answer':
		case 'cloze':
		case 'numeric': {
			const value = typed(data);
			return typeof value === 'string'
				? { ok: true, response: { type: q.type, text: value } }
				: value;
		}
		case 'date': {
			// A typed date wins over the picker, which a learner may have left untouched.
			const typedValue = text(data, 'text')?.trim();
			const value = typed(data, typedValue ? 'text' : 'picked');
			return typeof value === 'string'
				? { ok: true, response: { type: 'date', text: value } }
				: value;
		}
		case 'matching': {
			const rights = texts(data, 'match');
			if (!rights || rights.length !== q.pairs.length) {
				return { ok: false, message: 'Match every item on the left before you submit.' };
			}
			const allowed = new Set(q.pairs.map((p) => p.right));
			if (rights.some((r) => r !== '' && !allowed.has(r))) {
				return { ok: false, message: 'That match is not one of this question’s options.' };
			}
			if (rights.some((r) => r === '')) {
				return { ok: false, message: 'Match every item on the left before you submit.' };
			}
			return { ok: true, response: { type: 'matching', rights } };
		}
		case 'ordering': {
			const order = texts(data, 'order');
			const expected = [...q.items].sort();
			if (
				!order ||
				order.length !== q.items.length ||
				[...order].sort().join('\u0000') !== expected.join('\u0000')
			) {
				return { ok: false, message: 'The order must list each of the question’s items once.' };
			}
			return { ok: true, response: { type: 'ordering', order } };
		}
		case 'multiple_response': {
			const picked = texts(data, 'choice');
			if (!picked || picked.length === 0) {
				return { ok: false, message: 'Tick at least one answer first.' };
			}
			if (picked.some((id) => !q.choices.some((c) => c.id === id))) {
				return { ok: false, message: 'That choice is not one of this question’s choices.' };
			}
			return { ok: true, response: { type: 'multiple_response', choiceIds: [...new Set(picked)] } };
		}
		case 'open_response': {
			const value = typed(data, 'text', MAX_OPEN_LENGTH);
			return typeof value === 'string'
				? { ok: true, response: { type: 'open_response', text: value } }
				: value;
		}
		case 'description':
			return {
				ok: false,
				message: 'This is a description, not a question: there is nothing to answer.'
			};
		default:
			return unknownType(q);
	}
}

/**
 * An ordering question's unsubmitted order, kept in the page's query so that its move buttons
 * work without JavaScript: the order given (when it lists each item once), moved as asked.
 */
export function orderFromQuery(items: readonly string[], url: URL): string[] {
	const fromUrl = url.searchParams.getAll('order');
	const order =
		fromUrl.length === items.length &&
		[...fromUrl].sort().join('\n') === [...items].sort().join('\n')
			? fromUrl
			: [...items];
	const move = /^(up|down):(\d+)$/.exec(url.searchParams.get('move') ?? '');
	if (move) {
		const from = Number(move[2]);
		const to = move[1] === 'up' ? from - 1 : from + 1;
		if (from >= 0 && from < order.length && to >= 0 && to < order.length) {
			[order[from], order[to]] = [order[to]!, order[from]!];
		}
	}
	return order;
}

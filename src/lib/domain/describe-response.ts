// A learner's response as text, for the results page and reports ("Mikhail Mishustin",
// "Xi Jinping → Chinese leader; …").
import type { Response } from './grade-answer';
import { verdictLabels, type Question } from './question';

export function describeResponse(q: Question, response: Response): string {
	switch (response.type) {
		case 'multiple_choice':
			return q.type === 'multiple_choice'
				? (q.choices.find((c) => c.id === response.choiceId)?.text ?? '(no choice)')
				: '(no choice)';
		case 'true_false':
			return response.value ? 'True' : 'False';
		case 'true_false_not_given':
			return verdictLabels[response.value];
		case 'short_answer':
		case 'cloze':
		case 'numeric':
		case 'date':
			return response.text;
		case 'matching': {
			const lefts = q.type === 'matching' ? q.pairs.map((p) => p.left) : [];
			return response.rights
				.map((right, i) => `${lefts[i] ?? `#${i + 1}`} → ${right || '(none)'}`)
				.join('; ');
		}
		case 'ordering':
			return response.order.join(' → ');
		case 'multiple_response': {
			const choices = q.type === 'multiple_response' ? q.choices : [];
			// In the question's order, whatever order the boxes were ticked in.
			const ticked = choices.filter((c) => response.choiceIds.includes(c.id));
			return ticked.length ? ticked.map((c) => c.text).join('; ') : '(no choice)';
		}
		case 'open_response':
			return response.text;
	}
}

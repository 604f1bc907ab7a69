import { describeAnswer, toPublicQuestion } from '$lib/domain/public-question';
import { getDb } from '$lib/server/app-db';
import { teacherSetQuestions } from '$lib/server/teacher-sets';
import { ownedSet } from '../owned';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { me, set } = ownedSet(event);
	const questions = teacherSetQuestions(getDb(), me.id, set.id) ?? [];
	const requested = Number(event.url.searchParams.get('q'));
	const index =
		Number.isInteger(requested) && requested >= 1 && requested <= questions.length
			? requested - 1
			: 0;
	const current = questions[index];
	return {
		set: { id: set.id, title: set.title, status: set.status },
		total: questions.length,
		nav: questions.map((q) => ({ id: q.id, prompt: q.question.prompt })),
		current: current
			? {
					id: current.id,
					number: index + 1,
					// Exactly the projection a learner's page gets: no answer key.
					question: toPublicQuestion(
						current.question,
						current.position,
						`q${current.position + 1}`
					),
					answer: describeAnswer(current.question),
					explanation: current.question.explanation,
					feedback:
						current.question.type === 'multiple_choice'
							? current.question.choices.flatMap((c) =>
									c.feedback ? [{ choice: c.text, feedback: c.feedback }] : []
								)
							: []
				}
			: null
	};
};

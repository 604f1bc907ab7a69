import { error, fail, redirect } from '@sveltejs/kit';
import { toPublicQuestion, describeAnswer } from '$lib/domain/public-question';
import { getDb } from '$lib/server/app-db';
import { field, ownQuery, readFormChecked } from '$lib/server/forms';
import { getTeacherQuestion, updateQuestion } from '$lib/server/teacher-sets';
import { ownedSet } from '../../owned';
import {
	applyIntent,
	questionFromValues,
	readValues,
	typeLabels,
	valuesFromQuestion
} from '../question-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function ownedQuestion(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const { me, set } = ownedSet(event);
	const found = getTeacherQuestion(getDb(), me.id, set.id, event.params.qid);
	if (!found) error(404, 'No question of yours has that id.');
	return { me, set, found };
}

export const load: PageServerLoad = (event) => {
	const { set, found } = ownedQuestion(event);
	return {
		set: { id: set.id, title: set.title },
		query: ownQuery(event.url),
		question: {
			id: found.id,
			number: found.position + 1,
			type: typeLabels[found.question.type],
			generated: found.question.provenance !== undefined,
			// The saved version, as learners see it.
			preview: toPublicQuestion(found.question, found.position, `q${found.position + 1}`),
			answer: describeAnswer(found.question)
		},
		values: valuesFromQuestion(found.question)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { me, set, found } = ownedQuestion(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { values: null, errors: { form: read.message } });
		const values = readValues(read.data);
		// The type of a saved question stays: another type is another question.
		if (!values || values.type !== found.question.type) {
			return fail(400, { values: null, errors: { form: 'The form is not for this question.' } });
		}
		const next = applyIntent(values, field(read.data, 'intent'));
		if (next) return { values: next, errors: {} };
		const built = questionFromValues(values, found.id);
		if (!built.ok) return fail(400, { values, errors: built.errors });
		const saved = updateQuestion(getDb(), me.id, set.id, found.id, built.question);
		if (!saved.ok) return fail(400, { values, errors: { form: saved.message } });
		redirect(303, `/teach/sets/${set.id}#question-${found.position + 1}`);
	}
};

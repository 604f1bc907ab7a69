import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { field, ownQuery, readFormChecked } from '$lib/server/forms';
import { addQuestion } from '$lib/server/teacher-sets';
import { generatedQuestion, sourceBase } from '$lib/server/generation';
import { ownedSet } from '../../owned';
import {
	applyIntent,
	emptyValues,
	isQuestionType,
	questionFromValues,
	readValues,
	typeHints,
	typeLabels,
	valuesFromQuestion
} from '../question-form';
import type { Actions, PageServerLoad } from './$types';

/** A generated question to edit before adding it: rebuilt from its source, id and seed. */
function fromGenerator(teacherId: string, sourceId: string, generated: string) {
	const m = /^(\d{1,10}):(.+)$/.exec(generated);
	const base = sourceBase(getDb(), teacherId, sourceId);
	if (!m || !base) return undefined;
	return generatedQuestion(base, m[2]!, Number(m[1]));
}

export const load: PageServerLoad = (event) => {
	const { me, set } = ownedSet(event);
	const params = event.url.searchParams;
	const from = params.get('from') ?? '';
	const generated = params.get('generated') ?? '';
	let values = null;
	let hidden: Record<string, string> = {};
	if (from || generated) {
		const q = fromGenerator(me.id, from, generated);
		if (!q) error(404, 'That generated question no longer exists: generate again.');
		values = valuesFromQuestion(q);
		hidden = { from, generated };
	} else {
		const type = params.get('type') ?? '';
		if (isQuestionType(type)) values = emptyValues(type);
	}
	return {
		set: { id: set.id, title: set.title },
		values,
		hidden,
		query: ownQuery(event.url),
		types: Object.entries(typeLabels).map(([value, label]) => ({
			value,
			label,
			hint: typeHints[value as keyof typeof typeHints]
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { me, set } = ownedSet(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { values: null, errors: { form: read.message } });
		const values = readValues(read.data);
		if (!values)
			return fail(400, { values: null, errors: { form: 'Choose a question type first.' } });
		const next = applyIntent(values, field(read.data, 'intent'));
		if (next) return { values: next, errors: {} };
		const built = questionFromValues(values, '');
		if (!built.ok) return fail(400, { values, errors: built.errors });
		// A generated question keeps its provenance (and its id), taken from the generator again
		// rather than from the form.
		const from = field(read.data, 'from');
		const generated = field(read.data, 'generated');
		const origin = from || generated ? fromGenerator(me.id, from, generated) : undefined;
		const question = origin
			? {
					...built.question,
					id: origin.id,
					...(origin.provenance ? { provenance: origin.provenance } : {})
				}
			: built.question;
		const saved = addQuestion(getDb(), me.id, set.id, question);
		if (!saved.ok) return fail(400, { values, errors: { form: saved.message } });
		redirect(303, `/teach/sets/${set.id}?added=${encodeURIComponent(saved.id)}`);
	}
};

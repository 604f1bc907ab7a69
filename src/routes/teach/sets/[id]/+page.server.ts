import { fail, redirect } from '@sveltejs/kit';
import { exportAiken } from '$lib/domain/formats/aiken';
import { describeAnswer } from '$lib/domain/public-question';
import { getDb } from '$lib/server/app-db';
import { dueDateSchema } from '$lib/server/classes';
import { field, fieldErrors, readForm } from '$lib/server/forms';
import {
	assignToClasses,
	deleteSet,
	duplicateSet,
	moveQuestion,
	publishSet,
	removeQuestion,
	setAssignments,
	setDetailsSchema,
	teacherSetQuestions,
	unpublishSet,
	updateSetDetails
} from '$lib/server/teacher-sets';
import { typeLabels } from './questions/question-form';
import { ownedSet } from './owned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { me, set } = ownedSet(event);
	const db = getDb();
	const questions = teacherSetQuestions(db, me.id, set.id) ?? [];
	const aiken = exportAiken({
		id: set.id,
		title: set.title,
		questions: questions.map((q) => q.question)
	});
	return {
		set: {
			id: set.id,
			title: set.title,
			description: set.description,
			tags: set.tags,
			status: set.status,
			questionCount: set.questionCount
		},
		questions: questions.map((q) => ({
			id: q.id,
			type: typeLabels[q.question.type],
			title: q.question.title ?? null,
			prompt: q.question.prompt,
			answer: describeAnswer(q.question),
			generated: q.question.provenance !== undefined
		})),
		aikenLeftOut: aiken.leftOut.length,
		classes: setAssignments(db, me.id, set.id),
		// Where the editor, the generator or an import sent the teacher back to, saying what it did.
		imported: Number(event.url.searchParams.get('imported')) || 0,
		added: event.url.searchParams.has('added')
	};
};

async function form(event: { request: Request }) {
	const data = await readForm(event.request);
	return data ?? new FormData();
}

export const actions: Actions = {
	details: async (event) => {
		const { me, set } = ownedSet(event);
		const data = await form(event);
		const values = {
			title: field(data, 'title'),
			description: field(data, 'description'),
			tags: field(data, 'tags')
		};
		const parsed = setDetailsSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'details',
				values,
				errors: fieldErrors(parsed.error.issues),
				message: 'Check the details below.'
			});
		}
		updateSetDetails(getDb(), me.id, set.id, parsed.data);
		return { action: 'details', done: 'Details saved.' };
	},
	publish: (event) => {
		const { me, set } = ownedSet(event);
		const result = publishSet(getDb(), me.id, set.id);
		if (!result.ok) return fail(400, { action: 'publish', message: result.message });
		return {
			action: 'publish',
			done: 'Published: learners can take the set, and you can assign it.'
		};
	},
	unpublish: (event) => {
		const { me, set } = ownedSet(event);
		unpublishSet(getDb(), me.id, set.id);
		return { action: 'unpublish', done: 'Back to draft: learners no longer see the set.' };
	},
	move: async (event) => {
		const { me, set } = ownedSet(event);
		const data = await form(event);
		const direction = field(data, 'direction') === 'up' ? 'up' : 'down';
		if (!moveQuestion(getDb(), me.id, set.id, field(data, 'questionId'), direction)) {
			return fail(400, { action: 'move', message: 'That question cannot move that way.' });
		}
		return { action: 'move', done: `Question moved ${direction}.` };
	},
	remove: async (event) => {
		const { me, set } = ownedSet(event);
		if (!removeQuestion(getDb(), me.id, set.id, field(await form(event), 'questionId'))) {
			return fail(404, { action: 'remove', message: 'That question is not in this set.' });
		}
		return { action: 'remove', done: 'Question removed.' };
	},
	assign: async (event) => {
		const { me, set } = ownedSet(event);
		const data = await form(event);
		const due = dueDateSchema.safeParse(field(data, 'dueOn'));
		if (!due.success) return fail(400, { action: 'assign', message: due.error.issues[0]!.message });
		const classIds = data.getAll('classId').filter((v): v is string => typeof v === 'string');
		const result = assignToClasses(getDb(), me.id, set.id, classIds, due.data);
		if (!result.ok) return fail(400, { action: 'assign', message: result.message });
		return {
			action: 'assign',
			done: `Assigned to ${classIds.length === 1 ? 'the class' : `${new Set(classIds).size} classes`}.`
		};
	},
	duplicate: (event) => {
		const { me, set } = ownedSet(event);
		const copy = duplicateSet(getDb(), me.id, set.id);
		redirect(303, `/teach/sets/${copy}`);
	},
	delete: (event) => {
		const { me, set } = ownedSet(event);
		deleteSet(getDb(), me.id, set.id);
		redirect(303, '/teach/sets');
	}
};

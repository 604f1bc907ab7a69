import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import {
	assignableSets,
	assignSet,
	classAssignments,
	classNameSchema,
	classRoster,
	deleteClass,
	dueDateSchema,
	getOwnedClass,
	removeLearner,
	renameClass,
	renewJoinCode,
	unassignSet
} from '$lib/server/classes';
import { field, readForm } from '$lib/server/forms';
import { classSessions } from '$lib/server/live-sessions';
import { requireTeacher } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** The acting teacher's class, or 404: another teacher's class does not exist for them. */
function ownedClass(event: RequestEvent<{ id: string }>) {
	const me = requireTeacher(event);
	const found = getOwnedClass(getDb(), me.id, event.params.id);
	if (!found) error(404, 'No class of yours has that id.');
	return { me, found };
}

async function form(event: RequestEvent) {
	const data = await readForm(event.request);
	if (!data) error(400, 'The form could not be read.');
	return data;
}

export const load: PageServerLoad = (event) => {
	const { me, found } = ownedClass(event);
	const db = getDb();
	return {
		schoolClass: found,
		roster: classRoster(db, found.id).map((r) => ({ id: r.id, username: r.username })),
		assignments: classAssignments(db, found.id),
		assignable: assignableSets(db, me.id),
		liveSessions: classSessions(db, me.id, found.id).map((s) => ({
			...s,
			createdAt: s.createdAt.getTime()
		}))
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const { me, found } = ownedClass(event);
		const parsed = classNameSchema.safeParse(field(await form(event), 'name'));
		if (!parsed.success)
			return fail(400, { action: 'rename', message: parsed.error.issues[0]!.message });
		renameClass(getDb(), me.id, found.id, parsed.data);
		return { action: 'rename', done: 'Class renamed.' };
	},
	renewCode: (event) => {
		const { me, found } = ownedClass(event);
		const code = renewJoinCode(getDb(), me.id, found.id);
		return {
			action: 'renewCode',
			done: `The new join code is ${code}. The old one no longer works.`
		};
	},
	remove: async (event) => {
		const { me, found } = ownedClass(event);
		const userId = field(await form(event), 'userId');
		if (!removeLearner(getDb(), me, found.id, userId)) {
			return fail(404, { action: 'remove', message: 'That learner is not in this class.' });
		}
		return { action: 'remove', done: 'Learner removed from the class.' };
	},
	assign: async (event) => {
		const { me, found } = ownedClass(event);
		const data = await form(event);
		const due = dueDateSchema.safeParse(field(data, 'dueOn'));
		if (!due.success) return fail(400, { action: 'assign', message: due.error.issues[0]!.message });
		if (!assignSet(getDb(), me.id, found.id, field(data, 'setId'), due.data)) {
			return fail(404, {
				action: 'assign',
				message: 'Choose one of your published sets to assign.'
			});
		}
		return { action: 'assign', done: 'Set assigned.' };
	},
	unassign: async (event) => {
		const { me, found } = ownedClass(event);
		if (!unassignSet(getDb(), me.id, found.id, field(await form(event), 'setId'))) {
			return fail(404, { action: 'unassign', message: 'That set is not assigned to this class.' });
		}
		return { action: 'unassign', done: 'Assignment removed.' };
	},
	delete: (event) => {
		const { me, found } = ownedClass(event);
		deleteClass(getDb(), me.id, found.id);
		redirect(303, '/teach/classes');
	}
};

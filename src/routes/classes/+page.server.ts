import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { joinClass, leaveClass, learnerClasses } from '$lib/server/classes';
import { field, readForm } from '$lib/server/forms';
import { requireAccount } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireAccount(event);
	return { classes: learnerClasses(getDb(), me.id) };
};

export const actions: Actions = {
	join: async (event) => {
		const me = requireAccount(event);
		const data = await readForm(event.request);
		if (!data) return fail(400, { action: 'join', message: 'The form could not be read.' });
		const code = field(data, 'code');
		const result = joinClass(getDb(), me.id, code);
		if (!result.ok) return fail(400, { action: 'join', code, message: result.message });
		return {
			action: 'join',
			joined: result.already
				? `You are already in ${result.className}.`
				: `You joined ${result.className}.`
		};
	},
	leave: async (event) => {
		const me = requireAccount(event);
		const data = await readForm(event.request);
		const classId = data ? field(data, 'classId') : '';
		if (!leaveClass(getDb(), me.id, classId)) {
			return fail(404, { action: 'leave', message: 'You are not in that class.' });
		}
		return { action: 'leave', left: true };
	}
};

import { getDb } from '$lib/server/app-db';
import { hostedSessions } from '$lib/server/live-sessions';
import { requireTeacher } from '$lib/server/session-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	return {
		sessions: hostedSessions(getDb(), me.id).map((s) => ({
			...s,
			createdAt: s.createdAt.getTime()
		}))
	};
};

import { getDb } from '$lib/server/app-db';
import { requireTeacher } from '$lib/server/session-cookie';
import { usableSources } from '$lib/server/sources';
import { listOwnSources } from '$lib/server/teacher-sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	const db = getDb();
	return {
		sources: listOwnSources(db, me.id),
		shipped: usableSources(db, me.id).filter((s) => !s.own)
	};
};

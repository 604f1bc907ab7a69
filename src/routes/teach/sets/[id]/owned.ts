// The guard every page under a set calls, in its load and in each action: the acting teacher's
// own set, or 404 (another teacher's set does not exist for them).
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { requireTeacher } from '$lib/server/session-cookie';
import { getTeacherSet } from '$lib/server/teacher-sets';

export function ownedSet(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'params'>) {
	const me = requireTeacher(event);
	const setId = (event.params as { id?: string }).id ?? '';
	const set = getTeacherSet(getDb(), me.id, setId);
	if (!set) error(404, 'No set of yours has that id.');
	return { me, set };
}

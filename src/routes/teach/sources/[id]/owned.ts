// The guard every page under a teacher's source calls, in its load and in each action: the
// acting teacher's own source, or 404 (another teacher's source does not exist for them; an
// admin reads it on its public page, and curates only their own).
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { requireTeacher } from '$lib/server/session-cookie';
import { getOwnSource } from '$lib/server/teacher-sources';

export function ownedSource(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'params'>) {
	const me = requireTeacher(event);
	const sourceId = (event.params as { id?: string }).id ?? '';
	const source = getOwnSource(getDb(), me.id, sourceId);
	if (!source) error(404, 'No source of yours has that id.');
	return { me, source };
}

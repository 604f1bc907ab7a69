import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { canSeeSource, sourceReading } from '$lib/server/sources';
import type { LayoutServerLoad } from './$types';

// The text and its facts (segmented once per revision), loaded here rather than in the page so that following a link to
// another fact (which only changes ?fact=) reloads the page's small load, not the text.
// A teacher's source is theirs, and their learners' once a set from it is assigned: anyone
// else is told it does not exist.
export const load: LayoutServerLoad = ({ params, locals }) => {
	const db = getDb();
	if (!canSeeSource(db, params.id, locals.user)) error(404, 'No source has that id.');
	const reading = sourceReading(db, params.id);
	if (!reading) error(404, 'No source has that id.');
	return reading;
};

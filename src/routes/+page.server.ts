import { getDb } from '$lib/server/app-db';
import { publishedSets } from '$lib/server/question-sets';
import { listSources } from '$lib/server/sources';
import type { PageServerLoad } from './$types';

// Read-only: served as plain HTML, with no hydration data or page script to load and run.
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	return {
		sources: listSources(db),
		sets: publishedSets(db),
		deleted: url.searchParams.get('deleted') === '1'
	};
};

// A source with its fact base as a JSON file (docs/fact-base-format.md), for whoever may read
// the source: anyone for a shipped one, its teacher and admins for a teacher's (404 for others).
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { exportSource } from '$lib/server/source-transfer';
import { canSeeSource } from '$lib/server/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => {
	const db = getDb();
	if (!canSeeSource(db, params.id, locals.user)) error(404, 'No source has that id.');
	const file = exportSource(db, params.id);
	if (!file) error(404, 'No source has that id.');
	return new Response(`${JSON.stringify(file, null, '\t')}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${params.id}.factbase.json"`,
			'cache-control': 'private, no-store'
		}
	});
};

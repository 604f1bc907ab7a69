// The signed-in person's data as one JSON download (docs/account-data.md). A GET, since it only
// reads; the file is theirs alone and never cached.
import { error } from '@sveltejs/kit';
import { exportAccountData } from '$lib/server/account-data';
import { getDb } from '$lib/server/app-db';
import { requireAccount } from '$lib/server/session-cookie';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const me = requireAccount(event);
	const now = new Date();
	const data = exportAccountData(getDb(), me.id, now);
	if (!data) error(404, 'No such account.');
	// Header values are ASCII: a username in another script becomes underscores in the name.
	const safeName = me.username.replace(/[^A-Za-z0-9_.-]/g, '_');
	return new Response(JSON.stringify(data, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="factdeck-${safeName}-${now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};

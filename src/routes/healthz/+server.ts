import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const { status, body } = checkHealth(getDb);
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
};

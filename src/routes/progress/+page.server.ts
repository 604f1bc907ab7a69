import { getDb } from '$lib/server/app-db';
import { learnerProgress } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

// Read-only: served as plain HTML, with no hydration data or page script to load and run.
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	progress: locals.user ? learnerProgress(getDb(), locals.user.id) : null
});

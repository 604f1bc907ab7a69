import { getDb } from '$lib/server/app-db';
import { learnerProgress } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	progress: locals.user ? learnerProgress(getDb(), locals.user.id) : null
});

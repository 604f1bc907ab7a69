import { getDb } from '$lib/server/app-db';
import { reviewStats } from '$lib/server/flashcard-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	stats: locals.user ? reviewStats(getDb(), locals.user.id, new Date()) : null
});

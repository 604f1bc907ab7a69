import { getDb } from '$lib/server/app-db';
import { reviewStats } from '$lib/server/flashcard-stats';
import { settingsFor } from '$lib/server/learner-settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, cookies }) => ({
	stats: locals.user
		? reviewStats(getDb(), locals.user.id, new Date(), settingsFor({ cookies }, locals.user.id))
		: null
});

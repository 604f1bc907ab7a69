import { getDb } from '$lib/server/app-db';
import { flaggedCards, listDecks, queueCounts } from '$lib/server/flashcards';
import { settingsFor } from '$lib/server/learner-settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, cookies }) => {
	const db = getDb();
	const me = locals.user;
	const now = new Date();
	const settings = me ? settingsFor({ cookies }, me.id) : null;
	return {
		decks: listDecks(db, me?.id ?? null).map((deck) => ({
			id: deck.id,
			title: deck.title,
			description: deck.description,
			counts: me && settings ? queueCounts(db, me.id, deck, now, settings).counts : null
		})),
		settings,
		flagged: me ? flaggedCards(db, me.id).length : 0
	};
};

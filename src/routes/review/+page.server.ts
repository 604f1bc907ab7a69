import { getDb } from '$lib/server/app-db';
import { flaggedCards, getSettings, listDecks, queueCounts } from '$lib/server/flashcards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const db = getDb();
	const me = locals.user;
	const now = new Date();
	const settings = me ? getSettings(db, me.id) : null;
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

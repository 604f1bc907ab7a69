import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { cardStateOf, flaggedCards, resetCard, unsuspendCard } from '$lib/server/flashcards';
import { field, readFormChecked } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const cards = locals.user ? flaggedCards(getDb(), locals.user.id) : [];
	return {
		leeches: cards.filter((c) => c.leech),
		suspended: cards.filter((c) => !c.leech && c.suspended)
	};
};

/** One of the viewer's own leeches or suspended cards, or 404: nobody else's card is theirs. */
async function flaggedCard(event: Pick<RequestEvent, 'locals' | 'request'>) {
	const me = event.locals.user;
	const read = await readFormChecked(event.request);
	const cardId = read.ok ? field(read.data, 'card') : '';
	const state = me && cardId ? cardStateOf(getDb(), me.id, cardId) : undefined;
	if (!me || !state || !(state.leech || state.suspended)) {
		error(404, 'No leech or suspended card of yours has that id.');
	}
	return { me, cardId };
}

export const actions: Actions = {
	unsuspend: async (event) => {
		const { me, cardId } = await flaggedCard(event);
		unsuspendCard(getDb(), me.id, cardId, new Date());
		redirect(303, '/review/leeches');
	},
	reset: async (event) => {
		const { me, cardId } = await flaggedCard(event);
		resetCard(getDb(), me.id, cardId);
		redirect(303, '/review/leeches');
	}
};

// A deck as an Anki package (.apkg): anyone who may study the deck may take it, and a learner
// may take their own review history along (?history=1). A GET that writes nothing here.
import { error } from '@sveltejs/kit';
import { fileStem } from '$lib/domain/file-name';
import { parseDeckId } from '$lib/domain/decks';
import { getDb } from '$lib/server/app-db';
import { buildApkg } from '$lib/server/anki-package';
import { resolveDeck } from '$lib/server/flashcards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) => {
	const ref = parseDeckId(params.deck);
	const db = getDb();
	const userId = locals.user?.id ?? null;
	const deck = ref ? resolveDeck(db, userId, ref) : undefined;
	if (!deck) error(404, 'No deck of yours has that id.');
	const history = url.searchParams.get('history');
	if (history !== null && history !== '1' && history !== 'on') {
		error(400, 'history is 1 (take your review history along) or left out.');
	}
	const bytes = buildApkg(db, deck, userId, { historyOf: history !== null ? userId : null });
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/octet-stream',
			'content-disposition': `attachment; filename="${fileStem(deck.title, 'factdeck-deck')}.apkg"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};

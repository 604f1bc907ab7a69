import { error } from '@sveltejs/kit';
import { segmentArticle } from '$lib/domain/highlight';
import { getDb } from '$lib/server/app-db';
import { canSeeSource, getSource } from '$lib/server/sources';
import type { LayoutServerLoad } from './$types';

// The text and its facts, loaded here rather than in the page so that following a link to
// another fact (which only changes ?fact=) reloads the page's small load, not the text.
// A teacher's source is theirs, and their learners' once a set from it is assigned: anyone
// else is told it does not exist.
export const load: LayoutServerLoad = ({ params, locals }) => {
	const db = getDb();
	if (!canSeeSource(db, params.id, locals.user)) error(404, 'No source has that id.');
	const found = getSource(db, params.id);
	if (!found) error(404, 'No source has that id.');
	const paragraphs = segmentArticle(
		found.source.body,
		found.facts.map((f) => ({ factId: f.id, start: f.quoteStart, end: f.quoteEnd }))
	);
	return {
		source: {
			id: found.source.id,
			title: found.source.title,
			publishedOn: found.source.publishedOn,
			author: found.source.author,
			url: found.source.url
		},
		paragraphs,
		facts: found.facts
	};
};

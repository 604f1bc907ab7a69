import { error } from '@sveltejs/kit';
import { segmentArticle } from '$lib/domain/highlight';
import { getDb } from '$lib/server/app-db';
import { getSource } from '$lib/server/sources';
import type { LayoutServerLoad } from './$types';

// The article and its facts, loaded here rather than in the page so that following a link to
// another fact (which only changes ?fact=) reloads the page's small load, not the article.
export const load: LayoutServerLoad = ({ params }) => {
	const found = getSource(getDb(), params.id);
	if (!found) error(404, 'No source has that id.');
	const paragraphs = segmentArticle(
		found.source.body,
		found.facts.map((f) => ({ factId: f.id, start: f.quoteStart, end: f.quoteEnd }))
	);
	return {
		source: {
			id: found.source.id,
			title: found.source.title,
			publishedOn: found.source.publishedOn
		},
		paragraphs,
		facts: found.facts
	};
};

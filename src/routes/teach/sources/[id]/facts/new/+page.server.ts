import { error, type RequestEvent } from '@sveltejs/kit';
import { emptyFactForm, valuesFromFact } from '$lib/domain/fact-form';
import { sentenceAt, sentencesOf } from '$lib/domain/quote-picker';
import { getDb } from '$lib/server/app-db';
import { getPendingSuggestion } from '$lib/server/source-facts';
import { ownedSource } from '../../owned';
import { editorChoices, saveFromEditor } from '../editor';
import type { Actions, PageServerLoad } from './$types';

/** The pending suggestion the page edits (?suggestion=), or 404 for anyone else's. */
function suggestionOf(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'params'>) {
	const { me, source } = ownedSource(event);
	const id = event.url.searchParams.get('suggestion');
	if (id === null) return { source, suggestion: undefined };
	const suggestion = getPendingSuggestion(getDb(), me.id, source.id, id);
	if (!suggestion) error(404, 'No pending suggestion of yours has that id.');
	return { source, suggestion: { id, ...suggestion } };
}

export const load: PageServerLoad = (event) => {
	const { source, suggestion } = suggestionOf(event);
	let values = emptyFactForm();
	if (suggestion) {
		const { kind: _kind, span, id: _id, ...fact } = suggestion.fact;
		values = valuesFromFact(fact, span.start);
		const sentences = sentencesOf(source.body);
		values.fromSentence = String(sentenceAt(sentences, span.start));
		values.toSentence = String(sentenceAt(sentences, Math.max(span.start, span.end - 1)));
	}
	return {
		...editorChoices(source, suggestion?.entities),
		values,
		suggestion: suggestion ? { id: suggestion.id, statement: suggestion.fact.statement } : null
	};
};

export const actions: Actions = {
	save: (event) => {
		const { suggestion } = suggestionOf(event);
		return saveFromEditor(
			event,
			suggestion ? { suggestionId: suggestion.id, suggested: suggestion.entities } : {}
		);
	}
};

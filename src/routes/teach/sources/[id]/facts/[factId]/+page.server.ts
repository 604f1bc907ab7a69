import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { valuesFromFact } from '$lib/domain/fact-form';
import { sentenceAt, sentencesOf } from '$lib/domain/quote-picker';
import { getDb } from '$lib/server/app-db';
import { factOfRow } from '$lib/server/fact-bases';
import { getOwnFact, removeFact } from '$lib/server/source-facts';
import { ownedSource } from '../../owned';
import { editorChoices, saveFromEditor } from '../editor';
import type { Actions, PageServerLoad } from './$types';

function ownedFact(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'params'>) {
	const { me, source } = ownedSource(event);
	const factId = (event.params as { factId?: string }).factId ?? '';
	const row = getOwnFact(getDb(), me.id, source.id, factId);
	if (!row) error(404, 'No fact of yours has that id.');
	return { me, source, row };
}

export const load: PageServerLoad = (event) => {
	const { source, row } = ownedFact(event);
	const { id: _id, ...fact } = factOfRow(row);
	const values = valuesFromFact(fact, row.anchored ? row.quoteStart : undefined);
	if (row.anchored) {
		const sentences = sentencesOf(source.body);
		values.fromSentence = String(sentenceAt(sentences, row.quoteStart));
		values.toSentence = String(sentenceAt(sentences, Math.max(row.quoteStart, row.quoteEnd - 1)));
	}
	return {
		...editorChoices(source),
		values,
		fact: { id: row.id, statement: row.statement, anchored: row.anchored }
	};
};

export const actions: Actions = {
	save: (event) => {
		const { row } = ownedFact(event);
		return saveFromEditor(event, { factId: row.id });
	},
	remove: (event) => {
		const { me, source, row } = ownedFact(event);
		if (!removeFact(getDb(), me.id, source.id, row.id)) {
			return fail(404, { values: null, errors: { form: 'No fact of yours has that id.' } });
		}
		redirect(303, `/teach/sources/${source.id}?removed=1`);
	}
};

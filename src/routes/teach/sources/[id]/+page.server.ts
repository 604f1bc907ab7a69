import { fail, redirect } from '@sveltejs/kit';
import { predicateGuide } from '$lib/domain/predicate-guide';
import { segmentArticle } from '$lib/domain/highlight';
import { suggestionKinds, type SuggestionKind } from '$lib/domain/suggest/types';
import { getDb } from '$lib/server/app-db';
import { sourceFactsOf } from '$lib/server/fact-bases';
import { field, readForm } from '$lib/server/forms';
import {
	acceptSuggestions,
	pendingSuggestions,
	rejectSuggestion,
	removeFact
} from '$lib/server/source-facts';
import { getSource } from '$lib/server/sources';
import { createSet } from '$lib/server/teacher-sets';
import { kindLabels } from './kinds';
import { ownedSource } from './owned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { me, source } = ownedSource(event);
	const db = getDb();
	const read = getSource(db, source.id)!;
	const facts = sourceFactsOf(db, source.id)!;
	const pending = pendingSuggestions(db, me.id, source.id) ?? [];
	const params = event.url.searchParams;
	const count = (name: string) => {
		const n = params.get(name);
		return n !== null && /^\d{1,6}$/.test(n) ? Number(n) : null;
	};
	return {
		source: {
			id: source.id,
			title: source.title,
			publishedOn: source.publishedOn,
			author: source.author,
			url: source.url,
			version: source.version
		},
		// What the page was sent back here after, for its notice.
		after: {
			added: count('added'),
			version: count('version'),
			lost: count('lost'),
			imported: count('imported'),
			saved: params.has('saved'),
			removed: params.has('removed')
		},
		paragraphs: segmentArticle(
			read.source.body,
			read.facts.map((f) => ({ factId: f.id, start: f.quoteStart, end: f.quoteEnd }))
		),
		facts: read.facts.map((f) => ({
			id: f.id,
			statement: f.statement,
			predicate: predicateGuide[f.predicate as keyof typeof predicateGuide]?.label ?? f.predicate,
			quote: f.quote
		})),
		unanchored: facts.unanchored.map((f) => ({ id: f.id, statement: f.statement, quote: f.quote })),
		groups: suggestionKinds
			.map((kind) => ({
				kind,
				...kindLabels[kind],
				items: pending
					.filter((s) => s.kind === kind)
					.map((s) => ({
						id: s.id,
						statement: s.body.fact.statement,
						quote: s.body.fact.quote,
						predicate: predicateGuide[s.body.fact.predicate].label
					}))
			}))
			.filter((g) => g.items.length > 0)
	};
};

const isKind = (k: string): k is SuggestionKind =>
	(suggestionKinds as readonly string[]).includes(k);

export const actions: Actions = {
	accept: async (event) => {
		const { me, source } = ownedSource(event);
		const data = await readForm(event.request);
		const id = data ? field(data, 'suggestion') : '';
		const result = acceptSuggestions(getDb(), me.id, source.id, { id });
		if (!result.ok) return fail(404, { message: result.message });
		if (result.failed.length) {
			return fail(400, { message: `Not accepted: ${result.failed[0]!.message}` });
		}
		return { message: `Accepted: ${result.accepted[0]}` };
	},
	acceptKind: async (event) => {
		const { me, source } = ownedSource(event);
		const data = await readForm(event.request);
		const kind = data ? field(data, 'kind') : '';
		if (!isKind(kind)) return fail(400, { message: 'Choose a kind of suggestion to accept.' });
		const result = acceptSuggestions(getDb(), me.id, source.id, { kind });
		if (!result.ok) return fail(404, { message: result.message });
		const label = kindLabels[kind];
		const left = result.failed.length
			? ` ${result.failed.length} could not be accepted and are still listed: ${result.failed[0]!.message}`
			: '';
		const n = result.accepted.length;
		return { message: `Accepted ${n} ${n === 1 ? label.one : label.many}.${left}` };
	},
	reject: async (event) => {
		const { me, source } = ownedSource(event);
		const data = await readForm(event.request);
		const id = data ? field(data, 'suggestion') : '';
		const statement = rejectSuggestion(getDb(), me.id, source.id, id);
		if (statement === undefined) {
			return fail(404, { message: 'No pending suggestion of yours has that id.' });
		}
		return { message: `Rejected: ${statement}` };
	},
	removeFact: async (event) => {
		const { me, source } = ownedSource(event);
		const data = await readForm(event.request);
		const id = data ? field(data, 'fact') : '';
		if (!removeFact(getDb(), me.id, source.id, id)) {
			return fail(404, { message: 'No fact of yours has that id.' });
		}
		return { message: 'The fact is removed, with its flashcards.' };
	},
	newSet: (event) => {
		const { me, source } = ownedSource(event);
		const setId = createSet(
			getDb(),
			me.id,
			{
				title: `${source.title}: questions`.slice(0, 120),
				description: `Questions generated from the facts of “${source.title}”.`.slice(0, 2000),
				tags: []
			},
			'authored',
			source.id
		);
		redirect(303, `/teach/sets/${setId}/generate?source=${encodeURIComponent(source.id)}`);
	}
};

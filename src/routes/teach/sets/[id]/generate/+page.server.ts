import { error, fail, redirect } from '@sveltejs/kit';
import { describeAnswer } from '$lib/domain/public-question';
import type { QuestionType } from '$lib/domain/question';
import { generatedTypes } from '$lib/domain/generate-questions';
import { getDb } from '$lib/server/app-db';
import type { Db } from '$lib/server/db';
import { usableSources } from '$lib/server/sources';
import { ownQuery, readForm } from '$lib/server/forms';
import { newSeed } from '$lib/server/quiz';
import { addQuestion, setQuestionIds } from '$lib/server/teacher-sets';
import {
	generateCandidates,
	generatedQuestion,
	generationChoices,
	rebuildCandidates,
	regenerateCandidate,
	sourceBase,
	type Candidate,
	type FactFilter
} from '$lib/server/generation';
import { ownedSet } from '../owned';
import { typeLabels } from '../questions/question-form';
import type { Actions, PageServerLoad } from './$types';

const MAX_COUNT = 30;
const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The page's state, all in its URL: the source (any the teacher may use; the first of them when
 * none is named), filters, and the candidates shown as "seed:id".
 */
function readState(db: Db, teacherId: string, params: URLSearchParams) {
	const named = params.get('source');
	const base =
		(named !== null ? sourceBase(db, teacherId, named) : undefined) ??
		usableSources(db, teacherId)
			.map((s) => sourceBase(db, teacherId, s.id))
			.find((b) => b !== undefined);
	if (!base) error(404, 'There is no source to generate questions from.');
	if (named !== null && named !== base.source.id) error(404, 'No source of yours has that id.');
	const choices = generationChoices(db, teacherId, base);
	const person = params.get('person') ?? '';
	const predicate = params.get('predicate') ?? '';
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	const filter: FactFilter = {
		...(choices.people.some((p) => p.id === person) ? { person } : {}),
		...(choices.predicates.some((p) => p.value === predicate) ? { predicate } : {}),
		...(day.test(from) ? { from } : {}),
		...(day.test(to) ? { to } : {})
	};
	const types = params
		.getAll('type')
		.filter((t): t is QuestionType => (generatedTypes as readonly string[]).includes(t));
	const count = Math.min(MAX_COUNT, Math.max(1, Number(params.get('count')) || 8));
	const seed = Number(params.get('seed'));
	const items = params
		.getAll('q')
		.map((item) => /^(\d{1,10}):(.+)$/.exec(item))
		.flatMap((m) => (m ? [{ seed: Number(m[1]), id: m[2]! }] : []));
	return { base, choices, filter, types, count, seed: Number.isInteger(seed) ? seed : 0, items };
}

const itemKey = (c: Candidate) => `${c.seed}:${c.question.id}`;

function candidatesOf(state: ReturnType<typeof readState>): Candidate[] {
	return rebuildCandidates(state.base, state.items);
}

export const load: PageServerLoad = (event) => {
	const { me, set } = ownedSet(event);
	const params = event.url.searchParams;
	const state = readState(getDb(), me.id, params);

	// Regenerate one candidate, then show the page at its new address.
	const regen = params.get('regen');
	if (regen !== null) {
		const candidates = candidatesOf(state);
		const index = Number(regen);
		const current = candidates[index];
		if (current) {
			candidates[index] = regenerateCandidate(
				state.base,
				current,
				state.filter,
				candidates.map((c) => c.question.id),
				newSeed()
			);
		}
		const next = new URLSearchParams(params);
		next.delete('regen');
		next.delete('q');
		for (const c of candidates) next.append('q', itemKey(c));
		redirect(303, `?${next}`);
	}

	const generating = params.has('generate');
	const candidates = generating
		? generateCandidates(
				state.base,
				state.filter,
				state.types,
				state.count,
				state.seed || newSeed()
			)
		: candidatesOf(state);
	if (generating) {
		// Fix the candidates in the address, so Keep, Regenerate and Edit work on these.
		const next = new URLSearchParams(params);
		next.delete('generate');
		next.delete('q');
		for (const c of candidates) next.append('q', itemKey(c));
		if (candidates.length) redirect(303, `?${next}`);
	}
	const inSet = setQuestionIds(getDb(), me.id, set.id);
	return {
		set: { id: set.id, title: set.title },
		choices: state.choices,
		source: state.base.source.id,
		filter: {
			person: state.filter.person ?? '',
			predicate: state.filter.predicate ?? '',
			from: state.filter.from ?? '',
			to: state.filter.to ?? '',
			types: state.types,
			count: state.count
		},
		types: generatedTypes.map((t) => ({ value: t, label: typeLabels[t] })),
		nextSeed: newSeed(),
		// The page's own address (its filters and candidates), without any action or regenerate.
		params: ownQuery(event.url, 'regen'),
		searched: generating || state.items.length > 0,
		candidates: candidates.map((c) => {
			const q = c.question;
			return {
				key: itemKey(c),
				id: q.id,
				type: typeLabels[q.type],
				title: q.title ?? null,
				prompt: q.prompt,
				choices: q.type === 'multiple_choice' ? q.choices.map((ch) => ch.text) : [],
				answer: describeAnswer(q),
				quote: q.provenance?.quote ?? null,
				kept: inSet.has(q.id)
			};
		})
	};
};

/** Back to the page as it was: its address without the action. */
function back(url: URL): string {
	const next = new URLSearchParams(url.searchParams);
	for (const key of [...next.keys()]) if (key.startsWith('/')) next.delete(key);
	return `${url.pathname}?${next}`;
}

export const actions: Actions = {
	keep: async (event) => {
		const { me, set } = ownedSet(event);
		const data = await readForm(event.request);
		const state = readState(getDb(), me.id, event.url.searchParams);
		const item = data?.get('item');
		const m = typeof item === 'string' ? /^(\d{1,10}):(.+)$/.exec(item) : null;
		const question = m ? generatedQuestion(state.base, m[2]!, Number(m[1])) : undefined;
		if (!question) return fail(404, { message: 'That generated question no longer exists.' });
		const saved = addQuestion(getDb(), me.id, set.id, question);
		if (!saved.ok) return fail(400, { message: saved.message });
		redirect(303, back(event.url));
	},
	keepAll: (event) => {
		const { me, set } = ownedSet(event);
		const db = getDb();
		const state = readState(db, me.id, event.url.searchParams);
		const inSet = setQuestionIds(db, me.id, set.id);
		for (const c of candidatesOf(state)) {
			if (!inSet.has(c.question.id)) addQuestion(db, me.id, set.id, c.question);
		}
		redirect(303, back(event.url));
	}
};

// What the fact editor's pages share on the server: the choices the form offers (sentences,
// entities, predicates), and the save action with its quote-picking and drafting buttons.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { entityKinds, predicates, type Entity } from '$lib/domain/fact-base';
import {
	applyQuoteIntent,
	buildFact,
	NEW_ENTITY,
	readFactForm,
	type FactFormErrors,
	type FactFormValues
} from '$lib/domain/fact-form';
import { segmentArticle } from '$lib/domain/highlight';
import { draftStatement, predicateGuide } from '$lib/domain/predicate-guide';
import { sentencesOf } from '$lib/domain/quote-picker';
import { getDb } from '$lib/server/app-db';
import { readSourceFacts } from '$lib/server/fact-bases';
import { field, readFormChecked } from '$lib/server/forms';
import { saveFact } from '$lib/server/source-facts';
import { ownedSource } from '../owned';

type Source = ReturnType<typeof ownedSource>['source'];

/** A sentence as the lists show it: its number and its start, cut short. */
const label = (text: string) => (text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text);

/** What the form offers for this source; `suggested` are a suggestion's entities not yet in it. */
export function editorChoices(source: Source, suggested: readonly Entity[] = []) {
	const entities = readSourceFacts(getDb(), source.id)?.base.entities ?? [];
	const have = new Set(entities.map((e) => e.id));
	return {
		source: { id: source.id, title: source.title },
		choices: {
			paragraphs: segmentArticle(source.body, []).map((p) => ({
				start: p.start,
				heading: p.heading,
				text: p.segments.map((s) => s.text).join('')
			})),
			sentences: sentencesOf(source.body).map((s, i) => ({
				value: String(i),
				label: `${i + 1}. ${label(s.text)}`
			})),
			entities: [
				...entities.map((e) => ({ id: e.id, label: `${e.name} (${e.kind})` })),
				...suggested
					.filter((e) => !have.has(e.id))
					.map((e) => ({ id: e.id, label: `${e.name} (${e.kind}, suggested)` }))
			],
			predicates: predicates.map((p) => ({ id: p, ...predicateGuide[p] })),
			kinds: [...entityKinds],
			newEntity: NEW_ENTITY
		}
	};
}

/** Every entity a form may name: the source's, and a suggestion's it would bring in. */
function knownEntities(source: Source, suggested: readonly Entity[]): Entity[] {
	const entities = readSourceFacts(getDb(), source.id)?.base.entities ?? [];
	const have = new Set(entities.map((e) => e.id));
	return [...entities, ...suggested.filter((e) => !have.has(e.id))];
}

export type EditorFailure = { values: FactFormValues | null; errors: FactFormErrors };

/**
 * The editor's one action: a quote-picking button re-renders the form with the picked quote,
 * "Draft the statement" with a drafted one, and Save checks and saves the fact (nothing is saved
 * on any problem, and each problem is shown on its field).
 */
export async function saveFromEditor(
	event: RequestEvent,
	options: { factId?: string; suggestionId?: string; suggested?: readonly Entity[] }
) {
	const { me, source } = ownedSource(event);
	const read = await readFormChecked(event.request);
	if (!read.ok) return fail(read.status, { values: null, errors: { form: read.message } });
	const values = readFactForm((name) => field(read.data, name));
	const intent = field(read.data, 'intent') || 'save';
	const picked = applyQuoteIntent(values, intent, source.body, sentencesOf(source.body));
	if (picked) return { values: picked, errors: {} as FactFormErrors };
	const entities = knownEntities(source, options.suggested ?? []);
	if (intent === 'draft') {
		const built = buildFact(
			{ ...values, statement: values.statement || 'To be drafted.' },
			entities
		);
		if (!built.ok) return fail(400, { values, errors: built.errors });
		const statement = draftStatement(built.value.fact, [
			...entities,
			...built.value.newEntities.map((n) => n.entity)
		]);
		return { values: { ...values, statement }, errors: {} as FactFormErrors };
	}
	const built = buildFact(values, entities);
	if (!built.ok) return fail(400, { values, errors: built.errors });
	const saved = saveFact(getDb(), me.id, source.id, built.value, {
		...(options.factId ? { factId: options.factId } : {}),
		...(options.suggestionId ? { suggestionId: options.suggestionId } : {})
	});
	if (!saved.ok) return fail(saved.status, { values, errors: saved.errors });
	redirect(303, `/teach/sources/${source.id}?saved=${encodeURIComponent(saved.factId)}`);
}

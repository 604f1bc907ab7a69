// Suggests entities and candidate facts for any English text: a row of small pure stages
// (segment -> mentions -> entities -> dates -> numbers -> relations and quotes -> events ->
// candidate facts). Nothing here is about one article; the shipped one is a benchmark.
import { Clauses } from './clauses';
import { findDates } from './dates';
import { findEntities } from './entities';
import { findEvents } from './events';
import { candidateFacts } from './facts';
import { IdPool } from './ids';
import { findMentions } from './mentions';
import { Names } from './names';
import { findQuantities } from './numbers';
import { findStatements } from './quotes';
import { findRelations } from './relations';
import { segment } from './segment';
import type { EntitySuggestion, Suggestions } from './types';

export { assembleFactBase } from './assemble';
export { suggestionKinds } from './types';
export type {
	EntitySuggestion,
	FactSuggestion,
	StoredSuggestion,
	SuggestionKind,
	Suggestions
} from './types';

/** Suggestions for a body of text published on `publishedOn` (YYYY-MM-DD). */
export function suggest(body: string, publishedOn: string): Suggestions {
	const doc = segment(body);
	const { entities, mentions } = findEntities(findMentions(doc));
	const dates = findDates(doc, publishedOn);
	const quantities = findQuantities(doc, dates.dates);
	const c = new Clauses(doc, mentions, entities);
	const relations = findRelations(c);
	const statements = findStatements(c);
	const byId = new Map(entities.map((e) => [e.id, e]));
	const names = new Names(body, mentions, entities);
	const events = findEvents(c, byId, relations, statements, quantities, dates, names);

	const pool = new IdPool(entities.map((e) => e.id));
	const eventIds = new Map(events.events.map((e) => [e, pool.claim(e.name)]));
	const facts = candidateFacts({
		c,
		entities,
		relations,
		statements,
		quantities,
		dates: dates.dates,
		events,
		eventIds,
		names
	});

	const eventEntities: EntitySuggestion[] = events.events.flatMap((e) => {
		const id = eventIds.get(e) as string;
		if (!facts.some((f) => f.subject === id || f.object === id)) return [];
		const taken = new Set(
			entities.flatMap((x) => [x.name, ...x.aliases].map((a) => a.toLowerCase()))
		);
		const aliases = [...e.aliases].filter(
			(a) => a.toLowerCase() !== e.name.toLowerCase() && !taken.has(a.toLowerCase())
		);
		return [
			{
				id,
				kind: 'event' as const,
				name: e.name,
				aliases,
				mentions: e.spans.map(({ start, end }) => ({ start, end }))
			}
		];
	});
	const named: EntitySuggestion[] = entities.map((e) => ({
		id: e.id,
		kind: e.kind,
		name: e.name,
		aliases: e.aliases,
		...(e.role !== undefined ? { role: e.role } : {}),
		mentions: e.mentions
	}));
	return { version: 1, publishedOn, body, entities: [...named, ...eventEntities], facts };
}

// Builds a fact base from a source and the suggestions a curator accepted, pulling in the
// entities those facts name, and checks it as the fact base's own loader does.
import {
	checkFactBase,
	type Entity,
	type Fact,
	type FactBase,
	type FactBaseProblem,
	type Source
} from '../fact-base';
import type { Suggestions } from './types';

export function assembleFactBase(
	source: Source,
	suggestions: Pick<Suggestions, 'entities' | 'facts'>,
	acceptedFactIds: Iterable<string>
): { ok: true; value: FactBase } | { ok: false; problems: FactBaseProblem[] } {
	const accepted = new Set(acceptedFactIds);
	const known = new Set(suggestions.facts.map((f) => f.id));
	const unknown = [...accepted].filter((id) => !known.has(id));
	if (unknown.length) {
		return {
			ok: false,
			problems: unknown.map((id) => ({
				path: 'facts',
				message: `no suggested fact has the id ${id}`
			}))
		};
	}
	const facts: Fact[] = suggestions.facts
		.filter((f) => accepted.has(f.id))
		.map(({ kind: _kind, span: _span, ...fact }) => fact);
	const named = new Set(
		facts.flatMap((f) => [f.subject, f.object, f.place].filter((x) => x !== undefined))
	);
	const entities: Entity[] = suggestions.entities
		.filter((e) => named.has(e.id))
		.map(({ mentions: _mentions, ...entity }) => entity);
	return checkFactBase({ source, entities, facts });
}

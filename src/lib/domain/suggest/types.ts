// The pipeline's output: entities and candidate facts, each with the verbatim evidence and
// where it lies in the body. Versioned: docs/suggestions.md describes version 1.
import type { Entity, Fact } from '../fact-base';

/** Kinds of suggestion a curator may accept all of at once. */
export const suggestionKinds = ['role', 'meeting', 'travel', 'quote', 'date', 'number'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Span {
	start: number;
	end: number;
}

export interface EntitySuggestion extends Entity {
	/** Where the body names it (the name, an alias, a title standing for it). */
	mentions: Span[];
}

/** A fact as the fact base holds it, with where its quote lies and what kind it is. */
export interface FactSuggestion extends Fact {
	kind: SuggestionKind;
	/** body.slice(span.start, span.end) === quote */
	span: Span;
}

export interface Suggestions {
	version: 1;
	publishedOn: string;
	/** The text the spans point into. */
	body: string;
	entities: EntitySuggestion[];
	facts: FactSuggestion[];
}

/**
 * One suggested fact as a source keeps it for its teacher: the fact, and the suggested
 * entities it names (so accepting it needs nothing else from the run that made it).
 */
export interface StoredSuggestion {
	fact: FactSuggestion;
	entities: Entity[];
}

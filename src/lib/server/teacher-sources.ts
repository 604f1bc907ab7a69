// A teacher's own sources: adding one (its text as version 1 and the machine's suggestions for
// it, in one transaction), listing and reading them, and a new version of the text, which
// re-anchors every fact and suggests again. Every function takes the acting teacher's id and
// finds nothing for anyone else's source: another teacher's source does not exist for them.
import { and, asc, count, desc, eq, inArray, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Fact } from '../domain/fact-base';
import { isIsoDate } from '../domain/normalise';
import { reanchor } from '../domain/quote-picker';
import { suggest, type StoredSuggestion, type Suggestions } from '../domain/suggest';
import { kebab } from '../domain/suggest/ids';
import { generateToken } from './auth';
import type { Conn, Db } from './db';
import { fact, source, sourceVersion, suggestion } from './db/schema';
import { bumpRevision, factOfRow, currentText } from './fact-bases';
import { syncFactCards } from './flashcards';

export const MAX_TITLE = 200;

const webAddress = (text: string) => {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
};

/** The details of a source a teacher types; the text comes from text-extract.ts. */
export const sourceDetailsSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Give the source a title.')
		.max(MAX_TITLE, `Titles are at most ${MAX_TITLE} characters.`),
	publishedOn: z
		.string()
		.trim()
		.min(1, 'Give the date the text was published: relative dates in it resolve against it.')
		.superRefine((d, ctx) => {
			if (d !== '' && !isIsoDate(d, 'day')) {
				ctx.addIssue({
					code: 'custom',
					message: `“${d}” is not a date: write the day it was published as YYYY-MM-DD, like 2024-09-01.`
				});
			}
		}),
	author: z.string().trim().max(MAX_TITLE, `Authors are at most ${MAX_TITLE} characters.`),
	url: z
		.string()
		.trim()
		.max(2000, 'Web addresses are at most 2,000 characters.')
		.refine((u) => u === '' || webAddress(u), 'That is not a web address: it starts https://.')
});
export type SourceDetails = z.output<typeof sourceDetailsSchema>;

/** A fresh id for something that should read well in a URL: "mars-rover-lands-k2x9qa". */
export function readableId(text: string, room = 40): string {
	const slug = kebab(text).slice(0, room).replace(/-+$/, '') || 'item';
	return `${slug}-${generateToken().slice(0, 6)}`;
}

/** The machine's suggestions, or none: a text it cannot read is still the teacher's to curate. */
export function suggestionsFor(body: string, publishedOn: string): Suggestions | undefined {
	try {
		return suggest(body, publishedOn);
	} catch (error) {
		console.error('[suggest] the pipeline failed on a text; storing it without suggestions', error);
		return undefined;
	}
}

/** Same predicate, subject, object and words: the same fact, whatever its id. */
const factKey = (f: Pick<Fact, 'predicate' | 'subject' | 'object' | 'quote'>) =>
	JSON.stringify([f.predicate, f.subject, f.object ?? '', f.quote]);

/**
 * Stores a run's suggestions for a version, each with the suggested entities it names, leaving
 * out those already facts of the source and those its teacher rejected before.
 */
export function storeSuggestions(
	tx: Conn,
	sourceId: string,
	version: number,
	suggestions: Suggestions | undefined
): number {
	if (!suggestions) return 0;
	const known = new Set(
		tx
			.select()
			.from(fact)
			.where(eq(fact.sourceId, sourceId))
			.all()
			.map((row) => factKey(factOfRow(row)))
	);
	for (const row of tx
		.select({ body: suggestion.body })
		.from(suggestion)
		.where(and(eq(suggestion.sourceId, sourceId), eq(suggestion.status, 'rejected')))
		.all()) {
		known.add(factKey(row.body.fact));
	}
	const entities = new Map(
		suggestions.entities.map(({ mentions: _mentions, ...e }) => [e.id, e] as const)
	);
	let stored = 0;
	for (const f of suggestions.facts) {
		if (known.has(factKey(f))) continue;
		const body: StoredSuggestion = {
			fact: f,
			entities: [f.subject, f.object, f.place]
				.filter((id): id is string => id !== undefined)
				.map((id) => entities.get(id))
				.filter((e) => e !== undefined)
		};
		tx.insert(suggestion)
			.values({
				id: generateToken(),
				sourceId,
				version,
				position: stored++,
				kind: f.kind,
				body
			})
			.run();
	}
	return stored;
}

export type CreateResult = { ok: true; id: string; suggested: number };

/**
 * Adds a teacher's source: the text as version 1 and the suggestions for it, all in one
 * transaction (the suggestions are made before it opens: they take a moment).
 */
export function createSource(
	db: Db,
	ownerId: string,
	details: SourceDetails,
	body: string,
	now = new Date()
): CreateResult {
	const suggestions = suggestionsFor(body, details.publishedOn);
	let id = readableId(details.title);
	while (db.select({ id: source.id }).from(source).where(eq(source.id, id)).get()) {
		id = readableId(details.title);
	}
	const suggested = db.transaction((tx) => {
		tx.insert(source)
			.values({
				id,
				ownerId,
				title: details.title,
				publishedOn: details.publishedOn,
				author: details.author || null,
				url: details.url || null,
				version: 1,
				loadedAt: now,
				updatedAt: now
			})
			.run();
		tx.insert(sourceVersion).values({ sourceId: id, version: 1, body, createdAt: now }).run();
		return storeSuggestions(tx, id, 1, suggestions);
	});
	return { ok: true, id, suggested };
}

export interface OwnSourceSummary {
	id: string;
	title: string;
	publishedOn: string;
	version: number;
	updatedAt: Date;
	facts: number;
	pending: number;
	unanchored: number;
}

export function listOwnSources(db: Db, ownerId: string): OwnSourceSummary[] {
	const rows = db
		.select({
			id: source.id,
			title: source.title,
			publishedOn: source.publishedOn,
			version: source.version,
			updatedAt: source.updatedAt
		})
		.from(source)
		.where(eq(source.ownerId, ownerId))
		.orderBy(desc(source.updatedAt), asc(source.title))
		.all();
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const facts = db
		.select({ sourceId: fact.sourceId, anchored: fact.anchored, n: count() })
		.from(fact)
		.where(inArray(fact.sourceId, ids))
		.groupBy(fact.sourceId, fact.anchored)
		.all();
	const pending = db
		.select({ sourceId: suggestion.sourceId, n: count() })
		.from(suggestion)
		.where(and(inArray(suggestion.sourceId, ids), eq(suggestion.status, 'pending')))
		.groupBy(suggestion.sourceId)
		.all();
	return rows.map((r) => ({
		...r,
		facts: facts.find((f) => f.sourceId === r.id && f.anchored)?.n ?? 0,
		unanchored: facts.find((f) => f.sourceId === r.id && !f.anchored)?.n ?? 0,
		pending: pending.find((p) => p.sourceId === r.id)?.n ?? 0
	}));
}

/** The teacher's own source with its current text, or undefined for anyone else's. */
export function getOwnSource(db: Conn, ownerId: string, sourceId: string) {
	return db
		.select({
			id: source.id,
			title: source.title,
			publishedOn: source.publishedOn,
			author: source.author,
			url: source.url,
			version: source.version,
			updatedAt: source.updatedAt,
			body: sourceVersion.body
		})
		.from(source)
		.innerJoin(sourceVersion, currentText)
		.where(and(eq(source.id, sourceId), eq(source.ownerId, ownerId)))
		.get();
}

export type VersionResult =
	| { ok: true; version: number; anchored: number; unanchored: number; suggested: number }
	| { ok: false; status: 400 | 404; message: string };

/**
 * A corrected text: stored as the next version (the old one stays as it was), every fact's
 * quote looked for in it (a fact whose quote it lost is kept, marked for its teacher to
 * re-anchor), the pending suggestions of earlier versions dropped and new ones made.
 */
export function addVersion(
	db: Db,
	ownerId: string,
	sourceId: string,
	body: string,
	now = new Date()
): VersionResult {
	const current = getOwnSource(db, ownerId, sourceId);
	if (!current) return { ok: false, status: 404, message: 'No source of yours has that id.' };
	if (current.body === body) {
		return { ok: false, status: 400, message: 'This is the text as it stands: nothing changed.' };
	}
	const suggestions = suggestionsFor(body, current.publishedOn);
	return db.transaction(
		(tx): VersionResult => {
			const latest =
				tx
					.select({ v: max(sourceVersion.version) })
					.from(sourceVersion)
					.where(eq(sourceVersion.sourceId, sourceId))
					.get()?.v ?? current.version;
			const version = latest + 1;
			tx.insert(sourceVersion).values({ sourceId, version, body, createdAt: now }).run();
			tx.update(source).set({ version }).where(eq(source.id, sourceId)).run();
			let anchored = 0;
			let lost = 0;
			for (const row of tx.select().from(fact).where(eq(fact.sourceId, sourceId)).all()) {
				const at = reanchor(body, row.quote, row.quoteStart, current.body.length);
				if (at === -1) {
					lost++;
					tx.update(fact).set({ anchored: false }).where(eq(fact.id, row.id)).run();
				} else {
					anchored++;
					tx.update(fact)
						.set({ anchored: true, quoteStart: at, quoteEnd: at + row.quote.length })
						.where(eq(fact.id, row.id))
						.run();
				}
			}
			tx.delete(suggestion)
				.where(
					and(
						eq(suggestion.sourceId, sourceId),
						eq(suggestion.status, 'pending'),
						ne(suggestion.version, version)
					)
				)
				.run();
			const suggested = storeSuggestions(tx, sourceId, version, suggestions);
			bumpRevision(tx, sourceId, now);
			syncFactCards(tx, sourceId);
			return { ok: true, version, anchored, unanchored: lost, suggested };
		},
		{ behavior: 'immediate' }
	);
}

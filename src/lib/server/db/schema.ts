// The database schema: the source of truth for the SQL migrations in drizzle/.
// Content tables (source, entity, fact) are loaded from the curated fact bases at start-up;
// everything a person creates later (sets, attempts, reviews) points at them by stable ids.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { datePrecisions, entityKinds, predicates } from '../../domain/fact-base';

export const source = sqliteTable('source', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	/** YYYY-MM-DD */
	publishedOn: text('published_on').notNull(),
	body: text('body').notNull(),
	/** Hash of the curated fact base last loaded, so an unchanged start-up writes nothing. */
	contentHash: text('content_hash').notNull(),
	loadedAt: integer('loaded_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)
});

/** People, countries, organisations, places, documents and events, shared by every source. */
export const entity = sqliteTable('entity', {
	id: text('id').primaryKey(),
	kind: text('kind', { enum: entityKinds }).notNull(),
	name: text('name').notNull(),
	aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
	/** Role or title as the article gives it. */
	role: text('role')
});

export const fact = sqliteTable(
	'fact',
	{
		/** Stable across restarts and content upgrades: progress is attached to it. */
		id: text('id').primaryKey(),
		sourceId: text('source_id')
			.notNull()
			.references(() => source.id, { onDelete: 'cascade' }),
		/** Order within the source's curated list. */
		position: integer('position').notNull(),
		predicate: text('predicate', { enum: predicates }).notNull(),
		subjectId: text('subject_id')
			.notNull()
			.references(() => entity.id),
		objectId: text('object_id').references(() => entity.id),
		placeId: text('place_id').references(() => entity.id),
		valueText: text('value_text'),
		valueNumber: real('value_number'),
		valueUnit: text('value_unit'),
		/** Resolved date: YYYY-MM-DD, YYYY-MM or YYYY, with its precision and the article's wording. */
		date: text('date'),
		datePrecision: text('date_precision', { enum: datePrecisions }),
		dateWording: text('date_wording'),
		statement: text('statement').notNull(),
		/** The verbatim evidence, and where it stands in the source body. */
		quote: text('quote').notNull(),
		quoteStart: integer('quote_start').notNull(),
		quoteEnd: integer('quote_end').notNull()
	},
	(t) => [
		index('fact_source_idx').on(t.sourceId, t.position),
		index('fact_subject_idx').on(t.subjectId)
	]
);

export type SourceRow = typeof source.$inferSelect;
export type EntityRow = typeof entity.$inferSelect;
export type FactRow = typeof fact.$inferSelect;

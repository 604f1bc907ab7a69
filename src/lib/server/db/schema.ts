// The database schema: the source of truth for the SQL migrations in drizzle/.
// Content tables (source, entity, fact) are loaded from the curated fact bases at start-up;
// everything a person creates later (sets, attempts, reviews) points at them by stable ids.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
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

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const userRoles = ['learner', 'teacher'] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * A person, or a guest: a guest row has no username or password until the guest signs up,
 * when the same row becomes the account, so everything attached to it stays attached.
 */
export const user = sqliteTable(
	'user',
	{
		id: text('id').primaryKey(),
		/** As typed at sign-up, for display. */
		username: text('username'),
		/** Lower-cased and NFKC-normalised: sign-in and uniqueness ignore case. */
		usernameKey: text('username_key'),
		email: text('email'),
		passwordHash: text('password_hash'),
		role: text('role', { enum: userRoles }).notNull().default('learner'),
		isGuest: integer('is_guest', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('user_username_key_idx').on(t.usernameKey)]
);

/** The Lucia session pattern: the id is the SHA-256 of the token in the cookie. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const setStatuses = ['draft', 'published'] as const;
export const setOrigins = ['generated', 'authored', 'imported'] as const;

/** A question set: the article's generated bank (no owner), or a teacher's own. */
export const questionSet = sqliteTable(
	'question_set',
	{
		id: text('id').primaryKey(),
		/** Null for the sets Factdeck generates from its sources. */
		ownerId: text('owner_id').references(() => user.id, { onDelete: 'cascade' }),
		sourceId: text('source_id').references(() => source.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		tags: text('tags', { mode: 'json' })
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'`),
		status: text('status', { enum: setStatuses }).notNull().default('draft'),
		origin: text('origin', { enum: setOrigins }).notNull(),
		/** How many questions one attempt asks (null: all of them, in order). */
		quizSize: integer('quiz_size'),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('question_set_owner_idx').on(t.ownerId)]
);

/** One question of a set. `body` is the Question of src/lib/domain/question.ts, key included. */
export const question = sqliteTable(
	'question',
	{
		/** Stable: for generated sets, the set id and the generator's id for the question. */
		id: text('id').primaryKey(),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		type: text('type').notNull(),
		body: text('body', { mode: 'json' }).notNull()
	},
	(t) => [index('question_set_position_idx').on(t.setId, t.position)]
);

/** Which facts a question tests, for per-fact progress and reports. */
export const questionFact = sqliteTable(
	'question_fact',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		factId: text('fact_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.factId] }),
		index('question_fact_fact_idx').on(t.factId)
	]
);

export const schoolClass = sqliteTable(
	'class',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Short, without look-alike characters; unique while the class exists. */
		joinCode: text('join_code').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('class_join_code_idx').on(t.joinCode),
		index('class_teacher_idx').on(t.teacherId)
	]
);

export const classMember = sqliteTable(
	'class_member',
	{
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.classId, t.userId] }),
		index('class_member_user_idx').on(t.userId)
	]
);

export const classAssignment = sqliteTable(
	'class_assignment',
	{
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		/** YYYY-MM-DD, or null for no due date. */
		dueOn: text('due_on'),
		assignedAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.classId, t.setId] }),
		index('class_assignment_set_idx').on(t.setId)
	]
);

export type SourceRow = typeof source.$inferSelect;
export type EntityRow = typeof entity.$inferSelect;
export type FactRow = typeof fact.$inferSelect;
export type UserRow = typeof user.$inferSelect;
export type SessionRow = typeof session.$inferSelect;
export type QuestionSetRow = typeof questionSet.$inferSelect;
export type ClassRow = typeof schoolClass.$inferSelect;

// The database schema: the source of truth for the SQL migrations in drizzle/.
// Content tables (source, source_version, entity, fact, suggestion) hold every fact base: the
// shipped article, loaded at start-up, and teachers' own texts; everything a person creates
// later (sets, attempts, reviews) points at facts by their stable ids.
import { and, eq, sql } from 'drizzle-orm';
import {
	foreignKey,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { datePrecisions, entityKinds, predicates } from '../../domain/fact-base';
import { livePhases } from '../../domain/live-session';
import { memoryStates, reviewOrigins } from '../../domain/scheduling';
import { suggestionKinds, type StoredSuggestion } from '../../domain/suggest/types';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/**
 * A text and its fact base: the shipped article (no owner, public) or a teacher's own (private
 * to them). Its text lives in source_version: a corrected text is a new version, never an edit.
 */
export const source = sqliteTable(
	'source',
	{
		id: text('id').primaryKey(),
		/** Null for the sources Factdeck ships with; a teacher's sources go with their account. */
		ownerId: text('owner_id').references(() => user.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** YYYY-MM-DD: relative dates in the text resolve against it. */
		publishedOn: text('published_on').notNull(),
		author: text('author'),
		/** Where the text came from, for credit; never fetched. */
		url: text('url'),
		/** The current version in source_version. */
		version: integer('version').notNull().default(1),
		/**
		 * Raised in the same transaction as every write to the source, its entities or its facts:
		 * the in-memory fact base (fact-bases.ts) is rebuilt when this no longer matches.
		 */
		revision: integer('revision').notNull().default(0),
		/** For the shipped sources: the hash of the curated fact base last loaded (null: a teacher's). */
		contentHash: text('content_hash'),
		loadedAt: integer('loaded_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('source_owner_idx').on(t.ownerId)]
);

/** Every text a source has had, kept as it was: facts quote the current one. */
export const sourceVersion = sqliteTable(
	'source_version',
	{
		sourceId: text('source_id')
			.notNull()
			.references(() => source.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.sourceId, t.version] })]
);

/**
 * People, countries, organisations, places, documents, events and things, each source's own:
 * a teacher's "china" is not the article's, so the key is the source and the id.
 */
export const entity = sqliteTable(
	'entity',
	{
		sourceId: text('source_id')
			.notNull()
			.references(() => source.id, { onDelete: 'cascade' }),
		id: text('id').notNull(),
		/** Order within the source's fact base (the generator's order). */
		position: integer('position').notNull(),
		kind: text('kind', { enum: entityKinds }).notNull(),
		name: text('name').notNull(),
		aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
		/** Role or title as the text gives it. */
		role: text('role')
	},
	(t) => [primaryKey({ columns: [t.sourceId, t.id] })]
);

export const fact = sqliteTable(
	'fact',
	{
		/**
		 * Unique across sources and stable across restarts, edits and new versions: progress is
		 * attached to it alone.
		 */
		id: text('id').primaryKey(),
		sourceId: text('source_id')
			.notNull()
			.references(() => source.id, { onDelete: 'cascade' }),
		/** Order within the source's curated list. */
		position: integer('position').notNull(),
		predicate: text('predicate', { enum: predicates }).notNull(),
		/** Entity ids of the same source. */
		subjectId: text('subject_id').notNull(),
		objectId: text('object_id'),
		placeId: text('place_id'),
		valueText: text('value_text'),
		valueNumber: real('value_number'),
		valueUnit: text('value_unit'),
		/** Resolved date: YYYY-MM-DD, YYYY-MM or YYYY, with its precision and the text's wording. */
		date: text('date'),
		datePrecision: text('date_precision', { enum: datePrecisions }),
		dateWording: text('date_wording'),
		statement: text('statement').notNull(),
		/** The verbatim evidence, and where it stands in the body it was anchored in. */
		quote: text('quote').notNull(),
		quoteStart: integer('quote_start').notNull(),
		quoteEnd: integer('quote_end').notNull(),
		/**
		 * Whether the quote stands in the source's current version. A fact whose quote a new
		 * version lost is kept, listed for its teacher to re-anchor, and left out of the fact base.
		 */
		anchored: integer('anchored', { mode: 'boolean' }).notNull().default(true)
	},
	(t) => [
		index('fact_source_idx').on(t.sourceId, t.position),
		index('fact_subject_idx').on(t.sourceId, t.subjectId),
		foreignKey({
			columns: [t.sourceId, t.subjectId],
			foreignColumns: [entity.sourceId, entity.id]
		}),
		foreignKey({
			columns: [t.sourceId, t.objectId],
			foreignColumns: [entity.sourceId, entity.id]
		}),
		foreignKey({ columns: [t.sourceId, t.placeId], foreignColumns: [entity.sourceId, entity.id] })
	]
);

export const suggestionStatuses = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/**
 * The machine's candidate facts for one version of a source's text, each waiting for its
 * teacher: `body` is the suggested fact with the suggested entities it names.
 */
export const suggestion = sqliteTable(
	'suggestion',
	{
		id: text('id').primaryKey(),
		sourceId: text('source_id')
			.notNull()
			.references(() => source.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		/** The pipeline's order. */
		position: integer('position').notNull(),
		kind: text('kind', { enum: suggestionKinds }).notNull(),
		status: text('status', { enum: suggestionStatuses }).notNull().default('pending'),
		body: text('body', { mode: 'json' }).$type<StoredSuggestion>().notNull(),
		/** The fact it became, once accepted. */
		factId: text('fact_id').references(() => fact.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('suggestion_source_idx').on(t.sourceId, t.status, t.position),
		index('suggestion_fact_idx').on(t.factId)
	]
);

/** An admin may do everything a teacher may, and manage accounts (access.ts says so once). */
export const userRoles = ['learner', 'teacher', 'admin'] as const;
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
		/** Set by an admin: the account cannot sign in and has no sessions until re-enabled. */
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('user_username_key_idx').on(t.usernameKey), index('user_role_idx').on(t.role)]
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
		/** "Firefox on Windows": a summary of the User-Agent it was started with. */
		device: text('device').notNull().default(''),
		/** Updated at most once a minute, so a request does not mean a write; null: never since its start. */
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * A one-time password reset code, issued by a teacher or an admin: only its SHA-256 is kept,
 * it lasts 24 hours and works once.
 */
export const resetCode = sqliteTable(
	'reset_code',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		issuedBy: text('issued_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('reset_code_user_idx').on(t.userId)]
);

export const auditActions = [
	'reset-code',
	'role',
	'disable',
	'enable',
	'remove-from-class',
	'teacher-signup',
	'invite-code',
	'create-admin',
	'set-password'
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Every admin's and teacher's action on another account (and on who may sign up), appended.
 * Names are copied in, so an entry still reads right after an account is renamed or deleted;
 * a null actor with no name is the command line.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		actorName: text('actor_name'),
		action: text('action', { enum: auditActions }).notNull(),
		targetId: text('target_id').references(() => user.id, { onDelete: 'set null' }),
		targetName: text('target_name'),
		detail: text('detail').notNull().default('')
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_actor_idx').on(t.actorId),
		index('audit_log_target_idx').on(t.targetId)
	]
);

export const teacherSignupPolicies = ['anyone', 'invite', 'nobody'] as const;
export type TeacherSignupPolicy = (typeof teacherSignupPolicies)[number];

/** The school's settings: one row (id 1), written by admins. */
export const siteSettings = sqliteTable('site_settings', {
	id: integer('id').primaryKey(),
	teacherSignup: text('teacher_signup', { enum: teacherSignupPolicies })
		.notNull()
		.default('anyone'),
	/** Shown to admins, who hand it to teachers; rotated on request. */
	teacherInviteCode: text('teacher_invite_code'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)
});

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
		/** For generated sets: the hash of what was generated, so an unchanged start writes nothing. */
		contentHash: text('content_hash'),
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

/** One run through a set by one learner, fixed by its seed. */
export const attempt = sqliteTable(
	'attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		seed: integer('seed').notNull(),
		questionCount: integer('question_count').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		/** Questions answered fully right; set as answers come in. */
		score: integer('score').notNull().default(0),
		/** The answers' scores added up (2 of 3 options right adds 0.666…): the attempt's marks. */
		points: real('points').notNull().default(0),
		/**
		 * A player's run through a live session: answered only through the session, while the
		 * question is open (the quiz's own pages refuse it). Not a foreign key: SQLite cannot add
		 * one with an ON DELETE rule to an existing table, and the mark must outlive the session.
		 */
		liveSessionId: text('live_session_id')
	},
	(t) => [
		index('attempt_user_set_idx').on(t.userId, t.setId, t.startedAt),
		index('attempt_set_idx').on(t.setId)
	]
);

/**
 * The questions of an attempt as they were asked (choices and order fixed by the seed), key
 * included: grading reads this snapshot, so editing a set later never regrades an attempt.
 */
export const attemptQuestion = sqliteTable(
	'attempt_question',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** The set's question it came from (null once that question is deleted). */
		questionId: text('question_id').references(() => question.id, { onDelete: 'set null' }),
		body: text('body', { mode: 'json' }).notNull(),
		factIds: text('fact_ids', { mode: 'json' }).$type<string[]>().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		index('attempt_question_question_idx').on(t.questionId)
	]
);

/** A learner's answer: one per question of an attempt, so a resubmission records nothing new. */
export const answer = sqliteTable(
	'answer',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		response: text('response', { mode: 'json' }).notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		reason: text('reason').notNull(),
		partial: real('partial'),
		/**
		 * The marks earned, 0..1, as a fraction. Null: an open response its learner has not marked
		 * yet. Answers from before scores existed have 1 or 0 from `correct`.
		 */
		score: real('score'),
		timeMs: integer('time_ms').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.position] })]
);

/** Joins an answer and the question it answers: the same attempt, the same position. */
export const answerToQuestion = and(
	eq(answer.attemptId, attemptQuestion.attemptId),
	eq(answer.position, attemptQuestion.position)
);

export type SourceRow = typeof source.$inferSelect;
export type SuggestionRow = typeof suggestion.$inferSelect;
export type EntityRow = typeof entity.$inferSelect;
export type FactRow = typeof fact.$inferSelect;
export type UserRow = typeof user.$inferSelect;
export type SessionRow = typeof session.$inferSelect;
export type AuditLogRow = typeof auditLog.$inferSelect;
export type QuestionSetRow = typeof questionSet.$inferSelect;
export type ClassRow = typeof schoolClass.$inferSelect;
export type AttemptRow = typeof attempt.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Flashcards: cards derived from facts and from teacher sets' questions, each learner's FSRS
// memory state per card, every review as a log row, and each learner's scheduling settings.
// ---------------------------------------------------------------------------------------------

export const cardKinds = ['fact', 'question'] as const;
export const cardDirections = ['forward', 'reverse'] as const;

/**
 * A card: `fact:<factId>:forward|reverse` (its faces come from the fact base) or
 * `question:<questionId>` (from a teacher's set). Deck membership is by source or by set.
 */
export const card = sqliteTable(
	'card',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: cardKinds }).notNull(),
		factId: text('fact_id').references(() => fact.id, { onDelete: 'cascade' }),
		questionId: text('question_id').references(() => question.id, { onDelete: 'cascade' }),
		direction: text('direction', { enum: cardDirections }).notNull().default('forward'),
		sourceId: text('source_id').references(() => source.id, { onDelete: 'cascade' }),
		setId: text('set_id').references(() => questionSet.id, { onDelete: 'cascade' }),
		/** Order within its deck: new cards are introduced in this order. */
		position: integer('position').notNull()
	},
	(t) => [
		index('card_source_idx').on(t.sourceId, t.position),
		index('card_set_idx').on(t.setId, t.position),
		index('card_fact_idx').on(t.factId),
		index('card_question_idx').on(t.questionId)
	]
);

/**
 * One learner's memory of one card, in ts-fsrs's terms. A card with no row is new: a row is
 * written by the first review, or by burying or suspending a card not yet studied.
 */
export const cardState = sqliteTable(
	'card_state',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cardId: text('card_id')
			.notNull()
			.references(() => card.id, { onDelete: 'cascade' }),
		state: text('state', { enum: memoryStates }).notNull(),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		lastReview: integer('last_review', { mode: 'timestamp_ms' }),
		suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
		/** Buried: left out of the queue until this moment (the start of the next day). */
		buriedUntil: integer('buried_until', { mode: 'timestamp_ms' }),
		/** Lapsed often enough to be a leech (and suspended when it became one). */
		leech: integer('leech', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.cardId] }),
		// The queue's hot path: a learner's learning or review cards in due order.
		index('card_state_queue_idx').on(t.userId, t.state, t.due),
		index('card_state_card_idx').on(t.cardId)
	]
);

/**
 * Every review, appended: flashcard grades and quiz answers alike (origin). The memory fields
 * are ts-fsrs's ReviewLog (the state before the review), so a grade can be rolled back.
 */
export const reviewLog = sqliteTable(
	'review_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cardId: text('card_id')
			.notNull()
			.references(() => card.id, { onDelete: 'cascade' }),
		/** 1 Again, 2 Hard, 3 Good, 4 Easy (ts-fsrs Rating, Anki's ease). */
		rating: integer('rating').notNull(),
		state: text('state', { enum: memoryStates }).notNull(),
		/** ts-fsrs's log.due: the previous review, or the due date of a new card. */
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		lastElapsedDays: integer('last_elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		/** The card's due date before this review, which ts-fsrs's rollback cannot recover. */
		previousDue: integer('previous_due', { mode: 'timestamp_ms' }).notNull(),
		/** This review made the card a leech (and suspended it): undo reverses that too. */
		madeLeech: integer('made_leech', { mode: 'boolean' }).notNull().default(false),
		timeMs: integer('time_ms').notNull(),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
		origin: text('origin', { enum: reviewOrigins }).notNull()
	},
	(t) => [
		// Covers today's counts for the daily limits and the statistics by day.
		index('review_log_user_time_idx').on(t.userId, t.reviewedAt, t.origin, t.state, t.rating),
		index('review_log_card_idx').on(t.cardId, t.userId, t.id)
	]
);

/** A learner's scheduling settings and day; no row means the defaults. */
export const learnerSettings = sqliteTable('learner_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	desiredRetention: real('desired_retention').notNull().default(0.9),
	newPerDay: integer('new_per_day').notNull().default(20),
	reviewsPerDay: integer('reviews_per_day').notNull().default(200),
	/** IANA zone of the learner's days; null: the browser's (a guest's, or an old account's). */
	timeZone: text('time_zone'),
	/** The local hour at which a new day begins (Anki's "next day starts at"). */
	dayStartHour: integer('day_start_hour').notNull().default(4),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)
});

// ---------------------------------------------------------------------------------------------
// Live sessions: a teacher (the host) runs a set's questions on a projector while the class
// answers on their own devices. The session's state is here, so a restart loses nothing; the
// in-memory fan-out (src/lib/server/live-bus.ts) only caches it.
// ---------------------------------------------------------------------------------------------

export const liveSession = sqliteTable(
	'live_session',
	{
		id: text('id').primaryKey(),
		hostId: text('host_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		/** The class it was run for, whose page and report show it (optional). */
		classId: text('class_id').references(() => schoolClass.id, { onDelete: 'set null' }),
		/** Six digits while the session runs; null once it has ended, so the PIN can be reused. */
		pin: text('pin'),
		phase: text('phase', { enum: livePhases }).notNull().default('lobby'),
		/** The question on screen: -1 in the lobby. */
		currentIndex: integer('current_index').notNull().default(-1),
		questionCount: integer('question_count').notNull(),
		/** Null: no timer. */
		timerSeconds: integer('timer_seconds'),
		leaderboard: integer('leaderboard', { mode: 'boolean' }).notNull().default(false),
		speedBonus: integer('speed_bonus', { mode: 'boolean' }).notNull().default(false),
		seed: integer('seed').notNull(),
		/** When the current question opened, moved on by the time it spent paused. */
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
		deadline: integer('deadline', { mode: 'timestamp_ms' }),
		/** While paused with a timer: the time the question had left. */
		remainingMs: integer('remaining_ms'),
		pausedAt: integer('paused_at', { mode: 'timestamp_ms' }),
		/** The id of the last event written, so ids keep growing across restarts. */
		lastSeq: integer('last_seq').notNull().default(0),
		createdAt: createdAt(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('live_session_pin_idx').on(t.pin),
		index('live_session_host_idx').on(t.hostId, t.createdAt),
		index('live_session_class_idx').on(t.classId, t.createdAt)
	]
);

/** The questions of a session as asked (key included), fixed when it is created. */
export const liveQuestion = sqliteTable(
	'live_question',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionId: text('question_id').references(() => question.id, { onDelete: 'set null' }),
		body: text('body', { mode: 'json' }).notNull(),
		factIds: text('fact_ids', { mode: 'json' }).$type<string[]>().notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.position] })]
);

/** Who plays: a learner or a guest, under a display name unique in the session. */
export const livePlayer = sqliteTable(
	'live_player',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The player's attempt at the set: their answers, progress and reviews hang off it. */
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** The name folded for uniqueness (case and width ignored). */
		nameKey: text('name_key').notNull(),
		joinedAt: createdAt(),
		/** Removed by the host: no more answers, and left out of the counts and summary. */
		removedAt: integer('removed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.userId] }),
		uniqueIndex('live_player_name_idx').on(t.sessionId, t.nameKey),
		uniqueIndex('live_player_attempt_idx').on(t.attemptId),
		index('live_player_user_idx').on(t.userId)
	]
);

/**
 * The live side of an answer (the answer itself is the attempt's `answer` row, written in the
 * same transaction): its points and how long it took. One per question per player.
 */
export const liveAnswer = sqliteTable(
	'live_answer',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		points: integer('points').notNull(),
		elapsedMs: integer('elapsed_ms').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		index('live_answer_session_idx').on(t.sessionId, t.position)
	]
);

export const liveAudiences = ['all', 'host'] as const;

/**
 * What was pushed to a session's screens, in order, so a screen that reconnects is sent what
 * it missed (Last-Event-ID). Counts of answers are not kept: they are sent fresh.
 */
export const liveEvent = sqliteTable(
	'live_event',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		kind: text('kind').notNull(),
		audience: text('audience', { enum: liveAudiences }).notNull(),
		/** The player the event is also for (a removal), besides its audience. */
		aboutUserId: text('about_user_id'),
		data: text('data', { mode: 'json' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.seq] })]
);

export type LiveSessionRow = typeof liveSession.$inferSelect;
export type LivePlayerRow = typeof livePlayer.$inferSelect;

export type CardRow = typeof card.$inferSelect;
export type CardStateRow = typeof cardState.$inferSelect;
export type ReviewLogRow = typeof reviewLog.$inferSelect;
export type LearnerSettingsRow = typeof learnerSettings.$inferSelect;

/**
 * How often each part of the data has changed, counted by triggers (page-versions.ts), so a kept
 * page is rendered again when what it shows changes and not on every write: 'content' (texts,
 * sets, classes, accounts), 'live' (live sessions), 'quiz:<id>' (one learner's attempts and
 * answers) and 'cards:<id>' (their flashcard reviews).
 */
export const pageVersion = sqliteTable('page_version', {
	scope: text('scope').primaryKey(),
	n: integer('n').notNull().default(0)
});

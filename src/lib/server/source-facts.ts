// The facts of a teacher's source, as the teacher curates them: a fact saved from the editor
// (new, edited or re-anchored), a suggestion accepted as it is, or all of one kind, or
// rejected, and a fact removed. Every save is checked by checkFactBase on the whole fact base
// with the fact in it, and written in one transaction with the source's revision and its
// flashcards; nothing is written when anything is wrong.
import { and, asc, eq, max } from 'drizzle-orm';
import {
	checkFactBase,
	type Entity,
	type Fact,
	type FactBase,
	type FactBaseProblem
} from '../domain/fact-base';
import { problemsToErrors, type EntitySlot, type FactFormErrors } from '../domain/fact-form';
import { locateQuote } from '../domain/quote-picker';
import type { StoredSuggestion, SuggestionKind } from '../domain/suggest';
import type { Conn, Db } from './db';
import { entity, fact, suggestion, type SuggestionRow } from './db/schema';
import { bumpRevision, factColumns, readSourceFacts } from './fact-bases';
import { syncFactCards } from './flashcards';
import { getOwnSource, readableId } from './teacher-sources';

export type SaveFactResult =
	{ ok: true; factId: string } | { ok: false; status: 400 | 404; errors: FactFormErrors };

const notFound = (what = 'source'): SaveFactResult => ({
	ok: false,
	status: 404,
	errors: { form: `No ${what} of yours has that id.` }
});

/** A fact id not yet taken anywhere: progress names facts by id alone. */
function newFactId(tx: Conn, slug: string): string {
	for (;;) {
		const id = readableId(slug, 48);
		if (!tx.select({ id: fact.id }).from(fact).where(eq(fact.id, id)).get()) return id;
	}
}

function nextPosition(tx: Conn, table: typeof fact | typeof entity, sourceId: string): number {
	const last = tx
		.select({ p: max(table.position) })
		.from(table)
		.where(eq(table.sourceId, sourceId))
		.get()?.p;
	return last === null || last === undefined ? 0 : last + 1;
}

export interface FactWrite {
	fact: Omit<Fact, 'id'>;
	/** Entities to create with the fact (ids free in the source), with the form slot of each. */
	newEntities: { slot?: EntitySlot; entity: Entity }[];
	/** Aliases to add to entities the source has (a suggestion's names for them). */
	aliases?: Map<string, string[]>;
	/** Where the quote was picked from: kept when the quote stands there. */
	quoteStart?: number;
}

type Checked = { ok: true } | { ok: false; problems: FactBaseProblem[]; factIndex: number };

/**
 * The source's fact base with this fact in it (in place of the fact it edits; a fact being
 * re-anchored joins the anchored ones), checked whole.
 */
function checkWith(base: FactBase, write: FactWrite, factId: string): Checked {
	const entities = [...base.entities, ...write.newEntities.map((n) => n.entity)];
	const candidate: Fact = { id: factId, ...write.fact };
	const at = base.facts.findIndex((f) => f.id === factId);
	const facts =
		at === -1 ? [...base.facts, candidate] : base.facts.map((f, i) => (i === at ? candidate : f));
	const checked = checkFactBase({ source: base.source, entities, facts });
	return checked.ok
		? { ok: true }
		: { ok: false, problems: checked.problems, factIndex: at === -1 ? facts.length - 1 : at };
}

/**
 * Writes a fact (a new one, or `factId`'s new content) after checking the whole base; in the
 * caller's transaction.
 */
function writeFact(
	tx: Conn,
	sourceId: string,
	write: FactWrite,
	options: { factId?: string; slug: string; suggestionId?: string; now: Date }
): SaveFactResult {
	const facts = readSourceFacts(tx, sourceId);
	if (!facts) return notFound();
	const existing = options.factId
		? tx
				.select()
				.from(fact)
				.where(and(eq(fact.id, options.factId), eq(fact.sourceId, sourceId)))
				.get()
		: undefined;
	if (options.factId && !existing) return notFound('fact');
	const factId = existing?.id ?? newFactId(tx, options.slug);
	const checked = checkWith(facts.base, write, factId);
	if (!checked.ok) {
		const created = new Map<number, EntitySlot>();
		write.newEntities.forEach((n, i) => {
			if (n.slot) created.set(facts.base.entities.length + i, n.slot);
		});
		return {
			ok: false,
			status: 400,
			errors: problemsToErrors(checked.problems, checked.factIndex, created)
		};
	}
	let entityPosition = nextPosition(tx, entity, sourceId);
	for (const { entity: e } of write.newEntities) {
		tx.insert(entity)
			.values({
				sourceId,
				id: e.id,
				position: entityPosition++,
				kind: e.kind,
				name: e.name,
				aliases: e.aliases,
				role: e.role ?? null
			})
			.run();
	}
	for (const [id, more] of write.aliases ?? []) {
		const row = facts.base.entities.find((e) => e.id === id);
		if (!row || more.length === 0) continue;
		tx.update(entity)
			.set({ aliases: [...row.aliases, ...more] })
			.where(and(eq(entity.sourceId, sourceId), eq(entity.id, id)))
			.run();
	}
	const body = facts.base.source.body;
	const start = locateQuote(body, write.fact.quote, write.quoteStart);
	const row = factColumns(write.fact, start);
	if (existing) tx.update(fact).set(row).where(eq(fact.id, factId)).run();
	else
		tx.insert(fact)
			.values({ id: factId, sourceId, position: nextPosition(tx, fact, sourceId), ...row })
			.run();
	if (options.suggestionId) {
		tx.update(suggestion)
			.set({ status: 'accepted', factId, decidedAt: options.now })
			.where(eq(suggestion.id, options.suggestionId))
			.run();
	}
	bumpRevision(tx, sourceId, options.now);
	return { ok: true, factId };
}

/**
 * Saves a fact from the editor: a new one, an edit of `factId` (its id stays), or a pending
 * suggestion as the teacher edited it (which is then accepted). Entities the form chose that
 * the source lacks are the suggestion's, created with it.
 */
export function saveFact(
	db: Db,
	ownerId: string,
	sourceId: string,
	write: FactWrite,
	options: { factId?: string; suggestionId?: string } = {},
	now = new Date()
): SaveFactResult {
	return db.transaction(
		(tx): SaveFactResult => {
			if (!getOwnSource(tx, ownerId, sourceId)) return notFound();
			let full = write;
			let slug = `${write.fact.subject}-${write.fact.predicate}`;
			if (options.suggestionId) {
				const pending = pendingSuggestion(tx, sourceId, options.suggestionId);
				if (!pending) return notFound('pending suggestion');
				full = withSuggestedEntities(tx, sourceId, write, pending.body.entities);
				slug = pending.body.fact.id;
			}
			// A failed check writes nothing: writeFact checks before it writes.
			const result = writeFact(tx, sourceId, full, { ...options, slug, now });
			if (result.ok) syncFactCards(tx, sourceId);
			return result;
		},
		{ behavior: 'immediate' }
	);
}

/** The entities a fact names that the source lacks, taken from a suggestion's. */
function withSuggestedEntities(
	tx: Conn,
	sourceId: string,
	write: FactWrite,
	suggested: readonly Entity[]
): FactWrite {
	const have = new Set(
		tx
			.select({ id: entity.id })
			.from(entity)
			.where(eq(entity.sourceId, sourceId))
			.all()
			.map((e) => e.id)
	);
	const planned = new Set(write.newEntities.map((n) => n.entity.id));
	const more = [write.fact.subject, write.fact.object, write.fact.place]
		.filter((id): id is string => id !== undefined && !have.has(id) && !planned.has(id))
		.flatMap((id) => suggested.filter((e) => e.id === id))
		.map((e) => ({ entity: e }));
	return { ...write, newEntities: [...write.newEntities, ...more] };
}

function pendingSuggestion(tx: Conn, sourceId: string, id: string): SuggestionRow | undefined {
	return tx
		.select()
		.from(suggestion)
		.where(
			and(
				eq(suggestion.id, id),
				eq(suggestion.sourceId, sourceId),
				eq(suggestion.status, 'pending')
			)
		)
		.get();
}

/**
 * A suggestion as a write: its entities merged with the source's by id, or by name (the
 * source's entity stands for it), new names added as aliases where no other entity has them.
 */
function suggestionWrite(tx: Conn, sourceId: string, body: StoredSuggestion): FactWrite {
	const have = tx.select().from(entity).where(eq(entity.sourceId, sourceId)).all();
	const byId = new Map(have.map((e) => [e.id, e]));
	const owner = new Map<string, string>();
	for (const e of have)
		for (const form of [e.name, ...e.aliases]) owner.set(form.toLowerCase(), e.id);
	const rename = new Map<string, string>();
	const newEntities: FactWrite['newEntities'] = [];
	const aliases = new Map<string, string[]>();
	for (const e of body.entities) {
		const same = byId.get(e.id) ?? have.find((h) => h.name.toLowerCase() === e.name.toLowerCase());
		const forms = [e.name, ...e.aliases];
		if (same) {
			rename.set(e.id, same.id);
			const added = forms.filter((form) => !owner.has(form.toLowerCase()));
			for (const form of added) owner.set(form.toLowerCase(), same.id);
			if (added.length) aliases.set(same.id, [...(aliases.get(same.id) ?? []), ...added]);
			continue;
		}
		const free = e.aliases.filter((a) => !owner.has(a.toLowerCase()));
		for (const form of [e.name, ...free]) owner.set(form.toLowerCase(), e.id);
		newEntities.push({ entity: { ...e, aliases: free } });
	}
	const { kind: _kind, span, id: _id, ...f } = body.fact;
	const ref = (id: string | undefined) => (id === undefined ? undefined : (rename.get(id) ?? id));
	const subject = ref(f.subject)!;
	const object = ref(f.object);
	const place = ref(f.place);
	return {
		fact: {
			...f,
			subject,
			...(object !== undefined ? { object } : {}),
			...(place !== undefined ? { place } : {})
		},
		newEntities,
		aliases,
		quoteStart: span.start
	};
}

export type AcceptResult =
	| {
			ok: true;
			/** The statements of the facts accepted, in order. */
			accepted: string[];
			failed: { id: string; statement: string; message: string }[];
	  }
	| { ok: false; status: 404; message: string };

/**
 * Accepts pending suggestions as they are (one, or all of a kind, in the pipeline's order), in
 * one transaction: each is checked against the base as it grows; one that fails is left
 * pending and reported.
 */
export function acceptSuggestions(
	db: Db,
	ownerId: string,
	sourceId: string,
	which: { id: string } | { kind: SuggestionKind },
	now = new Date()
): AcceptResult {
	return db.transaction(
		(tx): AcceptResult => {
			if (!getOwnSource(tx, ownerId, sourceId)) {
				return { ok: false, status: 404, message: 'No source of yours has that id.' };
			}
			const rows =
				'id' in which
					? [pendingSuggestion(tx, sourceId, which.id)].filter((r) => r !== undefined)
					: tx
							.select()
							.from(suggestion)
							.where(
								and(
									eq(suggestion.sourceId, sourceId),
									eq(suggestion.status, 'pending'),
									eq(suggestion.kind, which.kind)
								)
							)
							.orderBy(asc(suggestion.position))
							.all();
			if ('id' in which && rows.length === 0) {
				return { ok: false, status: 404, message: 'No pending suggestion of yours has that id.' };
			}
			const accepted: string[] = [];
			const failed: { id: string; statement: string; message: string }[] = [];
			for (const row of rows) {
				const result = writeFact(tx, sourceId, suggestionWrite(tx, sourceId, row.body), {
					slug: row.body.fact.id,
					suggestionId: row.id,
					now
				});
				if (result.ok) accepted.push(row.body.fact.statement);
				else
					failed.push({
						id: row.id,
						statement: row.body.fact.statement,
						message: Object.values(result.errors).join(' ')
					});
			}
			if (accepted.length) syncFactCards(tx, sourceId);
			return { ok: true, accepted, failed };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Rejects a pending suggestion: it is not suggested again for later versions of the text.
 * Returns its statement, or undefined when there is no such pending suggestion of the teacher's.
 */
export function rejectSuggestion(
	db: Db,
	ownerId: string,
	sourceId: string,
	suggestionId: string,
	now = new Date()
): string | undefined {
	return db.transaction((tx) => {
		if (!getOwnSource(tx, ownerId, sourceId)) return undefined;
		const row = pendingSuggestion(tx, sourceId, suggestionId);
		if (!row) return undefined;
		tx.update(suggestion)
			.set({ status: 'rejected', decidedAt: now })
			.where(eq(suggestion.id, suggestionId))
			.run();
		return row.body.fact.statement;
	});
}

/** A pending suggestion of the teacher's source, to edit before accepting it. */
export function getPendingSuggestion(
	db: Db,
	ownerId: string,
	sourceId: string,
	suggestionId: string
): StoredSuggestion | undefined {
	if (!getOwnSource(db, ownerId, sourceId)) return undefined;
	return pendingSuggestion(db, sourceId, suggestionId)?.body;
}

/** The pending suggestions of the source's current text, in the pipeline's order. */
export function pendingSuggestions(db: Db, ownerId: string, sourceId: string) {
	if (!getOwnSource(db, ownerId, sourceId)) return undefined;
	return db
		.select({ id: suggestion.id, kind: suggestion.kind, body: suggestion.body })
		.from(suggestion)
		.where(and(eq(suggestion.sourceId, sourceId), eq(suggestion.status, 'pending')))
		.orderBy(asc(suggestion.position))
		.all();
}

/** Removes a fact of the teacher's source (with its flashcards and learners' memory of them). */
export function removeFact(
	db: Db,
	ownerId: string,
	sourceId: string,
	factId: string,
	now = new Date()
): boolean {
	return db.transaction((tx) => {
		if (!getOwnSource(tx, ownerId, sourceId)) return false;
		const removed = tx
			.delete(fact)
			.where(and(eq(fact.id, factId), eq(fact.sourceId, sourceId)))
			.run();
		if (removed.changes !== 1) return false;
		bumpRevision(tx, sourceId, now);
		syncFactCards(tx, sourceId);
		return true;
	});
}

/** One fact of the teacher's source, anchored or not, with where its quote stands. */
export function getOwnFact(db: Db, ownerId: string, sourceId: string, factId: string) {
	if (!getOwnSource(db, ownerId, sourceId)) return undefined;
	return db
		.select()
		.from(fact)
		.where(and(eq(fact.id, factId), eq(fact.sourceId, sourceId)))
		.get();
}

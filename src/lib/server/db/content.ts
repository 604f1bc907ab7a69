// Loads the curated fact bases Factdeck ships with into the content tables, where they live at
// run time like any teacher's source (without an owner: public). Idempotent: a second load of
// the same content writes nothing, and a changed one upserts by id, so progress attached to a
// fact id survives restarts and content upgrades; a changed text becomes a new version.
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import { checkFactBase, type FactBase } from '../../domain/fact-base';
import { bumpRevision, factColumns } from '../fact-bases';
import type { Db } from './index';
import { entity, fact, source, sourceVersion } from './schema';

/**
 * The hash of a curated fact base as it is stored. The prefix names the storage's shape: a
 * database upgraded from shared entities reloads the article once, with the entities' order.
 */
export function contentHash(base: FactBase): string {
	return createHash('sha256')
		.update(`fact-base-v2\n${JSON.stringify(base)}`)
		.digest('hex');
}

export type LoadResult = 'unchanged' | 'loaded';

export function loadFactBase(db: Db, input: FactBase): LoadResult {
	const checked = checkFactBase(input);
	if (!checked.ok) {
		const lines = checked.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
		throw new Error(`fact base ${input.source?.id} is invalid:\n${lines}`);
	}
	const base = checked.value;
	const sourceId = base.source.id;
	const hash = contentHash(base);
	const existing = db
		.select({ contentHash: source.contentHash, version: source.version, ownerId: source.ownerId })
		.from(source)
		.where(eq(source.id, sourceId))
		.get();
	if (existing?.contentHash === hash) return 'unchanged';
	if (existing && existing.ownerId !== null) {
		throw new Error(`source ${sourceId} is a teacher's: a shipped fact base cannot replace it`);
	}

	db.transaction((tx) => {
		// Fact ids are unique across sources: progress names a fact by its id alone.
		const taken = tx
			.select({ id: fact.id })
			.from(fact)
			.where(
				and(
					inArray(
						fact.id,
						base.facts.map((f) => f.id)
					),
					ne(fact.sourceId, sourceId)
				)
			)
			.all();
		if (taken.length) {
			throw new Error(
				`fact ids of ${sourceId} belong to another source: ${taken.map((t) => t.id).join(', ')}`
			);
		}
		const now = new Date();
		const current = existing
			? tx
					.select({ body: sourceVersion.body })
					.from(sourceVersion)
					.where(
						and(eq(sourceVersion.sourceId, sourceId), eq(sourceVersion.version, existing.version))
					)
					.get()
			: undefined;
		const version =
			!existing || current?.body === base.source.body
				? (existing?.version ?? 1)
				: existing.version + 1;
		const row = {
			id: sourceId,
			ownerId: null,
			title: base.source.title,
			publishedOn: base.source.publishedOn,
			version,
			contentHash: hash,
			loadedAt: now,
			updatedAt: now
		};
		tx.insert(source).values(row).onConflictDoUpdate({ target: source.id, set: row }).run();
		if (!existing || version !== existing.version) {
			tx.insert(sourceVersion).values({ sourceId, version, body: base.source.body }).run();
		}
		for (const [position, e] of base.entities.entries()) {
			const entityRow = {
				sourceId,
				id: e.id,
				position,
				kind: e.kind,
				name: e.name,
				aliases: e.aliases,
				role: e.role ?? null
			};
			tx.insert(entity)
				.values(entityRow)
				.onConflictDoUpdate({ target: [entity.sourceId, entity.id], set: entityRow })
				.run();
		}
		for (const [position, f] of base.facts.entries()) {
			const quoteStart = base.source.body.indexOf(f.quote);
			const factRow = {
				id: f.id,
				sourceId,
				position,
				...factColumns(f, quoteStart)
			};
			tx.insert(fact).values(factRow).onConflictDoUpdate({ target: fact.id, set: factRow }).run();
		}
		// Facts and entities the curators removed from this source go; the rest keep their rows.
		tx.delete(fact)
			.where(
				and(
					eq(fact.sourceId, sourceId),
					notInArray(
						fact.id,
						base.facts.map((f) => f.id)
					)
				)
			)
			.run();
		tx.delete(entity)
			.where(
				and(
					eq(entity.sourceId, sourceId),
					notInArray(
						entity.id,
						base.entities.map((e) => e.id)
					)
				)
			)
			.run();
		bumpRevision(tx, sourceId, now);
	});
	return 'loaded';
}

// Loads curated fact bases into the content tables. Idempotent: a second load of the same
// content writes nothing, and a changed one upserts by id, so progress attached to a fact
// id survives restarts and content upgrades.
import { createHash } from 'node:crypto';
import { eq, and, notInArray } from 'drizzle-orm';
import { checkFactBase, type FactBase } from '../../domain/fact-base';
import type { Db } from './index';
import { entity, fact, source } from './schema';

export function contentHash(base: FactBase): string {
	return createHash('sha256').update(JSON.stringify(base)).digest('hex');
}

export type LoadResult = 'unchanged' | 'loaded';

export function loadFactBase(db: Db, input: FactBase): LoadResult {
	const checked = checkFactBase(input);
	if (!checked.ok) {
		const lines = checked.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
		throw new Error(`fact base ${input.source?.id} is invalid:\n${lines}`);
	}
	const base = checked.value;
	const hash = contentHash(base);
	const existing = db
		.select({ contentHash: source.contentHash })
		.from(source)
		.where(eq(source.id, base.source.id))
		.get();
	if (existing?.contentHash === hash) return 'unchanged';

	db.transaction((tx) => {
		const src = { ...base.source, contentHash: hash, loadedAt: new Date() };
		tx.insert(source).values(src).onConflictDoUpdate({ target: source.id, set: src }).run();
		for (const e of base.entities) {
			const row = {
				id: e.id,
				kind: e.kind,
				name: e.name,
				aliases: e.aliases,
				role: e.role ?? null
			};
			tx.insert(entity).values(row).onConflictDoUpdate({ target: entity.id, set: row }).run();
		}
		for (const [position, f] of base.facts.entries()) {
			const quoteStart = base.source.body.indexOf(f.quote);
			const row = {
				id: f.id,
				sourceId: base.source.id,
				position,
				predicate: f.predicate,
				subjectId: f.subject,
				objectId: f.object ?? null,
				placeId: f.place ?? null,
				valueText: f.value?.kind === 'text' ? f.value.text : null,
				valueNumber: f.value?.kind === 'number' ? f.value.amount : null,
				valueUnit: f.value?.kind === 'number' ? f.value.unit : null,
				date: f.date?.date ?? null,
				datePrecision: f.date?.precision ?? null,
				dateWording: f.date?.wording ?? null,
				statement: f.statement,
				quote: f.quote,
				quoteStart,
				quoteEnd: quoteStart + f.quote.length
			};
			tx.insert(fact).values(row).onConflictDoUpdate({ target: fact.id, set: row }).run();
		}
		// Facts the curators removed from this source go; the rest keep their rows.
		tx.delete(fact)
			.where(
				and(
					eq(fact.sourceId, base.source.id),
					notInArray(
						fact.id,
						base.facts.map((f) => f.id)
					)
				)
			)
			.run();
	});
	return 'loaded';
}

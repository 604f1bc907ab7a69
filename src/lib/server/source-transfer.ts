// Sharing a source: its fact base as a file (docs/fact-base-format.md), and a file brought in
// as a teacher's new source, all of it or nothing. Ids are re-made where they would collide:
// the source's id when another source has it, and each fact id another source's fact has
// (fact ids are unique across sources, as progress names a fact by its id alone).
import { eq, inArray } from 'drizzle-orm';
import type { Fact } from '../domain/fact-base';
import { parseFactBaseFile, toFactBaseFile, type FactBaseFile } from '../domain/fact-base-file';
import type { FactBaseProblem } from '../domain/fact-base';
import { locateQuote } from '../domain/quote-picker';
import type { Db } from './db';
import { entity, fact, source, sourceVersion } from './db/schema';
import { factColumns, readSourceFacts, sourceFactsOf } from './fact-bases';
import { syncFactCards } from './flashcards';
import { getSource } from './sources';
import { readableId } from './teacher-sources';

/** The source and its fact base as a file; the caller has checked who may read it. */
export function exportSource(db: Db, sourceId: string): FactBaseFile | undefined {
	const facts = sourceFactsOf(db, sourceId);
	const meta = getSource(db, sourceId)?.source;
	if (!facts || !meta) return undefined;
	return toFactBaseFile(facts.base, {
		author: meta.author,
		url: meta.url,
		unanchored: facts.unanchored
	});
}

export type ImportResult =
	| { ok: true; id: string; facts: number; renamed: { from: string; to: string }[] }
	| { ok: false; problems: FactBaseProblem[] };

/** Parses a file's text as JSON, naming where it breaks. */
export function parseJson(
	text: string
): { ok: true; value: unknown } | { ok: false; problems: FactBaseProblem[] } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: '', message: `this is not JSON: ${(error as Error).message}` }]
		};
	}
}

/** A fact-base file as the teacher's new source, in one transaction. */
export function importSource(
	db: Db,
	ownerId: string,
	input: unknown,
	now = new Date()
): ImportResult {
	const parsed = parseFactBaseFile(input);
	if (!parsed.ok) return parsed;
	const file = parsed.value;
	const all: Fact[] = [...file.facts, ...(file.unanchored ?? [])];
	return db.transaction(
		(tx): ImportResult => {
			const renamed: { from: string; to: string }[] = [];
			let id = file.source.id;
			while (tx.select({ id: source.id }).from(source).where(eq(source.id, id)).get()) {
				id = readableId(file.source.title);
			}
			if (id !== file.source.id) renamed.push({ from: file.source.id, to: id });
			const taken = new Set(
				all.length
					? tx
							.select({ id: fact.id })
							.from(fact)
							.where(
								inArray(
									fact.id,
									all.map((f) => f.id)
								)
							)
							.all()
							.map((r) => r.id)
					: []
			);
			tx.insert(source)
				.values({
					id,
					ownerId,
					title: file.source.title,
					publishedOn: file.source.publishedOn,
					author: file.source.author ?? null,
					url: file.source.url ?? null,
					version: 1,
					loadedAt: now,
					updatedAt: now
				})
				.run();
			tx.insert(sourceVersion)
				.values({ sourceId: id, version: 1, body: file.source.body, createdAt: now })
				.run();
			for (const [position, e] of file.entities.entries()) {
				tx.insert(entity)
					.values({
						sourceId: id,
						id: e.id,
						position,
						kind: e.kind,
						name: e.name,
						aliases: e.aliases,
						role: e.role ?? null
					})
					.run();
			}
			const anchored = new Set(file.facts.map((f) => f.id));
			for (const [position, f] of all.entries()) {
				let factId = f.id;
				while (taken.has(factId)) factId = readableId(f.id, 40);
				taken.add(factId);
				if (factId !== f.id) renamed.push({ from: f.id, to: factId });
				const at = anchored.has(f.id) ? locateQuote(file.source.body, f.quote) : 0;
				tx.insert(fact)
					.values({
						id: factId,
						sourceId: id,
						position,
						...factColumns(f, at, anchored.has(f.id))
					})
					.run();
			}
			// What was stored reads back as the file's fact base: the check a loader would make.
			const back = readSourceFacts(tx, id);
			if (!back || back.base.facts.length !== file.facts.length) {
				throw new Error(`import of ${id} did not read back`);
			}
			syncFactCards(tx, id);
			return { ok: true, id, facts: file.facts.length, renamed };
		},
		{ behavior: 'immediate' }
	);
}

// A source with its fact base as a file (docs/fact-base-format.md, version 1): what an export
// writes, and what an import accepts, with every problem named by its JSON path. The fact base
// itself is checkFactBase's to judge; the file adds its version, the source's author and
// address, and the facts waiting to be re-anchored in a newer text.
import { z } from 'zod';
import {
	checkFactBase,
	factSchema,
	type Fact,
	type FactBase,
	type FactBaseProblem
} from './fact-base';
import { isIsoDate } from './normalise';

export const FACT_BASE_FILE_VERSION = 1;

/** The most text a source may hold, in bytes of UTF-8 (as an upload's). */
export const MAX_BODY_BYTES = 200 * 1024;

export interface FactBaseFile extends FactBase {
	version: typeof FACT_BASE_FILE_VERSION;
	source: FactBase['source'] & { author?: string; url?: string };
	/** Facts whose quote an earlier version of the text held: kept to be re-anchored. */
	unanchored?: Fact[];
}

export function toFactBaseFile(
	base: FactBase,
	extra: { author?: string | null; url?: string | null; unanchored?: readonly Fact[] } = {}
): FactBaseFile {
	return {
		version: FACT_BASE_FILE_VERSION,
		source: {
			...base.source,
			...(extra.author ? { author: extra.author } : {}),
			...(extra.url ? { url: extra.url } : {})
		},
		entities: base.entities,
		facts: base.facts,
		...(extra.unanchored?.length ? { unanchored: [...extra.unanchored] } : {})
	};
}

const extraSchema = z.object({
	source: z.object({
		author: z.string().max(200, 'an author is at most 200 characters').optional(),
		url: z
			.string()
			.max(2000)
			.refine((u) => /^https?:\/\/\S+$/.test(u), 'a url is a web address starting https://')
			.optional()
	}),
	unanchored: z.array(factSchema).optional()
});

const issuesOf = (error: z.ZodError): FactBaseProblem[] =>
	error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

export type ParsedFile =
	{ ok: true; value: FactBaseFile } | { ok: false; problems: FactBaseProblem[] };

/**
 * A file's contents (JSON already parsed) as a fact-base file, or every problem with its path.
 * An empty fact base (no facts yet) is a source still to curate and is accepted.
 */
export function parseFactBaseFile(input: unknown): ParsedFile {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, problems: [{ path: '', message: 'the file is not a JSON object' }] };
	}
	const record = input as Record<string, unknown>;
	if (record.version !== FACT_BASE_FILE_VERSION) {
		return {
			ok: false,
			problems: [
				{
					path: 'version',
					message: `this is fact-base format version ${JSON.stringify(record.version ?? null)}; Factdeck reads version ${FACT_BASE_FILE_VERSION}`
				}
			]
		};
	}
	const problems: FactBaseProblem[] = [];
	const checked = checkFactBase(record, { allowEmpty: true });
	if (!checked.ok) problems.push(...checked.problems);
	const extra = extraSchema.safeParse(record);
	if (!extra.success) problems.push(...issuesOf(extra.error));
	const source = record.source as { body?: unknown; publishedOn?: unknown } | undefined;
	if (typeof source?.body === 'string') {
		if (source.body.trim() === '')
			problems.push({ path: 'source.body', message: 'the text is empty' });
		const bytes = new TextEncoder().encode(source.body).byteLength;
		if (bytes > MAX_BODY_BYTES) {
			problems.push({
				path: 'source.body',
				message: `the text is ${Math.ceil(bytes / 1024)} KB; a source may be at most ${MAX_BODY_BYTES / 1024} KB`
			});
		}
	}
	if (typeof source?.publishedOn === 'string' && !isIsoDate(source.publishedOn, 'day')) {
		problems.push({ path: 'source.publishedOn', message: `${source.publishedOn} is not a date` });
	}
	if (problems.length || !checked.ok || !extra.success) {
		return { ok: false, problems: dedupe(problems) };
	}
	const ids = new Set(checked.value.entities.map((e) => e.id));
	const factIds = new Set(checked.value.facts.map((f) => f.id));
	for (const [i, f] of (extra.data.unanchored ?? []).entries()) {
		if (factIds.has(f.id))
			problems.push({ path: `unanchored.${i}.id`, message: `duplicate fact id ${f.id}` });
		factIds.add(f.id);
		for (const key of ['subject', 'object', 'place'] as const) {
			const ref = f[key];
			if (ref !== undefined && !ids.has(ref)) {
				problems.push({
					path: `unanchored.${i}.${key}`,
					message: `fact ${f.id} names unknown entity ${ref}`
				});
			}
		}
	}
	if (problems.length) return { ok: false, problems };
	const raw = record.source as { author?: string; url?: string };
	return {
		ok: true,
		value: {
			version: FACT_BASE_FILE_VERSION,
			source: {
				...checked.value.source,
				...(raw.author ? { author: raw.author } : {}),
				...(raw.url ? { url: raw.url } : {})
			},
			entities: checked.value.entities,
			facts: checked.value.facts,
			...(extra.data.unanchored?.length ? { unanchored: extra.data.unanchored } : {})
		}
	};
}

function dedupe(problems: FactBaseProblem[]): FactBaseProblem[] {
	const seen = new Set<string>();
	return problems.filter((p) => {
		const key = `${p.path}\n${p.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

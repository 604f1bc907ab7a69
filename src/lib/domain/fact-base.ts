// The typed shape of a curated fact base, and the schema that checks it when it is loaded.
// Pure TypeScript: used by the loader on the server, by the generator, and by tests.
import { z } from 'zod';

export const entityKinds = [
	'person',
	'country',
	'organisation',
	'place',
	'document',
	'event',
	// Anything else a text is about: a spacecraft, a drug, a species, an invention.
	'thing'
] as const;
export type EntityKind = (typeof entityKinds)[number];

/** Predicates a fact may use; the generator has a template for each. */
export const predicates = [
	'met', // subject met object (a meeting); date and place when the article gives them
	'held_talks_with', // formal talks, usually with a duration fact beside them
	'visited', // subject visited object (a country, city or place)
	'arrived_at', // subject arrived at object (a place)
	'traveled_to', // subject traveled to object
	'greeted_by', // subject was greeted by object
	'escorted', // subject escorted object
	'invited', // subject invited object (to visit a place)
	'said', // subject said the quoted phrase in value.text
	'described_as', // subject described object as value.text
	'called_for', // subject called for value.text
	'praised', // subject praised object
	'accused_of', // subject accused of value.text (object: who accused, when the article says)
	'denied', // subject denied value.text
	'role_of', // subject has the role value.text (as the article gives it); object: the country or body
	'member_of', // subject is a member of object (a grouping)
	'includes', // subject (a document) includes value.text
	'count_of', // value.amount of value.unit in/of subject
	'duration_of', // subject lasted value.amount value.unit
	'happened_on', // subject (an event) happened on date
	'subject_to', // subject is subject to object (sanctions, a warrant)
	'hosts', // subject hosts object (an event) at date
	'trades_with', // subject trades with object
	'exports_to', // subject exports value.text to object
	'seeks', // subject seeks value.text
	'sees_as', // subject sees object as value.text
	'welcomed', // subject would welcome value.text
	'worried_about', // subject is worried about value.text
	'is_a', // subject is value.text, the article's description ("self-ruled island", "town")
	'located_in', // subject (a place) is in object; value.text keeps the wording ("eastern Ukraine")
	// Any other relation, in the text's words: subject <value.text> object, the verb phrase in the
	// past tense ("launched", "founded", "discovered", "set up"), so a science or history text
	// can be curated too.
	'relation'
] as const;
export type Predicate = (typeof predicates)[number];

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

const entityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'entity ids are kebab-case');

export const factDateSchema = z
	.object({
		/** Resolved date: YYYY-MM-DD, YYYY-MM or YYYY to match the precision. */
		date: z.string(),
		precision: z.enum(datePrecisions),
		/** The article's own wording, for display ("on Monday", "last year"). */
		wording: z.string().min(1)
	})
	.refine(
		(d) =>
			(d.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(d.date)) ||
			(d.precision === 'month' && /^\d{4}-\d{2}$/.test(d.date)) ||
			(d.precision === 'year' && /^\d{4}$/.test(d.date)),
		{ message: 'date must be YYYY-MM-DD, YYYY-MM or YYYY to match its precision' }
	);
export type FactDate = z.infer<typeof factDateSchema>;

export const entitySchema = z.object({
	id: entityId,
	kind: z.enum(entityKinds),
	/** Canonical name, as a learner should learn it. */
	name: z.string().min(1),
	/** Other names a learner might type or the article uses ("Xi", "the Chinese leader"). */
	aliases: z.array(z.string().min(1)),
	/** Role or title as the article gives it ("Russian President"). */
	role: z.string().min(1).optional()
});
export type Entity = z.infer<typeof entitySchema>;

export const factValueSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('number'), amount: z.number().finite(), unit: z.string().min(1) }),
	z.object({ kind: z.literal('text'), text: z.string().min(1) })
]);
export type FactValue = z.infer<typeof factValueSchema>;

export const factSchema = z.object({
	/** Stable id: progress is attached to it, so never rename one. */
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'fact ids are kebab-case'),
	predicate: z.enum(predicates),
	subject: entityId,
	object: entityId.optional(),
	value: factValueSchema.optional(),
	/** When it happened (or, for happened_on, the value itself). */
	date: factDateSchema.optional(),
	place: entityId.optional(),
	/** One plain sentence saying the fact, claiming no more than the quote. */
	statement: z.string().min(1),
	/** Verbatim from the article: the evidence. */
	quote: z.string().min(1)
});
export type Fact = z.infer<typeof factSchema>;

export const sourceSchema = z.object({
	id: entityId,
	title: z.string().min(1),
	/** YYYY-MM-DD */
	publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	body: z.string().min(1)
});
export type Source = z.infer<typeof sourceSchema>;

export const factBaseSchema = z.object({
	source: sourceSchema,
	entities: z.array(entitySchema).min(1),
	facts: z.array(factSchema).min(1)
});
export type FactBase = z.infer<typeof factBaseSchema>;

export interface FactBaseProblem {
	path: string;
	message: string;
}

/** A fact base still being curated: a text with no entities or facts yet. */
const draftFactBaseSchema = factBaseSchema.extend({
	entities: z.array(entitySchema),
	facts: z.array(factSchema)
});

/** The parts of an unchecked input the reference checks read, where they have the right type. */
function looseView(input: unknown) {
	const record = (x: unknown): Record<string, unknown> =>
		typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
	const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
	const list = (x: unknown) => (Array.isArray(x) ? x.map(record) : []);
	const root = record(input);
	return {
		body: text(record(root.source).body),
		entities: list(root.entities).map((e) => ({ id: text(e.id) })),
		facts: list(root.facts).map((f) => ({
			id: text(f.id),
			predicate: text(f.predicate),
			subject: text(f.subject),
			object: text(f.object),
			place: text(f.place),
			quote: text(f.quote),
			hasDate: f.date !== undefined
		}))
	};
}

/**
 * Checks what a schema cannot see alone: unique ids, every entity reference resolves,
 * every quote is a verbatim substring of the source body. `allowEmpty` accepts a text not yet
 * curated (no entities or facts), as a teacher's source is at first. Every problem is named,
 * those of shape and those of reference alike, so a file can be mended in one go.
 */
export function checkFactBase(
	input: unknown,
	options: { allowEmpty?: boolean } = {}
): { ok: true; value: FactBase } | { ok: false; problems: FactBaseProblem[] } {
	const parsed = (options.allowEmpty ? draftFactBaseSchema : factBaseSchema).safeParse(input);
	const problems: FactBaseProblem[] = parsed.success
		? []
		: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
	const base = looseView(input);
	const entityIds = new Set<string>();
	for (const [i, e] of base.entities.entries()) {
		if (e.id === undefined) continue;
		if (entityIds.has(e.id))
			problems.push({ path: `entities.${i}.id`, message: `duplicate entity id ${e.id}` });
		entityIds.add(e.id);
	}
	const factIds = new Set<string>();
	for (const [i, f] of base.facts.entries()) {
		const name = f.id ?? `#${i + 1}`;
		if (f.id !== undefined) {
			if (factIds.has(f.id))
				problems.push({ path: `facts.${i}.id`, message: `duplicate fact id ${f.id}` });
			factIds.add(f.id);
		}
		for (const key of ['subject', 'object', 'place'] as const) {
			const ref = f[key];
			if (ref !== undefined && !entityIds.has(ref)) {
				problems.push({
					path: `facts.${i}.${key}`,
					message: `fact ${name} names unknown entity ${ref}`
				});
			}
		}
		if (
			f.quote !== undefined &&
			f.quote !== '' &&
			base.body !== undefined &&
			!base.body.includes(f.quote)
		) {
			problems.push({
				path: `facts.${i}.quote`,
				message: `fact ${name}: quote is not verbatim in the source`
			});
		}
		if (f.predicate === 'happened_on' && !f.hasDate) {
			problems.push({ path: `facts.${i}.date`, message: `fact ${name}: happened_on needs a date` });
		}
	}
	if (problems.length || !parsed.success) return { ok: false, problems };
	return { ok: true, value: parsed.data };
}

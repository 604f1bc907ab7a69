// Guards the hand-curated Xi-in-Moscow fact base: evidence is verbatim, references resolve,
// dates are well formed, and aliases never make a quiz answer or distractor ambiguous.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFactBase } from '../../domain/fact-base';
import { raw } from './article';
import { xiMoscow } from './index';

const { source, entities, facts } = xiMoscow;
const entityById = new Map(entities.map((e) => [e.id, e]));

const sharedArticle = path.resolve(process.cwd(), '../shared/content/xi-moscow-2023-03-21.txt');

const dateFormat = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ } as const;

// Every phrase the article puts in quotation marks, and the predicates that may carry one.
const quotedPhrases = [
	'great neighboring powers',
	'continue to prioritize the all-round strategic partnership between China and Russia',
	'historic',
	'a sign of solidarity and strong cooperation between (Ukraine and Japan)',
	'dear friend',
	'stalling tactic',
	'suggests that China feels no responsibility to hold the president accountable for the atrocities committed to Ukraine',
	'And instead of even condemning, it would rather provide diplomatic cover for Russia to continue to commit those great crimes',
	'solidarity and support',
	'impartial',
	'Russian conquest'
];
const quotingPredicates = new Set(['said', 'described_as', 'called_for']);

function duplicates(values: string[]): string[] {
	const seen = new Set<string>();
	return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('xi-moscow-2023-03-21 fact base', () => {
	it('passes checkFactBase', () => {
		const result = checkFactBase(xiMoscow);
		const problems = result.ok ? [] : result.problems;
		expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
	});

	it('strips the dateline from the body and keeps the publication date', () => {
		expect(source.publishedOn).toBe('2023-03-21');
		expect(source.body.startsWith('Chinese leader Xi Jinping arrived at the Kremlin')).toBe(true);
	});

	it('quotes every fact verbatim from the body', () => {
		const missing = facts.filter((f) => !source.body.includes(f.quote)).map((f) => f.id);
		expect(missing).toEqual([]);
	});

	it('resolves every subject, object and place to an entity', () => {
		const unresolved = facts.flatMap((f) =>
			[f.subject, f.object, f.place]
				.filter((ref): ref is string => ref !== undefined && !entityById.has(ref))
				.map((ref) => `${f.id} -> ${ref}`)
		);
		expect(unresolved).toEqual([]);
	});

	it('gives every dated fact a precision and a date in that precision', () => {
		const bad = facts
			.filter((f) => f.date && !dateFormat[f.date.precision].test(f.date.date))
			.map((f) => f.id);
		expect(bad).toEqual([]);
	});

	it('dates a fact other than happened_on by its quote, or by an occasion the article dates', () => {
		const inQuote = (f: (typeof facts)[number]) =>
			f.quote.toLowerCase().includes(f.date?.wording.toLowerCase() ?? '');
		// Dates the article itself gives: an event's, or one a quote words.
		const attested = facts
			.filter((f) => f.date && (f.predicate === 'happened_on' || inQuote(f)))
			.map((f) => f.date?.date ?? '');
		const unsupported = facts
			.filter((f) => f.date && f.predicate !== 'happened_on' && !inQuote(f))
			.filter((f) => !attested.some((d) => d.startsWith(f.date?.date ?? '-')))
			.map((f) => f.id);
		expect(unsupported).toEqual([]);
	});

	it('dates every happened_on fact to a day, month or year', () => {
		const happened = facts.filter((f) => f.predicate === 'happened_on');
		expect(happened.length).toBeGreaterThan(0);
		for (const f of happened) {
			expect(f.date, f.id).toBeDefined();
			expect(['day', 'month', 'year'], f.id).toContain(f.date?.precision);
			expect(entityById.get(f.subject)?.kind, f.id).toBe('event');
		}
	});

	it('has unique fact and entity ids', () => {
		expect(duplicates(facts.map((f) => f.id))).toEqual([]);
		expect(duplicates(entities.map((e) => e.id))).toEqual([]);
	});

	it('has at least 40 facts', () => {
		expect(facts.length).toBeGreaterThanOrEqual(40);
	});

	it("never shares an alias between entities or uses another entity's name as one", () => {
		const owners = new Map<string, string>();
		const clashes: string[] = [];
		for (const e of entities) {
			for (const form of new Set([e.name, ...e.aliases].map((s) => s.toLowerCase()))) {
				const owner = owners.get(form);
				if (owner !== undefined && owner !== e.id) clashes.push(`${form}: ${owner} / ${e.id}`);
				owners.set(form, e.id);
			}
		}
		expect(clashes).toEqual([]);
	});

	it('keeps Kyiv the city apart from Ukraine the country', () => {
		expect(entityById.get('kyiv')?.kind).toBe('place');
		expect(entityById.get('ukraine')?.aliases.map((a) => a.toLowerCase())).not.toContain('kyiv');
	});

	it('gives each person with a role exactly one role_of fact saying that role', () => {
		for (const person of entities.filter((e) => e.kind === 'person')) {
			const roles = facts.filter((f) => f.predicate === 'role_of' && f.subject === person.id);
			if (person.role === undefined) {
				expect(roles, person.id).toEqual([]);
			} else {
				expect(roles.length, person.id).toBe(1);
				expect(roles[0]?.value, person.id).toEqual({ kind: 'text', text: person.role });
			}
		}
	});

	it('carries every quoted phrase of the article in a fact value', () => {
		const carried = facts
			.filter((f) => quotingPredicates.has(f.predicate) && f.value?.kind === 'text')
			.map((f) => (f.value?.kind === 'text' ? f.value.text : ''));
		const missing = quotedPhrases.filter((p) => !carried.some((text) => text.includes(p)));
		expect(missing).toEqual([]);
		for (const p of quotedPhrases) expect(source.body).toContain(p);
	});

	it('records the article numbers', () => {
		const number = (id: string) => {
			const v = facts.find((f) => f.id === id)?.value;
			return v?.kind === 'number' ? [v.amount, v.unit] : undefined;
		};
		expect(number('position-paper-point-count')).toEqual([12, 'points']);
		expect(number('xi-putin-talks-duration')).toEqual([4.5, 'hours']);
		expect(number('xi-visit-duration')).toEqual([3, 'days']);
	});

	it.skipIf(!existsSync(sharedArticle))('keeps article.ts equal to the shared article', () => {
		expect(raw).toBe(readFileSync(sharedArticle, 'utf8'));
	});
});

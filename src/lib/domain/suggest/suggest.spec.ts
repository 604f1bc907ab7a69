// The whole pipeline: on the shipped article against its curated fact base, on the texts in
// fixtures/ (a science history, a news report from 1989, a space mission), and as properties:
// any accepted subset of suggestions makes a fact base that passes checkFactBase, and every
// question generated from it quotes the body verbatim. The properties run the whole pipeline
// dozens of times, so they get a minute rather than Vitest's five seconds on a busy machine.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../../content/xi-moscow-2023-03-21';
import { checkFactBase, type Source } from '../fact-base';
import { questionBank } from '../generate-questions';
import { assembleFactBase, suggest, type Suggestions } from './index';
import { score } from './score';

const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The fixtures as their bodies (the markdown as the extractor leaves it) and dates. */
const texts: Array<{ id: string; body: string; publishedOn: string }> = [
	{ id: 'xi-moscow', body: xiMoscow.source.body, publishedOn: xiMoscow.source.publishedOn },
	{
		id: 'penicillin',
		body: fixture('penicillin.md')
			.replace(/^# /, '')
			.replace(/\*([^*]+)\*/g, '$1'),
		publishedOn: '2024-09-01'
	},
	{ id: 'berlin-wall', body: fixture('berlin-wall.txt'), publishedOn: '1989-11-10' },
	{ id: 'mars-rover', body: fixture('mars-rover.txt'), publishedOn: '2021-02-19' }
];
const suggested = new Map(texts.map((t) => [t.id, suggest(t.body, t.publishedOn)]));
const sourceOf = (t: (typeof texts)[number]): Source => ({
	id: t.id,
	title: t.id,
	publishedOn: t.publishedOn,
	body: t.body
});

const kebabId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function invariants(s: Suggestions, body: string): void {
	expect(s.version).toBe(1);
	const entityIds = s.entities.map((e) => e.id);
	const factIds = s.facts.map((f) => f.id);
	expect(new Set(entityIds).size).toBe(entityIds.length);
	expect(new Set(factIds).size).toBe(factIds.length);
	const known = new Set(entityIds);
	for (const e of s.entities) expect(e.id).toMatch(kebabId);
	for (const f of s.facts) {
		expect(f.id).toMatch(kebabId);
		expect(body.slice(f.span.start, f.span.end)).toBe(f.quote);
		expect(f.quote.trim()).toBe(f.quote);
		expect(f.statement).toMatch(/^\S.*[.!?]["”]?$/);
		for (const ref of [f.subject, f.object, f.place])
			if (ref) expect(known.has(ref), `${f.id} -> ${ref}`).toBe(true);
	}
	const owners = new Map<string, string>();
	for (const e of s.entities) {
		for (const form of new Set([e.name, ...e.aliases].map((a) => a.toLowerCase()))) {
			expect(owners.get(form) ?? e.id, `${form} names two entities`).toBe(e.id);
			owners.set(form, e.id);
		}
	}
}

describe('suggestions for the shipped article', () => {
	const s = suggested.get('xi-moscow') as Suggestions;

	it('keeps every quote verbatim, ids unique and kebab-case, aliases unambiguous', () => {
		invariants(s, xiMoscow.source.body);
	});

	it('finds at least 90% of the curated people, organisations, places, dated facts and numbers', () => {
		const r = score(s, xiMoscow);
		for (const [measure, recall] of Object.entries(r).filter(([k]) => k !== 'precision')) {
			const { found, of, missed } = recall as { found: number; of: number; missed: string[] };
			expect(found / of, `${measure}: missed ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.9);
		}
	});

	it('merges the article\'s aliases: surnames, "the Chinese leader", Beijing for China', () => {
		const e = new Map(s.entities.map((x) => [x.id, x]));
		expect(e.get('xi-jinping')?.aliases).toEqual(
			expect.arrayContaining(['Xi', 'the Chinese leader'])
		);
		expect(e.get('vladimir-putin')?.aliases).toEqual(
			expect.arrayContaining(['Putin', 'the Russian leader'])
		);
		expect(e.get('china')?.aliases).toContain('Beijing');
		expect(e.get('japan')?.aliases).toContain('Tokyo');
		expect(e.get('moscow')?.kind).toBe('place');
	});

	it('resolves the relative dates the way the curator did', () => {
		const dated = (wording: string) => s.facts.find((f) => f.date?.wording === wording)?.date;
		expect(dated('on Tuesday')).toMatchObject({ date: '2023-03-21', precision: 'day' });
		expect(dated('On Monday')).toMatchObject({ date: '2023-03-20', precision: 'day' });
		expect(dated('last week')).toMatchObject({ date: '2023-03', precision: 'month' });
		expect(dated('this May')).toMatchObject({ date: '2023-05', precision: 'month' });
		expect(dated('last year')).toMatchObject({ date: '2022', precision: 'year' });
		const trip = s.facts.find(
			(f) => f.predicate === 'happened_on' && f.subject === 'putins-trip-to-mariupol'
		);
		expect(trip?.date).toMatchObject({ date: '2023-03-19', precision: 'day' });
	});
});

describe('suggestions for texts in other domains', () => {
	for (const t of texts.slice(1)) {
		it(`${t.id}: keeps every quote verbatim and every reference resolved`, () => {
			invariants(suggested.get(t.id) as Suggestions, t.body);
		});
	}

	it('penicillin: people with their titles, institutions, and dated events', () => {
		const s = suggested.get('penicillin') as Suggestions;
		const e = new Map(s.entities.map((x) => [x.name, x]));
		expect(e.get('Alexander Fleming')).toMatchObject({
			kind: 'person',
			role: 'Scottish physician'
		});
		expect(e.get('Howard Florey')?.aliases).toContain('Florey');
		expect(e.get('University of Oxford')?.kind).toBe('organisation');
		expect(s.facts).toContainEqual(
			expect.objectContaining({
				predicate: 'traveled_to',
				subject: 'howard-florey',
				object: 'united-states',
				date: { date: '1941-06', precision: 'month', wording: 'June 1941' }
			})
		);
		expect(s.facts.filter((f) => f.predicate === 'happened_on').map((f) => f.date?.date)).toEqual(
			expect.arrayContaining(['1928-09', '1929', '1941-06'])
		);
		expect(s.facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'alexander-fleming',
				value: { kind: 'text', text: 'It was the discovery of an accident' }
			})
		);
	});

	it('berlin-wall: weekdays against a 1989 publication date, speakers, titles, a meeting', () => {
		const s = suggested.get('berlin-wall') as Suggestions;
		const happened = s.facts.filter((f) => f.predicate === 'happened_on').map((f) => f.date?.date);
		expect(happened).toEqual(expect.arrayContaining(['1989-11-09', '1989-11-10', '1989-10']));
		expect(s.facts).toContainEqual(
			expect.objectContaining({ predicate: 'met', subject: 'helmut-kohl', object: 'walter-momper' })
		);
		expect(s.facts).toContainEqual(
			expect.objectContaining({
				predicate: 'role_of',
				subject: 'mikhail-gorbachev',
				value: { kind: 'text', text: 'Soviet leader' }
			})
		);
		expect(s.facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'george-hw-bush',
				value: { kind: 'text', text: 'We are very pleased with this development' }
			})
		);
	});

	it('mars-rover: a landing dated on Thursday, a quotation before its speaker', () => {
		const s = suggested.get('mars-rover') as Suggestions;
		expect(s.facts).toContainEqual(
			expect.objectContaining({
				predicate: 'happened_on',
				date: { date: '2021-02-18', precision: 'day', wording: 'on Thursday' }
			})
		);
		expect(s.facts).toContainEqual(
			expect.objectContaining({ predicate: 'said', subject: 'steve-jurczyk' })
		);
	});
});

describe('accepted suggestions as a fact base (property)', () => {
	for (const t of texts) {
		it(`${t.id}: any accepted subset passes checkFactBase and its questions quote the body`, () => {
			const s = suggested.get(t.id) as Suggestions;
			const source = sourceOf(t);
			fc.assert(
				fc.property(
					fc.subarray(
						s.facts.map((f) => f.id),
						{ minLength: 1 }
					),
					fc.integer({ min: 0, max: 1000 }),
					(ids, seed) => {
						const base = assembleFactBase(source, s, ids);
						if (!base.ok) throw new Error(JSON.stringify(base.problems));
						expect(checkFactBase(base.value).ok).toBe(true);
						expect(base.value.facts.map((f) => f.id)).toEqual(
							s.facts.filter((f) => ids.includes(f.id)).map((f) => f.id)
						);
						for (const q of questionBank(base.value, seed)) {
							const quote = q.provenance?.quote ?? '';
							expect(quote.length, q.id).toBeGreaterThan(0);
							for (const piece of quote.split(' … '))
								expect(t.body.includes(piece), `${q.id}: ${piece}`).toBe(true);
						}
					}
				),
				{ numRuns: 25 }
			);
		}, 60_000);
	}

	it('refuses an id no suggestion has', () => {
		const t = texts[2]!;
		const result = assembleFactBase(sourceOf(t), suggested.get(t.id) as Suggestions, [
			'no-such-fact'
		]);
		expect(result).toEqual({
			ok: false,
			problems: [{ path: 'facts', message: 'no suggested fact has the id no-such-fact' }]
		});
	});
});

describe('any text (property)', () => {
	const people = [
		'Anna Lindqvist',
		'President Omar Haddad',
		'Chancellor Greta Vogel',
		'Dr Samuel Okafor'
	];
	const places = ['Lisbon', 'Nairobi', 'the Atacama Desert', 'Kraków', 'Mount Kenya'];
	const dates = [
		'on Monday',
		'last week',
		'this June',
		'in 1998',
		'on 4 July 2001',
		'last year',
		'two days later'
	];
	const sentence = fc
		.tuple(
			fc.constantFrom(...people),
			fc.constantFrom(...people),
			fc.constantFrom(...places),
			fc.constantFrom(...dates),
			fc.integer({ min: 0, max: 6 }),
			fc.integer({ min: 2, max: 90 })
		)
		.map(
			([a, b, place, date, form, n]) =>
				[
					`${a} met ${b} in ${place} ${date}.`,
					`${a} traveled to ${place} ${date}, a day after ${b} visited ${place}.`,
					`"We will return," ${a} said ${date}.`,
					`${b} described the ${n}-day visit as "a turning point".`,
					`${a}'s ${n}-point plan was praised by ${b} ${date}.`,
					`The ${n} delegates held ${n} hours of talks with ${b}.`,
					`${a}, who visited ${place} ${date}, said ${b} would arrive at ${place} soon.`
				][form] as string
		);

	it('keeps its invariants on any mix of such sentences, and a full accept passes checkFactBase', () => {
		fc.assert(
			fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (sentences) => {
				const body = sentences.join(sentences.length % 2 ? ' ' : '\n\n');
				const s = suggest(body, '2024-05-15');
				invariants(s, body);
				if (s.facts.length) {
					const base = assembleFactBase(
						{ id: 'any', title: 'Any', publishedOn: '2024-05-15', body },
						s,
						s.facts.map((f) => f.id)
					);
					expect(base.ok, JSON.stringify(!base.ok && base.problems)).toBe(true);
				}
			}),
			{ numRuns: 40 }
		);
	}, 60_000);
});

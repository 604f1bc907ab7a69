// A teacher's sources end to end on an in-memory database: adding one with its suggestions,
// accepting, editing, rejecting, curating by hand, a new version of the text, who may see it,
// and sharing it as a file.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId } from '../domain/card-faces';
import { buildFact, emptyFactForm, NEW_ENTITY, type FactFormValues } from '../domain/fact-form';
import { generateQuestions } from '../domain/generate-questions';
import type { TrueFalseQuestion } from '../domain/question';
import { assignSet, createClass, joinClass } from './classes';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { card, entity, fact, source, sourceVersion, suggestion } from './db/schema';
import { factBaseOf, sourceFactsOf } from './fact-bases';
import {
	acceptSuggestions,
	getOwnFact,
	pendingSuggestions,
	rejectSuggestion,
	removeFact,
	saveFact
} from './source-facts';
import { exportSource, importSource } from './source-transfer';
import { canSeeSource, getSource } from './sources';
import { addQuestion, createSet, publishSet } from './teacher-sets';
import {
	addVersion,
	createSource,
	getOwnSource,
	listOwnSources,
	sourceDetailsSchema
} from './teacher-sources';
import { testAccount } from './testing/accounts';
import { createTestDb } from './testing/test-db';

const mars = readFileSync(
	new URL('../domain/suggest/fixtures/mars-rover.txt', import.meta.url),
	'utf8'
);
const details = { title: 'Perseverance lands', publishedOn: '2021-02-19', author: '', url: '' };

let db: Db;
let admin: string;
let teacher: string;
let rival: string;
let learner: string;

beforeEach(async () => {
	db = createTestDb();
	loadFactBase(db, factBases[0]!);
	admin = (await testAccount(db, 'head')).id;
	teacher = (await testAccount(db, 'ms_lee', 'teacher')).id;
	rival = (await testAccount(db, 'mr_rival', 'teacher')).id;
	learner = (await testAccount(db, 'pupil')).id;
});

const rows = (
	table: typeof source | typeof sourceVersion | typeof entity | typeof fact | typeof suggestion
) => db.select().from(table).all().length;

function pendingOf(id: string, kind?: string) {
	return (pendingSuggestions(db, teacher, id) ?? []).filter((s) => !kind || s.kind === kind);
}

describe('the source form', () => {
	it('says plainly what is wrong with a date that is not one', () => {
		const bad = sourceDetailsSchema.safeParse({ ...details, publishedOn: '19/02/2021' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]?.message).toBe(
			'“19/02/2021” is not a date: write the day it was published as YYYY-MM-DD, like 2024-09-01.'
		);
		const missing = sourceDetailsSchema.safeParse({ ...details, publishedOn: ' ' });
		expect(missing.error?.issues.map((i) => i.message)).toEqual([
			'Give the date the text was published: relative dates in it resolve against it.'
		]);
		expect(sourceDetailsSchema.safeParse({ ...details, url: 'javascript:alert(1)' }).success).toBe(
			false
		);
		expect(sourceDetailsSchema.parse({ ...details, url: ' https://nasa.gov/x ' }).url).toBe(
			'https://nasa.gov/x'
		);
	});
});

describe('adding a source', () => {
	it('stores the text as version 1 with the suggestions, for its teacher only', () => {
		const made = createSource(db, teacher, details, mars);
		expect(made.id).toMatch(/^perseverance-lands-[a-z0-9]{6}$/);
		expect(made.suggested).toBeGreaterThan(3);
		expect(getOwnSource(db, teacher, made.id)).toMatchObject({ version: 1, body: mars });
		expect(getOwnSource(db, rival, made.id)).toBeUndefined();
		expect(listOwnSources(db, teacher)).toEqual([
			expect.objectContaining({ id: made.id, facts: 0, pending: made.suggested, unanchored: 0 })
		]);
		expect(listOwnSources(db, rival)).toEqual([]);
		expect(pendingSuggestions(db, rival, made.id)).toBeUndefined();
		// Nothing enters the fact base until the teacher accepts it.
		expect(factBaseOf(db, made.id)).toMatchObject({ entities: [], facts: [] });
	});
});

describe('suggestions', () => {
	it('accepted one by one: the entities it names and the fact, shown at once, with flashcards', () => {
		const { id } = createSource(db, teacher, details, mars);
		const before = factBaseOf(db, id);
		const [role] = pendingOf(id, 'role');
		expect(acceptSuggestions(db, teacher, id, { id: role!.id })).toEqual({
			ok: true,
			accepted: [role!.body.fact.statement],
			failed: []
		});
		const base = factBaseOf(db, id)!;
		expect(base).not.toBe(before);
		expect(base.facts).toEqual([
			expect.objectContaining({
				id: expect.stringMatching(/^steve-jurczyk-role-[a-z0-9]{6}$/),
				predicate: 'role_of',
				subject: 'steve-jurczyk',
				quote: 'NASA Administrator Steve Jurczyk'
			})
		]);
		// The role's person and the body it is a role in.
		expect(base.entities.map((e) => e.id)).toEqual(['steve-jurczyk', 'nasa']);
		const cards = db.select().from(card).where(eq(card.sourceId, id)).all();
		expect(cards.map((c) => c.id)).toContain(factCardId(base.facts[0]!.id));
		// Accepted once: it is no longer pending, and accepting it again is refused.
		expect(acceptSuggestions(db, teacher, id, { id: role!.id })).toMatchObject({
			ok: false,
			status: 404
		});
	});

	it('accepted all of a kind in one go, merging the entities they share', () => {
		const { id } = createSource(db, teacher, details, mars);
		const quotes = pendingOf(id, 'quote');
		const roles = pendingOf(id, 'role');
		acceptSuggestions(db, teacher, id, { kind: 'role' });
		const result = acceptSuggestions(db, teacher, id, { kind: 'quote' });
		expect(result).toEqual({
			ok: true,
			accepted: quotes.map((q) => q.body.fact.statement),
			failed: []
		});
		const base = factBaseOf(db, id)!;
		expect(base.facts).toHaveLength(roles.length + quotes.length);
		// Steve Jurczyk is named by a role and a quote: one entity.
		expect(base.entities.filter((e) => e.name === 'Steve Jurczyk')).toHaveLength(1);
		expect(pendingOf(id, 'quote')).toEqual([]);
	});

	it('rejected: gone from the list, and not suggested again for a new version', () => {
		const { id } = createSource(db, teacher, details, mars);
		const [role] = pendingOf(id, 'role');
		expect(rejectSuggestion(db, rival, id, role!.id)).toBeUndefined();
		expect(rejectSuggestion(db, teacher, id, role!.id)).toBe(role!.body.fact.statement);
		expect(pendingOf(id).some((s) => s.id === role!.id)).toBe(false);
		addVersion(db, teacher, id, `${mars}\nThe rover weighs about a tonne.`);
		expect(
			pendingOf(id).some((s) => s.body.fact.quote === role!.body.fact.quote && s.kind === 'role')
		).toBe(false);
		// Other suggestions of the text come back for the new version.
		expect(pendingOf(id, 'quote').length).toBeGreaterThan(0);
	});

	it('edited before accepting: the teacher’s version is saved and the suggestion accepted', () => {
		const { id } = createSource(db, teacher, details, mars);
		const [date] = pendingOf(id, 'date');
		const values: FactFormValues = {
			...emptyFactForm(),
			quote: date!.body.fact.quote,
			predicate: 'happened_on',
			subject: date!.body.fact.subject,
			date: '2021-02-18',
			datePrecision: 'day',
			dateWording: 'on Thursday',
			statement: 'Perseverance landed on Mars on Thursday 18 February 2021.'
		};
		const entities = [...factBaseOf(db, id)!.entities, ...date!.body.entities];
		const built = buildFact(values, entities);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		const saved = saveFact(db, teacher, id, built.value, { suggestionId: date!.id });
		expect(saved.ok).toBe(true);
		const base = factBaseOf(db, id)!;
		expect(base.facts[0]!.statement).toBe(
			'Perseverance landed on Mars on Thursday 18 February 2021.'
		);
		expect(base.entities.map((e) => e.kind)).toEqual(['event']);
		expect(db.select().from(suggestion).where(eq(suggestion.id, date!.id)).get()).toMatchObject({
			status: 'accepted',
			factId: saved.ok ? saved.factId : ''
		});
	});
});

describe('facts curated by hand', () => {
	/** The form as a teacher fills it: new entities for the rover and the helicopter. */
	function handMade(values: Partial<FactFormValues>, sourceId: string) {
		const v: FactFormValues = {
			...emptyFactForm(),
			quote: 'it brought a small helicopter named Ingenuity',
			predicate: 'relation',
			subject: NEW_ENTITY,
			object: NEW_ENTITY,
			valueText: 'brought',
			statement: 'Perseverance brought a small helicopter named Ingenuity.',
			...values
		};
		v.newEntities.subject = { name: 'Perseverance', kind: 'thing', aliases: 'the rover', role: '' };
		v.newEntities.object = { name: 'Ingenuity', kind: 'thing', aliases: '', role: '' };
		const built = buildFact(v, factBaseOf(db, sourceId)!.entities);
		if (!built.ok) throw new Error(JSON.stringify(built.errors));
		return built.value;
	}

	it('are saved with the entities made inline; an edit keeps the fact id', () => {
		const { id } = createSource(db, teacher, details, mars);
		const saved = saveFact(db, teacher, id, handMade({}, id));
		expect(saved).toEqual({ ok: true, factId: expect.stringMatching(/^perseverance-relation-/) });
		if (!saved.ok) return;
		const stored = getOwnFact(db, teacher, id, saved.factId)!;
		expect(mars.slice(stored.quoteStart, stored.quoteEnd)).toBe(stored.quote);
		const edit = handMade(
			{ statement: 'The rover carried Ingenuity.', subject: 'perseverance', object: 'ingenuity' },
			id
		);
		expect(edit.newEntities).toEqual([]);
		const again = saveFact(db, teacher, id, edit, { factId: saved.factId });
		expect(again).toEqual({ ok: true, factId: saved.factId });
		expect(factBaseOf(db, id)!.facts).toEqual([
			expect.objectContaining({ id: saved.factId, statement: 'The rover carried Ingenuity.' })
		]);
	});

	it('are refused on the field checkFactBase names, and nothing is written', () => {
		const { id } = createSource(db, teacher, details, mars);
		const counts = [rows(entity), rows(fact)];
		const result = saveFact(
			db,
			teacher,
			id,
			handMade({ quote: 'it brought a large helicopter' }, id)
		);
		expect(result).toEqual({
			ok: false,
			status: 400,
			errors: { quote: expect.stringMatching(/quote is not verbatim in the source/) }
		});
		expect([rows(entity), rows(fact)]).toEqual(counts);
	});

	it("are nobody else's to save, edit or remove", () => {
		const { id } = createSource(db, teacher, details, mars);
		const write = handMade({}, id);
		expect(saveFact(db, rival, id, write)).toMatchObject({ ok: false, status: 404 });
		const saved = saveFact(db, teacher, id, write);
		if (!saved.ok) throw new Error('not saved');
		expect(saveFact(db, rival, id, write, { factId: saved.factId })).toMatchObject({ status: 404 });
		expect(removeFact(db, rival, id, saved.factId)).toBe(false);
		expect(getOwnFact(db, rival, id, saved.factId)).toBeUndefined();
		expect(
			db.select().from(card).where(eq(card.factId, saved.factId)).all().length
		).toBeGreaterThan(0);
		expect(removeFact(db, teacher, id, saved.factId)).toBe(true);
		expect(factBaseOf(db, id)!.facts).toEqual([]);
		// Its flashcards went with it.
		expect(db.select().from(card).where(eq(card.sourceId, id)).all()).toEqual([]);
	});
});

describe('a new version of the text', () => {
	it('re-anchors what it still says and lists what it lost, never dropping a fact', () => {
		const { id } = createSource(db, teacher, details, mars);
		acceptSuggestions(db, teacher, id, { kind: 'role' });
		acceptSuggestions(db, teacher, id, { kind: 'quote' });
		const before = factBaseOf(db, id)!.facts;
		const farley = before.find((f) => f.quote.includes('a perfect place'))!;
		const cardsBefore = db.select().from(card).where(eq(card.factId, farley.id)).all();
		expect(cardsBefore.length).toBeGreaterThan(0);
		const corrected = `A correction was made.\n\n${mars.replace('a perfect place to look for life', 'an ideal place to look for life')}`;
		const result = addVersion(db, teacher, id, corrected);
		expect(result).toMatchObject({
			ok: true,
			version: 2,
			unanchored: 1,
			anchored: before.length - 1
		});
		const after = sourceFactsOf(db, id)!;
		expect(after.base.source.body).toBe(corrected);
		expect(after.unanchored.map((f) => f.id)).toEqual([farley.id]);
		expect(after.base.facts.map((f) => f.id)).not.toContain(farley.id);
		for (const f of after.base.facts) {
			const row = getOwnFact(db, teacher, id, f.id)!;
			expect(corrected.slice(row.quoteStart, row.quoteEnd)).toBe(f.quote);
		}
		// The old text is kept as it was.
		expect(
			db.select().from(sourceVersion).where(eq(sourceVersion.sourceId, id)).all()
		).toHaveLength(2);
		// Learners keep their flashcards of it until the teacher decides.
		expect(db.select().from(card).where(eq(card.factId, farley.id)).all()).toEqual(cardsBefore);
		// Re-anchoring: the teacher picks the new words, and the fact is back with its id.
		const { id: _id, ...rest } = farley;
		const quote = 'Ken Farley described the crater as "an ideal place to look for life."';
		const back = saveFact(
			db,
			teacher,
			id,
			{
				fact: { ...rest, value: { kind: 'text', text: 'an ideal place to look for life' }, quote },
				newEntities: []
			},
			{ factId: farley.id }
		);
		expect(back).toEqual({ ok: true, factId: farley.id });
		expect(sourceFactsOf(db, id)!.unanchored).toEqual([]);
		expect(addVersion(db, teacher, id, corrected)).toMatchObject({ ok: false, status: 400 });
		expect(addVersion(db, rival, id, mars)).toMatchObject({ ok: false, status: 404 });
	});
});

describe('who may see a source', () => {
	it('its teacher and admins; a learner once a set from it is assigned to their class', () => {
		const { id } = createSource(db, teacher, details, mars);
		acceptSuggestions(db, teacher, id, { kind: 'quote' });
		const viewer = (who: string, role: 'learner' | 'teacher' | 'admin' = 'learner') => ({
			id: who,
			role
		});
		expect(canSeeSource(db, factBases[0]!.source.id, null)).toBe(true);
		expect(canSeeSource(db, id, null)).toBe(false);
		expect(canSeeSource(db, id, viewer(teacher, 'teacher'))).toBe(true);
		expect(canSeeSource(db, id, viewer(admin, 'admin'))).toBe(true);
		expect(canSeeSource(db, id, viewer(rival, 'teacher'))).toBe(false);
		expect(canSeeSource(db, id, viewer(learner))).toBe(false);
		expect(canSeeSource(db, 'no-such-source', viewer(admin, 'admin'))).toBe(false);

		// A set with a question generated from the source, assigned to the learner's class.
		const base = factBaseOf(db, id)!;
		const question = generateQuestions(base, { seed: 1 })[0]!;
		const setId = createSet(db, teacher, { title: 'Mars', description: '', tags: [] });
		addQuestion(db, teacher, setId, question);
		const klass = createClass(db, teacher, 'Year 8');
		joinClass(db, learner, klass.joinCode);
		assignSet(db, teacher, klass.id, setId, null);
		// A draft set is nobody's to study: assigning it shows nothing yet.
		expect(canSeeSource(db, id, viewer(learner))).toBe(false);
		publishSet(db, teacher, setId);
		assignSet(db, teacher, klass.id, setId, null);
		expect(canSeeSource(db, id, viewer(learner))).toBe(true);
		expect(getSource(db, id)!.facts.map((f) => f.id)).toEqual(base.facts.map((f) => f.id));
	});

	it('a set that asks nothing of the source shows it to nobody', () => {
		const { id } = createSource(db, teacher, details, mars);
		const setId = createSet(db, teacher, { title: 'Other', description: '', tags: [] });
		const tf: TrueFalseQuestion = {
			id: 'q',
			type: 'true_false',
			prompt: 'Mars is red.',
			answer: true,
			explanation: ''
		};
		addQuestion(db, teacher, setId, tf);
		publishSet(db, teacher, setId);
		const klass = createClass(db, teacher, 'Year 7');
		joinClass(db, learner, klass.joinCode);
		assignSet(db, teacher, klass.id, setId, null);
		expect(canSeeSource(db, id, { id: learner, role: 'learner' })).toBe(false);
	});
});

describe('sharing a source as a file', () => {
	it('exports the fact base and imports it as a new source, ids re-made where they collide', () => {
		const { id } = createSource(db, teacher, details, mars);
		acceptSuggestions(db, teacher, id, { kind: 'quote' });
		const file = exportSource(db, id)!;
		expect(file).toMatchObject({ version: 1, source: { id, body: mars } });
		const imported = importSource(db, rival, JSON.parse(JSON.stringify(file)));
		expect(imported.ok).toBe(true);
		if (!imported.ok) return;
		expect(imported.id).not.toBe(id);
		expect(imported.renamed.map((r) => r.from)).toEqual([id, ...file.facts.map((f) => f.id)]);
		const copy = factBaseOf(db, imported.id)!;
		expect(copy.entities).toEqual(file.entities);
		expect(copy.facts.map(({ id: _id, ...f }) => f)).toEqual(
			file.facts.map(({ id: _id, ...f }) => f)
		);
		expect(copy.facts.every((f) => !file.facts.some((g) => g.id === f.id))).toBe(true);
		expect(getOwnSource(db, rival, imported.id)).toBeDefined();
	});

	it('imports all or nothing, naming every problem by its JSON path', () => {
		const counts = [rows(source), rows(fact)];
		const file = {
			version: 1,
			source: { id: 'x', title: '', publishedOn: '2021-02-30', body: 'NASA landed.' },
			entities: [{ id: 'nasa', kind: 'organisation', name: 'NASA', aliases: [] }],
			facts: [{ id: 'f', predicate: 'met', subject: 'esa', statement: 'x', quote: 'ESA landed.' }]
		};
		const result = importSource(db, teacher, file);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path).sort()).toEqual([
			'facts.0.quote',
			'facts.0.subject',
			'source.publishedOn',
			'source.title'
		]);
		expect(importSource(db, teacher, { ...file, version: 2 })).toEqual({
			ok: false,
			problems: [{ path: 'version', message: expect.stringMatching(/reads version 1/) }]
		});
		expect([rows(source), rows(fact)]).toEqual(counts);
	});
});

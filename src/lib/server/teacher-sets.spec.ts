import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { exportAiken } from '../domain/formats/aiken';
import { exportCsv } from '../domain/formats/csv';
import { exportGift } from '../domain/formats/gift';
import { questionSetArb } from '../domain/formats/golden/arbitraries';
import { goldenSet } from '../domain/formats/golden/golden-set';
import { importText, type ImportFormat } from '../domain/formats/import';
import { exportJson } from '../domain/formats/json';
import type { Question, TrueFalseQuestion } from '../domain/question';
import { createClass } from './classes';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { classAssignment, question, questionFact, user } from './db/schema';
import {
	filterFacts,
	generateCandidates,
	generatedQuestion,
	generationChoices,
	rebuildCandidates,
	regenerateCandidate
} from './generation';
import {
	addQuestion,
	assignToClasses,
	createSet,
	deleteSet,
	duplicateSet,
	exportableSet,
	getTeacherQuestion,
	getTeacherSet,
	importQuestions,
	listTeacherSets,
	moveQuestion,
	parseTags,
	publishSet,
	removeQuestion,
	setAssignments,
	setDetailsSchema,
	teacherSetQuestions,
	unpublishSet,
	updateQuestion,
	updateSetDetails
} from './teacher-sets';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
let db: Db;
let teacher: string;
let rival: string;

function makeTeacher(name: string): string {
	db.insert(user).values({ id: name, username: name, usernameKey: name, role: 'teacher' }).run();
	return name;
}

const details = (title: string) => ({ title, description: '', tags: [] as string[] });

const tf = (id: string, prompt = `Statement ${id}.`): TrueFalseQuestion => ({
	id,
	type: 'true_false',
	prompt,
	answer: true,
	explanation: ''
});

function questionRows(setId: string) {
	return db
		.select()
		.from(question)
		.where(eq(question.setId, setId))
		.orderBy(question.position)
		.all();
}

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	teacher = makeTeacher('teacher-a');
	rival = makeTeacher('teacher-b');
});

describe('sets', () => {
	it('are created as drafts, listed for their owner only, and found by nobody else', () => {
		const id = createSet(db, teacher, details('Rome'));
		expect(getTeacherSet(db, teacher, id)).toMatchObject({
			title: 'Rome',
			status: 'draft',
			origin: 'authored',
			questionCount: 0
		});
		expect(listTeacherSets(db, teacher).map((s) => s.id)).toEqual([id]);
		expect(listTeacherSets(db, rival)).toEqual([]);
		expect(getTeacherSet(db, rival, id)).toBeUndefined();
	});

	it('are renamed, described and tagged by their owner only', () => {
		const id = createSet(db, teacher, details('Rome'));
		const next = setDetailsSchema.parse({
			title: '  Ancient Rome ',
			description: 'Emperors.',
			tags: 'history, Rome,  history ,'
		});
		expect(next).toEqual({
			title: 'Ancient Rome',
			description: 'Emperors.',
			tags: ['history', 'Rome']
		});
		expect(updateSetDetails(db, rival, id, next)).toBe(false);
		expect(getTeacherSet(db, teacher, id)?.title).toBe('Rome');
		expect(updateSetDetails(db, teacher, id, next)).toBe(true);
		expect(getTeacherSet(db, teacher, id)).toMatchObject(next);
	});

	it('say what is wrong with their details', () => {
		const result = setDetailsSchema.safeParse({
			title: ' ',
			description: '',
			tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',')
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message)).toEqual([
			'Give the set a title.',
			'At most 10 tags.'
		]);
		expect(parseTags('a,,A, b  c')).toEqual(['a', 'b c']);
	});

	it('are published only with questions, and unpublished', () => {
		const id = createSet(db, teacher, details('Rome'));
		expect(publishSet(db, teacher, id)).toEqual({
			ok: false,
			message: 'Add at least one question before you publish the set.'
		});
		addQuestion(db, teacher, id, tf('q1'));
		expect(publishSet(db, rival, id)).toMatchObject({ ok: false });
		expect(unpublishSet(db, rival, id)).toBe(false);
		expect(publishSet(db, teacher, id)).toEqual({ ok: true });
		expect(getTeacherSet(db, teacher, id)?.status).toBe('published');
		expect(unpublishSet(db, teacher, id)).toBe(true);
		expect(getTeacherSet(db, teacher, id)?.status).toBe('draft');
	});

	it('are duplicated with all their questions and facts, as a draft with new row ids', () => {
		const id = createSet(db, teacher, { title: 'Rome', description: 'd', tags: ['x'] });
		importQuestions(db, teacher, id, goldenSet.questions);
		publishSet(db, teacher, id);
		expect(duplicateSet(db, rival, id)).toBeUndefined();
		const copy = duplicateSet(db, teacher, id)!;
		expect(getTeacherSet(db, teacher, copy)).toMatchObject({
			title: 'Copy of Rome',
			description: 'd',
			tags: ['x'],
			status: 'draft',
			questionCount: goldenSet.questions.length
		});
		expect(teacherSetQuestions(db, teacher, copy)?.map((q) => q.question)).toEqual(
			goldenSet.questions
		);
		const rows = questionRows(copy);
		expect(rows.every((r) => r.id.startsWith(`${copy}:`))).toBe(true);
		const facts = db.select().from(questionFact).all();
		expect(facts.filter((f) => f.questionId.startsWith(copy)).length).toBe(
			facts.filter((f) => f.questionId.startsWith(`${id}:`)).length
		);
	});

	it('are deleted by their owner only, with their questions', () => {
		const id = createSet(db, teacher, details('Rome'));
		addQuestion(db, teacher, id, tf('q1'));
		expect(deleteSet(db, rival, id)).toBe(false);
		expect(getTeacherSet(db, teacher, id)).toBeDefined();
		expect(deleteSet(db, teacher, id)).toBe(true);
		expect(getTeacherSet(db, teacher, id)).toBeUndefined();
		expect(questionRows(id)).toEqual([]);
	});
});

describe('questions', () => {
	let setId: string;
	beforeEach(() => {
		setId = createSet(db, teacher, details('Rome'));
	});

	it('get ids unique in the set and rows unique everywhere: the set id prefixes them', () => {
		const other = createSet(db, teacher, details('Other'));
		expect(addQuestion(db, teacher, setId, tf('same'))).toEqual({ ok: true, id: 'same' });
		expect(addQuestion(db, teacher, other, tf('same'))).toEqual({ ok: true, id: 'same' });
		expect(addQuestion(db, teacher, setId, tf('same'))).toEqual({ ok: true, id: 'same-2' });
		const made = addQuestion(db, teacher, setId, tf(''));
		expect(made.ok && made.id).toMatch(/^q-[a-z2-7]{10}$/);
		expect(questionRows(setId).map((r) => r.id)).toEqual([
			`${setId}:same`,
			`${setId}:same-2`,
			`${setId}:${made.ok ? made.id : ''}`
		]);
		expect(questionRows(other).map((r) => r.id)).toEqual([`${other}:same`]);
	});

	it('are refused when invalid, and for another teacher', () => {
		const broken = { ...tf('x'), prompt: ' ' } as Question;
		expect(addQuestion(db, teacher, setId, broken)).toEqual({
			ok: false,
			message: 'prompt: must not be blank'
		});
		expect(addQuestion(db, rival, setId, tf('x'))).toMatchObject({ ok: false });
		expect(questionRows(setId)).toEqual([]);
	});

	it('are edited keeping their id and provenance, and record their facts', () => {
		const generated = goldenSet.questions[0]!;
		addQuestion(db, teacher, setId, generated);
		const edited = { ...generated, id: 'ignored', prompt: 'New prompt?' };
		delete (edited as Partial<Question>).provenance;
		expect(updateQuestion(db, rival, setId, generated.id, edited)).toMatchObject({ ok: false });
		expect(updateQuestion(db, teacher, setId, generated.id, edited)).toEqual({
			ok: true,
			id: generated.id
		});
		expect(getTeacherQuestion(db, teacher, setId, generated.id)?.question).toEqual({
			...generated,
			prompt: 'New prompt?'
		});
		expect(
			db
				.select()
				.from(questionFact)
				.where(eq(questionFact.questionId, `${setId}:${generated.id}`))
				.all()
		).toEqual([{ questionId: `${setId}:${generated.id}`, factId: 'putin-called-xi-dear-friend' }]);
		expect(getTeacherQuestion(db, rival, setId, generated.id)).toBeUndefined();
	});

	it('move up and down, and are removed leaving no gap', () => {
		for (const id of ['a', 'b', 'c']) addQuestion(db, teacher, setId, tf(id));
		const order = () => teacherSetQuestions(db, teacher, setId)!.map((q) => q.id);
		expect(moveQuestion(db, teacher, setId, 'a', 'up')).toBe(false);
		expect(moveQuestion(db, teacher, setId, 'c', 'down')).toBe(false);
		expect(moveQuestion(db, rival, setId, 'b', 'up')).toBe(false);
		expect(moveQuestion(db, teacher, setId, 'b', 'up')).toBe(true);
		expect(order()).toEqual(['b', 'a', 'c']);
		expect(moveQuestion(db, teacher, setId, 'b', 'down')).toBe(true);
		expect(order()).toEqual(['a', 'b', 'c']);
		expect(removeQuestion(db, rival, setId, 'a')).toBe(false);
		expect(removeQuestion(db, teacher, setId, 'a')).toBe(true);
		expect(removeQuestion(db, teacher, setId, 'a')).toBe(false);
		expect(order()).toEqual(['b', 'c']);
		expect(questionRows(setId).map((r) => r.position)).toEqual([0, 1]);
	});
});

describe('importQuestions', () => {
	let setId: string;
	beforeEach(() => {
		setId = createSet(db, teacher, details('Imports'));
	});

	it('appends every question, renaming ids already in the set', () => {
		addQuestion(db, teacher, setId, tf('putin-escorted-xi-tf'));
		expect(importQuestions(db, teacher, setId, goldenSet.questions)).toEqual({
			ok: true,
			added: goldenSet.questions.length
		});
		const ids = teacherSetQuestions(db, teacher, setId)!.map((q) => q.id);
		expect(ids).toHaveLength(goldenSet.questions.length + 1);
		expect(ids).toContain('putin-escorted-xi-tf-2');
	});

	it('saves nothing when one question is invalid', () => {
		const questions = [tf('a'), { ...tf('b'), prompt: '' }, tf('c')] as Question[];
		expect(importQuestions(db, teacher, setId, questions)).toEqual({
			ok: false,
			message: 'Question 2: prompt: must not be blank'
		});
		expect(questionRows(setId)).toEqual([]);
	});

	it('saves nothing when the database fails part way: one transaction', () => {
		addQuestion(db, teacher, setId, tf('before'));
		db.$client.exec(
			`create trigger fail_third before insert on question when new.position = 3
			 begin select raise(abort, 'disk full'); end`
		);
		expect(() => importQuestions(db, teacher, setId, [tf('a'), tf('b'), tf('c')])).toThrow(
			'disk full'
		);
		expect(questionRows(setId).map((r) => r.id)).toEqual([`${setId}:before`]);
	});

	it("saves nothing into another teacher's set", () => {
		expect(importQuestions(db, rival, setId, [tf('a')])).toMatchObject({ ok: false });
		expect(questionRows(setId)).toEqual([]);
	});

	it('saves nothing of the malformed corpus but the questions that can be imported', () => {
		const dir = new URL('../../../tests/fixtures/import/malformed/', import.meta.url);
		const corpus = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
			file: string;
		}[];
		expect(corpus.length).toBeGreaterThan(10);
		let importable = 0;
		for (const { file } of corpus) {
			const outcome = importText(readFileSync(new URL(file, dir), 'utf8'), { fileName: file });
			// A broken file is refused whole; otherwise its broken questions are left out.
			if (!outcome.ok) continue;
			expect(outcome.skipped.length, file).toBeGreaterThan(0);
			if (outcome.questions.length === 0) continue;
			expect(importQuestions(db, teacher, setId, outcome.questions)).toMatchObject({ ok: true });
			importable += outcome.questions.length;
		}
		expect(questionRows(setId)).toHaveLength(importable);
	});
});

describe('export then import', () => {
	it('gives back the same questions, through the database, in JSON, GIFT and CSV', () => {
		fc.assert(
			fc.property(
				questionSetArb.filter((s) => s.questions.length > 0),
				fc.constantFrom<ImportFormat>('json', 'gift', 'csv'),
				(set, format) => {
					const from = createSet(db, teacher, details(set.title));
					expect(importQuestions(db, teacher, from, set.questions)).toMatchObject({ ok: true });
					const stored = exportableSet(db, teacher, from)!;
					const text = { json: exportJson, gift: exportGift, csv: exportCsv }[
						format as 'json' | 'gift' | 'csv'
					](stored);
					const outcome = importText(text, { format });
					if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
					const to = createSet(db, teacher, details('Copy'));
					importQuestions(db, teacher, to, outcome.questions);
					expect(exportableSet(db, teacher, to)!.questions).toEqual(set.questions);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('keeps the prompt, choices and right answer of choice questions in Aiken', () => {
		const from = createSet(db, teacher, details('Golden'));
		importQuestions(db, teacher, from, goldenSet.questions);
		const { text, leftOut } = exportAiken(exportableSet(db, teacher, from)!);
		expect(leftOut).toHaveLength(goldenSet.questions.length - 1);
		const outcome = importText(text, { format: 'aiken' });
		expect(outcome).toMatchObject({
			ok: true,
			questions: [
				{
					prompt: goldenSet.questions[0]!.prompt,
					choices: [
						{ text: 'Vladimir Putin' },
						{ text: 'Fumio Kishida' },
						{ text: 'Mikhail Mishustin' }
					],
					correctChoiceId: 'A'
				}
			]
		});
	});

	it('is open to anyone for a published set, and to the owner alone for a draft', () => {
		const id = createSet(db, teacher, details('Secret'));
		addQuestion(db, teacher, id, tf('a'));
		expect(exportableSet(db, teacher, id)?.questions).toHaveLength(1);
		expect(exportableSet(db, rival, id)).toBeUndefined();
		expect(exportableSet(db, null, id)).toBeUndefined();
		publishSet(db, teacher, id);
		expect(exportableSet(db, null, id)).toMatchObject({ title: 'Secret', questions: [tf('a')] });
	});
});

describe('assignToClasses', () => {
	it('assigns a published set to several of the teacher’s classes, with a due date', () => {
		const id = createSet(db, teacher, details('Rome'));
		addQuestion(db, teacher, id, tf('a'));
		const a = createClass(db, teacher, 'A').id;
		const b = createClass(db, teacher, 'B').id;
		const theirs = createClass(db, rival, 'C').id;
		expect(assignToClasses(db, teacher, id, [a, b], null)).toEqual({
			ok: false,
			message: 'Publish the set before you assign it.'
		});
		publishSet(db, teacher, id);
		expect(assignToClasses(db, teacher, id, [], null)).toMatchObject({ ok: false });
		expect(assignToClasses(db, teacher, id, [a, theirs], null)).toEqual({
			ok: false,
			message: 'Choose among your own classes.'
		});
		expect(db.select().from(classAssignment).all()).toEqual([]);
		expect(assignToClasses(db, rival, id, [theirs], null)).toMatchObject({ ok: false });
		expect(assignToClasses(db, teacher, id, [a, b], '2030-01-31')).toEqual({ ok: true });
		expect(setAssignments(db, teacher, id)).toEqual([
			{ id: a, name: 'A', assigned: true, dueOn: '2030-01-31' },
			{ id: b, name: 'B', assigned: true, dueOn: '2030-01-31' }
		]);
	});
});

describe('generating from facts', () => {
	it('offers the people, predicates and dates of the source', () => {
		const choices = generationChoices(db, teacher, base);
		expect(choices.sources).toEqual([{ id: base.source.id, title: base.source.title, own: false }]);
		expect(choices.people.map((p) => p.id)).toContain('xi-jinping');
		expect(choices.predicates.map((p) => p.value)).toContain('held_talks_with');
		expect(choices.earliest! <= choices.latest!).toBe(true);
	});

	it('filters facts by person, predicate and date', () => {
		const xi = filterFacts(base, { person: 'xi-jinping' });
		expect(xi.length).toBeGreaterThan(0);
		expect(xi.every((f) => f.subject === 'xi-jinping' || f.object === 'xi-jinping')).toBe(true);
		const said = filterFacts(base, { predicate: 'said' });
		expect(said.every((f) => f.predicate === 'said')).toBe(true);
		const monday = filterFacts(base, { from: '2023-03-20', to: '2023-03-20' });
		expect(monday.length).toBeGreaterThan(0);
		expect(monday.every((f) => f.date && f.date.date <= '2023-03-20')).toBe(true);
		// A month-precise fact counts for any day of its month.
		expect(
			filterFacts(base, { from: '2023-03-15', to: '2023-03-15' }).some(
				(f) => f.date?.date === '2023-03'
			)
		).toBe(true);
		expect(filterFacts(base, { person: 'xi-jinping', predicate: 'no-such' })).toEqual([]);
	});

	it('generates the chosen types and number, rebuildable from id and seed', () => {
		const candidates = generateCandidates(
			base,
			{ person: 'vladimir-putin' },
			['multiple_choice', 'true_false'],
			5,
			7
		);
		expect(candidates).toHaveLength(5);
		for (const c of candidates) {
			expect(['multiple_choice', 'true_false']).toContain(c.question.type);
			expect(c.question.provenance?.factIds.length).toBeGreaterThan(0);
			expect(generatedQuestion(base, c.question.id, c.seed)).toEqual(c.question);
		}
		const items = candidates.map((c) => ({ seed: c.seed, id: c.question.id }));
		expect(rebuildCandidates(base, [...items, { seed: 7, id: 'no-such-question' }])).toEqual(
			candidates
		);
	});

	it('regenerates a question with another seed, or another of its type', () => {
		const [first] = generateCandidates(base, {}, ['multiple_choice'], 1, 1);
		const again = regenerateCandidate(base, first!, {}, [first!.question.id], 2);
		expect(again.question).not.toEqual(first!.question);
		expect(again.question.type).toBe('multiple_choice');
		expect(again.seed).toBe(2);
	});

	it('keeps provenance when a generated question is added, and records its facts', () => {
		const setId = createSet(db, teacher, details('Generated'));
		const [c] = generateCandidates(base, {}, ['short_answer'], 1, 3);
		expect(addQuestion(db, teacher, setId, c!.question)).toEqual({ ok: true, id: c!.question.id });
		const stored = getTeacherQuestion(db, teacher, setId, c!.question.id)!;
		expect(stored.question.provenance).toEqual(c!.question.provenance);
		expect(
			db
				.select()
				.from(questionFact)
				.where(eq(questionFact.questionId, `${setId}:${c!.question.id}`))
				.all().length
		).toBe(new Set(c!.question.provenance!.factIds).size);
	});
});

// Generates the question bank of a fact base (every template over every fact), filtered and
// limited views of it, and a balanced default quiz. Same seed, same questions, same order.
import type { Fact, FactBase, Predicate } from './fact-base';
import { newGen, type Claim, type Drafts, type Gen } from './generate/build';
import type { ItemNotes } from './generate/notes';
import { entityQuestions, statementQuestions } from './generate/entity-questions';
import { dateQuestions, numberQuestions, textQuestions } from './generate/value-questions';
import { trueFalseQuestion } from './generate/true-false';
import { clozeQuestion } from './generate/cloze';
import { matchingQuestions, orderingQuestions } from './generate/groups';
import {
	entityTemplates,
	numberTemplates,
	statementPredicates,
	textTemplates,
	type EntityTemplate,
	type NumberTemplate,
	type TextTemplate
} from './generate/templates';
import type {
	ClozeQuestion,
	MultipleChoiceQuestion,
	Question,
	QuestionSet,
	QuestionType
} from './question';
import { resolveRelative } from './relative-dates';
import { dateForms, key, leaks } from './generate/text';
import { createRandom } from './random';

/** The types the generator writes; the others (written answers, descriptions…) come from teachers. */
export const generatedTypes = [
	'multiple_choice',
	'true_false',
	'true_false_not_given',
	'short_answer',
	'numeric',
	'date',
	'matching',
	'ordering',
	'cloze'
] as const satisfies readonly QuestionType[];

export interface GenerateOptions {
	seed: number;
	/** Only these question types. */
	types?: readonly QuestionType[];
	/** Only questions drawing on at least one of these facts. */
	factIds?: readonly string[];
	/** At most this many, as a balanced mix of the types (see `defaultQuiz`). */
	limit?: number;
}

function byPredicate<T extends { predicate: Predicate }>(list: readonly T[]): Map<Predicate, T[]> {
	const map = new Map<Predicate, T[]>();
	for (const t of list) map.set(t.predicate, [...(map.get(t.predicate) ?? []), t]);
	return map;
}

const entityByPredicate = byPredicate<EntityTemplate>(entityTemplates);
const textByPredicate = byPredicate<TextTemplate>(textTemplates);
const numberByPredicate = byPredicate<NumberTemplate>(numberTemplates);

const maxPerFact = 3;

/** What the bank already asks: prompts by question type, and cloze blanks. */
interface Seen {
	prompts: Map<QuestionType, Set<string>>;
	blanks: Set<string>;
}

/** Whether a key is new to the set (and adds it). */
function firstTime(seen: Set<string>, k: string): boolean {
	if (seen.has(k)) return false;
	seen.add(k);
	return true;
}

function promptsOf(seen: Seen, type: QuestionType): Set<string> {
	let prompts = seen.prompts.get(type);
	if (!prompts) seen.prompts.set(type, (prompts = new Set()));
	return prompts;
}

/**
 * One fact's own questions (the templates', in table order), and its cloze and true/false where
 * they are sure to be wanted. A fact gives at most `maxPerFact` questions, so the bank stays
 * broad rather than deep: builders that could only add questions past the cap are not run.
 */
interface Drafted {
	drafts: Drafts;
	/** The cloze, made with the drafts when it is sure to be asked; null: there is none. */
	cloze?: ClozeQuestion | null;
	/** The true/false, likewise. */
	trueFalse?: Question | null;
}

function draft(g: Gen, f: Fact): Drafted {
	const drafts: Drafts = { questions: [], claims: [] as Claim[], asked: [] };
	const room = () => drafts.questions.length < maxPerFact;
	if (statementPredicates.has(f.predicate)) {
		statementQuestions(g, f, statementPredicates.get(f.predicate), drafts);
	}
	for (const t of entityByPredicate.get(f.predicate) ?? []) {
		if (room()) entityQuestions(g, t, f, drafts);
	}
	for (const t of textByPredicate.get(f.predicate) ?? [])
		if (room()) textQuestions(g, t, f, drafts);
	for (const t of numberByPredicate.get(f.predicate) ?? []) {
		if (room()) numberQuestions(g, t, f, drafts);
	}
	if (room()) dateQuestions(g, f, drafts);
	const drafted: Drafted = { drafts };
	// Removing repeated prompts (later, in the base's order) only makes room, so with two
	// drafts or fewer there is sure to be room for a cloze, and with one or none for a
	// true/false as well.
	const count = drafts.questions.length;
	if (count <= 2) drafted.cloze = clozeQuestion(g, f, drafts.asked) ?? null;
	if (count <= 1) {
		drafted.trueFalse = trueFalseQuestion(g, drafts.claims) ?? null;
		// Spent: not kept (with all they hold) until the fact is finished.
		drafts.claims = [];
	}
	return drafted;
}

/** What was made ahead (null: nothing to make), else made now. */
function madeAhead<T>(ahead: T | null | undefined, make: () => T | undefined): T | undefined {
	return ahead === undefined ? make() : (ahead ?? undefined);
}

/**
 * The questions of one drafted fact, in the base's order: its drafts less any prompt the bank
 * already asks, then a cloze, then a true/false, while there is room.
 */
function finish(g: Gen, f: Fact, drafted: Drafted, seen: Seen): Question[] {
	const { drafts } = drafted;
	// "Which of these greeted Xi at the Kremlin?" once, though three facts could ask it.
	const out: Question[] = drafts.questions.filter((q) =>
		firstTime(promptsOf(seen, q.type), q.prompt)
	);
	const room = () => out.length < maxPerFact;
	const cloze = room()
		? madeAhead(drafted.cloze, () => clozeQuestion(g, f, drafts.asked))
		: undefined;
	// Facts sharing a quote would give the same blank twice.
	if (cloze && firstTime(seen.blanks, `${cloze.before}\u0000${cloze.answer}\u0000${cloze.after}`)) {
		out.push(cloze);
	}
	const tf = room()
		? madeAhead(drafted.trueFalse, () => trueFalseQuestion(g, drafts.claims))
		: undefined;
	if (tf) out.push(tf);
	// A builder may add two at once (a number asked typed and as a choice).
	return out.slice(0, maxPerFact).filter((q) => dated(g, q));
}

/**
 * Writes out the prompt's relative dates ("last week" → "in the week before 21 March 2023"),
 * so a question read long after the article still says when. A date question whose prompt
 * would then name its own answer is dropped.
 */
function dated(g: Gen, q: Question): boolean {
	const resolved = resolveRelative(q.prompt, g.publishedOn);
	if (resolved === q.prompt) return true;
	q.prompt = resolved;
	const answer =
		q.type === 'date' ? q.answer : q.type === 'multiple_choice' ? dateChoice(q) : undefined;
	return answer === undefined || !leaks(resolved, dateForms(answer).map(key));
}

/** The right choice's id when it is a date (date questions asked as choices). */
function dateChoice(q: MultipleChoiceQuestion): string | undefined {
	return /^\d{4}(-\d{2}){0,2}$/.test(q.correctChoiceId) ? q.correctChoiceId : undefined;
}

/**
 * Positions of the facts, grouped by predicate (in the base's order within each): drafting
 * one predicate's facts together keeps its templates and distractor pools in the CPU's caches.
 */
function draftingOrder(facts: readonly Fact[]): number[] {
	const groups = new Map<Predicate, number[]>();
	facts.forEach((f, i) => {
		const group = groups.get(f.predicate);
		if (group) group.push(i);
		else groups.set(f.predicate, [i]);
	});
	return [...groups.values()].flat();
}

/**
 * All questions for a fact base, in an order shuffled by the seed. Ids depend on the
 * templates and facts only; the seed picks distractors, swaps and the order. Facts are drafted
 * predicate by predicate, then finished in the base's order, which decides which of two facts
 * asking the same keeps the question. `notes`, when given, receives each item's note for the
 * bank linter.
 */
export function questionBank(base: FactBase, seed: number, notes?: ItemNotes): Question[] {
	const g = newGen(base, seed);
	g.notes = notes;
	const facts = base.facts;
	const drafted: Drafted[] = new Array<Drafted>(facts.length);
	for (const i of draftingOrder(facts)) drafted[i] = draft(g, facts[i] as Fact);
	const seen: Seen = { prompts: new Map(), blanks: new Set() };
	const questions: Question[] = [];
	facts.forEach((f, i) => {
		questions.push(...finish(g, f, drafted[i] as Drafted, seen));
	});
	questions.push(...matchingQuestions(g), ...orderingQuestions(g));
	return createRandom(seed).shuffle(questions);
}

/** The bank as a question set, for export. */
export function questionSet(base: FactBase, seed: number): QuestionSet {
	return {
		id: `${base.source.id}-questions`,
		title: base.source.title,
		description: `Questions generated from the facts of “${base.source.title}” (seed ${seed}).`,
		sourceId: base.source.id,
		questions: questionBank(base, seed)
	};
}

export function generateQuestions(base: FactBase, options: GenerateOptions): Question[] {
	let questions = questionBank(base, options.seed);
	if (options.types) {
		const types = new Set(options.types);
		questions = questions.filter((q) => types.has(q.type));
	}
	if (options.factIds) {
		const ids = new Set(options.factIds);
		questions = questions.filter((q) => q.provenance?.factIds.some((id) => ids.has(id)));
	}
	if (options.limit !== undefined) questions = defaultQuiz(questions, options.limit, options.seed);
	return questions;
}

/**
 * A balanced quiz from a bank: the types take turns (in an order the seed shuffles), and
 * within a type a question on facts not yet asked about goes first, so twelve questions cover
 * all eight types and a spread of facts.
 */
export function defaultQuiz(bank: readonly Question[], size = 12, seed = 0): Question[] {
	const random = createRandom(seed);
	const byType = new Map<QuestionType, Question[]>();
	for (const q of bank) byType.set(q.type, [...(byType.get(q.type) ?? []), q]);
	const queues = random
		.shuffle([...byType.keys()].sort())
		.map((type) => random.shuffle(byType.get(type) ?? []));
	const usedFacts = new Set<string>();
	const quiz: Question[] = [];
	const isFresh = (q: Question) => !(q.provenance?.factIds ?? []).some((id) => usedFacts.has(id));
	while (quiz.length < size && queues.some((queue) => queue.length > 0)) {
		for (const queue of queues) {
			if (quiz.length >= size) break;
			if (queue.length === 0) continue;
			const at = queue.findIndex(isFresh);
			const [q] = queue.splice(at === -1 ? 0 : at, 1);
			if (!q) continue;
			quiz.push(q);
			for (const id of q.provenance?.factIds ?? []) usedFacts.add(id);
		}
	}
	return quiz;
}

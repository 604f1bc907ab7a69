// Turns one fact and one template into questions: checks the answer is unique (or asks "which
// of these"), screens distractors against the whole base, keeps answers out of prompts, and
// writes ids from the template and fact so they stay the same across seeds.
import type { Entity, Fact } from '../fact-base';
import type {
	Choice,
	DateQuestion,
	MultipleChoiceQuestion,
	NumericQuestion,
	Provenance,
	Question,
	ShortAnswerQuestion
} from '../question';
import { createRandom, type Random } from '../random';
import {
	dateDistractors,
	entityCandidates,
	entityDistractors,
	numberDistractors,
	pickFromTiers,
	textCandidates,
	textDistractors
} from './distractors';
import { agree, displayName, kindNoun, kindScope, mention, placePhrase, whWord } from './english';
import {
	phrase,
	relatedPredicates,
	slugOf,
	type Ask,
	type EntityNode,
	type FactIndex,
	type Phrase,
	type Slot
} from './fact-index';
import type { ContextMode, EntityTemplate, NumberTemplate, Parts, TextTemplate } from './templates';
import {
	asQuestion,
	calendarWords,
	capitalise,
	dateAdverb,
	dateForms,
	displayDate,
	freshKey,
	hash32,
	hasPhrase,
	key,
	leaks,
	leaksKey,
	numberForms,
	overlaps,
	unique,
	wordCount
} from './text';

/** What every builder needs: the index, the seed, and where the questions come from. */
export interface Gen {
	ix: FactIndex;
	seed: number;
	sourceId: string;
	/** hash32(`${seed}:`), which every question's randomness continues from. */
	seedHash?: number;
	/** The fact last asked about, and what its questions share. */
	lastFact?: { fact: Fact; sourced: Sourced };
}

/** What a question shows after answering, and where it comes from. */
export interface Sourced {
	explanation: string;
	provenance: Provenance;
}

/** A claim a template can state about a fact, true as given, or false with something swapped. */
export interface Claim {
	templateId: string;
	fact: Fact;
	/** The claim as given: written only when the fact's true/false question asks it. */
	trueText: () => string;
	/** A false version, with a swapped-in entity, phrase, number or date the base does not hold. */
	falseText?: (random: Random) => string | undefined;
}

export interface Drafts {
	questions: Question[];
	claims: Claim[];
	/** Entities some question already asks for, so a cloze need not blank them again. */
	asked: string[];
}

/** explain() and provenanceOf() of one fact, built once for all the questions it gives. */
export function sourced(g: Gen, fact: Fact): Sourced {
	if (g.lastFact?.fact !== fact) {
		g.lastFact = {
			fact,
			sourced: { explanation: explain([fact]), provenance: provenanceOf(g, [fact]) }
		};
	}
	return g.lastFact.sourced;
}

/** Randomness for one question: from the seed and the question's id, not from the order. */
export function randomFor(g: Gen, id: string): Random {
	g.seedHash ??= hash32(`${g.seed}:`);
	return createRandom(hash32(id, g.seedHash));
}

export function provenanceOf(g: Gen, facts: readonly Fact[]): Provenance {
	const only = facts.length === 1 ? facts[0] : undefined;
	return {
		sourceId: g.sourceId,
		factIds: facts.map((f) => f.id),
		quote: only ? only.quote : unique(facts.map((f) => f.quote)).join(' … ')
	};
}

/** The statements, then the article's own words: shown after answering. */
export function explain(facts: readonly Fact[], lead = ''): string {
	const only = facts.length === 1 ? facts[0] : undefined;
	const statements = only ? only.statement : unique(facts.map((f) => f.statement)).join(' ');
	const quotes = only ? only.quote : unique(facts.map((f) => f.quote)).join(' … ');
	return `${lead}${statements} The article: “${quotes}”`;
}

function other(slot: Slot): Slot {
	return slot === 'subject' ? 'object' : 'subject';
}

/** Whether a learner can type the entity: some name or alias of a few words. */
function typeable(e: Entity): boolean {
	let can = typeableCache.get(e);
	if (can === undefined) {
		can = [e.name, ...e.aliases].some((form) => wordCount(form) <= 4 && form.length <= 32);
		typeableCache.set(e, can);
	}
	return can;
}

const typeableCache = new WeakMap<Entity, boolean>();

/** The date wording or the place the prompt will carry, and how they narrow the answers. */
function contextFor(
	g: Gen,
	mode: ContextMode | undefined,
	f: Fact,
	hole: Slot,
	avoid: readonly string[]
): { text: string; date?: string; place?: string } {
	if ((mode === 'date' || mode === 'date-or-place') && f.date) {
		const when = dateContext(f.date.wording);
		// "on the second day of his visit" refers to the subject: only when the subject is named.
		if (!(when.pronoun && hole === 'subject') && !leaksKey(when.key, avoid)) {
			return { text: when.text, date: f.date.date };
		}
	}
	if ((mode === 'place' || mode === 'date-or-place') && f.place !== undefined) {
		const place = g.ix.node(f.place);
		const written = place && mention(place.entity, avoid, place.nameKey);
		if (written !== undefined) return { text: ` ${placePhrase(written)}`, place: f.place };
	}
	return { text: '' };
}

/** A date wording as a prompt writes it (" on Tuesday"), its key, and whether it has a pronoun. */
function dateContext(wording: string): { text: string; key: string; pronoun: boolean } {
	let known = dateContexts.get(wording);
	if (known === undefined) {
		const text = ` ${dateAdverb(wording)}`;
		known = { text, key: key(text), pronoun: /\b(his|her|its|their)\b/i.test(wording) };
		if (dateContexts.size >= 10_000) dateContexts.clear();
		dateContexts.set(wording, known);
	}
	return known;
}

/** Wordings recur ("on Tuesday"): each is written and keyed once. */
const dateContexts = new Map<string, { text: string; key: string; pronoun: boolean }>();

/** The pieces a template writes with: nouns and question word for the hole, verbs for S. */
function parts(
	S: string,
	O: string,
	V: string,
	ctx: string,
	hole: Entity | undefined,
	subject: Entity | undefined
): Parts {
	const noun = hole ? kindNoun(hole.kind) : thing;
	const verbs = agree(subject);
	return {
		S,
		O,
		V,
		ctx,
		wh: hole ? whWord(hole) : 'What',
		one: noun.one,
		many: noun.many,
		is: verbs.is,
		has: verbs.has,
		was: verbs.was,
		s: verbs.s
	};
}

const thing = { one: 'thing', many: 'things' };

// ---------------------------------------------------------------------------------------------
// Entity answers

interface EntitySpec {
	templateId: string;
	fact: Fact;
	answer: EntityNode;
	ask: Ask;
	prompt: string;
	/** The "which of these" prompt, written only when the answer is not unique. */
	among: () => string;
	/** The claim with another entity in the answer's place. */
	claim: (e: EntityNode) => string;
	trueClaim: () => string;
	/** Entities the question names, which must not be offered as answers. */
	named: readonly string[];
	samePoolOnly?: boolean;
	/** No choices and no swapped claim: any other entity of the kind would read as silly. */
	noChoices?: boolean;
}

function entityChoices(
	answer: EntityNode,
	distractors: readonly EntityNode[],
	random: Random
): Choice[] {
	return random
		.shuffle([answer, ...distractors])
		.map((n) => ({ id: n.id, text: capitalise(n.entity.name) }));
}

/**
 * One choice-or-typed question and a true/false claim for one entity answer. When both a
 * multiple choice and a short answer could be asked, the fact id decides which (a third are
 * typed), so the bank stays varied without asking the same thing twice.
 */
function finishEntity(g: Gen, spec: EntitySpec, out: Drafts): void {
	const { ix } = g;
	const { answer, fact } = spec;
	const scope = kindScope(answer.entity);
	const isUnique = ix.isOnlyAnswer(spec.ask, answer.id, (id) =>
		scope.includes(ix.node(id)?.kind ?? 'event')
	);
	const prompt = isUnique ? spec.prompt : spec.among();
	const promptKey = freshKey(prompt);
	const leaked = leaksKey(promptKey, answer.keys);
	const canType = isUnique && typeable(answer.entity) && !leaked;
	// Where both could be asked, a third of the questions are typed.
	const preferTyped = canType && hash32(`${spec.templateId}:${fact.id}`) % 3 === 0;

	// The truth screen: a lookup or two per candidate, never a scan of the base.
	const answerPlural = answer.plural;
	// With a named entity, the few entities linked to it are gathered once; with a value alone
	// (who said …?) that set could be large, so each candidate is asked about instead.
	let possible: ReadonlySet<string> | undefined;
	const mayHold = (n: EntityNode) => {
		if (n === answer) return true;
		if (spec.ask.known === undefined) return ix.mayHold(spec.ask, n);
		possible ??= ix.possibleAnswers(spec.ask);
		return possible.has(n.id);
	};
	const invalid = (c: EntityNode) => {
		if (spec.named.includes(c.id)) return true;
		// "Which country said …?" should not offer "Western countries".
		if (!answerPlural && c.plural) return true;
		if (mayHold(c)) return true;
		for (const k of c.keys) if (hasPhrase(promptKey, k)) return true;
		// Another entity under the same name, for which the claim holds, is the same answer.
		for (const namesake of c.namesakes) if (mayHold(namesake)) return true;
		return false;
	};
	const tiers = ix.distractorPools(
		spec.ask.predicate,
		spec.ask.hole,
		answer.kind,
		spec.samePoolOnly ?? false
	);

	let asked = false;
	let candidates: EntityNode[][] | undefined;
	if (!preferTyped && !spec.noChoices && !leaked) {
		candidates = entityCandidates(answer, tiers, invalid);
		if (candidates) {
			const id = `mc:${spec.templateId}:${fact.id}`;
			const random = randomFor(g, id);
			const question: MultipleChoiceQuestion = {
				id,
				type: 'multiple_choice',
				prompt,
				choices: entityChoices(answer, pickFromTiers(candidates, random), random),
				correctChoiceId: answer.id,
				...sourced(g, fact)
			};
			out.questions.push(question);
			asked = true;
		}
	}
	if (!asked && canType) {
		const question: ShortAnswerQuestion = {
			id: `sa:${spec.templateId}:${fact.id}`,
			type: 'short_answer',
			prompt: spec.prompt,
			answer: answer.entity.name,
			alternatives: [...answer.entity.aliases],
			...sourced(g, fact)
		};
		out.questions.push(question);
		asked = true;
	}
	if (asked) out.asked.push(answer.id);

	// Only the first template's claim becomes the fact's true/false question.
	if (out.claims.length > 0) return;
	out.claims.push({
		templateId: spec.templateId,
		fact,
		trueText: spec.trueClaim,
		falseText: spec.noChoices
			? undefined
			: (r) => {
					// Swap in one entity the base does not hold the claim for, reading the same way:
					// one of the distractors when there are some, else a fresh search.
					const same = (n: EntityNode) => n.plural === answerPlural;
					const known = candidates?.map((tier) => tier.filter(same)).filter((t) => t.length > 0);
					const swap =
						known && known.length > 0
							? pickFromTiers(known, r, 1)[0]
							: entityDistractors(answer, tiers, (n) => invalid(n) || !same(n), r, 1)?.[0];
					return swap && spec.claim(swap);
				}
	});
}

/** Questions from a pattern template: "Who did {S} meet {on D}?" */
export function entityQuestions(g: Gen, t: EntityTemplate, f: Fact, out: Drafts): void {
	if (t.when && !t.when(f)) return;
	const { ix } = g;
	const answerNode = ix.node(f[t.hole]);
	const knownNode = ix.node(f[other(t.hole)]);
	if (!answerNode || !knownNode || answerNode.id === knownNode.id) return;
	const known = knownNode.entity;
	if (t.withValue && f.value?.kind !== 'text') return;
	const answer = answerNode.entity;
	const V = f.value?.kind === 'text' ? f.value.text : '';
	const avoid = answerNode.keys;
	const ctx = contextFor(g, t.context, f, t.hole, avoid);
	const knownText = mention(known, avoid, knownNode.nameKey);
	if (knownText === undefined) return;
	const subject = t.hole === 'subject' ? undefined : known;
	const ask: Ask = {
		predicate: t.predicate,
		hole: t.hole,
		known: known.id,
		value: t.withValue ? (ix.valueKey(f) ?? key(V)) : undefined,
		date: ctx.date,
		place: ctx.place
	};
	const askParts =
		t.hole === 'subject'
			? parts('', knownText, V, ctx.text, answer, subject)
			: parts(knownText, '', V, ctx.text, answer, subject);
	// In a claim, each side is named without repeating the other ("Japan hosts the G7 summit",
	// not "… the Group of Seven summit in Japan").
	const claimFor = (n: EntityNode) => {
		const s = t.hole === 'subject' ? n : knownNode;
		const o = t.hole === 'subject' ? knownNode : n;
		const S = displayName(s.entity);
		const O = mention(o.entity, s.keys, o.nameKey) ?? displayName(o.entity);
		return capitalise(t.claim(parts(S, O, V, ctx.text, n.entity, s.entity)));
	};
	finishEntity(
		g,
		{
			templateId: t.id,
			fact: f,
			answer: answerNode,
			ask,
			prompt: capitalise(t.ask(askParts)),
			among: () => capitalise(t.among(askParts)),
			claim: claimFor,
			trueClaim: () => claimFor(answerNode),
			named: [known.id, ...(f.place !== undefined ? [f.place] : [])],
			samePoolOnly: t.samePoolOnly ?? false
		},
		out
	);
}

/**
 * Splits a statement that opens with its subject ("Ahead of the talks, Gazprom said …") into
 * the lead-in and the rest, so "who" can take the subject's place.
 */
export function splitStatement(
	statement: string,
	subject: Entity
): { lead: string; rest: string } | undefined {
	// Where the main clause may start: at the beginning, or after a short lead-in phrase.
	const starts = [0];
	const comma = statement.indexOf(', ');
	if (
		comma > 0 &&
		comma <= 60 &&
		/^[A-Z]/.test(statement) &&
		!/[,;:"“]/.test(statement.slice(0, comma))
	) {
		starts.push(comma + 2);
	}
	const forms = bareForms(subject);
	for (const start of starts) {
		for (const article of ['', 'The ', 'the ']) {
			if (!statement.startsWith(article, start)) continue;
			const at = start + article.length;
			const form = forms.find(
				(f) =>
					statement.startsWith(f, at) &&
					/^ [a-z]/.test(statement.slice(at + f.length, at + f.length + 2))
			);
			if (form === undefined) continue;
			const rest = statement.slice(at + form.length + 1);
			const space = rest.search(/\s/);
			const firstWord = space === -1 ? rest : rest.slice(0, space);
			if (/^(and|or|of|who|whose|which|with|to|in|at|on|for|as|from|by)$/.test(firstWord)) continue;
			// "… territory captured from Kyiv; Putin's trip there was …": ask about the first clause.
			const clause = rest.replace(/[;:] [\s\S]*$/, '.');
			return { lead: statement.slice(0, start), rest: ` ${clause}` };
		}
	}
	return undefined;
}

/** An entity's forms without "the", longest first (remembered per entity). */
function bareForms(e: Entity): readonly string[] {
	let forms = bareFormsCache.get(e);
	if (forms === undefined) {
		forms = [e.name, ...e.aliases]
			.map((form) => form.replace(/^the\s+/i, ''))
			.sort((a, b) => b.length - a.length);
		bareFormsCache.set(e, forms);
	}
	return forms;
}

const bareFormsCache = new WeakMap<Entity, string[]>();

/** "Who said last week that …?": the statement, asked about its subject. */
export function statementQuestions(
	g: Gen,
	f: Fact,
	fallback: EntityTemplate | undefined,
	out: Drafts
): void {
	const { ix } = g;
	const subjectNode = ix.node(f.subject);
	if (!subjectNode) return;
	const subject = subjectNode.entity;
	const split = splitStatement(f.statement, subject);
	if (!split) {
		if (fallback) entityQuestions(g, fallback, f, out);
		return;
	}
	const value = f.value?.kind === 'text' ? (ix.valueKey(f) ?? key(f.value.text)) : undefined;
	// The object narrows the answers only if the question names it.
	const known =
		f.object !== undefined && ix.mentions(freshKey(split.rest), f.object) ? f.object : undefined;
	if (known === undefined && value === undefined) return;
	const ask: Ask = { predicate: f.predicate, hole: 'subject', known, value };
	const opening = (word: string) => (split.lead === '' ? word : word.toLowerCase());
	const many = kindNoun(subject.kind).many;
	// A place that speaks ("The Kremlin said") stands for an office: "Who", and no other
	// places as choices ("Moscow said" could be argued true).
	const placeActs =
		subject.kind === 'place' && f.predicate !== 'is_a' && f.predicate !== 'located_in';
	const wh = placeActs ? 'Who' : whWord(subject);
	finishEntity(
		g,
		{
			templateId: `who-${f.predicate.replace(/_/g, '-')}`,
			fact: f,
			answer: subjectNode,
			ask,
			prompt: asQuestion(`${split.lead}${opening(wh)}${split.rest}`),
			among: () => asQuestion(`${split.lead}${opening(`Which of these ${many}`)}${split.rest}`),
			claim: (n) =>
				`${split.lead}${split.lead === '' ? capitalise(displayName(n.entity)) : displayName(n.entity)}${split.rest}`,
			trueClaim: () => f.statement,
			named: f.object !== undefined && f.object !== f.subject ? [f.object] : [],
			noChoices: placeActs
		},
		out
	);
}

// ---------------------------------------------------------------------------------------------
// Phrase answers

export function textQuestions(g: Gen, t: TextTemplate, f: Fact, out: Drafts): void {
	if (t.when && !t.when(f)) return;
	if (f.value?.kind !== 'text') return;
	const { ix } = g;
	const subjectNode = ix.node(f.subject);
	const objectNode = t.withObject ? ix.node(f.object) : undefined;
	if (!subjectNode) return;
	const subject = subjectNode.entity;
	const object = objectNode?.entity;
	const answer = f.value.text;
	const answerKey = ix.valueKey(f) ?? key(answer);
	const avoid = [answerKey];
	const S = mention(subject, avoid, subjectNode.nameKey);
	const O = objectNode ? mention(objectNode.entity, avoid, objectNode.nameKey) : '';
	if (S === undefined || O === undefined) return;
	const ctx = contextFor(g, t.context, f, 'object', avoid);
	const p = parts(S, O, answer, ctx.text, undefined, subject);

	// Other values the subject holds for the same question: then "which of these".
	let among = false;
	for (const s of ix.factsAbout(f.predicate, subject.id)) {
		if (t.withObject && s.object !== f.object) continue;
		if (ctx.date !== undefined && s.date?.date !== ctx.date) continue;
		if ((ix.valueKey(s) ?? '') !== answerKey) {
			among = true;
			break;
		}
	}
	const prompt = capitalise(among ? t.among(p) : t.ask(p));
	const promptKey = freshKey(prompt);
	if (leaksKey(promptKey, avoid)) return;

	// Anything the subject is said to be or have, under this or a related predicate, is true.
	const held: string[] = [];
	for (const pred of relatedPredicates(f.predicate)) {
		for (const s of ix.factsAbout(pred, subject.id)) held.push(ix.valueKey(s) ?? '');
	}
	const invalid = ({ key: k }: Phrase) =>
		overlaps(k, answerKey) || held.some((h) => overlaps(h, k)) || hasPhrase(promptKey, k);
	// Phrases said of the same kind of thing only: a person's title is no choice for a town.
	const tiers = [ix.valuePool(f.predicate, subject.kind)];
	const id = `mc:${t.id}:${f.id}`;
	const answerPhrase = phrase(answer, answerKey);
	const candidates = textCandidates(answerPhrase, tiers, invalid);
	if (candidates) {
		const random = randomFor(g, id);
		const distractors = pickFromTiers(candidates, random);
		out.questions.push({
			id,
			type: 'multiple_choice',
			prompt,
			choices: random
				.shuffle([answerPhrase, ...distractors])
				.map((c) => ({ id: `t-${slugOf(c)}`, text: capitalise(c.text) })),
			correctChoiceId: `t-${slugOf(answerPhrase)}`,
			...sourced(g, f)
		});
	}
	if (out.claims.length > 0) return;
	const claimParts = parts(
		displayName(subject),
		object ? displayName(object) : '',
		answer,
		ctx.text,
		undefined,
		subject
	);
	out.claims.push({
		templateId: t.id,
		fact: f,
		trueText: () => capitalise(t.claim(claimParts)),
		falseText: (r) => {
			const swap = textDistractors(answerPhrase, tiers, invalid, r, 1)?.[0];
			return swap && capitalise(t.claim({ ...claimParts, V: swap.text }));
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Numbers

function formatAmount(n: number): string {
	return String(Math.round(n * 1e6) / 1e6);
}

/** "1 day", "3 days". */
function quantity(n: number, unit: string): string {
	return `${formatAmount(n)} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
}

export function numberQuestions(g: Gen, t: NumberTemplate, f: Fact, out: Drafts): void {
	if (f.value?.kind !== 'number') return;
	const { ix } = g;
	const { amount, unit } = f.value;
	const subject = ix.entity(f.subject);
	if (!subject) return;
	// Two different amounts for the same thing and unit: no single right answer.
	const amounts = new Set(
		ix
			.factsAbout(f.predicate, subject.id)
			.flatMap((s) => (s.value?.kind === 'number' && s.value.unit === unit ? [s.value.amount] : []))
	);
	if (amounts.size !== 1) return;
	const avoid = numberForms(amount).map(key);
	const S = mention(subject, avoid);
	if (S === undefined) return;
	const prompt = capitalise(t.ask({ ...parts(S, '', '', '', undefined, subject), unit }));
	if (leaks(prompt, avoid)) return;

	const numeric: NumericQuestion = {
		id: `num:${t.id}:${f.id}`,
		type: 'numeric',
		prompt,
		answer: amount,
		tolerance: 0,
		unit,
		...sourced(g, f)
	};
	out.questions.push(numeric);

	const id = `mc:${t.id}:${f.id}`;
	const random = randomFor(g, id);
	const distractors = numberDistractors(amount, amounts, random);
	if (distractors) {
		out.questions.push({
			id,
			type: 'multiple_choice',
			prompt,
			choices: random.shuffle([amount, ...distractors]).map((n) => ({
				id: `n-${formatAmount(n)}`,
				text: quantity(n, unit)
			})),
			correctChoiceId: `n-${formatAmount(amount)}`,
			...sourced(g, f)
		});
	}
	if (out.claims.length > 0) return;
	// The subject as the prompt names it: "China's 12-point position paper has 12 points" is no test.
	const claimParts = { ...parts(S, '', '', '', undefined, subject), unit };
	out.claims.push({
		templateId: t.id,
		fact: f,
		trueText: () => capitalise(t.claim({ ...claimParts, q: quantity(amount, unit) })),
		falseText: (r) => {
			const swap = numberDistractors(amount, amounts, r, 1)?.[0];
			return swap === undefined
				? undefined
				: capitalise(t.claim({ ...claimParts, q: quantity(swap, unit) }));
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Dates

const calendarKeys = calendarWords.map(key);

const precisionPrompt = {
	day: 'On what date',
	month: 'In which month and year',
	year: 'In which year'
} as const;

export function dateQuestions(g: Gen, f: Fact, out: Drafts): void {
	if (f.predicate !== 'happened_on' || !f.date) return;
	const { ix } = g;
	const subject = ix.entity(f.subject);
	if (!subject) return;
	const { date: iso, precision } = f.date;
	const trueDates = new Set(
		ix.factsAbout('happened_on', subject.id).flatMap((s) => (s.date ? [s.date.date] : []))
	);
	if (trueDates.size !== 1) return;
	// A name that dates the event ("Monday's talks") would hint at the answer.
	const avoid = [...dateForms(iso).map(key), ...calendarKeys, iso.slice(0, 4)];
	const S = mention(subject, avoid);
	if (S === undefined) return;
	const begins = /\b(began|begin|begins|started|start|starts)\b/i.test(f.statement);
	const prompt = `${precisionPrompt[precision]} did ${S} ${begins ? 'begin' : 'take place'}?`;
	if (leaks(prompt, dateForms(iso).map(key))) return;

	const dateQuestion: DateQuestion = {
		id: `date:when:${f.id}`,
		type: 'date',
		prompt,
		answer: iso,
		precision,
		...sourced(g, f)
	};
	out.questions.push(dateQuestion);

	const id = `mc:when:${f.id}`;
	const random = randomFor(g, id);
	const distractors = dateDistractors(iso, precision, trueDates, random);
	if (distractors) {
		out.questions.push({
			id,
			type: 'multiple_choice',
			prompt,
			choices: random.shuffle([iso, ...distractors]).map((d) => ({ id: d, text: displayDate(d) })),
			correctChoiceId: iso,
			...sourced(g, f)
		});
	}
	const claim = (d: string) =>
		`${capitalise(S)} ${begins ? 'began' : 'took place'} ${precision === 'day' ? 'on' : 'in'} ${displayDate(d)}.`;
	out.claims.push({
		templateId: 'when',
		fact: f,
		trueText: () => claim(iso),
		falseText: (r) => {
			const swap = dateDistractors(iso, precision, trueDates, r, 1)?.[0];
			return swap && claim(swap);
		}
	});
}

// ---------------------------------------------------------------------------------------------
// True or false

/**
 * One true/false question per fact, from the first claim a template made. Whether it is asked
 * true or false depends on the fact id only, so a recorded answer keeps its meaning.
 */
export function trueFalseQuestion(g: Gen, claims: readonly Claim[]): Question | undefined {
	const claim = claims[0];
	if (!claim) return undefined;
	const { fact } = claim;
	const id = `tf:${claim.templateId}:${fact.id}`;
	const wantFalse = hash32(fact.id) % 2 === 1;
	const falseText = wantFalse ? claim.falseText?.(randomFor(g, id)) : undefined;
	return {
		id,
		type: 'true_false',
		prompt: falseText ?? claim.trueText(),
		answer: falseText === undefined,
		explanation: explain([fact], falseText === undefined ? 'True. ' : 'False. '),
		provenance: sourced(g, fact).provenance
	};
}

// Questions whose answer is an entity: from a pattern template ("Who did {S} meet?") or from
// the fact's own statement ("Who said …?"). Checks the answer is unique (or asks "which of
// these"), screens distractors against the whole base, and keeps the answer out of the prompt.
import type { Entity, Fact } from '../fact-base';
import type { Choice, MultipleChoiceQuestion, ShortAnswerQuestion } from '../question';
import {
	contextFor,
	other,
	parts,
	randomFor,
	sourced,
	typeable,
	type Drafts,
	type Gen
} from './build';
import { type Random } from '../random';
import { entityCandidates, entityDistractors, pickFromTiers } from './distractors';
import { displayName, kindNoun, kindScope, mention, whWord } from './english';
import { type Ask, type EntityNode } from './fact-index';
import type { EntityTemplate } from './templates';
import {
	asQuestion,
	capitalise,
	dateAdverb,
	freshKey,
	hash32,
	hasPhrase,
	key,
	leaksKey
} from './text';
import { isExclusive, isOccasion, swapsToNotGiven, type FactSlot } from '../predicates';
import { noted } from './notes';

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
	/**
	 * The same without the date or place the question names, for a "not given" swap; none
	 * where the claim cannot be said without its occasion (a statement of one scene).
	 */
	undatedClaim?: (e: EntityNode) => string;
	trueClaim: () => string;
	/** Entities the question names, which must not be offered as answers. */
	named: readonly string[];
	samePoolOnly?: boolean;
	/** No choices and no swapped claim: any other entity of the kind would read as silly. */
	noChoices?: boolean;
	/** The prompt says when (for a relation that could hold at other times). */
	anchored: boolean;
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
 * One choice-or-typed question and a true/false claim for one entity answer. Choices are offered
 * only where the text makes the answer's slot exclusive, so every wrong option is false; where it
 * does not (a meeting, a membership), the question is typed and asked "according to the article",
 * and a swapped claim is "not given". When both a choice and a typed question could be asked,
 * the fact id decides which (a third are typed), so the bank stays varied.
 */
function finishEntity(g: Gen, spec: EntitySpec, out: Drafts): void {
	const { ix } = g;
	const { answer, fact } = spec;
	const slot = spec.ask.hole;
	const exclusive = isExclusive(fact, slot, g.kindOf);
	// "Who visited Kyiv?" has other answers at other times: an occasion is asked with its date.
	const anchored = spec.anchored || !isOccasion(fact.predicate);
	const scope = kindScope(answer.entity);
	const isUnique = ix.isOnlyAnswer(spec.ask, answer.id, (id) =>
		scope.includes(ix.node(id)?.kind ?? 'event')
	);
	const prompt = isUnique ? spec.prompt : spec.among();
	const promptKey = freshKey(prompt);
	const leaked = leaksKey(promptKey, answer.keys);
	const canType = anchored && isUnique && typeable(answer.entity) && !leaked;
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
	// Wrong options may come from any entity of the kind; a "not given" swap only from those in
	// the same role elsewhere in the text, so the statement is one a learner could believe.
	const tiers = ix.distractorPools(
		spec.ask.predicate,
		slot,
		answer.kind,
		!exclusive || (spec.samePoolOnly ?? false)
	);

	let asked = false;
	let candidates: EntityNode[][] | undefined;
	if (exclusive && anchored && !preferTyped && !spec.noChoices && !leaked) {
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
			out.questions.push(noted(g, question, { factId: fact.id, slot }));
			asked = true;
		}
	}
	if (!asked && canType) {
		const question: ShortAnswerQuestion = {
			id: `sa:${spec.templateId}:${fact.id}`,
			type: 'short_answer',
			prompt: exclusive ? spec.prompt : accordingToTheArticle(spec.prompt),
			answer: answer.entity.name,
			alternatives: [...answer.entity.aliases],
			...sourced(g, fact)
		};
		out.questions.push(noted(g, question, { factId: fact.id, slot }));
		asked = true;
	}
	if (asked) out.asked.push(answer.id);

	// Only the first template's claim becomes the fact's true/false question.
	if (out.claims.length > 0) return;
	// A swap is false in an exclusive slot. Elsewhere it is "not given", where such a swap reads
	// as a believable statement, and said without the occasion: "Xi held talks with Kishida on
	// Monday" is all but contradicted by the talks with Putin that day.
	const swapClaim = exclusive ? spec.claim : spec.undatedClaim;
	const canSwap =
		!spec.noChoices && swapClaim !== undefined && (exclusive || swapsToNotGiven(fact.predicate));
	const implausible = exclusive ? () => false : absurdSwap(g, fact, slot);
	out.claims.push({
		templateId: spec.templateId,
		fact,
		slot,
		verdict: exclusive ? 'false' : 'not_given',
		trueText: spec.trueClaim,
		swapped: !canSwap
			? undefined
			: (r) => {
					// Swap in one entity the base does not hold the claim for, reading the same way:
					// one of the distractors when there are some, else a fresh search.
					const same = (n: EntityNode) => n.plural === answerPlural && !implausible(n);
					const known = candidates?.map((tier) => tier.filter(same)).filter((t) => t.length > 0);
					const swap =
						known && known.length > 0
							? pickFromTiers(known, r, 1)[0]
							: entityDistractors(answer, tiers, (n) => invalid(n) || !same(n), r, 1)?.[0];
					return swap && { text: swapClaim(swap), swap: swap.id };
				}
	});
}

/** Words that open a question and read as well after "According to the article, ". */
const openingWord =
	/^(Who|Whom|Which|What|Where|When|How|In|On|At|During|Ahead|After|Before|As|While|With|For|From|Since)\b/;

/**
 * "According to the article, who …?": for a relation the text does not make exclusive, the
 * article names one answer, and the world may hold others.
 */
export function accordingToTheArticle(prompt: string): string {
	if (/^According to\b/.test(prompt)) return prompt;
	const opening = openingWord.test(prompt)
		? prompt.charAt(0).toLowerCase() + prompt.slice(1)
		: prompt;
	return `According to the article, ${opening}`;
}

/** The countries and places an entity belongs to: its title's country, the places it lies in. */
function homesOf(g: Gen, id: string): string[] {
	const homes = g.ix.factsAbout('role_of', id).flatMap((f) => (f.object ? [f.object] : []));
	return [...homes, ...g.ix.parents(id)];
}

const travel = new Set<Fact['predicate']>(['visited', 'traveled_to', 'arrived_at']);

/**
 * The places a place goes with: what it lies in, and the other places one traveller visited on
 * the same occasion ("Xi's Moscow visit" and "his visit to Russia" tie Moscow to Russia).
 */
function placesWith(g: Gen, place: string): string[] {
	const out = [place, ...g.ix.parents(place)];
	for (const p of travel) {
		for (const f of g.ix.factsAboutObject(p, place)) {
			if (f.date === undefined) continue;
			for (const q of travel) {
				for (const h of g.ix.factsAbout(q, f.subject)) {
					if (h.object !== undefined && h.date?.date === f.date.date) out.push(h.object);
				}
			}
		}
	}
	return out;
}

/**
 * A swap no learner would believe: travelling to one's own country or its capital ("Putin
 * visited Moscow"), or a place lying in what it is said to visit.
 */
function absurdSwap(g: Gen, fact: Fact, slot: FactSlot): (n: EntityNode) => boolean {
	const knownId = slot === 'subject' ? fact.object : fact.subject;
	if (!travel.has(fact.predicate) || knownId === undefined) return () => false;
	if (slot === 'subject') {
		const around = placesWith(g, knownId);
		return (n) => homesOf(g, n.id).some((h) => around.includes(h));
	}
	const homes = homesOf(g, knownId);
	return (n) => placesWith(g, n.id).some((p) => homes.includes(p));
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
	const claimWith = (n: EntityNode, when: string) => {
		const s = t.hole === 'subject' ? n : knownNode;
		const o = t.hole === 'subject' ? knownNode : n;
		const S = displayName(s.entity);
		const O = mention(o.entity, s.keys, o.nameKey) ?? displayName(o.entity);
		return capitalise(t.claim(parts(S, O, V, when, n.entity, s.entity)));
	};
	const claimFor = (n: EntityNode) => claimWith(n, ctx.text);
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
			undatedClaim: (n) => claimWith(n, ''),
			trueClaim: () => claimFor(answerNode),
			named: [known.id, ...(f.place !== undefined ? [f.place] : [])],
			samePoolOnly: t.samePoolOnly ?? false,
			anchored: ctx.date !== undefined
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
			// "… territory captured from Kyiv; Putin's trip there was …": ask about the first clause
			// (but "Armstrong said: "That's …"" is one clause, its quotation included).
			const clause = rest.replace(/(?:;|:(?! ["“])) [\s\S]*$/, '.');
			// A clause of a word or two ("said.") asks nothing.
			if (clause.split(' ').length < 3) continue;
			return { lead: statement.slice(0, start), rest: ` ${clause}` };
		}
	}
	return undefined;
}

const singularOf: Record<string, string> = { are: 'is', have: 'has', were: 'was', do: 'does' };
/** Forms a singular subject leaves as they are: modals, past tenses, verbs with -s already. */
const sameForOne =
	/^(will|would|can|could|may|might|must|shall|should|had|did|\w+ed|\w*[^s]s|was|is|has)$/;
/** Common irregular past tenses, which a plural subject shares with a singular one. */
const irregularPast = new Set(
	(
		'said made met held led left began won told gave saw came became spoke wrote brought ' +
		'bought sought thought took went sent spent built fought kept felt found heard knew ' +
		'lost paid put ran rose set sat stood struck taught understood withdrew drew grew threw ' +
		'flew fell got hit let meant read shot shut split spread stuck swore wore woke'
	).split(' ')
);
const adverb = /^(also|often|still|never|already|reportedly|now|long|\w+ly)$/;

/**
 * The rest of a plural subject's sentence made to agree with one ("have argued" → "has argued",
 * "fear that" → "fears that"), past a leading adverb ("also fear" → "also fears"). With
 * `auxiliaryOnly`, only "are/have/were/do" change (a collective "the crew were met").
 */
export function agreeWithOne(rest: string, auxiliaryOnly = false): string {
	const words = rest.split(' ');
	// rest starts with a space: words[0] is ''.
	let i = 1;
	if (adverb.test(words[i] ?? '')) i++;
	const word = words[i];
	if (word === undefined || !/^[a-z]+$/.test(word)) return rest;
	if (singularOf[word] !== undefined) words[i] = singularOf[word];
	else if (!auxiliaryOnly && !sameForOne.test(word) && !irregularPast.has(word)) {
		words[i] = /[^aeiou]y$/.test(word)
			? `${word.slice(0, -1)}ies`
			: /(sh|ch|x|z|o)$/.test(word)
				? `${word}es`
				: `${word}s`;
	}
	return words.join(' ');
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
	const statementWith = (n: EntityNode) =>
		`${split.lead}${split.lead === '' ? capitalise(displayName(n.entity)) : displayName(n.entity)}${split.rest}`;
	// "Western countries have argued …" asks "Who has argued …?".
	let rest = agreeWithOne(split.rest, !subjectNode.plural);
	// An occasion is asked with its date: "… greeted by a military band on Tuesday?".
	let anchored = f.date !== undefined && hasPhrase(freshKey(rest), key(f.date.wording));
	if (
		!anchored &&
		f.date &&
		isOccasion(f.predicate) &&
		!/\b(his|her|its|their)\b/i.test(f.date.wording)
	) {
		rest = `${rest.replace(/[.?!]+$/, '')} ${dateAdverb(f.date.wording)}.`;
		anchored = true;
	}
	finishEntity(
		g,
		{
			templateId: `who-${f.predicate.replace(/_/g, '-')}`,
			fact: f,
			answer: subjectNode,
			ask,
			prompt: asQuestion(`${split.lead}${opening(wh)}${rest}`),
			among: () => asQuestion(`${split.lead}${opening(`Which of these ${many}`)}${rest}`),
			claim: (n) => statementWith(n),
			// A statement of one scene cannot be swapped without it.
			...(isOccasion(f.predicate) ? {} : { undatedClaim: (n: EntityNode) => statementWith(n) }),
			trueClaim: () => f.statement,
			named: f.object !== undefined && f.object !== f.subject ? [f.object] : [],
			noChoices: placeActs,
			anchored
		},
		out
	);
}

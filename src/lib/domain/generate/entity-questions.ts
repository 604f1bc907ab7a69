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
import { asQuestion, capitalise, freshKey, hash32, hasPhrase, key, leaksKey } from './text';

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

// The faces of flashcards: a prompt on the front, the answer with its evidence on the back.
// Fact cards come from the fact base (forward, and reverse where asking the other way round
// makes sense: role to person, both sides of a meeting); question cards from a teacher's set.
import type { Entity, Fact, FactBase, Predicate } from './fact-base';
import { agree, displayName, indefinite, mention, placePhrase, whWord } from './generate/english';
import {
	calendarWords,
	capitalise,
	dateAdverb,
	displayDate,
	hasPhrase,
	key,
	numberForms
} from './generate/text';
import { describeAnswer, toPublicQuestion, unknownType } from './public-question';
import type { Question } from './question';
import { resolveRelative } from './relative-dates';

export type CardDirection = 'forward' | 'reverse';

export interface CardFront {
	prompt: string;
	/** A line under the prompt: the sentence with its gap, "True or false?", the unit. */
	detail?: string;
	/** Lists a learner needs to answer: the choices, the items to match or order. */
	lists?: { label: string; items: string[] }[];
	/** A sentence with a gap: the words before, the hidden answer, the words after. */
	cloze?: { before: string; answer: string; after: string };
}

export interface CardBack {
	answer: string;
	/** The fact as a sentence, or the question's explanation. */
	explanation?: string;
	/** The verbatim evidence and where it is. */
	quote?: string;
	sourceId?: string;
	factId?: string;
}

export interface CardFaces {
	front: CardFront;
	back: CardBack;
}

export interface FactCard extends CardFaces {
	id: string;
	factId: string;
	sourceId: string;
	direction: CardDirection;
	/** Order within the source's deck: the fact's order, forward before reverse. */
	position: number;
}

export function factCardId(factId: string, direction: CardDirection = 'forward'): string {
	return `fact:${factId}:${direction}`;
}

export function questionCardId(questionId: string): string {
	return `question:${questionId}`;
}

const GAP = '_____';

interface Draft {
	fact: Fact;
	direction: CardDirection;
	prompt: string;
	answer: string;
	/** Other ways the answer is written, which the front must not contain. */
	answerForms: string[];
	/** What the prompt gives: two facts giving the same ask the same question. */
	given: string;
}

/** The cards of a fact base, in deck order. Fronts are unique and never hold their answer. */
export function factCards(base: FactBase): FactCard[] {
	const entities = new Map(base.entities.map((e) => [e.id, e]));
	const drafts: Draft[] = [];
	for (const fact of base.facts) {
		const forward = forwardDraft(fact, entities);
		drafts.push(forward);
		const reverse = reverseDraft(fact, entities);
		if (reverse) drafts.push(reverse);
	}
	// A front two facts share with different answers cannot be answered (nor can one whose
	// facts give the same, like "Who greeted Xi at the Kremlin?": a band, officials, Putin).
	// The forward card asks its fact's sentence with a gap instead; a reverse card is left out.
	const answersOf = new Map<string, Set<string>>();
	const note = (k: string, answer: string) =>
		answersOf.set(k, (answersOf.get(k) ?? new Set()).add(key(answer)));
	for (const d of drafts) {
		note(`prompt:${key(d.prompt)}`, d.answer);
		note(`given:${d.given}`, d.answer);
	}
	const cards: FactCard[] = [];
	const usedGaps = new Set<string>();
	for (const [index, fact] of base.facts.entries()) {
		for (const d of drafts.filter((x) => x.fact === fact)) {
			const ambiguous =
				(answersOf.get(`prompt:${key(d.prompt)}`)?.size ?? 0) > 1 ||
				(answersOf.get(`given:${d.given}`)?.size ?? 0) > 1;
			// "Who did Xi meet last week?" says nothing a year on: the date is written out.
			const prompt = resolveRelative(d.prompt, base.source.publishedOn);
			const leaks = gives(prompt, d.answerForms);
			let front: CardFront = { prompt };
			if (ambiguous || leaks) {
				if (d.direction === 'reverse') continue;
				front = clozeFront(fact, d.answerForms, usedGaps) ?? front;
			}
			cards.push({
				id: factCardId(fact.id, d.direction),
				factId: fact.id,
				sourceId: base.source.id,
				direction: d.direction,
				position: index * 2 + (d.direction === 'reverse' ? 1 : 0),
				front,
				back: {
					answer: d.answer,
					explanation: fact.statement,
					quote: fact.quote,
					sourceId: base.source.id,
					factId: fact.id
				}
			});
		}
	}
	return cards;
}

/** Whether a text holds any of the forms, as whole words. */
function gives(text: string, forms: readonly string[]): boolean {
	const k = key(text);
	return forms.some((f) => hasPhrase(k, key(f)));
}

/**
 * The fact's sentence (or else its quote) with the answer taken out, unless another card
 * already asks that very gap ("China's position paper includes _____" has two answers).
 */
function clozeFront(
	fact: Fact,
	forms: readonly string[],
	used: Set<string>
): CardFront | undefined {
	const sorted = [...forms].filter((f) => f.trim() !== '').sort((a, b) => b.length - a.length);
	for (const sentence of [fact.statement, fact.quote]) {
		for (const form of sorted) {
			const at = sentence.toLowerCase().indexOf(form.toLowerCase());
			if (at === -1) continue;
			const gapped = sentence.slice(0, at) + GAP + sentence.slice(at + form.length);
			if (gives(gapped, forms) || used.has(key(gapped))) continue;
			used.add(key(gapped));
			return {
				prompt: 'Fill the gap, as the article has it.',
				detail: gapped,
				cloze: {
					before: sentence.slice(0, at),
					answer: sentence.slice(at, at + form.length),
					after: sentence.slice(at + form.length)
				}
			};
		}
	}
	return undefined;
}

function entityOf(entities: Map<string, Entity>, id: string | undefined): Entity | undefined {
	return id === undefined ? undefined : entities.get(id);
}

const formsOf = (e: Entity) => [e.name, ...e.aliases];

function valueText(f: Fact): string {
	if (f.value?.kind === 'text') return f.value.text;
	if (f.value?.kind === 'number') return `${f.value.amount} ${f.value.unit}`;
	return '';
}

/** " on Tuesday", " at the Kremlin", or both, as the fact gives them. */
function context(f: Fact, entities: Map<string, Entity>): string {
	const parts: string[] = [];
	const place = entityOf(entities, f.place);
	if (place) parts.push(placePhrase(displayName(place)));
	if (f.date) parts.push(dateAdverb(f.date.wording));
	return parts.length ? ` ${parts.join(' ')}` : '';
}

type Ask = (p: {
	S: string;
	O: string;
	V: string;
	ctx: string;
	wh: string;
	is: string;
	has: string;
	was: string;
	does: string;
}) => string;

/** Forward prompts per predicate: what the fact says about its subject. */
const forwardAsks: Record<Predicate, { ask: Ask; answer: 'object' | 'subject' | 'value' }> = {
	role_of: { ask: () => '', answer: 'value' }, // written below: people and bodies differ
	met: { ask: (p) => `${p.wh} did ${p.S} meet${p.ctx}?`, answer: 'object' },
	held_talks_with: { ask: (p) => `${p.wh} did ${p.S} hold talks with${p.ctx}?`, answer: 'object' },
	visited: { ask: (p) => `${p.wh} did ${p.S} visit${p.ctx}?`, answer: 'object' },
	arrived_at: { ask: (p) => `Where did ${p.S} arrive${p.ctx}?`, answer: 'object' },
	traveled_to: { ask: (p) => `Where did ${p.S} travel to${p.ctx}?`, answer: 'object' },
	greeted_by: { ask: (p) => `${p.wh} greeted ${p.S}${p.ctx}?`, answer: 'object' },
	escorted: { ask: (p) => `${p.wh} did ${p.S} escort ${p.V}?`, answer: 'object' },
	invited: { ask: (p) => `${p.wh} did ${p.S} invite ${p.V}?`, answer: 'object' },
	said: { ask: (p) => `Who said “${p.V}”${p.ctx}?`, answer: 'subject' },
	described_as: { ask: (p) => `How did ${p.S} describe ${p.O}${p.ctx}?`, answer: 'value' },
	called_for: { ask: (p) => `What did ${p.S} call for${p.ctx}?`, answer: 'value' },
	praised: { ask: (p) => `What did ${p.S} praise${p.ctx}?`, answer: 'object' },
	accused_of: { ask: (p) => `What ${p.has} ${p.S} been accused of${p.ctx}?`, answer: 'value' },
	denied: { ask: (p) => `What did ${p.S} deny${p.ctx}?`, answer: 'value' },
	member_of: { ask: (p) => `What ${p.is} ${p.S} a member of?`, answer: 'object' },
	includes: { ask: (p) => `What does ${p.S} include?`, answer: 'value' },
	count_of: { ask: (p) => `How many ${p.V} ${p.does} ${p.S} have?`, answer: 'value' },
	duration_of: { ask: (p) => `How long did ${p.S} last?`, answer: 'value' },
	happened_on: { ask: (p) => `When ${p.was} ${p.S}?`, answer: 'value' },
	subject_to: { ask: (p) => `What ${p.is} ${p.S} subject to?`, answer: 'object' },
	hosts: { ask: (p) => `What does ${p.S} host${p.ctx}?`, answer: 'object' },
	trades_with: { ask: (p) => `${p.wh} does ${p.S} trade with?`, answer: 'object' },
	exports_to: { ask: (p) => `What does ${p.S} export to ${p.O}?`, answer: 'value' },
	seeks: { ask: (p) => `What does ${p.S} seek?`, answer: 'value' },
	sees_as: { ask: (p) => `How does ${p.S} see ${p.O}?`, answer: 'value' },
	welcomed: { ask: (p) => `What would ${p.S} welcome?`, answer: 'value' },
	worried_about: { ask: (p) => `What ${p.is} ${p.S} worried about?`, answer: 'value' },
	is_a: { ask: (p) => `What ${p.is} ${p.S}, as the article describes it?`, answer: 'value' },
	located_in: { ask: (p) => `Where ${p.is} ${p.S}?`, answer: 'value' },
	relation: { ask: (p) => `${p.wh} ${p.V} ${p.O}${p.ctx}?`, answer: 'subject' }
};

function forwardDraft(f: Fact, entities: Map<string, Entity>): Draft {
	const subject = entities.get(f.subject)!;
	const object = entityOf(entities, f.object);
	const spec = forwardAsks[f.predicate];
	const answerEntity =
		spec.answer === 'object' ? object : spec.answer === 'subject' ? subject : undefined;
	let answer: string;
	let answerForms: string[];
	if (f.predicate === 'happened_on' && f.date) {
		const shown = displayDate(f.date.date);
		answer = shown.endsWith(f.date.wording) ? shown : `${shown} (“${f.date.wording}”)`;
		answerForms = [f.date.date, shown];
	} else if (answerEntity) {
		answer = answerEntity.name;
		answerForms = formsOf(answerEntity);
	} else if (f.value?.kind === 'number') {
		answer = valueText(f);
		answerForms = [answer, ...numberForms(f.value.amount)];
	} else {
		answer = valueText(f);
		answerForms = [answer];
	}
	// Name the subject without giving the answer away (or, for a date, the day it was).
	const avoid = [
		...answerForms.map(key),
		...(f.predicate === 'happened_on' ? calendarWords.map(key) : [])
	];
	const S = mention(subject, avoid) ?? displayName(subject);
	const O = object ? (mention(object, avoid) ?? displayName(object)) : '';
	const verbs = agree(subject);
	const parts = {
		S,
		O,
		V: f.value?.kind === 'number' ? f.value.unit : valueText(f),
		ctx: f.predicate === 'happened_on' ? '' : context(f, entities),
		wh: answerEntity ? whWord(answerEntity) : 'What',
		is: verbs.is,
		has: verbs.has,
		was: verbs.was,
		does: verbs.s ? 'does' : 'do'
	};
	const ctx = context(f, entities);
	const given = [
		f.predicate,
		spec.answer === 'subject' ? '' : f.subject,
		spec.answer === 'object' ? '' : (f.object ?? ''),
		spec.answer === 'value' ? '' : key(valueText(f)),
		spec.answer === 'value' && f.predicate !== 'happened_on' ? '' : key(ctx)
	].join('|');
	let prompt: string;
	if (f.predicate === 'role_of') {
		prompt =
			subject.kind === 'person'
				? `What role or title does the article give ${S}?`
				: `How does the article describe ${S}?`;
	} else if (f.predicate === 'described_as' && f.object === f.subject) {
		prompt = `How does ${S} present ${subject.kind === 'person' ? 'themselves' : 'itself'}?`;
	} else if (f.predicate === 'accused_of' && object) {
		prompt = `What ${agree(object).has} ${O} accused ${S} of${parts.ctx}?`;
	} else if (f.predicate === 'is_a' && subject.kind === 'person') {
		prompt = `How does the article describe ${S}?`;
	} else if (f.predicate === 'duration_of' && f.value?.kind === 'text') {
		prompt = `How long ${verbs.has} ${S} gone on?`;
	} else {
		prompt = spec.ask(parts);
	}
	if (f.predicate === 'said' || f.predicate === 'described_as') {
		if (spec.answer === 'value') answer = `“${answer}”`;
	}
	return { fact: f, direction: 'forward', prompt: capitalise(prompt), answer, answerForms, given };
}

/** The way back: role to person, and the other side of a meeting or talks. */
function reverseDraft(f: Fact, entities: Map<string, Entity>): Draft | undefined {
	const subject = entities.get(f.subject)!;
	const object = entityOf(entities, f.object);
	if (f.predicate === 'role_of' && f.value?.kind === 'text') {
		const role = f.value.text;
		const prompt =
			subject.kind === 'person'
				? `Who is the ${role}?`
				: `${whWord(subject)} does the article describe as ${indefinite(role)}?`;
		return {
			fact: f,
			direction: 'reverse',
			prompt: capitalise(prompt),
			answer: subject.name,
			// "Russian President Vladimir Putin" names him by the role the front gives.
			answerForms: formsOf(subject).filter((form) => !hasPhrase(key(form), key(role))),
			given: `role|${key(role)}`
		};
	}
	if ((f.predicate === 'met' || f.predicate === 'held_talks_with') && object) {
		const ctx = context(f, entities);
		const O = mention(object, formsOf(subject).map(key)) ?? displayName(object);
		const verb = f.predicate === 'met' ? 'meet' : 'hold talks with';
		return {
			fact: f,
			direction: 'reverse',
			prompt: capitalise(`${whWord(subject)} did ${O} ${verb}${ctx}?`),
			answer: subject.name,
			answerForms: formsOf(subject),
			given: `${f.predicate}|reverse|${f.object}|${key(ctx)}`
		};
	}
	return undefined;
}

/** A question card's faces: the public question on the front, its key on the back. */
export function questionCardFaces(q: Question, seed = 0): CardFaces {
	const shown = toPublicQuestion(q, seed, 'card');
	const front: CardFront = { prompt: shown.prompt };
	switch (shown.type) {
		case 'multiple_choice':
			front.lists = [{ label: 'Choices', items: shown.choices.map((c) => c.text) }];
			break;
		case 'true_false':
			front.detail = 'True or false?';
			break;
		case 'true_false_not_given':
			front.detail = 'True, false, or not given in the text?';
			break;
		case 'cloze':
			front.detail = `${shown.before} ${GAP} ${shown.after}`.trim();
			if (q.type === 'cloze') front.cloze = { before: q.before, answer: q.answer, after: q.after };
			break;
		case 'multiple_response':
			front.detail = 'Tick all that apply.';
			front.lists = [{ label: 'Choices', items: shown.choices.map((c) => c.text) }];
			break;
		case 'open_response':
			front.detail = 'Answer in your own words, then compare.';
			break;
		case 'numeric':
			if (shown.unit) front.detail = `Answer in ${shown.unit}.`;
			break;
		case 'matching':
			front.lists = [
				{ label: 'Match each of these', items: shown.lefts },
				{ label: 'with one of these', items: shown.rights }
			];
			break;
		case 'ordering':
			front.lists = [{ label: 'Put these in order', items: shown.items }];
			break;
		case 'short_answer':
		case 'date':
		case 'description':
			break;
		default:
			unknownType(shown);
	}
	const factId = q.provenance?.factIds[0];
	// The back lists every right option of a multiple response question, one per line.
	const answer =
		q.type === 'multiple_response'
			? q.choices
					.filter((c) => c.weight > 0)
					.map((c) => c.text)
					.join('\n')
			: describeAnswer(q);
	return {
		front,
		back: {
			answer,
			...(q.explanation ? { explanation: q.explanation } : {}),
			...(q.provenance
				? {
						quote: q.provenance.quote,
						sourceId: q.provenance.sourceId,
						...(factId ? { factId } : {})
					}
				: {})
		}
	};
}

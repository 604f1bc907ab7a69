// Questions whose answer is a value of the fact: a phrase (a title, an aim), a number, a date.
import type { Fact } from '../fact-base';
import type { DateQuestion, MultipleChoiceQuestion, NumericQuestion } from '../question';
import { isExclusive } from '../predicates';
import { noted } from './notes';
import {
	contextFor,
	distinctMention,
	parts,
	randomFor,
	sourced,
	type Drafts,
	type Gen
} from './build';
import {
	dateDistractors,
	numberDistractors,
	pickFromTiers,
	textCandidates,
	textDistractors
} from './distractors';
import { displayName, eventWording, mention } from './english';
import { phrase, relatedPredicates, slugOf, type Phrase } from './fact-index';
import type { NumberTemplate, TextTemplate } from './templates';
import {
	calendarWords,
	capitalise,
	dateForms,
	displayDate,
	freshKey,
	hasPhrase,
	key,
	leaks,
	leaksKey,
	numberForms,
	overlaps
} from './text';

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
	const claimParts = () =>
		parts(
			displayName(subject),
			object ? displayName(object) : '',
			answer,
			ctx.text,
			undefined,
			subject
		);
	// Only a value the text makes exclusive (a person's title) can have wrong options: "what
	// does China seek?" has answers the article never mentions. Such a fact is stated, not asked.
	if (!isExclusive(f, 'value', g.kindOf)) {
		if (out.claims.length === 0) {
			const stated = claimParts();
			out.claims.push({
				templateId: t.id,
				fact: f,
				slot: 'value',
				verdict: 'not_given',
				trueText: () => capitalise(t.claim(stated))
			});
		}
		return;
	}

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
		const question: MultipleChoiceQuestion = {
			id,
			type: 'multiple_choice',
			prompt,
			choices: random
				.shuffle([answerPhrase, ...distractors])
				.map((c) => ({ id: `t-${slugOf(c)}`, text: capitalise(c.text) })),
			correctChoiceId: `t-${slugOf(answerPhrase)}`,
			...sourced(g, f)
		};
		out.questions.push(noted(g, question, { factId: f.id, slot: 'value' }));
	}
	if (out.claims.length > 0) return;
	const stated = claimParts();
	out.claims.push({
		templateId: t.id,
		fact: f,
		slot: 'value',
		verdict: 'false',
		trueText: () => capitalise(t.claim(stated)),
		swapped: (r) => {
			const swap = textDistractors(answerPhrase, tiers, invalid, r, 1)?.[0];
			return swap && { text: capitalise(t.claim({ ...stated, V: swap.text })), swap: swap.text };
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
	out.questions.push(noted(g, numeric, { factId: f.id, slot: 'value' }));

	const id = `mc:${t.id}:${f.id}`;
	const random = randomFor(g, id);
	const distractors = numberDistractors(amount, amounts, random);
	if (distractors) {
		const question: MultipleChoiceQuestion = {
			id,
			type: 'multiple_choice',
			prompt,
			choices: random.shuffle([amount, ...distractors]).map((n) => ({
				id: `n-${formatAmount(n)}`,
				text: quantity(n, unit)
			})),
			correctChoiceId: `n-${formatAmount(amount)}`,
			...sourced(g, f)
		};
		out.questions.push(noted(g, question, { factId: f.id, slot: 'value' }));
	}
	if (out.claims.length > 0) return;
	// The subject as the prompt names it: "China's 12-point position paper has 12 points" is no test.
	const claimParts = { ...parts(S, '', '', '', undefined, subject), unit };
	out.claims.push({
		templateId: t.id,
		fact: f,
		slot: 'value',
		verdict: 'false',
		trueText: () => capitalise(t.claim({ ...claimParts, q: quantity(amount, unit) })),
		swapped: (r) => {
			const swap = numberDistractors(amount, amounts, r, 1)?.[0];
			return swap === undefined
				? undefined
				: {
						text: capitalise(t.claim({ ...claimParts, q: quantity(swap, unit) })),
						swap: String(swap)
					};
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
	const S = distinctMention(g, subject, avoid);
	if (S === undefined) return;
	const begins = /\b(began|begin|begins|started|start|starts)\b/i.test(f.statement);
	const wording = eventWording(S, begins);
	const prompt = `${precisionPrompt[precision]} ${wording.ask}?`;
	if (leaks(prompt, dateForms(iso).map(key))) return;

	const dateQuestion: DateQuestion = {
		id: `date:when:${f.id}`,
		type: 'date',
		prompt,
		answer: iso,
		precision,
		...sourced(g, f)
	};
	out.questions.push(noted(g, dateQuestion, { factId: f.id, slot: 'date' }));

	const id = `mc:when:${f.id}`;
	const random = randomFor(g, id);
	const distractors = dateDistractors(iso, precision, trueDates, random);
	if (distractors) {
		const question: MultipleChoiceQuestion = {
			id,
			type: 'multiple_choice',
			prompt,
			choices: random.shuffle([iso, ...distractors]).map((d) => ({ id: d, text: displayDate(d) })),
			correctChoiceId: iso,
			...sourced(g, f)
		};
		out.questions.push(noted(g, question, { factId: f.id, slot: 'date' }));
	}
	const claim = (d: string) =>
		`${wording.said} ${precision === 'day' ? 'on' : 'in'} ${displayDate(d)}.`;
	out.claims.push({
		templateId: 'when',
		fact: f,
		slot: 'date',
		verdict: 'false',
		trueText: () => claim(iso),
		swapped: (r) => {
			const swap = dateDistractors(iso, precision, trueDates, r, 1)?.[0];
			return swap === undefined ? undefined : { text: claim(swap), swap };
		}
	});
}

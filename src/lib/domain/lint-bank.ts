// Checks a generated bank against the question-quality rules (docs/question-quality.md), as far
// as a machine can: every falsehood an item implies comes from a slot the text makes exclusive,
// wrong options are of the answer's kind, nothing in a prompt or hint gives its answer away,
// occasions and relative dates are anchored, and the wording avoids known bad forms.
import type { DatePrecision, Fact, FactBase } from './fact-base';
import { blankLabel } from './generate/cloze';
import { FactIndex, type Ask } from './generate/fact-index';
import type { ItemNote } from './generate/notes';
import { calendarWords, dateForms, freshKey, hasPhrase, key, numberForms } from './generate/text';
import { isExclusive, isOccasion, swapsToNotGiven, type KindOf } from './predicates';
import { dateInputHint } from './public-question';
import type { Question } from './question';
import { relativeDateWords } from './relative-dates';

export const lintRules = {
	'false-not-exclusive':
		'A wrong option or false statement comes from a slot the text does not make exclusive.',
	'not-given-exclusive':
		'A "not given" statement swaps an exclusive slot: it is false, not unsaid.',
	'not-given-held': 'A "not given" statement is one the text does state.',
	'not-given-unswappable': 'A "not given" statement swaps a predicate whose swaps read as absurd.',
	'option-kind': 'A wrong option is not of the same kind as the answer.',
	'answer-in-prompt': 'The prompt, or the words around a blank, contain the answer.',
	'answer-in-hint': 'The input hint contains an answer of the bank.',
	'cloze-label': 'The blank is labelled with the wrong kind or number.',
	'relative-date': 'The prompt dates something relative to publication ("last week").',
	'unanchored-occasion': 'An item asks for who met, visited or greeted without saying when.',
	wording: 'The prompt uses a form a teacher would not write.'
} as const;
export type LintRule = keyof typeof lintRules;

export interface LintProblem {
	rule: LintRule;
	questionId: string;
	message: string;
}

/** Forms a teacher would not write, with what to write instead. */
const badWordings: { pattern: RegExp; say: string }[] = [
	{
		pattern: /\bdid (?:the )?[^?]*['’]s [^?]* take place\?/i,
		say: 'asks when an "X\'s arrival" took place: ask "when did X arrive"'
	},
	{
		pattern: /^(?:According to the article, )?(?:who|which \w+) (?:have|are|were)\b/i,
		say: 'a singular question word with a plural verb ("Who have …")'
	},
	{
		pattern: /\b(?:that|those|these) (?:meeting|visit|trip|talks|event|day)\b/i,
		say: 'points back to something the question does not name ("that meeting")'
	},
	{ pattern: /^\S+(?: \S+){0,2}\?$/, say: 'too short to ask anything ("Who said?")' }
];

const calendarKeys = calendarWords.map(key);

/** Whether a prompt says when: a date, a month or weekday, a year, or the fact's own wording. */
function anchored(prompt: string, fact: Fact): boolean {
	const k = freshKey(prompt);
	if (/\b\d{4}\b/.test(prompt)) return true;
	if (calendarKeys.some((c) => hasPhrase(k, c))) return true;
	return fact.date !== undefined && hasPhrase(k, key(fact.date.wording));
}

/** The ways the answer of a question may be written, as keys (none for true/false and the like). */
function answerKeys(q: Question): string[] {
	switch (q.type) {
		case 'short_answer':
		case 'cloze':
			return [q.answer, ...q.alternatives].map(key);
		case 'numeric':
			return numberForms(q.answer).map(key);
		case 'date':
			return dateForms(q.answer).map(key);
		case 'multiple_choice': {
			const right = q.choices.find((c) => c.id === q.correctChoiceId);
			return right ? [key(right.text)] : [];
		}
		default:
			return [];
	}
}

/** Whether the item asserts something false when a learner takes a wrong reading of it. */
function impliesFalsehood(q: Question): boolean {
	switch (q.type) {
		case 'multiple_choice':
		case 'matching':
			return true;
		case 'true_false':
			return !q.answer;
		case 'true_false_not_given':
			return q.answer === 'false';
		default:
			return false;
	}
}

/** The entity or slot filler an item's note is about, for the per-item checks. */
interface Context {
	ix: FactIndex;
	kindOf: KindOf;
	fact: Fact;
	note: ItemNote;
}

function checkNoted(q: Question, c: Context, problem: (rule: LintRule, msg: string) => void) {
	const { fact, note, kindOf, ix } = c;
	if (impliesFalsehood(q)) {
		const facts =
			q.type === 'matching'
				? (q.provenance?.factIds ?? []).flatMap((id) => ix.fact(id) ?? [])
				: [fact];
		for (const f of facts) {
			if (!isExclusive(f, note.slot, kindOf)) {
				problem(
					'false-not-exclusive',
					`${f.predicate}'s ${note.slot} is not exclusive, yet the item treats another ${note.slot} as false`
				);
			}
		}
	}
	if (q.type === 'true_false_not_given' && q.answer === 'not_given') {
		if (isExclusive(fact, note.slot, kindOf)) {
			problem('not-given-exclusive', `${fact.predicate}'s ${note.slot} is exclusive`);
		}
		if (!swapsToNotGiven(fact.predicate)) {
			problem(
				'not-given-unswappable',
				`${fact.predicate} is marked as not swapping to "not given"`
			);
		}
		if (note.swap !== undefined && (note.slot === 'subject' || note.slot === 'object')) {
			const known = note.slot === 'subject' ? fact.object : fact.subject;
			const value = fact.value?.kind === 'text' ? ix.valueKey(fact) : undefined;
			const ask: Ask = { predicate: fact.predicate, hole: note.slot, known, value };
			if (ix.mayHold(ask, note.swap)) {
				problem('not-given-held', `the text relates ${note.swap} to ${known ?? 'it'} as well`);
			}
		}
	}
	if (q.type === 'multiple_choice' && (note.slot === 'subject' || note.slot === 'object')) {
		const answer = ix.entity(q.correctChoiceId);
		for (const choice of q.choices) {
			const option = ix.entity(choice.id);
			if (answer && option && option.kind !== answer.kind) {
				problem('option-kind', `"${choice.text}" is a ${option.kind}, the answer a ${answer.kind}`);
			}
		}
	}
	if (q.type === 'cloze' && note.slot !== 'value' && note.slot !== 'date') {
		const blanked = ix.entity(fact[note.slot]);
		if (blanked && !q.prompt.endsWith(`the ${blankLabel(blanked)}.`)) {
			problem('cloze-label', `"${blanked.name}" is labelled in "${q.prompt}"`);
		}
	}
	const asksEntity =
		(q.type === 'multiple_choice' || q.type === 'short_answer') &&
		(note.slot === 'subject' || note.slot === 'object');
	if (asksEntity && isOccasion(fact.predicate) && !anchored(q.prompt, fact)) {
		problem('unanchored-occasion', `"${q.prompt}" does not say when`);
	}
}

/**
 * Every problem the linter finds in a bank generated from the base, with the notes the generator
 * kept of its items (see questionBank). `dateHint` is the hint the date input shows (the app's
 * own unless a test gives another). An item without a note is checked for its wording only.
 */
export function lintBank(
	base: FactBase,
	questions: readonly Question[],
	notes: ReadonlyMap<Question, ItemNote> = new Map(),
	dateHint: (precision: DatePrecision) => string = dateInputHint
): LintProblem[] {
	const ix = new FactIndex(base);
	const kindOf: KindOf = (id) => ix.node(id)?.kind;
	const problems: LintProblem[] = [];
	const dateAnswers = questions.flatMap((q) => (q.type === 'date' ? [q.answer] : []));
	for (const precision of ['day', 'month', 'year'] as const) {
		const hint = freshKey(dateHint(precision));
		for (const answer of dateAnswers) {
			if (dateForms(answer).some((form) => hasPhrase(hint, key(form)))) {
				problems.push({
					rule: 'answer-in-hint',
					questionId: '(date input)',
					message: `the ${precision} hint shows ${answer}`
				});
			}
		}
	}
	for (const q of questions) {
		const problem = (rule: LintRule, message: string) =>
			problems.push({ rule, questionId: q.id, message });
		const promptKey = freshKey(q.prompt);
		const around = q.type === 'cloze' ? freshKey(`${q.before} ${q.after}`) : '';
		for (const k of answerKeys(q)) {
			if (hasPhrase(promptKey, k) || (around !== '' && hasPhrase(around, k))) {
				problem('answer-in-prompt', `the answer "${k}" is in the question`);
				break;
			}
		}
		for (const words of relativeDateWords(q.prompt)) {
			problem('relative-date', `"${words}" in "${q.prompt}"`);
		}
		for (const { pattern, say } of badWordings) {
			if (pattern.test(q.prompt)) problem('wording', `${say}: "${q.prompt}"`);
		}
		const note = notes.get(q);
		const fact = note && ix.fact(note.factId);
		if (note && fact) checkNoted(q, { ix, kindOf, fact, note }, problem);
	}
	return problems;
}

/** Problems counted by rule, in the table's order: for the command line and tests. */
export function countByRule(problems: readonly LintProblem[]): Record<LintRule, number> {
	const counts = Object.fromEntries(Object.keys(lintRules).map((r) => [r, 0])) as Record<
		LintRule,
		number
	>;
	for (const p of problems) counts[p.rule]++;
	return counts;
}

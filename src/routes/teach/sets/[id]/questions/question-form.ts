// The question editor's form: the values its inputs hold (rows and all), read from a submitted
// form; rows added and removed by submit buttons, so the editor works without JavaScript; and
// the values turned into a Question, or a message for each field that is wrong.
import { validateQuestion } from '$lib/domain/formats/json';
import { isIsoDate } from '$lib/domain/normalise';
import { fromPercentText, percentText } from '$lib/domain/public-question';
import {
	evenWeights,
	questionTypes,
	rangeMidpoint,
	verdicts,
	type Question,
	type QuestionType,
	type Verdict
} from '$lib/domain/question';

export const typeLabels: Record<QuestionType, string> = {
	multiple_choice: 'Multiple choice',
	true_false: 'True or false',
	true_false_not_given: 'True, false or not given',
	short_answer: 'Short answer',
	numeric: 'Number',
	date: 'Date',
	matching: 'Matching',
	ordering: 'Ordering',
	cloze: 'Fill in the blank',
	multiple_response: 'Multiple response',
	open_response: 'Open response',
	description: 'Description'
};

export const typeHints: Record<QuestionType, string> = {
	multiple_choice: 'Learners pick the one right answer among your choices.',
	true_false: 'Learners say whether a statement is true.',
	true_false_not_given:
		'Learners say whether the text states a statement, contradicts it, or does not say.',
	short_answer: 'Learners type a word or a name; small typos are forgiven.',
	numeric: 'Learners type a number, right within a tolerance you set.',
	date: 'Learners type or pick a date, to the day, the month or the year.',
	matching: 'Learners match each item on the left with one on the right.',
	ordering: 'Learners put items in order, earliest or first at the top.',
	cloze: 'Learners type the words missing from a sentence.',
	multiple_response:
		'Learners tick all the answers that apply; each right tick earns its share, wrong ticks cost.',
	open_response:
		'Learners write an answer, then see your model answer and mark themselves: right, partly or wrong.',
	description: 'Text shown between questions, like a passage to read; not scored.'
};

export const MAX_TEXT = 2000;
export const MAX_ROWS = 20;
const precisions = ['day', 'month', 'year'] as const;
type Precision = (typeof precisions)[number];

export interface ChoiceRow {
	/** Kept when a choice is edited; '' for a new row. */
	id: string;
	text: string;
	feedback: string;
	/** Multiple response: ticked as a right answer. */
	right: boolean;
	/**
	 * A percentage, or '': a multiple choice's part marks for a wrong choice; a multiple
	 * response's weight (empty for all: right ones share the marks, wrong ones cost as much).
	 */
	weight: string;
}

export interface EditorValues {
	type: QuestionType;
	title: string;
	prompt: string;
	explanation: string;
	choices: ChoiceRow[];
	/** The index of the right choice, as the radio's value; '' for none. */
	correct: string;
	/** true_false uses true and false; true_false_not_given all three verdicts. */
	truth: '' | Verdict;
	answer: string;
	/** Other accepted answers, one per line. */
	alternatives: string;
	tolerance: string;
	unit: string;
	precision: Precision;
	pairs: { left: string; right: string }[];
	items: string[];
	before: string;
	after: string;
	/** Multiple response: only exactly the right choices score. */
	allOrNothing: boolean;
	/** Short answer: answers worth part of the marks, one per line: "50% answer". */
	partialAnswers: string;
	caseSensitive: boolean;
	/** Open response: what a good answer says. */
	modelAnswer: string;
}

export type EditorErrors = Record<string, string>;

export function isQuestionType(value: string): value is QuestionType {
	return (questionTypes as readonly string[]).includes(value);
}

const emptyChoice = (): ChoiceRow => ({ id: '', text: '', feedback: '', right: false, weight: '' });
const emptyPair = () => ({ left: '', right: '' });

export function emptyValues(type: QuestionType): EditorValues {
	return {
		type,
		title: '',
		prompt: type === 'cloze' ? 'Fill in the blank.' : '',
		explanation: '',
		choices: [emptyChoice(), emptyChoice(), emptyChoice()],
		correct: '',
		truth: '',
		answer: '',
		alternatives: '',
		tolerance: '0',
		unit: '',
		precision: 'day',
		pairs: [emptyPair(), emptyPair(), emptyPair()],
		items: ['', '', ''],
		before: '',
		after: '',
		allOrNothing: false,
		partialAnswers: '',
		caseSensitive: false,
		modelAnswer: ''
	};
}

export function valuesFromQuestion(q: Question): EditorValues {
	const values: EditorValues = {
		...emptyValues(q.type),
		title: q.title ?? '',
		prompt: q.prompt,
		explanation: q.explanation
	};
	switch (q.type) {
		case 'multiple_choice':
			values.choices = q.choices.map((c) => ({
				id: c.id,
				text: c.text,
				feedback: c.feedback ?? '',
				right: false,
				weight: c.credit !== undefined ? percentText(c.credit) : ''
			}));
			values.correct = String(q.choices.findIndex((c) => c.id === q.correctChoiceId));
			break;
		case 'multiple_response': {
			// Even weights are left blank: the editor makes them again from the ticks.
			const even = evenWeights(q.choices.map((c) => c.weight > 0));
			const isEven = q.choices.every((c, i) => c.weight === even[i]);
			values.choices = q.choices.map((c) => ({
				id: c.id,
				text: c.text,
				feedback: c.feedback ?? '',
				right: c.weight > 0,
				weight: isEven ? '' : percentText(c.weight)
			}));
			values.allOrNothing = q.allOrNothing;
			break;
		}
		case 'open_response':
			values.modelAnswer = q.modelAnswer;
			break;
		case 'description':
			break;
		case 'true_false':
			values.truth = q.answer ? 'true' : 'false';
			break;
		case 'true_false_not_given':
			values.truth = q.answer;
			break;
		case 'short_answer':
		case 'cloze':
			values.answer = q.answer;
			values.alternatives = q.alternatives.join('\n');
			if (q.type === 'cloze') {
				values.before = q.before;
				values.after = q.after;
			} else {
				values.partialAnswers = (q.partialAnswers ?? [])
					.map((p) => `${percentText(p.credit)}% ${p.answer}`)
					.join('\n');
				values.caseSensitive = q.caseSensitive === true;
			}
			break;
		case 'numeric':
			values.answer = q.range ? `${q.range.min}..${q.range.max}` : String(q.answer);
			values.tolerance = q.range ? '0' : String(q.tolerance);
			values.unit = q.unit ?? '';
			break;
		case 'date':
			values.answer = q.answer;
			values.precision = q.precision;
			break;
		case 'matching':
			values.pairs = q.pairs.map((p) => ({ ...p }));
			break;
		case 'ordering':
			values.items = [...q.items];
			break;
	}
	return values;
}

function text(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

function texts(data: FormData, name: string): string[] {
	return data
		.getAll(name)
		.slice(0, MAX_ROWS + 1)
		.map((v) => (typeof v === 'string' ? v : ''));
}

/** The values of a submitted editor form; undefined when it names no question type. */
export function readValues(data: FormData): EditorValues | undefined {
	const type = text(data, 'type');
	if (!isQuestionType(type)) return undefined;
	const choiceTexts = texts(data, 'choiceText');
	const feedback = texts(data, 'choiceFeedback');
	const ids = texts(data, 'choiceId');
	const weights = texts(data, 'choiceWeight');
	const ticked = new Set(texts(data, 'choiceRight'));
	const lefts = texts(data, 'pairLeft');
	const rights = texts(data, 'pairRight');
	const truth = text(data, 'truth');
	const precision = text(data, 'precision');
	return {
		type,
		title: text(data, 'title'),
		prompt: text(data, 'prompt'),
		explanation: text(data, 'explanation'),
		choices: choiceTexts.map((t, i) => ({
			id: ids[i] ?? '',
			text: t,
			feedback: feedback[i] ?? '',
			right: ticked.has(String(i)),
			weight: weights[i] ?? ''
		})),
		correct: text(data, 'correct'),
		truth: (verdicts as readonly (string | undefined)[]).includes(truth) ? (truth as Verdict) : '',
		answer: text(data, 'answer'),
		alternatives: text(data, 'alternatives'),
		tolerance: text(data, 'tolerance'),
		unit: text(data, 'unit'),
		precision: (precisions as readonly string[]).includes(precision)
			? (precision as Precision)
			: 'day',
		pairs: lefts.map((left, i) => ({ left, right: rights[i] ?? '' })),
		items: texts(data, 'item'),
		before: text(data, 'before'),
		after: text(data, 'after'),
		allOrNothing: text(data, 'allOrNothing') === 'on',
		partialAnswers: text(data, 'partialAnswers'),
		caseSensitive: text(data, 'caseSensitive') === 'on',
		modelAnswer: text(data, 'modelAnswer')
	};
}

/**
 * What a row button asks for ("add-choice", "remove-pair:2"), applied to the values; undefined
 * when the intent is to save (or is not one of these).
 */
export function applyIntent(values: EditorValues, intent: string): EditorValues | undefined {
	const m = /^(add|remove)-(choice|pair|item)(?::(\d+))?$/.exec(intent);
	if (!m) return undefined;
	const [, verb, row, at] = m;
	const next: EditorValues = {
		...values,
		choices: [...values.choices],
		pairs: [...values.pairs],
		items: [...values.items]
	};
	const list = row === 'choice' ? next.choices : row === 'pair' ? next.pairs : next.items;
	if (verb === 'add') {
		if (list.length >= MAX_ROWS) return next;
		if (row === 'choice') next.choices.push(emptyChoice());
		else if (row === 'pair') next.pairs.push(emptyPair());
		else next.items.push('');
		return next;
	}
	const index = Number(at);
	if (!Number.isInteger(index) || index < 0 || index >= list.length) return next;
	list.splice(index, 1);
	if (row === 'choice' && next.correct !== '') {
		const correct = Number(next.correct);
		next.correct = correct === index ? '' : correct > index ? String(correct - 1) : next.correct;
	}
	return next;
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function lines(value: string): string[] {
	return value
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean);
}

const dateForms: Record<Precision, string> = {
	day: 'YYYY-MM-DD, like 2023-03-21',
	month: 'YYYY-MM, like 2023-03',
	year: 'YYYY, like 2023'
};

type ChoiceRowOut = ChoiceRow & { index: number };

/**
 * The filled-in choice rows (a row wholly empty is ignored), each message set beside its row,
 * with ids kept from the rows and new ones made free: c1, c2, …
 */
function choiceRows(
	rows: ChoiceRow[],
	set: (key: string, message: string) => void,
	emptyMessage: string
): ChoiceRowOut[] {
	const filled = rows
		.map((c, index) => ({ ...c, text: c.text.trim(), feedback: c.feedback.trim(), index }))
		.filter((c) => c.text !== '' || c.feedback !== '');
	const seen = new Map<string, number>();
	for (const c of filled) {
		if (c.text === '') set(`choice-${c.index}`, emptyMessage);
		else if (seen.has(c.text.toLowerCase())) {
			set(`choice-${c.index}`, `This repeats choice ${seen.get(c.text.toLowerCase())! + 1}.`);
		} else seen.set(c.text.toLowerCase(), c.index);
		if (c.text.length > MAX_TEXT || c.feedback.length > MAX_TEXT) {
			set(`choice-${c.index}`, `At most ${MAX_TEXT.toLocaleString('en-GB')} characters.`);
		}
	}
	const named = filled.filter((c) => c.text !== '');
	if (named.length < 2) set('choices', 'A choice question needs at least two choices.');
	const used = new Set<string>();
	const kept = named.map((c) => {
		const choiceId = c.id.trim();
		if (!choiceId || used.has(choiceId)) return '';
		used.add(choiceId);
		return choiceId;
	});
	let n = 1;
	return named.map((c, k) => {
		let choiceId = kept[k]!;
		if (!choiceId) {
			while (used.has(`c${n}`)) n++;
			choiceId = `c${n}`;
			used.add(choiceId);
		}
		return { ...c, id: choiceId };
	});
}

/** A percentage cell ("50", "50%", "-33.3"): the fraction; undefined when empty. */
function percent(
	cell: string,
	key: string,
	set: (key: string, message: string) => void
): number | undefined {
	const value = cell.trim().replace(/\s*%$/, '');
	if (value === '') return undefined;
	if (!numberPattern.test(value)) {
		set(key, 'Give the marks as a percentage, like 50 or -25.');
		return undefined;
	}
	const fraction = fromPercentText(value);
	if (fraction < -1 || fraction > 1) set(key, 'Give a percentage from -100 to 100.');
	return fraction;
}

export type BuildResult = { ok: true; question: Question } | { ok: false; errors: EditorErrors };

/**
 * The question the values describe, with the given id, or a message for each field that is
 * wrong (keyed by field: "prompt", "choices", "choice-2", "tolerance", "pair-0", …). Rows left
 * wholly empty are ignored; messages give the rules a teacher needs to know.
 */
export function questionFromValues(values: EditorValues, id: string): BuildResult {
	const errors: EditorErrors = {};
	const set = (key: string, message: string) => {
		errors[key] ??= message;
	};
	const v = {
		...values,
		title: values.title.trim(),
		prompt: values.prompt.trim(),
		explanation: values.explanation.trim()
	};
	for (const key of ['title', 'prompt', 'explanation', 'answer', 'before', 'after'] as const) {
		if (v[key].length > MAX_TEXT)
			set(key, `At most ${MAX_TEXT.toLocaleString('en-GB')} characters.`);
	}
	if (v.prompt === '') set('prompt', 'Write the question.');
	const base = {
		id,
		...(v.title ? { title: v.title } : {}),
		prompt: v.prompt,
		explanation: v.explanation
	};

	let question: Question | undefined;
	switch (v.type) {
		case 'multiple_choice': {
			const choices = choiceRows(v.choices, set, 'Write the choice, or clear its feedback.');
			const right = choices.find((c) => String(c.index) === v.correct);
			if (!right) {
				set(
					'correct',
					v.correct === '' || choices.length === 0
						? 'Mark exactly one choice as the right one.'
						: 'Mark one of the filled-in choices as the right one.'
				);
			}
			question = {
				...base,
				type: 'multiple_choice',
				choices: choices.map((c) => {
					const credit = c === right ? undefined : percent(c.weight, `choice-${c.index}`, set);
					if (credit !== undefined && (credit <= 0 || credit >= 1)) {
						set(`choice-${c.index}`, 'Part marks are more than 0% and less than 100%.');
					}
					return {
						id: c.id,
						text: c.text,
						...(c.feedback ? { feedback: c.feedback } : {}),
						...(credit !== undefined ? { credit } : {})
					};
				}),
				correctChoiceId: right?.id ?? ''
			};
			break;
		}
		case 'multiple_response': {
			const choices = choiceRows(v.choices, set, 'Write the choice, or clear its feedback.');
			if (!choices.some((c) => c.right)) set('correct', 'Tick at least one right choice.');
			// No weights typed: the right ones share the marks, each wrong tick costs as much.
			const typed = choices.some((c) => c.weight.trim() !== '');
			const even = evenWeights(choices.map((c) => c.right));
			const weights = choices.map((c, i) =>
				typed ? (percent(c.weight, `choice-${c.index}`, set) ?? 0) : even[i]!
			);
			for (const [i, c] of choices.entries()) {
				if (typed && c.right !== weights[i]! > 0) {
					set(
						`choice-${c.index}`,
						c.right
							? 'A right choice needs a weight above 0%.'
							: 'A wrong choice weighs 0% or less.'
					);
				}
			}
			const sum = weights.filter((w) => w > 0).reduce((total, w) => total + w, 0);
			if (typed && Math.abs(sum - 1) > 0.001) {
				set(
					'choices',
					`The right choices’ weights add up to ${Number((sum * 100).toFixed(3))}%, not 100%.`
				);
			}
			question = {
				...base,
				type: 'multiple_response',
				choices: choices.map((c, i) => ({
					id: c.id,
					text: c.text,
					...(c.feedback ? { feedback: c.feedback } : {}),
					weight: weights[i]!
				})),
				allOrNothing: v.allOrNothing
			};
			break;
		}
		case 'open_response': {
			const modelAnswer = v.modelAnswer.trim();
			if (modelAnswer.length > MAX_TEXT)
				set('modelAnswer', `At most ${MAX_TEXT.toLocaleString('en-GB')} characters.`);
			question = { ...base, type: 'open_response', modelAnswer };
			break;
		}
		case 'description':
			// A description's text is all in its prompt; it has no explanation.
			if (v.explanation.trim() !== '')
				set('explanation', 'A description has no explanation: put all its text above.');
			question = { ...base, type: 'description', explanation: '' };
			break;
		case 'true_false':
			if (v.truth === '' || v.truth === 'not_given')
				set('truth', 'Say whether the statement is true or false.');
			question = { ...base, type: 'true_false', answer: v.truth === 'true' };
			break;
		case 'true_false_not_given':
			if (v.truth === '')
				set('truth', 'Say whether the text states it, contradicts it, or does not say.');
			question = { ...base, type: 'true_false_not_given', answer: v.truth || 'not_given' };
			break;
		case 'short_answer':
		case 'cloze': {
			const answer = v.answer.trim();
			if (answer === '')
				set('answer', v.type === 'cloze' ? 'Write the missing words.' : 'Write the answer.');
			const alternatives = [...new Set(lines(v.alternatives))].filter((a) => a !== answer);
			if (v.type === 'short_answer') {
				const partialAnswers = lines(v.partialAnswers).flatMap((line) => {
					const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*%\s*(.+)$/i.exec(line);
					const credit = m ? fromPercentText(m[1]!) : NaN;
					if (!m || !(credit > 0 && credit < 1)) {
						set('partialAnswers', `Write each as “50% answer”, with 1% to 99%: “${line}” is not.`);
						return [];
					}
					return [{ answer: m[2]!.trim(), credit }];
				});
				question = {
					...base,
					type: 'short_answer',
					answer,
					alternatives,
					...(partialAnswers.length ? { partialAnswers } : {}),
					...(v.caseSensitive ? { caseSensitive: true as const } : {})
				};
			} else {
				if ((v.before + v.after).trim() === '') {
					set(
						'before',
						'Write the sentence around the blank: some text before it, after it, or both.'
					);
				}
				question = {
					...base,
					type: 'cloze',
					before: v.before.trimStart(),
					after: v.after.trimEnd(),
					answer,
					alternatives
				};
			}
			break;
		}
		case 'numeric': {
			const answer = v.answer.trim();
			const unit = v.unit.trim();
			const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(answer);
			if (range) {
				// A range as the teacher writes it: 2021..2022.
				const [min, max] = [range[1]!, range[2]!].map((n) =>
					numberPattern.test(n) && Number.isFinite(Number(n)) ? Number(n) : NaN
				) as [number, number];
				if (Number.isNaN(min) || Number.isNaN(max) || min > max) {
					set('answer', 'Write a range as its lowest and highest number, like 2021..2022.');
				}
				if (unit.length > 100) set('unit', 'At most 100 characters.');
				question = {
					...base,
					type: 'numeric',
					...rangeMidpoint(min, max),
					...(unit ? { unit } : {}),
					range: { min, max }
				};
				break;
			}
			const tolerance = v.tolerance.trim() === '' ? '0' : v.tolerance.trim();
			if (!numberPattern.test(answer) || !Number.isFinite(Number(answer))) {
				set('answer', 'Give the answer as a number, like 4.5 or -12.');
			}
			if (!numberPattern.test(tolerance) || !Number.isFinite(Number(tolerance))) {
				set('tolerance', 'Give the tolerance as a number, like 0 or 0.5.');
			} else if (Number(tolerance) < 0) set('tolerance', 'The tolerance must be zero or more.');
			if (unit.length > 100) set('unit', 'At most 100 characters.');
			question = {
				...base,
				type: 'numeric',
				answer: Number(answer),
				tolerance: Number(tolerance),
				...(unit ? { unit } : {})
			};
			break;
		}
		case 'date': {
			const answer = v.answer.trim();
			if (!isIsoDate(answer, v.precision)) {
				set('answer', `Give a real date written ${dateForms[v.precision]}.`);
			}
			question = { ...base, type: 'date', answer, precision: v.precision };
			break;
		}
		case 'matching': {
			const filled = v.pairs
				.map((p, index) => ({ left: p.left.trim(), right: p.right.trim(), index }))
				.filter((p) => p.left !== '' || p.right !== '');
			const lefts = new Set<string>();
			const rights = new Set<string>();
			for (const p of filled) {
				if (p.left === '' || p.right === '') {
					set(`pair-${p.index}`, 'Fill in both sides of this pair, or clear it.');
				} else if (lefts.has(p.left) || rights.has(p.right)) {
					set(`pair-${p.index}`, 'Each item may appear in one pair only.');
				}
				lefts.add(p.left);
				rights.add(p.right);
			}
			if (filled.filter((p) => p.left !== '' && p.right !== '').length < 2) {
				set('pairs', 'A matching question needs at least two pairs.');
			}
			question = {
				...base,
				type: 'matching',
				pairs: filled.map(({ left, right }) => ({ left, right }))
			};
			break;
		}
		case 'ordering': {
			const filled = v.items
				.map((item, index) => ({ item: item.trim(), index }))
				.filter((i) => i.item !== '');
			const seen = new Set<string>();
			for (const i of filled) {
				if (seen.has(i.item)) set(`item-${i.index}`, 'This item repeats an earlier one.');
				seen.add(i.item);
			}
			if (filled.length < 3) set('items', 'An ordering question needs at least three items.');
			question = { ...base, type: 'ordering', items: filled.map((i) => i.item) };
			break;
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	// The model's own rules, in case the checks above ever miss one.
	const checked = validateQuestion({ ...question, id: id || 'pending' });
	if (!checked.ok) {
		return {
			ok: false,
			errors: { form: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }
		};
	}
	return { ok: true, question: question! };
}

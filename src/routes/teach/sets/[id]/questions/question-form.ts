// The question editor's form: the values its inputs hold (rows and all), read from a submitted
// form; rows added and removed by submit buttons, so the editor works without JavaScript; and
// the values turned into a Question, or a message for each field that is wrong.
import { validateQuestion } from '$lib/domain/formats/json';
import { isIsoDate } from '$lib/domain/normalise';
import { questionTypes, type Question, type QuestionType } from '$lib/domain/question';

export const typeLabels: Record<QuestionType, string> = {
	multiple_choice: 'Multiple choice',
	true_false: 'True or false',
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
}

export interface EditorValues {
	type: QuestionType;
	title: string;
	prompt: string;
	explanation: string;
	choices: ChoiceRow[];
	/** The index of the right choice, as the radio's value; '' for none. */
	correct: string;
	truth: '' | 'true' | 'false';
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
}

export type EditorErrors = Record<string, string>;

export function isQuestionType(value: string): value is QuestionType {
	return (questionTypes as readonly string[]).includes(value);
}

const emptyChoice = (): ChoiceRow => ({ id: '', text: '', feedback: '' });
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
		after: ''
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
				feedback: c.feedback ?? ''
			}));
			values.correct = String(q.choices.findIndex((c) => c.id === q.correctChoiceId));
			break;
		case 'true_false':
			values.truth = q.answer ? 'true' : 'false';
			break;
		case 'short_answer':
		case 'cloze':
			values.answer = q.answer;
			values.alternatives = q.alternatives.join('\n');
			if (q.type === 'cloze') {
				values.before = q.before;
				values.after = q.after;
			}
			break;
		case 'numeric':
			values.answer = String(q.answer);
			values.tolerance = String(q.tolerance);
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
			feedback: feedback[i] ?? ''
		})),
		correct: text(data, 'correct'),
		truth: truth === 'true' || truth === 'false' ? truth : '',
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
		after: text(data, 'after')
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
			const filled = v.choices
				.map((c, index) => ({ ...c, text: c.text.trim(), feedback: c.feedback.trim(), index }))
				.filter((c) => c.text !== '' || c.feedback !== '');
			const seen = new Map<string, number>();
			for (const c of filled) {
				if (c.text === '') set(`choice-${c.index}`, 'Write the choice, or clear its feedback.');
				else if (seen.has(c.text.toLowerCase())) {
					set(`choice-${c.index}`, `This repeats choice ${seen.get(c.text.toLowerCase())! + 1}.`);
				} else seen.set(c.text.toLowerCase(), c.index);
				if (c.text.length > MAX_TEXT || c.feedback.length > MAX_TEXT) {
					set(`choice-${c.index}`, `At most ${MAX_TEXT.toLocaleString('en-GB')} characters.`);
				}
			}
			const named = filled.filter((c) => c.text !== '');
			if (named.length < 2) set('choices', 'A choice question needs at least two choices.');
			const right = filled.find((c) => String(c.index) === v.correct && c.text !== '');
			if (!right) {
				set(
					'correct',
					v.correct === '' || named.length === 0
						? 'Mark exactly one choice as the right one.'
						: 'Mark one of the filled-in choices as the right one.'
				);
			}
			// Keep each choice's id; give new ones (and repeats) the first free c1, c2, …
			const used = new Set<string>();
			const kept = named.map((c) => {
				const choiceId = c.id.trim();
				if (!choiceId || used.has(choiceId)) return '';
				used.add(choiceId);
				return choiceId;
			});
			let n = 1;
			const choices = named.map((c, k) => {
				let choiceId = kept[k]!;
				if (!choiceId) {
					while (used.has(`c${n}`)) n++;
					choiceId = `c${n}`;
					used.add(choiceId);
				}
				return { ...c, id: choiceId };
			});
			question = {
				...base,
				type: 'multiple_choice',
				choices: choices.map((c) => ({
					id: c.id,
					text: c.text,
					...(c.feedback ? { feedback: c.feedback } : {})
				})),
				correctChoiceId: choices.find((c) => c.index === right?.index)?.id ?? ''
			};
			break;
		}
		case 'true_false':
			if (v.truth === '') set('truth', 'Say whether the statement is true or false.');
			question = { ...base, type: 'true_false', answer: v.truth === 'true' };
			break;
		case 'short_answer':
		case 'cloze': {
			const answer = v.answer.trim();
			if (answer === '')
				set('answer', v.type === 'cloze' ? 'Write the missing words.' : 'Write the answer.');
			const alternatives = [...new Set(lines(v.alternatives))].filter((a) => a !== answer);
			if (v.type === 'short_answer') {
				question = { ...base, type: 'short_answer', answer, alternatives };
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
			const tolerance = v.tolerance.trim() === '' ? '0' : v.tolerance.trim();
			if (!numberPattern.test(answer) || !Number.isFinite(Number(answer))) {
				set('answer', 'Give the answer as a number, like 4.5 or -12.');
			}
			if (!numberPattern.test(tolerance) || !Number.isFinite(Number(tolerance))) {
				set('tolerance', 'Give the tolerance as a number, like 0 or 0.5.');
			} else if (Number(tolerance) < 0) set('tolerance', 'The tolerance must be zero or more.');
			const unit = v.unit.trim();
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

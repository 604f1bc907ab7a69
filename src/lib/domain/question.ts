// The question model shared by the generator, the grader, the import/export formats, the quiz
// and the flashcards. A question holds its own answer key: send learners `toPublicQuestion`.

export const questionTypes = [
	'multiple_choice',
	'true_false',
	'true_false_not_given',
	'short_answer',
	'numeric',
	'date',
	'matching',
	'ordering',
	'cloze',
	'multiple_response',
	'open_response',
	'description'
] as const;
export type QuestionType = (typeof questionTypes)[number];

export interface Provenance {
	sourceId: string;
	factIds: string[];
	/** The verbatim evidence from the source. */
	quote: string;
}

interface QuestionBase {
	/** Stable: derived from the facts and the template, not from the seed. */
	id: string;
	type: QuestionType;
	/** Optional title, as GIFT's ::title::. */
	title?: string;
	prompt: string;
	/** Shown after answering. */
	explanation: string;
	provenance?: Provenance;
}

export interface Choice {
	id: string;
	text: string;
	/** Per-answer feedback (GIFT's #feedback). */
	feedback?: string;
}

/** A wrong choice of a multiple choice question that still earns part of the marks. */
export interface CreditedChoice extends Choice {
	/** The share of the marks for picking it: above 0, below 1 (Moodle's fraction). */
	credit?: number;
}

export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple_choice';
	choices: CreditedChoice[];
	correctChoiceId: string;
}

/** A choice of a multiple response question with Moodle's weight for picking it. */
export interface WeightedChoice extends Choice {
	/**
	 * -1..1: right choices' weights are positive and add up to 1; a wrong pick's negative weight
	 * is taken off (the score never goes below 0).
	 */
	weight: number;
}

/** "Select all that apply": checkboxes, graded with Moodle's weights or all or nothing. */
export interface MultipleResponseQuestion extends QuestionBase {
	type: 'multiple_response';
	choices: WeightedChoice[];
	/** Right only when exactly the right choices (weight above 0) are picked; no partial credit. */
	allOrNothing: boolean;
}

/**
 * The learner writes an answer, then sees the model answer (or the teacher's notes) and marks
 * it themselves: nothing pretends to grade it automatically.
 */
export interface OpenResponseQuestion extends QuestionBase {
	type: 'open_response';
	/** What a good answer says, shown after answering; '' for none. */
	modelAnswer: string;
}

/** Text shown between questions (a passage, instructions). Not a question: never scored. */
export interface DescriptionItem extends QuestionBase {
	type: 'description';
}

export interface TrueFalseQuestion extends QuestionBase {
	type: 'true_false';
	answer: boolean;
}

/** What a text says of a statement: it states it, it contradicts it, or it does not say. */
export const verdicts = ['true', 'false', 'not_given'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabels: Record<Verdict, string> = {
	true: 'True',
	false: 'False',
	not_given: 'Not given'
};

/**
 * True / False / Not given, the reading-comprehension format: "Not given" is right for a
 * statement the text neither states nor contradicts.
 */
export interface TrueFalseNotGivenQuestion extends QuestionBase {
	type: 'true_false_not_given';
	answer: Verdict;
}

/** A typed answer, with the other forms that also count (aliases of an entity). */
export interface TypedAnswer {
	/** The canonical answer, shown as "the right answer". */
	answer: string;
	/** Other accepted forms; a grade names which one matched. */
	alternatives: string[];
}

/** A typed answer that earns part of the marks (GIFT's =%50%answer). */
export interface PartialAnswer {
	answer: string;
	/** The share of the marks: above 0, below 1. */
	credit: number;
}

export interface ShortAnswerQuestion extends QuestionBase, TypedAnswer {
	type: 'short_answer';
	/** Answers worth part of the marks, tried after the right ones. */
	partialAnswers?: PartialAnswer[];
	/** Moodle's "case sensitive": only the exact capitals (and no typo allowance) count. */
	caseSensitive?: true;
}

export interface NumericQuestion extends QuestionBase {
	type: 'numeric';
	answer: number;
	/** Accepted when |response - answer| <= tolerance. */
	tolerance: number;
	unit?: string;
	/**
	 * The range as the teacher wrote it (GIFT's {#2021..2022}): shown and exported as written;
	 * answer and tolerance are then its midpoint and half its width.
	 */
	range?: { min: number; max: number };
}

export interface DateQuestion extends QuestionBase {
	type: 'date';
	/** YYYY-MM-DD, YYYY-MM or YYYY to match the precision. */
	answer: string;
	precision: 'day' | 'month' | 'year';
}

export interface MatchingQuestion extends QuestionBase {
	type: 'matching';
	/** Each left item matches its right item; learners see the rights shuffled. */
	pairs: { left: string; right: string }[];
}

export interface OrderingQuestion extends QuestionBase {
	type: 'ordering';
	/** In the correct order; learners see them shuffled. */
	items: string[];
}

export interface ClozeQuestion extends QuestionBase, TypedAnswer {
	type: 'cloze';
	/** The sentence around the blank. The prompt says what to do. */
	before: string;
	after: string;
}

export type Question =
	| MultipleChoiceQuestion
	| TrueFalseQuestion
	| TrueFalseNotGivenQuestion
	| ShortAnswerQuestion
	| NumericQuestion
	| DateQuestion
	| MatchingQuestion
	| OrderingQuestion
	| ClozeQuestion
	| MultipleResponseQuestion
	| OpenResponseQuestion
	| DescriptionItem;

/** Scored items: everything but descriptions. */
export function isScored(q: Pick<Question, 'type'>): boolean {
	return q.type !== 'description';
}

/** The answer and tolerance a numeric range stands for (its midpoint and half its width). */
export function rangeMidpoint(min: number, max: number): { answer: number; tolerance: number } {
	const answer = min + (max - min) / 2;
	return { answer, tolerance: max - answer };
}

export interface QuestionSet {
	id: string;
	title: string;
	description?: string;
	sourceId?: string;
	questions: Question[];
}

/**
 * Weights for a multiple response question from which choices are right: the right ones share
 * the marks evenly and each wrong tick takes off as much as a right one earns, so ticking
 * everything never scores.
 */
export function evenWeights(right: readonly boolean[]): number[] {
	const count = right.filter(Boolean).length;
	if (count === 0) return right.map(() => 0);
	return right.map((r) => (r ? 1 / count : -1 / count));
}

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
	'cloze'
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

export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple_choice';
	choices: Choice[];
	correctChoiceId: string;
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

export interface ShortAnswerQuestion extends QuestionBase, TypedAnswer {
	type: 'short_answer';
}

export interface NumericQuestion extends QuestionBase {
	type: 'numeric';
	answer: number;
	/** Accepted when |response - answer| <= tolerance. */
	tolerance: number;
	unit?: string;
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
	| ClozeQuestion;

export interface QuestionSet {
	id: string;
	title: string;
	description?: string;
	sourceId?: string;
	questions: Question[];
}

// Moodle's Aiken format: multiple choice questions only, one question per block:
//   What is the capital of France?
//   A. Paris
//   B. Lyon
//   ANSWER: A
// Aiken has no place for ids, titles, feedback or explanations: an export keeps the prompt, the
// choices and the right one, and says which questions it had to leave out and why.
import {
	verdictLabels,
	verdicts,
	type MultipleChoiceQuestion,
	type QuestionSet
} from '../question';
import { deriveId, validateQuestion } from './json';
import { firstLineOf, type SkippedQuestion } from './outcome';

export interface AikenError {
	line: number;
	message: string;
}

/** A question whose choices or answer are wrong is left out; a broken layout is refused. */
export type AikenParseResult =
	| { ok: true; questions: MultipleChoiceQuestion[]; skipped: SkippedQuestion[] }
	| { ok: false; errors: AikenError[] };

export interface AikenLeftOut {
	id: string;
	prompt: string;
	reason: string;
}

export interface AikenExport {
	text: string;
	/** Questions Aiken cannot hold, each with the reason. */
	leftOut: AikenLeftOut[];
}

/** What Aiken drops even from the questions it keeps, for the note beside an export. */
export const aikenDrops = 'titles, explanations, per-choice feedback and question ids';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Moodle's test for a choice line: a capital, a full stop or bracket, then a space or tab. */
const choiceLine = /^([A-Z])[.)][ \t]+(.*)$/;
const answerLine = /^ANSWER\s*:(.*)$/i;
/** A line Moodle would take for something other than question text. */
const notQuestionText = /^(?:[A-Z][.)][ \t]|ANSWER\s*:)/i;

// ---------------------------------------------------------------------------------------------
// Export

function oneLine(text: string): string {
	return text.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ').trim();
}

const typeNames: Record<string, string> = {
	true_false: 'true/false',
	short_answer: 'short answer',
	numeric: 'numeric',
	date: 'date',
	matching: 'matching',
	ordering: 'ordering',
	cloze: 'fill-in-the-blank',
	multiple_response: 'multiple response',
	open_response: 'open response',
	description: 'description'
};

/** The set's multiple choice questions as Aiken text, LF line ends, and what was left out. */
export function exportAiken(set: QuestionSet): AikenExport {
	const blocks: string[] = [];
	const leftOut: AikenLeftOut[] = [];
	for (const q of set.questions) {
		const skip = (reason: string) => leftOut.push({ id: q.id, prompt: q.prompt, reason });
		// A true/false/not given question goes as its three choices (and reads back as multiple choice).
		const asked =
			q.type === 'true_false_not_given'
				? { choices: verdicts.map((v) => ({ id: v, text: verdictLabels[v] })), rightId: q.answer }
				: q.type === 'multiple_choice'
					? { choices: q.choices, rightId: q.correctChoiceId }
					: undefined;
		if (asked === undefined) {
			skip(`a ${typeNames[q.type] ?? q.type} question: Aiken holds only multiple choice`);
			continue;
		}
		const { choices, rightId } = asked;
		if (q.type === 'multiple_choice' && q.choices.some((c) => c.credit !== undefined)) {
			skip('part marks on a choice: Aiken has one right answer and the rest wrong');
			continue;
		}
		if (choices.length > letters.length) {
			skip(`${choices.length} choices: Aiken labels at most ${letters.length}, A to Z`);
			continue;
		}
		const prompt = oneLine(q.prompt);
		if (notQuestionText.test(prompt)) {
			skip('its prompt starts like a choice ("A. ") or an ANSWER: line');
			continue;
		}
		const right = choices.findIndex((c) => c.id === rightId);
		blocks.push(
			[
				prompt,
				...choices.map((c, i) => `${letters[i]}. ${oneLine(c.text)}`),
				`ANSWER: ${letters[right]}`
			].join('\n')
		);
	}
	return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', leftOut };
}

// ---------------------------------------------------------------------------------------------
// Import

interface Pending {
	line: number;
	prompt: string[];
	choices: { text: string; line: number }[];
	/** A line in it could not be read: it is skipped up to its ANSWER: line or a blank line. */
	broken: boolean;
	/** The lines as written, for the derived id. */
	source: string[];
}

/**
 * Reads Aiken text as Moodle does, line by line: question text, choices labelled A, B, C… with
 * a full stop or bracket, and an ANSWER: line that ends the question. Blank lines between
 * questions are optional. Question text may run over several lines. Every problem is reported
 * with its line; the result is ok only when there are none. Ids are "aiken-" + a hash of the
 * question's lines (see deriveId); choice ids are the labels.
 */
export function parseAiken(text: string): AikenParseResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const errors: AikenError[] = [];
	const skipped: SkippedQuestion[] = [];
	const questions: MultipleChoiceQuestion[] = [];
	let number = 0;
	const taken = new Set<string>();
	let current: Pending | undefined;
	/** A blank line since the current question's last line: a new question may start. */
	let blankSince = false;
	const noAnswer = (q: Pending) =>
		errors.push({
			line: q.line,
			message: q.choices.length
				? 'no ANSWER: line after the choices (end each question with one, like "ANSWER: B")'
				: 'question text with no choices and no ANSWER: line'
		});

	const finish = (q: Pending, answer: string, line: number) => {
		number += 1;
		const skip = (message: string, at = line) =>
			skipped.push({
				number,
				line: at,
				firstLine: firstLineOf(q.prompt[0] ?? ''),
				reason: message
			});
		if (q.choices.length < 2) {
			skip(
				`a question needs at least 2 choices (A. …, B. …); this one has ${q.choices.length}`,
				q.line
			);
			return;
		}
		const letter = answer.trim();
		const range = `A to ${letters[q.choices.length - 1]}`;
		if (!/^[A-Za-z]$/.test(letter)) {
			skip(`ANSWER: needs the letter of the right choice (${range}), like "ANSWER: B"`);
			return;
		}
		const index = letters.indexOf(letter.toUpperCase());
		if (index >= q.choices.length) {
			skip(`ANSWER: ${letter.toUpperCase()} names no choice: the choices are ${range}`);
			return;
		}
		const question: MultipleChoiceQuestion = {
			id: '',
			type: 'multiple_choice',
			prompt: q.prompt.join('\n'),
			choices: q.choices.map((c, i) => ({ id: letters[i]!, text: c.text })),
			correctChoiceId: letters[index]!,
			explanation: ''
		};
		const checked = validateQuestion({ ...question, id: 'pending' });
		if (!checked.ok) {
			skip(
				checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
			);
			return;
		}
		question.id = deriveId('aiken', q.source.join('\n'), taken);
		questions.push(question);
	};

	for (const [i, raw] of lines.entries()) {
		const line = i + 1;
		const t = raw.trim();
		if (t === '') {
			if (current) blankSince = true;
			continue;
		}
		const answer = answerLine.exec(t);
		if (answer) {
			if (!current) errors.push({ line, message: 'an ANSWER: line with no question before it' });
			else if (!current.broken) {
				current.source.push(t);
				finish(current, answer[1] ?? '', line);
			}
			current = undefined;
			blankSince = false;
			continue;
		}
		const choice = choiceLine.exec(t);
		if (choice) {
			if (!current) {
				errors.push({ line, message: 'a choice with no question text before it' });
				current = { line, prompt: [], choices: [], broken: true, source: [] };
			} else if (!current.broken) {
				const expected = letters[current.choices.length];
				const label = choice[1]!;
				const choiceText = (choice[2] ?? '').trim();
				if (label !== expected) {
					errors.push({
						line,
						message: `choice ${label} where ${expected ?? 'no more choices'} was expected: label the choices A, B, C… in order`
					});
					current.broken = true;
				} else if (choiceText === '') {
					errors.push({ line, message: `choice ${label} is empty` });
					current.broken = true;
				} else {
					current.choices.push({ text: choiceText, line });
					current.source.push(t);
				}
			}
			blankSince = false;
			continue;
		}
		// Question text: more of the current question's, or the start of a new question.
		if (current && !current.broken && current.choices.length === 0) {
			current.prompt.push(t);
			current.source.push(t);
			blankSince = false;
			continue;
		}
		if (current && !blankSince) {
			if (!current.broken) {
				errors.push({
					line,
					message:
						'a line that is neither a choice nor the ANSWER: line: start each choice with a capital letter and a full stop or bracket, like "B. text" or "B) text"'
				});
				current.broken = true;
			}
			continue;
		}
		// After a blank line: most likely the previous question lost its ANSWER: line.
		if (current && !current.broken) noAnswer(current);
		current = { line, prompt: [t], choices: [], broken: false, source: [t] };
		blankSince = false;
	}
	if (current && !current.broken) noAnswer(current);
	if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
	return { ok: true, questions, skipped };
}

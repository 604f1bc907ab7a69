// Moodle's GIFT text format, reading: questions written for Moodle, and our own exports with
// their "// factdeck:" comment lines (see gift-export.ts).
import type {
	DescriptionItem,
	OpenResponseQuestion,
	Question,
	TrueFalseQuestion
} from '../question';
import { find, findLast, lineOf, plain, scan, trim, trimStart, type Char } from './gift-chars';
import { firstLineOf, firstOfEachId, type SkippedQuestion } from './outcome';
import { deriveId, validateQuestion } from './json';
import {
	defaultClozePrompt,
	asNotGiven,
	GiftProblem,
	readChoices,
	readFormat,
	readMatching,
	readNumeric,
	readTyped,
	textOf,
	type Texts
} from './gift-answers';
import { readDirective, typeComments, type Directives } from './gift-directives';

export { defaultClozePrompt };

export interface GiftError {
	line: number;
	message: string;
}

/**
 * The questions read and the ones left out (a question Factdeck cannot hold); a file whose
 * syntax is broken (braces, titles) is refused whole, with every error's line.
 */
export type GiftParseResult =
	| { ok: true; questions: Question[]; skipped: SkippedQuestion[]; category?: string[] }
	| { ok: false; errors: GiftError[] };

/**
 * Reads GIFT text. Every question that cannot be read becomes an error naming its line; the
 * result is ok only when there are none. Questions without a "// factdeck:id=" comment get
 * the id "gift-" + a hash of their text (see deriveId).
 */
export function parseGift(text: string): GiftParseResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const errors: GiftError[] = [];
	const skipped: SkippedQuestion[] = [];
	const parsed: {
		question: Question;
		explicitId: boolean;
		number: number;
		line: number;
		source: string;
	}[] = [];
	let category: string[] | undefined;
	let number = 0;

	for (const block of blocksOf(lines)) {
		const directives: Directives = {};
		const problems: GiftError[] = [];
		const content: { text: string; line: number }[] = [];
		for (const entry of block) {
			const trimmed = entry.text.trim();
			if (trimmed.startsWith('//')) readDirective(trimmed, entry.line, directives, problems);
			else content.push(entry);
		}
		if (content[0]?.text.trim().startsWith('$CATEGORY:')) {
			const path = content.shift()!.text.trim().slice('$CATEGORY:'.length);
			category ??= path
				.split('/')
				.map((s) => s.trim())
				.filter(Boolean);
		}
		if (content.length === 0) continue;
		number += 1;
		const firstLine = content[0]!.line;
		const skip = (reason: string, line = firstLine) =>
			skipped.push({ number, line, firstLine: firstLineOf(content[0]!.text), reason });
		try {
			const question = readQuestion(scan(content), directives, firstLine);
			if (problems.length) {
				skip(problems.map((p) => p.message).join('; '), problems[0]!.line);
				continue;
			}
			const checked = validateQuestion({ ...question, id: question.id || 'pending' });
			if (!checked.ok) {
				skip(
					checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
				);
				continue;
			}
			parsed.push({
				question,
				explicitId: directives.id !== undefined,
				number,
				line: firstLine,
				source: content.map((c) => c.text.trim()).join('\n')
			});
		} catch (error) {
			if (!(error instanceof GiftProblem)) throw error;
			if (error.syntax) errors.push({ line: error.line, message: error.message });
			else skip(error.message, error.line);
		}
	}
	if (errors.length) {
		// The file is refused; its other problems are listed too, so they are fixed in one go.
		const all = [...errors, ...skipped.map((q) => ({ line: q.line, message: q.reason }))];
		return { ok: false, errors: all.sort((a, b) => a.line - b.line) };
	}

	const taken = new Set<string>();
	const kept = firstOfEachId(parsed, skipped, taken, (q) => q.source);
	for (const p of kept.filter((p) => !p.explicitId))
		p.question.id = deriveId('gift', p.source, taken);
	skipped.sort((a, b) => a.number - b.number);
	const questions = kept.map((p) => p.question);
	return category ? { ok: true, questions, skipped, category } : { ok: true, questions, skipped };
}

/** Runs of non-blank lines, with their 1-based line numbers. */
function blocksOf(lines: string[]): { text: string; line: number }[][] {
	const blocks: { text: string; line: number }[][] = [];
	let current: { text: string; line: number }[] = [];
	for (const [i, text] of lines.entries()) {
		if (text.trim() === '') {
			if (current.length) blocks.push(current);
			current = [];
		} else current.push({ text, line: i + 1 });
	}
	if (current.length) blocks.push(current);
	return blocks;
}

function readQuestion(all: Char[], directives: Directives, firstLine: number): Question {
	let chars = trim(all);
	let title: string | undefined;
	if (find(chars, '::') === 0) {
		const end = find(chars, '::', 2);
		if (end < 0) throw new GiftProblem(firstLine, 'unclosed ::title:: (no second ::)', true);
		title = plain(trim(chars.slice(2, end))) || undefined;
		chars = trim(chars.slice(end + 2));
	}

	const { format, unknown } = readFormat(plain(chars));
	if (unknown !== undefined) {
		throw new GiftProblem(
			lineOf(chars, firstLine),
			`unknown text format [${unknown}] (use html, moodle, markdown or plain)`
		);
	}
	// The marker is ASCII and never escaped: one Char per character.
	if (format) chars = trimStart(chars.slice(format.length + 2));
	const ctx: Texts = format ? { format } : {};
	/** Type-specific comments must suit the type GIFT's own syntax gives. */
	const permit = (kind: string, ...allowed: (keyof typeof typeComments)[]) => {
		for (const [key, name] of Object.entries(typeComments)) {
			const present = directives[key as keyof typeof typeComments] !== undefined;
			if (present && !allowed.includes(key as keyof typeof typeComments)) {
				throw new GiftProblem(
					directives.line ?? firstLine,
					`factdeck:${name} does not apply to ${kind}`
				);
			}
		}
	};

	const open = find(chars, '{');
	const close = find(chars, '}');
	if (open < 0) {
		if (close >= 0) throw new GiftProblem(chars[close]!.line, 'a } with no { before it', true);
		// No answer block: Moodle's description, text shown between questions.
		permit('a description');
		const description: DescriptionItem = {
			id: directives.id ?? '',
			type: 'description',
			...(title !== undefined ? { title } : {}),
			prompt: textOf(chars, ctx, 'no marker'),
			explanation: '',
			...(directives.provenance ? { provenance: directives.provenance } : {})
		};
		return description;
	}
	const closing = find(chars, '}', open + 1);
	if (closing < 0)
		throw new GiftProblem(chars[open]!.line, 'unclosed brace: this { has no }', true);
	if (close < open)
		throw new GiftProblem(chars[close]!.line, 'a } before the answer block opens', true);
	const nested = find(chars, '{', open + 1);
	if (nested >= 0 && nested < closing) {
		throw new GiftProblem(
			chars[nested]!.line,
			'a { inside the answer block (write \\{ for a brace)',
			true
		);
	}
	const after = chars.slice(closing + 1);
	const extra = [find(after, '{'), find(after, '}')].filter((i) => i >= 0);
	if (extra.length) {
		throw new GiftProblem(
			after[Math.min(...extra)]!.line,
			'only one answer block {…} per question (Moodle’s embedded answers, cloze, are not read from GIFT)',
			true
		);
	}
	const before = chars.slice(0, open);
	const atEnd = trim(after).length === 0;
	let inner = trim(chars.slice(open + 1, closing));
	const blockLine = chars[open]!.line;

	let explanation = '';
	const feedbackAt = findLast(inner, '####');
	if (feedbackAt >= 0) {
		explanation = textOf(inner.slice(feedbackAt + 4), ctx);
		inner = trim(inner.slice(0, feedbackAt));
	}
	// "before _____ after" when the answers sit mid-sentence (GIFT's missing word format).
	const blank = Array.from('_____', (ch) => ({ ch, escaped: true, line: blockLine }));
	const prompt = textOf(atEnd ? before : [...before, ...blank, ...after], ctx, 'no marker');
	const base = {
		id: directives.id ?? '',
		...(title !== undefined ? { title } : {}),
		prompt,
		explanation,
		...(directives.provenance ? { provenance: directives.provenance } : {})
	};

	if (inner.length === 0) {
		// {} is Moodle's essay: the learner writes, the general feedback is the teacher's notes.
		permit('an essay', 'modelAnswer');
		const essay: OpenResponseQuestion = {
			...base,
			type: 'open_response',
			modelAnswer: directives.modelAnswer ?? ''
		};
		return essay;
	}
	// Moodle's order of tests: numeric, then multiple choice, matching, true/false, short answer.
	if (!inner[0]!.escaped && inner[0]!.ch === '#') {
		permit('a numeric question', 'unit');
		return readNumeric(inner.slice(1), base, directives, blockLine);
	}
	if (find(inner, '~') >= 0 || directives.multipleResponse) {
		permit(
			'a multiple choice question',
			'choiceIds',
			'multipleResponse',
			'allOrNothing',
			'notGiven'
		);
		const question = readChoices(inner, base, directives, ctx, blockLine);
		return directives.notGiven ? asNotGiven(question, blockLine) : question;
	}
	if (find(inner, '=') >= 0 && find(inner, '->') >= 0) {
		permit('a matching question', 'ordering');
		return readMatching(inner, base, directives, ctx, blockLine);
	}
	const hash = find(inner, '#');
	const tf = plain(trim(hash >= 0 ? inner.slice(0, hash) : inner));
	if (/^(?:t|true|f|false)$/i.test(tf)) {
		permit('a true/false question');
		// Our model has no per-answer feedback for true/false: "#wrong#right" is dropped.
		const question: TrueFalseQuestion = { ...base, type: 'true_false', answer: /^t/i.test(tf) };
		return question;
	}
	permit('a short answer question', 'date', 'cloze', 'prompt', 'caseSensitive');
	return readTyped(inner, base, directives, ctx, blockLine, atEnd, before, after);
}

// Moodle XML, reading: the question bank format Moodle exports (docs.moodle.org "Moodle XML
// format"; question/format/xml/format.php), each Moodle type mapped to Factdeck's. A question
// Factdeck cannot hold is left out with why; what a kept question loses (images, hints, per-
// answer feedback of true/false) becomes a note; a file that is not well-formed is refused.
import { fromPercentText } from '../public-question';
import {
	evenWeights,
	rangeMidpoint,
	verdictLabels,
	verdicts,
	type ClozeQuestion,
	type CreditedChoice,
	type Question
} from '../question';
import { parseGift } from './gift-import';
import { htmlToText, imagesIn } from './html-text';
import { deriveId, validateQuestion, WEIGHT_SUM_SLACK } from './json';
import {
	attribute,
	child,
	children,
	readMoodleXml,
	textIn,
	textOfNode,
	type XmlNode
} from './moodle-xml-read';
import { firstLineOf, firstOfEachId, type ImportNote, type SkippedQuestion } from './outcome';

export interface MoodleXmlError {
	line?: number;
	message: string;
}

export type MoodleXmlResult =
	| {
			ok: true;
			questions: Question[];
			skipped: SkippedQuestion[];
			notes: ImportNote[];
			/** The first category's path. */
			category?: string[];
	  }
	| { ok: false; errors: MoodleXmlError[] };

/** What Factdeck's own export adds, which Moodle ignores: see moodle-xml-export.ts. */
export interface FactdeckExtras {
	choiceIds?: string[];
	provenance?: Question['provenance'];
	date?: 'day' | 'month' | 'year';
	prompt?: string;
	range?: { min: number; max: number };
	/** The question had no title: its Moodle name is only a label. */
	untitled?: boolean;
	/** Three choices True, False, Not given: a true / false / not given question. */
	notGiven?: boolean;
}

class Skip extends Error {}

/** Where each <question> starts, for the preview's line numbers. */
function questionLines(text: string): number[] {
	const lines: number[] = [];
	let line = 1;
	const pattern = /\n|<question\b/g;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m[0] === '\n') line++;
		else lines.push(line);
	}
	return lines;
}

export function parseMoodleXml(text: string): MoodleXmlResult {
	const read = readMoodleXml(text);
	if (!read.ok) {
		return {
			ok: false,
			errors: [{ ...(read.line !== undefined ? { line: read.line } : {}), message: read.message }]
		};
	}
	const lines = questionLines(text.replace(/^\uFEFF/, ''));
	const questions: { question: Question; explicitId: boolean; number: number; line: number }[] = [];
	const skipped: SkippedQuestion[] = [];
	const notes: ImportNote[] = [];
	let category: string[] | undefined;
	let number = 0;

	for (const [index, node] of children(read.quiz, 'question').entries()) {
		const type = attribute(node, 'type') ?? '';
		const line = lines[index] ?? 1;
		if (type === 'category') {
			const path = textIn(node, 'category')
				.replace(/^\$(?:course|cat\d*|system|module)\$\//, '')
				.split(/(?<!\/)\/(?!\/)/)
				.map((part) => part.replace(/\/\//g, '/').trim())
				.filter((part) => part !== '' && part !== 'top');
			category ??= path;
			continue;
		}
		number += 1;
		const name = textIn(node, 'name');
		const questionText = htmlOrText(node, 'questiontext');
		const note = (message: string) =>
			notes.push({ line, message: `Question ${number}: ${message}` });
		try {
			const question = readQuestion(type, node, note);
			const checked = validateQuestion({ ...question, id: question.id || 'pending' });
			if (!checked.ok) {
				throw new Skip(
					checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
				);
			}
			for (const image of imagesOf(node)) note(`the image ${image} was not imported`);
			questions.push({ question, explicitId: question.id !== '', number, line });
		} catch (error) {
			if (!(error instanceof Skip)) throw error;
			skipped.push({
				number,
				line,
				firstLine: firstLineOf(questionText || name || type),
				reason: error.message
			});
		}
	}

	const taken = new Set<string>();
	const kept = firstOfEachId(questions, skipped, taken, (q) => q.question.prompt);
	for (const q of kept.filter((q) => !q.explicitId)) {
		q.question.id = deriveId('moodle', JSON.stringify({ ...q.question, id: '' }), taken);
	}
	skipped.sort((a, b) => a.number - b.number);
	return {
		ok: true,
		questions: kept.map((q) => q.question),
		skipped,
		notes,
		...(category?.length ? { category } : {})
	};
}

/** A text element as plain text: HTML (and Moodle's auto format) reduced, others as written. */
function htmlOrText(node: XmlNode | undefined, name: string, keepEnds = false): string {
	const element = child(node, name);
	if (!element) return '';
	const format = attribute(element, 'format') ?? 'html';
	const text = child(element, 'text');
	const raw = text ? textOfNode(text) : '';
	if (format === 'plain_text' || format === 'markdown' || format === 'wiki_like') {
		return keepEnds ? raw : raw.trim();
	}
	return htmlToText(raw, { trim: !keepEnds });
}

function imagesOf(node: XmlNode): string[] {
	const all: string[] = [];
	const visit = (value: unknown) => {
		if (typeof value === 'string') all.push(...imagesIn(value));
		else if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') Object.values(value).forEach(visit);
	};
	visit(node);
	// Files embedded as <file> (base64) are images or attachments of the texts.
	for (const file of collectFiles(node)) if (!all.includes(file)) all.push(file);
	return [...new Set(all)];
}

function collectFiles(node: unknown): string[] {
	if (!node || typeof node !== 'object') return [];
	if (Array.isArray(node)) return node.flatMap(collectFiles);
	const own = children(node as XmlNode, 'file').map((f) => attribute(f, 'name') ?? 'a file');
	return [
		...own,
		...Object.entries(node)
			.filter(([key]) => key !== 'file')
			.flatMap(([, v]) => collectFiles(v))
	];
}

function extrasOf(node: XmlNode): FactdeckExtras {
	const raw = textIn(node, 'factdeck');
	if (raw === '') return {};
	try {
		const value: unknown = JSON.parse(raw);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as FactdeckExtras)
			: {};
	} catch {
		throw new Skip('its <factdeck> element is not JSON');
	}
}

/** An answer's text as Moodle keeps it for typed answers and pairs: plain, never HTML. */
function plainOf(node: XmlNode | undefined): string {
	return textOfNode(child(node, 'text')).trim();
}

/** An answer's fraction attribute, a percentage, read exactly (see fromPercentText). */
function fractionOf(answer: XmlNode): number {
	const raw = attribute(answer, 'fraction') ?? '0';
	const value = fromPercentText(raw);
	if (!Number.isFinite(value)) throw new Skip(`an answer's fraction "${raw}" is not a number`);
	return value;
}

function readQuestion(type: string, node: XmlNode, note: (m: string) => void): Question {
	const extras = extrasOf(node);
	// Factdeck's own export says which names are titles; in anyone else's file, a name that
	// only repeats the question's first line is no title.
	const ours = textIn(node, 'factdeck') !== '';
	const title = textIn(node, 'name');
	const prompt = htmlOrText(node, 'questiontext');
	const base = {
		id: textIn(node, 'idnumber'),
		...(title !== '' && !extras.untitled && (ours || title !== firstLineOf(prompt, 60))
			? { title }
			: {}),
		prompt,
		explanation: htmlOrText(node, 'generalfeedback'),
		...(extras.provenance ? { provenance: extras.provenance } : {})
	};
	if (children(node, 'hint').length) note('its hints were not imported');
	const answers = children(node, 'answer');
	const choiceId = (i: number) => extras.choiceIds?.[i] ?? `c${i + 1}`;

	switch (type) {
		case 'multichoice':
		case 'multichoiceset': {
			const single = type === 'multichoice' && textIn(node, 'single').trim() !== 'false';
			const choices = answers.map((a, i) => {
				const feedback = htmlOrText(a, 'feedback');
				return {
					id: choiceId(i),
					text: htmlOrText({ answer: a }, 'answer'),
					...(feedback ? { feedback } : {}),
					fraction: fractionOf(a)
				};
			});
			if (choices.length < 2) throw new Skip('a choice question needs at least 2 answers');
			if (single) {
				const right = choices.filter((c) => c.fraction >= 1);
				if (right.length !== 1) {
					throw new Skip(
						`${right.length} answers worth 100%: a single-answer question has exactly one`
					);
				}
				if (extras.notGiven) {
					// Factdeck's true / false / not given, written as its three choices.
					const answer = verdicts.find((v) => verdictLabels[v] === right[0]!.text);
					const labels = verdicts.map((v) => verdictLabels[v]).join('|');
					if (!answer || choices.map((c) => c.text).join('|') !== labels) {
						throw new Skip('a true / false / not given question needs True, False and Not given');
					}
					return { ...base, type: 'true_false_not_given', answer };
				}
				return {
					...base,
					type: 'multiple_choice',
					choices: choices.map(({ fraction, ...c }): CreditedChoice =>
						fraction > 0 && fraction < 1 ? { ...c, credit: fraction } : c
					),
					correctChoiceId: right[0]!.id
				};
			}
			const allOrNothing = type === 'multichoiceset';
			const positive = choices.filter((c) => c.fraction > 0);
			const sum = positive.reduce((total, c) => total + c.fraction, 0);
			if (!allOrNothing && positive.length && Math.abs(sum - 1) > WEIGHT_SUM_SLACK) {
				throw new Skip(`the right answers' fractions add up to ${Number((sum * 100).toFixed(3))}%`);
			}
			// All or nothing counts only which are right: their shares are made even.
			const weights = allOrNothing
				? evenWeights(choices.map((c) => c.fraction > 0))
				: choices.map((c) => c.fraction);
			return {
				...base,
				type: 'multiple_response',
				choices: choices.map(({ fraction: _fraction, ...c }, i) => ({ ...c, weight: weights[i]! })),
				allOrNothing
			};
		}
		case 'truefalse': {
			const right = answers.find((a) => fractionOf(a) >= 1);
			const value = right ? plainOf(right).toLowerCase() : '';
			if (value !== 'true' && value !== 'false') {
				throw new Skip('a true/false question whose right answer is neither true nor false');
			}
			if (answers.some((a) => htmlOrText(a, 'feedback') !== '')) {
				note('the feedback on True and on False was not imported');
			}
			return { ...base, type: 'true_false', answer: value === 'true' };
		}
		case 'shortanswer': {
			const caseSensitive = textIn(node, 'usecase').trim() === '1';
			const read = answers.map((a) => ({ text: plainOf(a), fraction: fractionOf(a) }));
			if (!ours && read.some((r) => r.fraction > 0 && r.text.includes('*'))) {
				throw new Skip('an answer with the * wildcard, which Factdeck does not grade');
			}
			const full = read.filter((r) => r.fraction >= 1).map((r) => r.text);
			const partial = read.filter((r) => r.fraction > 0 && r.fraction < 1);
			if (read.some((r) => r.fraction <= 0))
				note('answers worth 0% (kept for their feedback) were not imported');
			if (full.length === 0) throw new Skip('no answer worth 100%');
			if (extras.date) {
				return { ...base, type: 'date', answer: full[0]!, precision: extras.date };
			}
			return {
				...base,
				type: 'short_answer',
				answer: full[0]!,
				alternatives: full.slice(1),
				...(partial.length
					? { partialAnswers: partial.map((r) => ({ answer: r.text, credit: r.fraction })) }
					: {}),
				...(caseSensitive ? { caseSensitive: true as const } : {})
			};
		}
		case 'numerical': {
			const right = answers.filter((a) => fractionOf(a) >= 1);
			if (answers.some((a) => fractionOf(a) > 0 && fractionOf(a) < 1)) {
				throw new Skip('a number with partial credit, which Factdeck does not hold');
			}
			if (right.length !== 1) {
				throw new Skip(
					`${right.length} right answers: Factdeck keeps one number and its tolerance`
				);
			}
			const value = Number(plainOf(right[0]!));
			const tolerance = Math.abs(Number(textIn(right[0]!, 'tolerance') || '0'));
			if (!Number.isFinite(value) || !Number.isFinite(tolerance)) {
				throw new Skip('the answer or its tolerance is not a number');
			}
			const units = children(child(node, 'units'), 'unit').map((u) => ({
				name: textIn(u, 'unit_name'),
				multiplier: Number(textIn(u, 'multiplier') || '1')
			}));
			const unit = units.find((u) => u.multiplier === 1)?.name;
			const others = units.filter((u) => u.multiplier !== 1).map((u) => u.name);
			if (others.length) note(`the other units (${others.join(', ')}) were not imported`);
			const range = extras.range;
			return {
				...base,
				type: 'numeric',
				...(range ? rangeMidpoint(range.min, range.max) : { answer: value, tolerance }),
				...(unit ? { unit } : {}),
				...(range ? { range } : {})
			};
		}
		case 'matching':
		case 'match': {
			const subs = children(node, 'subquestion').map((s) => ({
				left: htmlOrText({ s }, 's'),
				right: plainOf(child(s, 'answer'))
			}));
			const extra = subs.filter((s) => s.left === '');
			if (extra.length) note(`${extra.length} extra wrong answers were not imported`);
			return { ...base, type: 'matching', pairs: subs.filter((s) => s.left !== '') };
		}
		case 'ordering':
			return {
				...base,
				type: 'ordering',
				items: answers.map((a) => htmlOrText({ answer: a }, 'answer'))
			};
		case 'essay': {
			if (textIn(node, 'responsetemplate').trim() !== '')
				note('its response template was not imported');
			return { ...base, type: 'open_response', modelAnswer: htmlOrText(node, 'graderinfo') };
		}
		case 'description':
			if (base.explanation) note('its general feedback was not imported');
			return { ...base, type: 'description', explanation: '' };
		case 'cloze':
		case 'multianswer':
			return readCloze(node, base, extras);
		default:
			throw new Skip(`Moodle's "${type || 'untyped'}" questions have no Factdeck type`);
	}
}

/** One embedded answer of a Moodle cloze: {1:SHORTANSWER:=Berlin~%50%Bonn}. */
const blankPattern = /\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}/g;

/**
 * Moodle's cloze (embedded answers) where it maps to one Factdeck question: a single blank,
 * typed (a cloze), a choice (multiple choice or response) or a number. Its embedded syntax is
 * GIFT's own, so the GIFT reader reads the blank.
 */
function readCloze(
	node: XmlNode,
	base: { id: string; title?: string; explanation: string; provenance?: Question['provenance'] },
	extras: FactdeckExtras
): Question {
	const element = child(node, 'questiontext');
	const format = attribute(element, 'format') ?? 'html';
	const raw = child(element, 'text') ? textOfNode(child(element, 'text')) : '';
	const blanks = [...raw.matchAll(blankPattern)];
	if (blanks.length !== 1) {
		throw new Skip(
			`${blanks.length} embedded answers: Factdeck reads a cloze with exactly one blank`
		);
	}
	const blank = blanks[0]!;
	const kind = blank[2]!;
	const inner = blank[3]!;
	const plain = format === 'plain_text' || format === 'markdown';
	const side = (s: string) => (plain ? s : htmlToText(s, { trim: false }));
	const before = side(raw.slice(0, blank.index)).trimStart();
	const after = side(raw.slice(blank.index! + blank[0].length)).trimEnd();
	const giftBlock = (body: string) => {
		const read = parseGift(`${body}`);
		if (!read.ok) throw new Skip(`its embedded answer cannot be read: ${read.errors[0]!.message}`);
		if (read.skipped.length) throw new Skip(read.skipped[0]!.reason);
		return read.questions[0]!;
	};
	const withBase = (q: Question): Question => ({
		...q,
		id: base.id,
		...(base.title !== undefined ? { title: base.title } : {}),
		explanation: base.explanation,
		...(base.provenance ? { provenance: base.provenance } : {})
	});
	if (/^(SHORTANSWER|SA|MW)(_C|C)?$/.test(kind)) {
		// Only the right answers: Moodle's "~*" catch-alls and 0% answers carry feedback only.
		const parts = splitEmbedded(inner).filter((p) => p.fraction > 0);
		if (parts.some((p) => p.fraction < 1)) {
			throw new Skip('a blank with partial credit, which a Factdeck cloze does not hold');
		}
		if (parts.length === 0) throw new Skip('a blank with no answer worth 100%');
		const question: ClozeQuestion = {
			id: base.id,
			...(base.title !== undefined ? { title: base.title } : {}),
			type: 'cloze',
			prompt: extras.prompt ?? 'Fill in the blank.',
			before,
			after,
			answer: parts[0]!.text,
			alternatives: parts.slice(1).map((p) => p.text),
			explanation: base.explanation,
			...(base.provenance ? { provenance: base.provenance } : {})
		};
		return question;
	}
	const prompt = `${before}_____${after}`.trim();
	if (/^(MULTICHOICE|MC|MCV|MCH|MCS|MCVS|MCHS)$/.test(kind)) {
		const q = giftBlock(`${escapeGift(prompt)}{${inner}}`);
		return withBase({ ...q, prompt });
	}
	if (/^(MULTIRESPONSE|MR|MRH|MRS|MRHS)$/.test(kind)) {
		const q = giftBlock(`// factdeck:multiple-response\n${escapeGift(prompt)}{${inner}}`);
		return withBase({ ...q, prompt });
	}
	if (/^(NUMERICAL|NM)$/.test(kind)) {
		const q = giftBlock(`${escapeGift(prompt)}{#${inner}}`);
		return withBase({ ...q, prompt });
	}
	throw new Skip(`an embedded ${kind} answer has no Factdeck type`);
}

function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** The answers of an embedded blank: "=a#fb~%50%b~*#no" → texts with their fractions. */
function splitEmbedded(inner: string): { text: string; fraction: number }[] {
	// Split on "~" and cut "#feedback", minding backslash escapes (\~ \# \} \/ \" \\).
	const parts: { text: string; feedback: boolean }[] = [{ text: '', feedback: false }];
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i]!;
		const part = parts[parts.length - 1]!;
		if (c === '\\' && i + 1 < inner.length) {
			if (!part.feedback) part.text += inner[++i];
			else i++;
		} else if (c === '~') parts.push({ text: '', feedback: false });
		else if (c === '#') part.feedback = true;
		else if (!part.feedback) part.text += c;
	}
	return parts
		.filter((p) => p.text.trim() !== '')
		.map(({ text }) => {
			const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(text);
			if (weight)
				return { text: text.slice(weight[0].length).trim(), fraction: fromPercentText(weight[1]!) };
			if (text.startsWith('=')) return { text: text.slice(1).trim(), fraction: 1 };
			return { text: text.trim(), fraction: 0 };
		});
}

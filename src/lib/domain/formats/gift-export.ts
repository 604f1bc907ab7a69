// Moodle's GIFT text format, writing: a set as GIFT that Moodle reads. What GIFT cannot say (ids,
// provenance, dates, ordering, units, cloze prompts) travels in "// factdeck:" comment lines,
// which Moodle ignores, so our own exports read back exactly (see gift-import.ts).
import { formatDate } from '../normalise';
import {
	verdictLabels,
	verdicts,
	type DateQuestion,
	type Question,
	type QuestionSet
} from '../question';
import { percentText } from '../public-question';
import { weightPattern } from './gift-answers';

/** The set as GIFT text, one question per blank-line-separated block, LF line ends. */
export function exportGift(set: QuestionSet): string {
	const header = [
		`// Factdeck question set: ${oneLine(set.title)}`,
		'// Moodle GIFT format. Lines starting "// factdeck:" let Factdeck read its export back;',
		'// Moodle ignores them.'
	].join('\n');
	return [header, ...set.questions.map(writeQuestion)].join('\n\n') + '\n';
}

function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** GIFT's escapes, as Moodle writes them: \\ \~ \= \# \{ \} \: and \n for a line break. */
function escape(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Text inside the answer block: also "->" is written "-\>" (a Factdeck extension: GIFT has no
 * escape for it), or a short answer containing it would read as a matching pair. Moodle shows
 * the backslash; nothing else can keep such a text.
 */
function escapeAnswer(text: string): string {
	return escape(text).replace(/->/g, '-\\>');
}

/** Moodle reads a leading [html], [moodle], [markdown] or [plain] as a format, so mark it plain. */
function guardFormat(text: string, question = false): string {
	const risky = question ? /^(?:\[|\/\/|\$CATEGORY:)/ : /^\[(?:html|moodle|markdown|plain)\]/;
	return risky.test(text) ? '[plain]' : '';
}

/** A text that starts like a weight (%50%) gets an explicit weight in front of it. */
function guardWeight(text: string, weight: string): string {
	return weightPattern.test(text) ? `%${weight}%` : '';
}

function answerText(text: string): string {
	return guardFormat(text) + escapeAnswer(text);
}

function writeQuestion(q: Question): string {
	const lines = [`// factdeck:id=${JSON.stringify(q.id)}`];
	if (q.type === 'multiple_choice' || q.type === 'multiple_response') {
		lines.push(`// factdeck:choice-ids=${JSON.stringify(q.choices.map((c) => c.id))}`);
	}
	// Moodle reads "~%50%" answers with no "=" as multiple answers; saying so keeps one with a
	// single right answer from reading back as multiple choice.
	if (q.type === 'multiple_response') lines.push('// factdeck:multiple-response');
	if (q.type === 'multiple_response' && q.allOrNothing) lines.push('// factdeck:all-or-nothing');
	if (q.type === 'short_answer' && q.caseSensitive) lines.push('// factdeck:case-sensitive');
	if (q.type === 'open_response' && q.modelAnswer !== '') {
		lines.push(`// factdeck:model-answer=${JSON.stringify(q.modelAnswer)}`);
	}
	if (q.type === 'numeric' && q.unit !== undefined) {
		lines.push(`// factdeck:unit=${JSON.stringify(q.unit)}`);
	}
	if (q.type === 'date') lines.push(`// factdeck:date precision=${q.precision}`);
	if (q.type === 'ordering') lines.push('// factdeck:ordering');
	// GIFT has no "not given": the question goes as three choices, and this comment brings it back.
	if (q.type === 'true_false_not_given') lines.push('// factdeck:not-given');
	if (q.type === 'cloze') {
		lines.push('// factdeck:cloze', `// factdeck:prompt=${JSON.stringify(q.prompt)}`);
	}
	if (q.provenance) {
		const { sourceId, factIds, quote } = q.provenance;
		lines.push(`// factdeck:provenance=${JSON.stringify({ sourceId, factIds, quote })}`);
	}

	const title = q.title !== undefined ? `::${escape(q.title)}::` : '';
	const explanation = q.explanation === '' ? '' : `####${answerText(q.explanation)}`;
	const questionText = (text: string) => guardFormat(text, true) + escape(text);
	const block = (answers: string[]) =>
		`{\n${[...answers, ...(explanation ? [explanation] : [])].map((a) => `\t${a}`).join('\n')}\n}`;

	switch (q.type) {
		case 'multiple_choice': {
			const choices = q.choices.map((c) => {
				const right = c.id === q.correctChoiceId;
				const feedback = c.feedback !== undefined ? `#${answerText(c.feedback)}` : '';
				const weight = right
					? ''
					: c.credit !== undefined
						? `%${percentText(c.credit)}%`
						: guardWeight(c.text, '0');
				return `${right ? '=' : '~'}${weight}${answerText(c.text)}${feedback}`;
			});
			lines.push(title + questionText(q.prompt) + block(choices));
			break;
		}
		case 'multiple_response': {
			const choices = q.choices.map((c) => {
				const feedback = c.feedback !== undefined ? `#${answerText(c.feedback)}` : '';
				return `~%${percentText(c.weight)}%${answerText(c.text)}${feedback}`;
			});
			lines.push(title + questionText(q.prompt) + block(choices));
			break;
		}
		case 'open_response':
			// {} is Moodle's essay; its general feedback shows after answering, like ours.
			lines.push(`${title}${questionText(q.prompt)}{${explanation}}`);
			break;
		case 'description':
			// No answer block: Moodle's description.
			lines.push(title + questionText(q.prompt));
			break;
		case 'true_false':
			lines.push(`${title}${questionText(q.prompt)}{${q.answer ? 'TRUE' : 'FALSE'}${explanation}}`);
			break;
		case 'true_false_not_given': {
			const choices = verdicts.map((v) => `${v === q.answer ? '=' : '~'}${verdictLabels[v]}`);
			lines.push(title + questionText(q.prompt) + block(choices));
			break;
		}
		case 'short_answer': {
			const partly = (q.partialAnswers ?? []).map(
				(p) => `=%${percentText(p.credit)}%${answerText(p.answer)}`
			);
			lines.push(
				title +
					questionText(q.prompt) +
					block([...typedAnswers(q.answer, q.alternatives), ...partly])
			);
			break;
		}
		case 'numeric': {
			// A range as the teacher wrote it; Moodle reads {#min..max} too.
			const value = q.range ? `${q.range.min}..${q.range.max}` : `${q.answer}:${q.tolerance}`;
			lines.push(`${title}${questionText(q.prompt)}{#${value}${explanation}}`);
			break;
		}
		case 'date':
			lines.push(title + questionText(q.prompt) + block(typedAnswers(q.answer, dateForms(q))));
			break;
		case 'matching':
		case 'ordering': {
			const pairs =
				q.type === 'matching'
					? q.pairs
					: q.items.map((item, i) => ({ left: String(i + 1), right: item }));
			const lines_ = pairs.map((p) => `=${answerText(p.left)} -> ${escapeAnswer(p.right)}`);
			lines.push(title + questionText(q.prompt) + block(lines_));
			break;
		}
		case 'cloze': {
			const answers = typedAnswers(q.answer, q.alternatives).join(' ');
			const blank = `{${answers}${explanation ? ` ${explanation}` : ''}}`;
			lines.push(title + questionText(q.before) + blank + escape(q.after));
			break;
		}
	}
	return lines.join('\n');
}

function typedAnswers(answer: string, alternatives: string[]): string[] {
	return [answer, ...alternatives].map((a) => `=${guardWeight(a, '100')}${answerText(a)}`);
}

/** The ISO form first (what we read back), then the forms a Moodle learner might type. */
function dateForms(q: DateQuestion): string[] {
	const forms = [formatDate(q.answer), formatDate(q.answer, 'month-day')];
	return [...new Set(forms)].filter((f) => f !== q.answer);
}

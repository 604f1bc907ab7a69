// Moodle XML, writing: a set as the question bank file Moodle imports, laid out as Moodle's own
// exporter writes it (question/format/xml/format.php). Texts go as plain_text, so nothing is
// read as HTML. What Moodle has no field for (choice ids, provenance, a date question, a cloze's
// instruction, a range as written) goes in a <factdeck> element, which Moodle ignores and
// parseMoodleXml reads, so our own export reads back to the same questions.
import { formatDate } from '../normalise';
import { percentText, unknownType } from '../public-question';
import { verdictLabels, verdicts, type Question, type QuestionSet } from '../question';
import type { FactdeckExtras } from './moodle-xml-import';
import { firstLineOf } from './outcome';

/** Characters XML must not see raw in text or attributes. */
function escapeXml(text: string): string {
	return text.replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!
	);
}

/** Moodle's "/" separates categories; a slash in a name is written "//". */
function categoryName(title: string): string {
	return title.replace(/\//g, '//');
}

const text = (value: string, indent: string) => `${indent}<text>${escapeXml(value)}</text>\n`;

function textElement(name: string, value: string, indent = '    ', format = 'plain_text'): string {
	return `${indent}<${name} format="${format}">\n${text(value, `${indent}  `)}${indent}</${name}>\n`;
}

function answer(fraction: number, value: string, feedback = '', extra = ''): string {
	return (
		`    <answer fraction="${percentText(fraction)}" format="plain_text">\n` +
		text(value, '      ') +
		textElement('feedback', feedback, '      ') +
		extra +
		'    </answer>\n'
	);
}

/** Moodle's cloze syntax escapes these with a backslash inside an embedded answer. */
function escapeCloze(value: string): string {
	return value.replace(/[\\}#~/"]/g, (c) => `\\${c}`);
}

function extrasOf(q: Question): FactdeckExtras {
	const extras: FactdeckExtras = {};
	if (q.type === 'multiple_choice' || q.type === 'multiple_response') {
		extras.choiceIds = q.choices.map((c) => c.id);
	}
	if (q.provenance) extras.provenance = q.provenance;
	if (q.type === 'date') extras.date = q.precision;
	if (q.type === 'cloze') extras.prompt = q.prompt;
	if (q.type === 'true_false_not_given') extras.notGiven = true;
	if (q.type === 'numeric' && q.range) extras.range = q.range;
	if (q.title === undefined) extras.untitled = true;
	return extras;
}

const moodleTypes: Record<Question['type'], (q: Question) => string> = {
	multiple_choice: () => 'multichoice',
	// Moodle has no "not given": three choices, and the <factdeck> element brings it back.
	true_false_not_given: () => 'multichoice',
	multiple_response: (q) =>
		q.type === 'multiple_response' && q.allOrNothing ? 'multichoiceset' : 'multichoice',
	true_false: () => 'truefalse',
	short_answer: () => 'shortanswer',
	date: () => 'shortanswer',
	numeric: () => 'numerical',
	matching: () => 'matching',
	ordering: () => 'ordering',
	cloze: () => 'cloze',
	open_response: () => 'essay',
	description: () => 'description'
};

function body(q: Question): string {
	switch (q.type) {
		case 'multiple_choice':
		case 'multiple_response': {
			const single = q.type === 'multiple_choice';
			const head =
				q.type === 'multiple_response' && q.allOrNothing
					? '    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n'
					: `    <single>${single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n`;
			const answers = q.choices.map((c) => {
				const fraction =
					q.type === 'multiple_choice'
						? c.id === q.correctChoiceId
							? 1
							: (('credit' in c ? c.credit : undefined) ?? 0)
						: 'weight' in c
							? c.weight
							: 0;
				return answer(fraction, c.text, c.feedback ?? '');
			});
			return head + answers.join('');
		}
		case 'true_false':
			return answer(q.answer ? 1 : 0, 'true') + answer(q.answer ? 0 : 1, 'false');
		case 'true_false_not_given':
			return (
				'    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n' +
				verdicts.map((v) => answer(v === q.answer ? 1 : 0, verdictLabels[v])).join('')
			);
		case 'short_answer':
			return (
				`    <usecase>${q.caseSensitive ? 1 : 0}</usecase>\n` +
				[q.answer, ...q.alternatives].map((a) => answer(1, a)).join('') +
				(q.partialAnswers ?? []).map((p) => answer(p.credit, p.answer)).join('')
			);
		case 'date': {
			// The ISO date first (what Factdeck reads back), then forms a Moodle learner might type.
			const forms = [formatDate(q.answer), formatDate(q.answer, 'month-day')];
			const answers = [q.answer, ...new Set(forms.filter((f) => f !== q.answer))];
			return '    <usecase>0</usecase>\n' + answers.map((a) => answer(1, a)).join('');
		}
		case 'numeric': {
			const units = q.unit
				? `    <units>\n      <unit>\n        <multiplier>1</multiplier>\n        <unit_name>${escapeXml(q.unit)}</unit_name>\n      </unit>\n    </units>\n    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0</unitpenalty>\n    <showunits>1</showunits>\n    <unitsleft>0</unitsleft>\n`
				: '';
			return (
				answer(1, String(q.answer), '', `      <tolerance>${q.tolerance}</tolerance>\n`) + units
			);
		}
		case 'matching':
			return (
				'    <shuffleanswers>true</shuffleanswers>\n' +
				q.pairs
					.map(
						(p) =>
							`    <subquestion format="plain_text">\n${text(p.left, '      ')}      <answer>\n${text(p.right, '        ')}      </answer>\n    </subquestion>\n`
					)
					.join('')
			);
		case 'ordering':
			// Moodle 4's ordering: the answers in the right order, all shown, all or nothing.
			return (
				'    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ALL_OR_NOTHING</gradingtype>\n    <showgrading>SHOW</showgrading>\n' +
				q.items
					.map(
						(item, i) =>
							`    <answer fraction="${i + 1}" format="plain_text">\n${text(item, '      ')}    </answer>\n`
					)
					.join('')
			);
		case 'open_response':
			return (
				'    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n    <responsefieldlines>10</responsefieldlines>\n    <attachments>0</attachments>\n    <attachmentsrequired>0</attachmentsrequired>\n' +
				textElement('graderinfo', q.modelAnswer) +
				textElement('responsetemplate', '')
			);
		case 'cloze':
		case 'description':
			return '';
		default:
			return unknownType(q);
	}
}

function writeQuestion(q: Question): string {
	const prompt =
		q.type === 'cloze'
			? `${q.before}{1:SHORTANSWER:${[q.answer, ...q.alternatives].map((a) => `=${escapeCloze(a)}`).join('~')}}${q.after}`
			: q.prompt;
	const name = q.title ?? firstLineOf(q.prompt, 60);
	const extras = extrasOf(q);
	return (
		`  <question type="${moodleTypes[q.type](q)}">\n` +
		`    <name>\n${text(name, '      ')}    </name>\n` +
		textElement('questiontext', prompt) +
		textElement('generalfeedback', q.explanation) +
		(q.type === 'cloze'
			? ''
			: `    <defaultgrade>${q.type === 'description' ? 0 : 1}</defaultgrade>\n`) +
		'    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n' +
		`    <idnumber>${escapeXml(q.id)}</idnumber>\n` +
		body(q) +
		// Always there: it also tells the reader the file is Factdeck's (names, a literal "*").
		`    <factdeck>${escapeXml(JSON.stringify(extras))}</factdeck>\n` +
		'  </question>\n'
	);
}

/** The set as Moodle XML: a category named after the set, then each question. */
export function exportMoodleXml(set: QuestionSet): string {
	const category =
		'  <question type="category">\n' +
		`    <category>\n      <text>${escapeXml(`$course$/top/${categoryName(set.title)}`)}</text>\n    </category>\n` +
		textElement('info', set.description ?? '') +
		'  </question>\n';
	return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${category}${set.questions.map(writeQuestion).join('')}</quiz>\n`;
}

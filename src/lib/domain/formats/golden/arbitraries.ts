// fast-check generators of valid questions and sets of every type, for the property tests of
// the grader, the public projection and the formats. Text is awkward on purpose (GIFT's and
// CSV's special characters, quotes, unicode) but never blank, padded or broken over lines.
import fc from 'fast-check';
import {
	evenWeights,
	rangeMidpoint,
	verdicts,
	type Provenance,
	type Question,
	type QuestionSet
} from '../../question';

const awkwardPieces = [
	'~',
	'=',
	'#',
	'{',
	'}',
	':',
	'::',
	'\\',
	'\\n',
	'->',
	'|',
	'\\|',
	',',
	'"',
	"'",
	'%50%',
	'[html]',
	'[b]',
	'//',
	'$CATEGORY:',
	'####',
	' ',
	'  ',
	'\t',
	'é',
	'Zürich',
	'中文',
	'🙂',
	'_____',
	'TRUE',
	'T',
	'#12:0'
];

/** Non-blank text with no leading or trailing whitespace and no line breaks. */
export const textArb: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }) },
			{ weight: 2, arbitrary: fc.constantFrom(...awkwardPieces) }
		),
		{ minLength: 1, maxLength: 6 }
	)
	.map((parts) => parts.join(''))
	.filter((s) => s !== '' && s === s.trim() && !/[\r\n\u0085\u2028\u2029]/u.test(s));

export const idArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9][a-z0-9:._-]{0,11}$/);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined, as every importer does. */
function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const provenanceArb: fc.Arbitrary<Provenance> = fc.record({
	sourceId: idArb,
	factIds: fc.array(idArb, { maxLength: 3 }),
	quote: textArb
});

const baseArb = fc.record({
	id: idArb,
	title: optional(textArb),
	prompt: textArb,
	explanation: fc.oneof(fc.constant(''), textArb),
	provenance: optional(provenanceArb)
});

const isoDateArb = fc
	.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));

// -0 becomes 0: JSON cannot tell them apart, and neither can a learner.
const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));

const uniqueTexts = (min: number, max: number) =>
	fc.uniqueArray(textArb, { minLength: min, maxLength: max });

/** Shares of the marks as teachers write them: 50%, 25%, a third, 10%. */
const creditArb = fc.constantFrom(0.5, 0.25, 1 / 3, 0.1, 0.75);

const choicesArb = fc.uniqueArray(
	fc
		.record({ id: idArb, text: textArb, feedback: optional(textArb), credit: optional(creditArb) })
		.map(compact),
	{ minLength: 2, maxLength: 5, selector: (c) => c.id }
);

export const questionArbs = {
	multiple_choice: fc
		.record({ base: baseArb, choices: choicesArb, right: fc.nat() })
		.map(({ base, choices, right }) => {
			const correctChoiceId = choices[right % choices.length]!.id;
			return compact({
				...base,
				type: 'multiple_choice' as const,
				choices: choices.map(({ credit, ...c }) =>
					c.id === correctChoiceId || credit === undefined ? c : { ...c, credit }
				),
				correctChoiceId
			});
		}),
	multiple_response: fc
		.record({
			base: baseArb,
			choices: choicesArb,
			right: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
			allOrNothing: fc.boolean()
		})
		.map(({ base, choices, right, allOrNothing }) => {
			const flags = choices.map((_, i) => right[i]!);
			if (!flags.some(Boolean)) flags[0] = true;
			const weights = evenWeights(flags);
			return compact({
				...base,
				type: 'multiple_response' as const,
				choices: choices.map(({ credit: _credit, ...c }, i) => ({ ...c, weight: weights[i]! })),
				allOrNothing
			});
		}),
	open_response: fc
		.record({ base: baseArb, modelAnswer: fc.oneof(fc.constant(''), textArb) })
		.map(({ base, modelAnswer }) =>
			compact({ ...base, type: 'open_response' as const, modelAnswer })
		),
	description: baseArb.map((base) =>
		compact({ ...base, type: 'description' as const, explanation: '' })
	),
	true_false: fc
		.record({ base: baseArb, answer: fc.boolean() })
		.map(({ base, answer }) => compact({ ...base, type: 'true_false' as const, answer })),
	true_false_not_given: fc
		.record({ base: baseArb, answer: fc.constantFrom(...verdicts) })
		.map(({ base, answer }) => compact({ ...base, type: 'true_false_not_given' as const, answer })),
	short_answer: fc
		.record({
			base: baseArb,
			answer: textArb,
			alternatives: fc.array(textArb, { maxLength: 3 }),
			partialAnswers: optional(
				fc.array(fc.record({ answer: textArb, credit: creditArb }), { minLength: 1, maxLength: 2 })
			),
			caseSensitive: optional(fc.constant(true as const))
		})
		.map(({ base, ...rest }) => compact({ ...base, type: 'short_answer' as const, ...rest })),
	numeric: fc
		.record({
			base: baseArb,
			answer: finiteArb,
			tolerance: finiteArb.map(Math.abs),
			unit: optional(textArb),
			range: optional(
				fc
					.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 1000 }))
					.map(([min, width]) => ({ min, max: min + width }))
			)
		})
		.map(({ base, range, ...rest }) =>
			compact({
				...base,
				type: 'numeric' as const,
				...rest,
				...(range ? { ...rangeMidpoint(range.min, range.max), range } : {})
			})
		),
	date: fc
		.record({
			base: baseArb,
			date: isoDateArb,
			precision: fc.constantFrom('day' as const, 'month' as const, 'year' as const)
		})
		.map(({ base, date, precision }) =>
			compact({
				...base,
				type: 'date' as const,
				answer: date.slice(0, precision === 'day' ? 10 : precision === 'month' ? 7 : 4),
				precision
			})
		),
	matching: fc
		.integer({ min: 2, max: 5 })
		.chain((n) => fc.record({ base: baseArb, lefts: uniqueTexts(n, n), rights: uniqueTexts(n, n) }))
		.map(({ base, lefts, rights }) =>
			compact({
				...base,
				type: 'matching' as const,
				pairs: lefts.map((left, i) => ({ left, right: rights[i]! }))
			})
		),
	ordering: fc
		.record({ base: baseArb, items: uniqueTexts(3, 6) })
		.map(({ base, items }) => compact({ ...base, type: 'ordering' as const, items })),
	cloze: fc
		.record({
			base: baseArb,
			before: fc.oneof(fc.constant(''), textArb),
			after: fc.oneof(fc.constant(''), textArb),
			answer: textArb,
			alternatives: fc.array(textArb, { maxLength: 3 })
		})
		.filter(({ before, after }) => before !== '' || after !== '')
		.map(({ base, ...rest }) => compact({ ...base, type: 'cloze' as const, ...rest }))
} satisfies { [K in Question['type']]: fc.Arbitrary<Extract<Question, { type: K }>> };

export const questionArb: fc.Arbitrary<Question> = fc.oneof(...Object.values(questionArbs));

export const questionSetArb: fc.Arbitrary<QuestionSet> = fc
	.record({
		id: idArb,
		title: textArb,
		description: optional(textArb),
		sourceId: optional(idArb),
		questions: fc.uniqueArray(questionArb, { maxLength: 8, selector: (q) => q.id })
	})
	.map(compact);

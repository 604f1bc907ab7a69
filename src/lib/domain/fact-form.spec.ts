import { describe, expect, it } from 'vitest';
import type { Entity } from './fact-base';
import {
	applyQuoteIntent,
	buildFact,
	emptyFactForm,
	NEW_ENTITY,
	parseAliases,
	problemsToErrors,
	readFactForm,
	valuesFromFact,
	type FactFormValues
} from './fact-form';
import { predicates } from './fact-base';
import { draftStatement, predicateGuide } from './predicate-guide';
import { sentencesOf } from './quote-picker';

const entities: Entity[] = [
	{ id: 'nasa', kind: 'organisation', name: 'NASA', aliases: ['the agency'] },
	{ id: 'perseverance', kind: 'thing', name: 'Perseverance', aliases: ['the rover'] },
	{ id: 'mars', kind: 'place', name: 'Mars', aliases: [] }
];

const form = (values: Partial<FactFormValues>): FactFormValues => ({
	...emptyFactForm(),
	quote: 'NASA launched Perseverance',
	predicate: 'relation',
	subject: 'nasa',
	object: 'perseverance',
	valueText: 'launched',
	statement: 'NASA launched Perseverance.',
	...values
});

describe('readFactForm', () => {
	it('reads every field, and a tampered choice as empty', () => {
		const data = new Map<string, string>([
			['quote', 'Xi met Putin'],
			['quoteStart', '12'],
			['predicate', 'drop table'],
			['subject', NEW_ENTITY],
			['subjectName', 'Xi Jinping'],
			['subjectKind', 'emperor'],
			['subjectAliases', 'Xi, the Chinese leader'],
			['valueKind', 'html'],
			['datePrecision', 'century'],
			['date', ' 2023-03-20 ']
		]);
		const values = readFactForm((name) => data.get(name) ?? '');
		expect(values).toMatchObject({
			quote: 'Xi met Putin',
			quoteStart: '12',
			predicate: '',
			subject: NEW_ENTITY,
			valueKind: '',
			datePrecision: '',
			date: '2023-03-20'
		});
		expect(values.newEntities.subject).toEqual({
			name: 'Xi Jinping',
			kind: '',
			aliases: 'Xi, the Chinese leader',
			role: ''
		});
		expect(readFactForm((name) => (name === 'quoteStart' ? '-4' : '')).quoteStart).toBe('');
	});

	it('gives back a fact as the values it came from', () => {
		const fact = {
			predicate: 'count_of' as const,
			subject: 'perseverance',
			value: { kind: 'number' as const, amount: 7, unit: 'instruments' },
			date: { date: '2021-02', precision: 'month' as const, wording: 'in February' },
			statement: 'Perseverance carries seven instruments.',
			quote: 'seven instruments'
		};
		const values = valuesFromFact(fact, 40);
		expect(values).toMatchObject({ quoteStart: '40', valueKind: 'number', valueAmount: '7' });
		const built = buildFact(values, entities);
		expect(built.ok && built.value.fact).toEqual(fact);
	});
});

describe('buildFact', () => {
	it('makes a general relation with its verb phrase', () => {
		const built = buildFact(form({ quoteStart: '0' }), entities);
		expect(built).toEqual({
			ok: true,
			value: {
				fact: {
					predicate: 'relation',
					subject: 'nasa',
					object: 'perseverance',
					value: { kind: 'text', text: 'launched' },
					statement: 'NASA launched Perseverance.',
					quote: 'NASA launched Perseverance'
				},
				newEntities: [],
				quoteStart: 0
			}
		});
	});

	it('says on each field what is missing', () => {
		const built = buildFact(
			form({ quote: ' ', predicate: '', subject: '', statement: '', valueText: '' }),
			entities
		);
		expect(built.ok).toBe(false);
		if (built.ok) return;
		expect(Object.keys(built.errors).sort()).toEqual([
			'predicate',
			'quote',
			'statement',
			'subject'
		]);
		const relation = buildFact(form({ valueText: '', object: '' }), entities);
		expect(!relation.ok && relation.errors).toMatchObject({
			valueText: 'Give the verb phrase (past tense).',
			object: 'Choose the object, or create it.'
		});
	});

	it('refuses an object a predicate does not take, and an entity not in the list', () => {
		const said = buildFact(form({ predicate: 'said', valueText: 'we will land' }), entities);
		expect(!said.ok && said.errors.object).toMatch(/has no object/);
		const unknown = buildFact(form({ subject: 'china' }), entities);
		expect(!unknown.ok && unknown.errors.subject).toBe('Choose the subject from the list.');
	});

	it('creates entities inline, one for a name given twice, with kebab-case ids free in the source', () => {
		const values = form({ subject: NEW_ENTITY, object: NEW_ENTITY });
		values.newEntities.subject = {
			name: 'Jet Propulsion Laboratory',
			kind: 'organisation',
			aliases: 'JPL, jpl , the lab',
			role: ''
		};
		values.newEntities.object = {
			name: 'jet propulsion laboratory',
			kind: '',
			aliases: '',
			role: ''
		};
		const built = buildFact(values, entities);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.value.newEntities).toEqual([
			{
				slot: 'subject',
				entity: {
					id: 'jet-propulsion-laboratory',
					kind: 'organisation',
					name: 'Jet Propulsion Laboratory',
					aliases: ['JPL', 'the lab']
				}
			}
		]);
		expect(built.value.fact.object).toBe('jet-propulsion-laboratory');
	});

	it('refuses a new entity that an existing one already names', () => {
		const values = form({ object: NEW_ENTITY });
		values.newEntities.object = { name: 'The Rover', kind: 'thing', aliases: '', role: '' };
		const built = buildFact(values, entities);
		expect(!built.ok && built.errors.objectName).toMatch(/already one of this text's entities/);
		values.newEntities.object = {
			name: 'Ingenuity',
			kind: 'thing',
			aliases: 'the agency',
			role: ''
		};
		const alias = buildFact(values, entities);
		expect(!alias.ok && alias.errors.objectAliases).toMatch(/already names NASA/);
		values.newEntities.object = { name: 'Ingenuity', kind: '', aliases: '', role: '' };
		const kind = buildFact(values, entities);
		expect(!kind.ok && kind.errors.objectKind).toMatch(/what kind/);
	});

	it('reads numbers as people write them, and says when one is not', () => {
		const count = (amount: string, unit = 'instruments') =>
			buildFact(
				form({
					predicate: 'count_of',
					object: '',
					valueKind: 'number',
					valueAmount: amount,
					valueUnit: unit
				}),
				entities
			);
		const ok = count('1,200');
		expect(ok.ok && ok.value.fact.value).toEqual({
			kind: 'number',
			amount: 1200,
			unit: 'instruments'
		});
		const seven = count('seven');
		expect(!seven.ok && seven.errors.valueAmount).toMatch(/in figures/);
		const unitless = count('7', ' ');
		expect(!unitless.ok && unitless.errors.valueUnit).toMatch(/unit/);
	});

	it('takes a date with its precision and wording, and names what is not a date', () => {
		const dated = buildFact(form({ date: '2021-02-18', dateWording: 'on Thursday' }), entities);
		expect(dated.ok && dated.value.fact.date).toEqual({
			date: '2021-02-18',
			precision: 'day',
			wording: 'on Thursday'
		});
		for (const date of ['2021-02-30', 'yesterday', '18/02/2021']) {
			const bad = buildFact(form({ date, dateWording: 'then' }), entities);
			expect(!bad.ok && bad.errors.date, date).toMatch(/is not a date/);
		}
		const unworded = buildFact(form({ date: '2021' }), entities);
		expect(!unworded.ok && unworded.errors.dateWording).toMatch(/own words/);
		const event = buildFact(
			form({ predicate: 'happened_on', object: '', valueText: '' }),
			entities
		);
		expect(!event.ok && event.errors.date).toMatch(/needs its date/);
	});
});

describe('problemsToErrors', () => {
	it("puts checkFactBase's problems on the fields they are about", () => {
		const errors = problemsToErrors(
			[
				{ path: 'facts.3.quote', message: 'fact x: quote is not verbatim in the source' },
				{ path: 'facts.3.object', message: 'fact x names unknown entity y' },
				{ path: 'facts.3.value.unit', message: 'Too small' },
				{ path: 'facts.3.date', message: 'date must be YYYY-MM-DD' },
				{ path: 'entities.4.aliases.0', message: 'Too small' },
				{ path: 'facts.1.quote', message: 'another fact is broken' }
			],
			3,
			new Map([[4, 'object' as const]])
		);
		expect(errors).toEqual({
			quote: 'fact x: quote is not verbatim in the source',
			object: 'fact x names unknown entity y',
			valueUnit: 'Too small',
			date: 'date must be YYYY-MM-DD',
			objectAliases: 'Too small',
			form: 'another fact is broken'
		});
	});
});

describe('the quote picker buttons', () => {
	const body = 'NASA launched Perseverance in July. It landed on Mars on Thursday.';
	const sentences = sentencesOf(body);

	it('pick sentences, then trim a word at a time, never past the last word', () => {
		let values = applyQuoteIntent(
			{ ...emptyFactForm(), fromSentence: '1', toSentence: '1' },
			'pick',
			body,
			sentences
		)!;
		expect(values.quote).toBe('It landed on Mars on Thursday.');
		values = applyQuoteIntent(values, 'trim-end:+1', body, sentences)!;
		values = applyQuoteIntent(values, 'trim-start:+1', body, sentences)!;
		expect(values).toMatchObject({
			quote: 'landed on Mars on',
			quoteStart: String(body.indexOf('landed'))
		});
		for (let i = 0; i < 10; i++) values = applyQuoteIntent(values, 'trim-end:+1', body, sentences)!;
		expect(values.quote).toBe('landed');
		values = applyQuoteIntent(values, 'trim-start:-1', body, sentences)!;
		expect(values.quote).toBe('It landed');
		expect(applyQuoteIntent(values, 'save', body, sentences)).toBeUndefined();
	});
});

describe('predicates and statements', () => {
	it('has help for every predicate, and drafts a statement from the fields', () => {
		for (const p of predicates) expect(predicateGuide[p].help.length).toBeGreaterThan(10);
		expect(parseAliases('Xi,  Xi Jinping\nxi, ')).toEqual(['Xi', 'Xi Jinping']);
		expect(
			draftStatement(
				{
					predicate: 'relation',
					subject: 'nasa',
					object: 'perseverance',
					value: { kind: 'text', text: 'launched' },
					quote: ''
				},
				entities
			)
		).toBe('NASA launched Perseverance.');
		expect(
			draftStatement(
				{
					predicate: 'arrived_at',
					subject: 'perseverance',
					object: 'mars',
					date: { date: '2021-02-18', precision: 'day', wording: 'on Thursday' },
					quote: ''
				},
				entities
			)
		).toBe('Perseverance arrived at Mars on Thursday.');
	});
});

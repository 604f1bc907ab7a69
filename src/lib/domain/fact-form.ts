// The fact editor's form: the values its inputs hold, read from a submitted form; the
// quote-picking buttons; the values turned into a fact and the entities it creates inline, or a
// message per field; and checkFactBase's problems (JSON paths) put back on the fields they are
// about. What each predicate asks for is predicate-guide.ts's.
import {
	datePrecisions,
	entityKinds,
	predicates,
	type DatePrecision,
	type Entity,
	type EntityKind,
	type Fact,
	type FactBaseProblem,
	type Predicate
} from './fact-base';
import { isIsoDate } from './normalise';
import { predicateGuide, type Need, type PredicateGuide } from './predicate-guide';
import { pickQuote, type Sentence } from './quote-picker';
import { kebab } from './suggest/ids';

export const entitySlots = ['subject', 'object', 'place'] as const;
export type EntitySlot = (typeof entitySlots)[number];

/** The choice in an entity list that opens the fields for a new entity. */
export const NEW_ENTITY = '+new';

export const MAX_QUOTE = 3000;
export const MAX_STATEMENT = 600;
export const MAX_NAME = 200;
export const MAX_ALIASES = 20;

export interface NewEntityValues {
	name: string;
	kind: EntityKind | '';
	/** Comma-separated. */
	aliases: string;
	role: string;
}

export interface FactFormValues {
	quote: string;
	/** Where the quote was picked from in the body ('' when typed). */
	quoteStart: string;
	/** The keyboard's way to pick a quote: sentence indexes and whole words trimmed. */
	fromSentence: string;
	toSentence: string;
	trimStart: string;
	trimEnd: string;
	predicate: Predicate | '';
	/** An entity id of the source, '' for none, or NEW_ENTITY. */
	subject: string;
	object: string;
	place: string;
	newEntities: Record<EntitySlot, NewEntityValues>;
	valueKind: '' | 'text' | 'number';
	valueText: string;
	valueAmount: string;
	valueUnit: string;
	date: string;
	datePrecision: DatePrecision | '';
	dateWording: string;
	statement: string;
}

export type FactFormErrors = Record<string, string>;

const emptyEntity = (): NewEntityValues => ({ name: '', kind: '', aliases: '', role: '' });

export function emptyFactForm(): FactFormValues {
	return {
		quote: '',
		quoteStart: '',
		fromSentence: '0',
		toSentence: '0',
		trimStart: '0',
		trimEnd: '0',
		predicate: '',
		subject: '',
		object: '',
		place: '',
		newEntities: { subject: emptyEntity(), object: emptyEntity(), place: emptyEntity() },
		valueKind: '',
		valueText: '',
		valueAmount: '',
		valueUnit: '',
		date: '',
		datePrecision: '',
		dateWording: '',
		statement: ''
	};
}

/** The form for an existing fact (or a suggestion), quoted from where it stands. */
export function valuesFromFact(f: Omit<Fact, 'id'>, quoteStart?: number): FactFormValues {
	const values = emptyFactForm();
	values.quote = f.quote;
	values.quoteStart = quoteStart !== undefined && quoteStart >= 0 ? String(quoteStart) : '';
	values.predicate = f.predicate;
	values.subject = f.subject;
	values.object = f.object ?? '';
	values.place = f.place ?? '';
	if (f.value?.kind === 'text') {
		values.valueKind = 'text';
		values.valueText = f.value.text;
	} else if (f.value?.kind === 'number') {
		values.valueKind = 'number';
		values.valueAmount = String(f.value.amount);
		values.valueUnit = f.value.unit;
	}
	if (f.date) {
		values.date = f.date.date;
		values.datePrecision = f.date.precision;
		values.dateWording = f.date.wording;
	}
	values.statement = f.statement;
	return values;
}

const oneOf = <T extends string>(list: readonly T[], value: string): T | '' =>
	(list as readonly string[]).includes(value) ? (value as T) : '';

/** The values of a submitted form; a field missing or tampered with reads as empty. */
export function readFactForm(get: (name: string) => string): FactFormValues {
	const entityOf = (slot: EntitySlot): NewEntityValues => ({
		name: get(`${slot}Name`),
		kind: oneOf(entityKinds, get(`${slot}Kind`)),
		aliases: get(`${slot}Aliases`),
		role: get(`${slot}Role`)
	});
	return {
		quote: get('quote'),
		quoteStart: /^\d{1,7}$/.test(get('quoteStart')) ? get('quoteStart') : '',
		fromSentence: get('fromSentence'),
		toSentence: get('toSentence'),
		trimStart: get('trimStart'),
		trimEnd: get('trimEnd'),
		predicate: oneOf(predicates, get('predicate')),
		subject: get('subject'),
		object: get('object'),
		place: get('place'),
		newEntities: {
			subject: entityOf('subject'),
			object: entityOf('object'),
			place: entityOf('place')
		},
		valueKind: oneOf(['text', 'number'] as const, get('valueKind')),
		valueText: get('valueText'),
		valueAmount: get('valueAmount'),
		valueUnit: get('valueUnit'),
		date: get('date').trim(),
		datePrecision: oneOf(datePrecisions, get('datePrecision')),
		dateWording: get('dateWording'),
		statement: get('statement')
	};
}

const count = (text: string) => {
	const n = Number(text);
	return Number.isInteger(n) && n >= 0 ? n : 0;
};

/**
 * The quote-picking buttons: "pick" takes the chosen sentences with their trims, and
 * "trim-start:+1" (and -1, and the same at the end) trims a word more or less and picks again.
 * Returns the new values, or undefined for an intent that is not about the quote.
 */
export function applyQuoteIntent(
	values: FactFormValues,
	intent: string,
	body: string,
	sentences: readonly Sentence[]
): FactFormValues | undefined {
	const trim = /^trim-(start|end):([+-]1)$/.exec(intent);
	if (intent !== 'pick' && !trim) return undefined;
	const next = { ...values };
	if (trim) {
		const key = trim[1] === 'start' ? 'trimStart' : 'trimEnd';
		next[key] = String(Math.max(0, count(values[key]) + Number(trim[2])));
	}
	const picked = pickQuote(body, sentences, {
		from: count(next.fromSentence),
		to: count(next.toSentence),
		trimStart: count(next.trimStart),
		trimEnd: count(next.trimEnd)
	});
	// Trimming the last word away changes nothing: a quote keeps at least one word.
	if (!picked) return trim ? { ...values } : next;
	next.quote = picked.quote;
	next.quoteStart = String(picked.start);
	return next;
}

/** "Xi, the Chinese leader, " → ['Xi', 'the Chinese leader']: trimmed, no repeats. */
export function parseAliases(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of text.split(/[,\n]/)) {
		const alias = raw.trim().replace(/\s+/g, ' ');
		if (alias === '' || seen.has(alias.toLowerCase())) continue;
		seen.add(alias.toLowerCase());
		out.push(alias);
	}
	return out;
}

export interface BuiltFact {
	fact: Omit<Fact, 'id'>;
	/** Entities the form creates, each with the slot whose fields made it. */
	newEntities: { slot: EntitySlot; entity: Entity }[];
	/** Where the quote was picked from, when the form says. */
	quoteStart?: number;
}

const valueKindsOf: Record<PredicateGuide['value'], readonly ('text' | 'number')[]> = {
	text: ['text'],
	'optional-text': ['text'],
	number: ['number'],
	either: ['text', 'number'],
	none: []
};

/** A number as people write it: "4.5", "1,200", "12". */
function parseAmount(text: string): number | undefined {
	const t = text.trim();
	if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return undefined;
	const n = Number(t.replace(/,/g, ''));
	return Number.isFinite(n) ? n : undefined;
}

/** The precision a date is written to: 2023-03-21 day, 2023-03 month, 2023 year. */
export function precisionOf(date: string): DatePrecision | undefined {
	if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
	if (/^\d{4}-\d{2}$/.test(date)) return 'month';
	if (/^\d{4}$/.test(date)) return 'year';
	return undefined;
}

/** A date written to a precision that names a real day, month or year. */
export function isRealDate(date: string): boolean {
	const precision = precisionOf(date);
	return precision !== undefined && isIsoDate(date, precision);
}

/**
 * The values as a fact (without its id) and the entities it creates, or a message for each
 * field the form itself can tell is wrong. The fact base's own check comes after, on the whole
 * base with this fact in it (problemsToErrors puts its problems on the fields).
 */
export function buildFact(
	values: FactFormValues,
	entities: readonly Entity[]
): { ok: true; value: BuiltFact } | { ok: false; errors: FactFormErrors } {
	const errors: FactFormErrors = {};
	const known = new Map(entities.map((e) => [e.id, e]));
	const names = new Map<string, string>();
	for (const e of entities) {
		for (const form of [e.name, ...e.aliases]) names.set(form.toLowerCase(), e.name);
	}
	const taken = new Set(entities.map((e) => e.id));
	const created = new Map<string, { slot: EntitySlot; entity: Entity }>();

	const quote = values.quote.trim();
	if (quote === '') errors.quote = 'Choose the words of the text that say this fact.';
	else if (quote.length > MAX_QUOTE)
		errors.quote = `A quote is at most ${MAX_QUOTE.toLocaleString('en-GB')} characters.`;

	const guide = values.predicate ? predicateGuide[values.predicate] : undefined;
	if (!guide) errors.predicate = 'Choose what the fact says (its predicate).';

	const entityFor = (slot: EntitySlot, need: Need): string | undefined => {
		const choice = values[slot];
		if (choice === '' || choice === undefined) {
			if (need === 'required') errors[slot] = `Choose the ${slot}, or create it.`;
			return undefined;
		}
		if (need === 'none') {
			errors[slot] = `A fact that ${guide?.label ?? 'says this'} has no ${slot}: choose none.`;
			return undefined;
		}
		if (choice !== NEW_ENTITY) {
			if (!known.has(choice)) errors[slot] = `Choose the ${slot} from the list.`;
			return choice;
		}
		const fields = values.newEntities[slot];
		const name = fields.name.trim().replace(/\s+/g, ' ');
		if (name === '') {
			errors[`${slot}Name`] = `Give the new ${slot} a name.`;
			return undefined;
		}
		if (name.length > MAX_NAME) {
			errors[`${slot}Name`] = `A name is at most ${MAX_NAME} characters.`;
			return undefined;
		}
		const existing = names.get(name.toLowerCase());
		if (existing !== undefined) {
			errors[`${slot}Name`] =
				`“${name}” is already one of this text's entities (${existing}): choose it from the list.`;
			return undefined;
		}
		const same = [...created.values()].find(
			(c) => c.entity.name.toLowerCase() === name.toLowerCase()
		);
		if (same) return same.entity.id;
		if (!fields.kind) {
			errors[`${slot}Kind`] = `Choose what kind of thing the new ${slot} is.`;
			return undefined;
		}
		const aliases = parseAliases(fields.aliases).filter(
			(a) => a.toLowerCase() !== name.toLowerCase()
		);
		if (aliases.length > MAX_ALIASES) {
			errors[`${slot}Aliases`] = `At most ${MAX_ALIASES} other names.`;
			return undefined;
		}
		const clash = aliases.find((a) => names.has(a.toLowerCase()));
		if (clash !== undefined) {
			errors[`${slot}Aliases`] =
				`“${clash}” already names ${names.get(clash.toLowerCase())}: an alias names one entity only.`;
			return undefined;
		}
		let id = kebab(name).slice(0, 60).replace(/-+$/, '') || 'entity';
		for (let n = 2; taken.has(id); n++) id = `${kebab(name).slice(0, 56)}-${n}`;
		taken.add(id);
		const role = fields.role.trim();
		const entity: Entity = {
			id,
			kind: fields.kind,
			name,
			aliases,
			...(role ? { role } : {})
		};
		created.set(id, { slot, entity });
		return id;
	};

	const subject = entityFor('subject', 'required');
	const object = entityFor('object', guide?.object ?? 'optional');
	const place = entityFor('place', 'optional');

	let value: Fact['value'];
	const allowed = guide ? valueKindsOf[guide.value] : (['text', 'number'] as const);
	const needsValue = guide !== undefined && ['text', 'number', 'either'].includes(guide.value);
	const kind = values.valueKind || (allowed.length === 1 ? allowed[0] : '');
	const text = values.valueText.trim();
	if (kind === 'text' && text !== '') {
		if (!allowed.includes('text'))
			errors.valueText = `A fact that ${guide?.label} has no text value.`;
		else if (text.length > MAX_STATEMENT)
			errors.valueText = `A value is at most ${MAX_STATEMENT} characters.`;
		else value = { kind: 'text', text };
	} else if (
		kind === 'number' &&
		(values.valueAmount.trim() !== '' || values.valueUnit.trim() !== '')
	) {
		const amount = parseAmount(values.valueAmount);
		const unit = values.valueUnit.trim();
		if (!allowed.includes('number'))
			errors.valueAmount = `A fact that ${guide?.label} has no number.`;
		else if (amount === undefined)
			errors.valueAmount = 'Write the number in figures, like 12 or 4.5.';
		else if (unit === '')
			errors.valueUnit = 'Give the unit: what the number counts ("points", "hours").';
		else value = { kind: 'number', amount, unit };
	}
	if (
		value === undefined &&
		needsValue &&
		!errors.valueText &&
		!errors.valueAmount &&
		!errors.valueUnit
	) {
		const field = kind === 'number' ? 'valueAmount' : 'valueText';
		errors[field] =
			guide?.value === 'number'
				? 'Give the number and its unit.'
				: `Give the ${(guide?.valueLabel ?? 'value').toLowerCase()}.`;
	}

	let date: Fact['date'];
	const wording = values.dateWording.trim();
	if (values.date !== '' || wording !== '') {
		const precision = values.datePrecision || precisionOf(values.date);
		if (values.date === '')
			errors.date = 'Give the date the wording means (YYYY-MM-DD, YYYY-MM or YYYY).';
		else if (!isRealDate(values.date))
			errors.date = `“${values.date}” is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.`;
		else if (wording === '')
			errors.dateWording = 'Give the text\'s own words for the date ("on Monday").';
		else if (precision) date = { date: values.date, precision, wording };
	} else if (guide?.date === 'required') {
		errors.date = "An event needs its date: give it, its precision and the text's wording.";
	}

	const statement = values.statement.trim().replace(/\s+/g, ' ');
	if (statement === '') errors.statement = 'Write the statement (or press “Draft the statement”).';
	else if (statement.length > MAX_STATEMENT)
		errors.statement = `A statement is at most ${MAX_STATEMENT} characters.`;

	if (Object.keys(errors).length || !subject || !values.predicate) {
		return {
			ok: false,
			errors: Object.keys(errors).length ? errors : { form: 'Check the fields.' }
		};
	}
	const quoteStart = values.quoteStart === '' ? undefined : Number(values.quoteStart);
	return {
		ok: true,
		value: {
			fact: {
				predicate: values.predicate,
				subject,
				...(object !== undefined ? { object } : {}),
				...(value !== undefined ? { value } : {}),
				...(date !== undefined ? { date } : {}),
				...(place !== undefined ? { place } : {}),
				statement,
				quote
			},
			newEntities: [...created.values()],
			...(quoteStart !== undefined ? { quoteStart } : {})
		}
	};
}

const valueFields: Record<string, string> = {
	text: 'valueText',
	amount: 'valueAmount',
	unit: 'valueUnit',
	kind: 'valueText'
};

/**
 * checkFactBase's problems, put on the fields they are about: those of the fact at
 * `factIndex` and of the entities the form created (by their index in the checked base);
 * anything else is the form's.
 */
export function problemsToErrors(
	problems: readonly FactBaseProblem[],
	factIndex: number,
	createdAt: ReadonlyMap<number, EntitySlot>
): FactFormErrors {
	const errors: FactFormErrors = {};
	const put = (field: string, message: string) => {
		errors[field] ??= message;
	};
	for (const p of problems) {
		const parts = p.path.split('.');
		if (parts[0] === 'facts' && Number(parts[1]) === factIndex) {
			const [, , key, sub] = parts;
			if (key === 'quote') put('quote', p.message);
			else if (key === 'subject' || key === 'object' || key === 'place') put(key, p.message);
			else if (key === 'value') put(valueFields[sub ?? 'text'] ?? 'valueText', p.message);
			else if (key === 'date') put(sub === 'wording' ? 'dateWording' : 'date', p.message);
			else if (key === 'statement' || key === 'predicate') put(key, p.message);
			else put('form', p.message);
		} else if (parts[0] === 'entities' && createdAt.has(Number(parts[1]))) {
			const slot = createdAt.get(Number(parts[1]))!;
			const key = parts[2];
			put(
				key === 'aliases'
					? `${slot}Aliases`
					: key === 'role'
						? `${slot}Role`
						: key === 'kind'
							? `${slot}Kind`
							: `${slot}Name`,
				p.message
			);
		} else {
			put('form', p.message);
		}
	}
	return errors;
}

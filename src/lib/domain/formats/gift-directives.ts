// GIFT's "// factdeck:" comment lines: what Factdeck's own export says that GIFT cannot (ids,
// choice ids, provenance, a date's precision, …), read back into Directives.
import type { DatePrecision } from '../normalise';
import type { Provenance } from '../question';
import type { GiftError } from './gift-import';

export interface Directives {
	id?: string;
	choiceIds?: string[];
	unit?: string;
	date?: DatePrecision;
	ordering?: boolean;
	cloze?: boolean;
	prompt?: string;
	multipleResponse?: boolean;
	allOrNothing?: boolean;
	caseSensitive?: boolean;
	modelAnswer?: string;
	/** Three choices True, False, Not given: a true / false / not given question. */
	notGiven?: boolean;
	provenance?: Provenance;
	/** Line of the first directive, for errors about them. */
	line?: number;
}

export function readDirective(
	comment: string,
	line: number,
	into: Directives,
	errors: GiftError[]
): void {
	const m = /^\/\/\s*factdeck:([a-z-]+)(.*)$/.exec(comment);
	if (!m) return;
	const [, name, rest = ''] = m;
	into.line ??= line;
	const json = (check: (v: unknown) => boolean, what: string): unknown => {
		try {
			if (!rest.startsWith('=')) throw new Error();
			const value: unknown = JSON.parse(rest.slice(1));
			if (check(value)) return value;
		} catch {
			// Reported below, like a value of the wrong kind.
		}
		errors.push({ line, message: `factdeck:${name} needs =${what}` });
		return undefined;
	};
	const isString = (v: unknown) => typeof v === 'string';
	switch (name) {
		case 'id':
			into.id = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'unit':
			into.unit = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'prompt':
			into.prompt = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'model-answer':
			into.modelAnswer = json(isString, 'a JSON string') as string | undefined;
			return;
		case 'multiple-response':
		case 'all-or-nothing':
		case 'case-sensitive': {
			if (rest.trim() !== '') errors.push({ line, message: `factdeck:${name} takes no value` });
			const key = (
				{
					'multiple-response': 'multipleResponse',
					'all-or-nothing': 'allOrNothing',
					'case-sensitive': 'caseSensitive'
				} as const
			)[name];
			into[key] = true;
			return;
		}
		case 'choice-ids':
			into.choiceIds = json(
				(v) => Array.isArray(v) && v.every(isString),
				'a JSON array of strings'
			) as string[] | undefined;
			return;
		case 'provenance':
			into.provenance = json(
				(v) => typeof v === 'object' && v !== null && !Array.isArray(v),
				'a JSON object'
			) as Provenance | undefined;
			return;
		case 'ordering':
		case 'cloze':
		case 'not-given':
			if (rest.trim() !== '') errors.push({ line, message: `factdeck:${name} takes no value` });
			into[name === 'not-given' ? 'notGiven' : name] = true;
			return;
		case 'date': {
			const precision = /^\s+precision=(day|month|year)\s*$/.exec(rest);
			if (!precision)
				errors.push({ line, message: 'factdeck:date needs precision=day, month or year' });
			else into.date = precision[1] as DatePrecision;
			return;
		}
		default:
			errors.push({ line, message: `unknown comment factdeck:${name}` });
	}
}

/** Comments that change or refine a question's type, by Directives key. */
export const typeComments = {
	choiceIds: 'choice-ids',
	unit: 'unit',
	date: 'date',
	ordering: 'ordering',
	cloze: 'cloze',
	prompt: 'prompt',
	multipleResponse: 'multiple-response',
	allOrNothing: 'all-or-nothing',
	caseSensitive: 'case-sensitive',
	modelAnswer: 'model-answer',
	notGiven: 'not-given'
} as const;

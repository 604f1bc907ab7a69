// What each predicate means to a teacher curating facts: its help, which slots and value it
// takes; and a drafted statement from a fact's fields, for the teacher to edit.
import type { Entity, Fact, Predicate } from './fact-base';
import { aboutOrThat, displayName, indefinite, placePhrase } from './generate/english';

export type Need = 'required' | 'optional' | 'none';

export interface PredicateGuide {
	label: string;
	/** What the fact says, for the teacher choosing a predicate. */
	help: string;
	object: Need;
	/** The value: a text (a phrase or the verb phrase), a number with its unit, or either. */
	value: 'text' | 'number' | 'either' | 'optional-text' | 'none';
	/** What the value field is called for this predicate. */
	valueLabel?: string;
	/** A happened_on fact is its date. */
	date?: 'required';
}

export const predicateGuide: Record<Predicate, PredicateGuide> = {
	met: {
		label: 'met',
		help: 'The subject met the object. Give the date and place when the text does: a meeting could happen again.',
		object: 'required',
		value: 'none'
	},
	held_talks_with: {
		label: 'held talks with',
		help: 'The subject held (formal) talks with the object.',
		object: 'required',
		value: 'none'
	},
	visited: {
		label: 'visited',
		help: 'The subject visited the object: a country, a city or a place.',
		object: 'required',
		value: 'none'
	},
	arrived_at: {
		label: 'arrived at',
		help: 'The subject arrived at the object (a place).',
		object: 'required',
		value: 'none'
	},
	traveled_to: {
		label: 'traveled to',
		help: 'The subject traveled to the object.',
		object: 'required',
		value: 'none'
	},
	greeted_by: {
		label: 'was greeted by',
		help: 'The subject was greeted by the object.',
		object: 'required',
		value: 'none'
	},
	escorted: {
		label: 'escorted',
		help: 'The subject escorted the object.',
		object: 'required',
		value: 'none'
	},
	invited: {
		label: 'invited',
		help: 'The subject invited the object; the value says to what ("to visit China").',
		object: 'required',
		value: 'optional-text',
		valueLabel: 'To what'
	},
	said: {
		label: 'said',
		help: 'The subject said the words in the value, as the text gives them.',
		object: 'none',
		value: 'text',
		valueLabel: 'What they said'
	},
	described_as: {
		label: 'described … as',
		help: 'The subject described the object as the value ("a dear friend").',
		object: 'required',
		value: 'text',
		valueLabel: 'Described as'
	},
	called_for: {
		label: 'called for',
		help: 'The subject called for the value ("a ceasefire").',
		object: 'none',
		value: 'text',
		valueLabel: 'Called for'
	},
	praised: {
		label: 'praised',
		help: 'The subject praised the object.',
		object: 'required',
		value: 'none'
	},
	accused_of: {
		label: 'is accused of',
		help: 'The subject is accused of the value; the object is who accused them, when the text says.',
		object: 'optional',
		value: 'text',
		valueLabel: 'Accused of'
	},
	denied: {
		label: 'denied',
		help: 'The subject denied the value.',
		object: 'none',
		value: 'text',
		valueLabel: 'Denied'
	},
	role_of: {
		label: 'has the role',
		help: 'The subject has the role or title in the value, as the text gives it ("Russian President"); the object is the country or body, when there is one.',
		object: 'optional',
		value: 'text',
		valueLabel: 'Role or title'
	},
	member_of: {
		label: 'is a member of',
		help: 'The subject is a member of the object (a grouping).',
		object: 'required',
		value: 'none'
	},
	includes: {
		label: 'includes',
		help: 'The subject (a document) includes the value.',
		object: 'none',
		value: 'text',
		valueLabel: 'Includes'
	},
	count_of: {
		label: 'counts',
		help: 'How many of something the subject has: the value is a number and its unit ("12 points").',
		object: 'none',
		value: 'number'
	},
	duration_of: {
		label: 'lasted',
		help: 'How long the subject lasted: a number and its unit ("4.5 hours"), or the text\'s words.',
		object: 'none',
		value: 'either'
	},
	happened_on: {
		label: 'happened on',
		help: "The subject (an event) happened on the date: give the date, its precision and the text's wording.",
		object: 'none',
		value: 'none',
		date: 'required'
	},
	subject_to: {
		label: 'is subject to',
		help: 'The subject is subject to the object (sanctions, a warrant).',
		object: 'required',
		value: 'none'
	},
	hosts: {
		label: 'hosts',
		help: 'The subject hosts the object (an event).',
		object: 'required',
		value: 'none'
	},
	trades_with: {
		label: 'trades with',
		help: 'The subject trades with the object.',
		object: 'required',
		value: 'none'
	},
	exports_to: {
		label: 'exports … to',
		help: 'The subject exports the value to the object.',
		object: 'required',
		value: 'text',
		valueLabel: 'What it exports'
	},
	seeks: {
		label: 'seeks',
		help: 'The subject seeks the value.',
		object: 'none',
		value: 'text',
		valueLabel: 'Seeks'
	},
	sees_as: {
		label: 'sees … as',
		help: 'The subject sees the object as the value.',
		object: 'required',
		value: 'text',
		valueLabel: 'Sees it as'
	},
	welcomed: {
		label: 'would welcome',
		help: 'The subject would welcome the value.',
		object: 'none',
		value: 'text',
		valueLabel: 'Would welcome'
	},
	worried_about: {
		label: 'is worried about',
		help: 'The subject is worried about the value.',
		object: 'none',
		value: 'text',
		valueLabel: 'Worried about'
	},
	is_a: {
		label: 'is a',
		help: 'The subject is what the value says, as the text describes it ("self-ruled island", "town").',
		object: 'none',
		value: 'text',
		valueLabel: 'Description'
	},
	located_in: {
		label: 'is located in',
		help: 'The subject (a place) lies in the object; the value keeps the text\'s wording ("eastern Ukraine").',
		object: 'required',
		value: 'optional-text',
		valueLabel: 'Wording (optional)'
	},
	relation: {
		label: 'another relation',
		help: 'Any other relation, in the text\'s words: the subject, the verb phrase in the past tense ("launched", "founded", "set up"), then the object. "NASA launched Perseverance" is NASA, "launched", Perseverance.',
		object: 'required',
		value: 'text',
		valueLabel: 'Verb phrase (past tense)'
	}
};

/** A plain sentence saying the fact, for the teacher to edit: it claims what the fields say. */
export function draftStatement(f: Omit<Fact, 'id' | 'statement'>, entities: readonly Entity[]) {
	const byId = new Map(entities.map((e) => [e.id, e]));
	const named = (id: string | undefined) => {
		const e = id ? byId.get(id) : undefined;
		return e ? displayName(e) : '';
	};
	const S = named(f.subject) || 'Someone';
	const O = named(f.object);
	const V =
		f.value?.kind === 'text'
			? f.value.text
			: f.value?.kind === 'number'
				? `${f.value.amount} ${f.value.unit}`
				: '';
	const when = f.date && f.predicate !== 'happened_on' ? ` ${f.date.wording}` : '';
	const where = f.place ? ` ${placePhrase(named(f.place))}` : '';
	const core: Record<Predicate, string> = {
		met: `${S} met ${O}`,
		held_talks_with: `${S} held talks with ${O}`,
		visited: `${S} visited ${O}`,
		arrived_at: `${S} arrived at ${O}`,
		traveled_to: `${S} traveled to ${O}`,
		greeted_by: `${S} was greeted by ${O}`,
		escorted: `${S} escorted ${O}`,
		invited: `${S} invited ${O}${V ? ` ${V}` : ''}`,
		said: `${S} said ${aboutOrThat(V)}`,
		described_as: `${S} described ${O} as ${V}`,
		called_for: `${S} called for ${V}`,
		praised: `${S} praised ${O}`,
		accused_of: `${S} is accused of ${V}${O ? ` by ${O}` : ''}`,
		denied: `${S} denied ${V}`,
		role_of: `${S} is ${/^(the|a|an)\s/i.test(V) ? V : `the ${V}`}`,
		member_of: `${S} is a member of ${O}`,
		includes: `${S} includes ${V}`,
		count_of: `${S} has ${V}`,
		duration_of: `${S} lasted ${V}`,
		happened_on: `${S} happened ${f.date?.wording ?? ''}`.trimEnd(),
		subject_to: `${S} is subject to ${O}`,
		hosts: `${S} hosts ${O}`,
		trades_with: `${S} trades with ${O}`,
		exports_to: `${S} exports ${V} to ${O}`,
		seeks: `${S} seeks ${V}`,
		sees_as: `${S} sees ${O} as ${V}`,
		welcomed: `${S} would welcome ${V}`,
		worried_about: `${S} is worried about ${V}`,
		is_a: `${S} is ${indefinite(V)}`,
		located_in: `${S} is in ${V || O}`,
		relation: `${S} ${V} ${O}`
	};
	const sentence = `${core[f.predicate]}${where}${when}`.replace(/\s+/g, ' ').trim();
	return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

// The question templates, per predicate: how to ask for an entity, a phrase, a number or a date
// from one fact, and how to state the claim for true/false. The builders do the checking.
import type { Fact, Predicate } from '../fact-base';
import type { Slot } from './fact-index';
import { aboutOrThat, indefinite, pastParticiple, placePhrase } from './english';

/** The pieces a template writes with; the entity in the hole is a question word. */
export interface Parts {
	/** The subject and object as written ("the Kremlin"), or the one in the hole. */
	S: string;
	O: string;
	/** The fact's text value ("to his car after the talks"). */
	V: string;
	/** " on Tuesday", " at the Kremlin" or "": the date or place the question names. */
	ctx: string;
	/** "Who", "Which country", … for the hole. */
	wh: string;
	/** Nouns for the hole's kind: "country" / "countries". */
	one: string;
	many: string;
	/** Verbs agreeing with the written subject ("is"/"are"). */
	is: string;
	has: string;
	was: string;
	s: string;
}

export type ContextMode = 'date' | 'place' | 'date-or-place' | 'none';

/** Asks for the entity in one slot of a fact; the other slot is named in the prompt. */
export interface EntityTemplate {
	id: string;
	predicate: Predicate;
	hole: Slot;
	/** The value text is part of the question, and narrows the answers. */
	withValue?: boolean;
	context?: ContextMode;
	when?: (f: Fact) => boolean;
	/**
	 * Distractors only from entities in the same role elsewhere in the base (other groupings,
	 * other hosted events): any entity of the kind would be a silly choice ("a military band").
	 */
	samePoolOnly?: boolean;
	/** Asked when the answer is unique. */
	ask: (p: Parts) => string;
	/** Asked as multiple choice when the base holds several answers ("Which of these …"). */
	among: (p: Parts) => string;
	/** The claim, for true/false, with S and O filled in. */
	claim: (p: Parts) => string;
}

/** Asks for the fact's text value ("What title does the article give X?"). */
export interface TextTemplate {
	id: string;
	predicate: Predicate;
	context?: ContextMode;
	when?: (f: Fact) => boolean;
	/** Whether the object is part of the question (and so narrows the answers). */
	withObject?: boolean;
	ask: (p: Parts) => string;
	among: (p: Parts) => string;
	claim: (p: Parts) => string;
}

/** Asks for a number (count_of, duration_of). */
export interface NumberTemplate {
	id: string;
	predicate: Predicate;
	ask: (p: Parts & { unit: string }) => string;
	/** With q the quantity as written ("3 days"). */
	claim: (p: Parts & { q: string; unit: string }) => string;
}

const hasObject = (f: Fact) => f.object !== undefined;
const notSelf = (f: Fact) => f.object !== undefined && f.object !== f.subject;
const self = (f: Fact) => f.object === f.subject;

/**
 * Entity questions by predicate. Questions whose answer is the subject of a predicate with a
 * text value mostly come from the fact's own statement instead (see `statementPredicates`).
 */
export const entityTemplates: readonly EntityTemplate[] = [
	// met (symmetric): both people can be asked for.
	{
		id: 'who-met',
		predicate: 'met',
		hole: 'object',
		context: 'date-or-place',
		ask: (p) => `${p.wh} did ${p.S} meet${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} meet${p.ctx}?`,
		claim: (p) => `${p.S} met ${p.O}${p.ctx}.`
	},
	{
		id: 'who-met-them',
		predicate: 'met',
		hole: 'subject',
		context: 'date-or-place',
		ask: (p) => `${p.wh} did ${p.O} meet${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.O} meet${p.ctx}?`,
		claim: (p) => `${p.O} met ${p.S}${p.ctx}.`
	},
	// held_talks_with (symmetric)
	{
		id: 'talks-with',
		predicate: 'held_talks_with',
		hole: 'object',
		context: 'date-or-place',
		ask: (p) => `${p.wh} did ${p.S} hold talks with${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} hold talks with${p.ctx}?`,
		claim: (p) => `${p.S} held talks with ${p.O}${p.ctx}.`
	},
	{
		id: 'talks-with-them',
		predicate: 'held_talks_with',
		hole: 'subject',
		context: 'date-or-place',
		ask: (p) => `${p.wh} did ${p.O} hold talks with${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.O} hold talks with${p.ctx}?`,
		claim: (p) => `${p.O} held talks with ${p.S}${p.ctx}.`
	},
	// visited, arrived_at, traveled_to
	{
		id: 'visited',
		predicate: 'visited',
		hole: 'object',
		context: 'date',
		ask: (p) => `Which ${p.one} did ${p.S} visit${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} visit${p.ctx}?`,
		claim: (p) => `${p.S} visited ${p.O}${p.ctx}.`
	},
	{
		id: 'visitor',
		predicate: 'visited',
		hole: 'subject',
		context: 'date',
		ask: (p) => `${p.wh} visited ${p.O}${p.ctx}?`,
		among: (p) => `Which of these ${p.many} visited ${p.O}${p.ctx}?`,
		claim: (p) => `${p.S} visited ${p.O}${p.ctx}.`
	},
	{
		id: 'arrived-at',
		predicate: 'arrived_at',
		hole: 'object',
		context: 'date',
		ask: (p) => `Where did ${p.S} arrive${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} arrive at${p.ctx}?`,
		claim: (p) => `${p.S} arrived ${placePhrase(p.O)}${p.ctx}.`
	},
	{
		id: 'arrival',
		predicate: 'arrived_at',
		hole: 'subject',
		context: 'date',
		ask: (p) => `${p.wh} arrived ${placePhrase(p.O)}${p.ctx}?`,
		among: (p) => `Which of these ${p.many} arrived ${placePhrase(p.O)}${p.ctx}?`,
		claim: (p) => `${p.S} arrived ${placePhrase(p.O)}${p.ctx}.`
	},
	{
		id: 'traveled-to',
		predicate: 'traveled_to',
		hole: 'object',
		context: 'date',
		ask: (p) => `Where did ${p.S} travel to${p.ctx}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} travel to${p.ctx}?`,
		claim: (p) => `${p.S} traveled to ${p.O}${p.ctx}.`
	},
	{
		id: 'traveler',
		predicate: 'traveled_to',
		hole: 'subject',
		context: 'date',
		ask: (p) => `${p.wh} traveled to ${p.O}${p.ctx}?`,
		among: (p) => `Which of these ${p.many} traveled to ${p.O}${p.ctx}?`,
		claim: (p) => `${p.S} traveled to ${p.O}${p.ctx}.`
	},
	// greeted_by: who was greeted comes from the statement.
	{
		id: 'greeted-by',
		predicate: 'greeted_by',
		hole: 'object',
		context: 'date-or-place',
		ask: (p) => `${p.wh} greeted ${p.S}${p.ctx}?`,
		among: (p) => `Which of these greeted ${p.S}${p.ctx}?`,
		claim: (p) => `${p.S} ${p.was} greeted by ${p.O}${p.ctx}.`
	},
	// escorted, invited: the value says where to or what for.
	{
		id: 'escorted',
		predicate: 'escorted',
		hole: 'object',
		withValue: true,
		ask: (p) => `${p.wh} did ${p.S} escort ${p.V}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} escort ${p.V}?`,
		claim: (p) => `${p.S} escorted ${p.O} ${p.V}.`
	},
	{
		id: 'invited',
		predicate: 'invited',
		hole: 'object',
		withValue: true,
		ask: (p) => `${p.wh} did ${p.S} invite ${p.V}?`,
		among: (p) => `Which of these ${p.many} did ${p.S} invite ${p.V}?`,
		claim: (p) => `${p.S} invited ${p.O} ${p.V}.`
	},
	{
		id: 'inviter',
		predicate: 'invited',
		hole: 'subject',
		withValue: true,
		ask: (p) => `${p.wh} invited ${p.O} ${p.V}?`,
		among: (p) => `Which of these ${p.many} invited ${p.O} ${p.V}?`,
		claim: (p) => `${p.S} invited ${p.O} ${p.V}.`
	},
	// described_as: whom or what the subject described so.
	{
		id: 'described',
		predicate: 'described_as',
		hole: 'object',
		withValue: true,
		context: 'date',
		when: notSelf,
		ask: (p) => `${p.wh} did ${p.S} describe as “${p.V}”${p.ctx}?`,
		among: (p) => `Which of these did ${p.S} describe as “${p.V}”${p.ctx}?`,
		claim: (p) => `${p.S} described ${p.O} as “${p.V}”${p.ctx}.`
	},
	// praised: what was praised (who praised comes from the statement).
	{
		id: 'praised',
		predicate: 'praised',
		hole: 'object',
		ask: (p) => `${p.wh} did ${p.S} praise?`,
		among: (p) => `Which of these did ${p.S} praise?`,
		claim: (p) => `${p.S} praised ${p.O}.`
	},
	// accused_of: the accused and, when the article names one, the accuser.
	{
		id: 'accused',
		predicate: 'accused_of',
		hole: 'subject',
		withValue: true,
		context: 'date-or-place',
		when: (f) => f.object === undefined,
		ask: (p) => `${p.wh} ${p.was} accused of ${p.V}${p.ctx}?`,
		among: (p) => `Which of these ${p.was} accused of ${p.V}${p.ctx}?`,
		claim: (p) => `${p.S} ${p.was} accused of ${p.V}${p.ctx}.`
	},
	{
		id: 'accused-by',
		predicate: 'accused_of',
		hole: 'subject',
		withValue: true,
		when: hasObject,
		ask: (p) => `${p.wh} ${p.has} ${p.O} accused of ${p.V}?`,
		among: (p) => `Which of these ${p.has} ${p.O} accused of ${p.V}?`,
		claim: (p) => `${p.O} ${p.has} accused ${p.S} of ${p.V}.`
	},
	{
		id: 'accuser',
		predicate: 'accused_of',
		hole: 'object',
		withValue: true,
		when: hasObject,
		ask: (p) => `${p.wh} accused ${p.S} of ${p.V}?`,
		among: (p) => `Which of these accused ${p.S} of ${p.V}?`,
		claim: (p) => `${p.O} accused ${p.S} of ${p.V}.`
	},
	// member_of: the groupings of a country, and the members of a grouping.
	{
		id: 'member-of',
		predicate: 'member_of',
		hole: 'object',
		samePoolOnly: true,
		// "According to the article": a grouping has more members than an article names.
		ask: (p) => `According to the article, which grouping ${p.is} ${p.S} a member of?`,
		among: (p) => `According to the article, which of these groupings ${p.is} ${p.S} a member of?`,
		claim: (p) => `${p.S} ${p.is} a member of ${p.O}.`
	},
	// subject_to, hosts, sees_as: what (the subject side comes from the statement).
	{
		id: 'subject-to',
		predicate: 'subject_to',
		hole: 'object',
		ask: (p) => `${p.wh} ${p.is} ${p.S} subject to?`,
		among: (p) => `Which of these ${p.is} ${p.S} subject to?`,
		claim: (p) => `${p.S} ${p.is} subject to ${p.O}.`
	},
	{
		id: 'hosts',
		predicate: 'hosts',
		hole: 'object',
		samePoolOnly: true,
		context: 'date',
		ask: (p) => `${p.wh} do${p.s === 's' ? 'es' : ''} ${p.S} host${p.ctx}?`,
		among: (p) => `Which of these do${p.s === 's' ? 'es' : ''} ${p.S} host${p.ctx}?`,
		claim: (p) => `${p.S} host${p.s} ${p.O}${p.ctx}.`
	},
	{
		id: 'seen-as',
		predicate: 'sees_as',
		hole: 'object',
		withValue: true,
		ask: (p) => `${p.wh} do${p.s === 's' ? 'es' : ''} ${p.S} see as ${p.V}?`,
		among: (p) => `Which of these do${p.s === 's' ? 'es' : ''} ${p.S} see as ${p.V}?`,
		claim: (p) => `${p.S} see${p.s} ${p.O} as ${p.V}.`
	},
	// trades_with (symmetric), exports_to
	{
		id: 'trades-with',
		predicate: 'trades_with',
		hole: 'object',
		ask: (p) =>
			`According to the article, which ${p.one} do${p.s === 's' ? 'es' : ''} ${p.S} trade with?`,
		among: (p) =>
			`According to the article, which of these ${p.many} do${p.s === 's' ? 'es' : ''} ${p.S} trade with?`,
		claim: (p) => `${p.S} trade${p.s} with ${p.O}.`
	},
	{
		id: 'trades-with-them',
		predicate: 'trades_with',
		hole: 'subject',
		ask: (p) => `According to the article, which ${p.one} does ${p.O} trade with?`,
		among: (p) => `According to the article, which of these ${p.many} does ${p.O} trade with?`,
		claim: (p) => `${p.O} trades with ${p.S}.`
	},
	{
		id: 'exports-to',
		predicate: 'exports_to',
		hole: 'object',
		withValue: true,
		ask: (p) => `Which ${p.one} do${p.s === 's' ? 'es' : ''} ${p.S} export ${p.V} to?`,
		among: (p) => `Which of these ${p.many} do${p.s === 's' ? 'es' : ''} ${p.S} export ${p.V} to?`,
		claim: (p) => `${p.S} export${p.s} ${p.V} to ${p.O}.`
	},
	// relation: the text's own verb phrase, past tense ("discovered", "set up").
	{
		id: 'who-did',
		predicate: 'relation',
		hole: 'subject',
		withValue: true,
		context: 'date',
		ask: (p) => `${p.wh} ${p.V} ${p.O}${p.ctx}?`,
		among: (p) => `Which of these ${p.many} ${p.V} ${p.O}${p.ctx}?`,
		claim: (p) => `${p.S} ${p.V} ${p.O}${p.ctx}.`
	},
	{
		id: 'done-by',
		predicate: 'relation',
		hole: 'object',
		withValue: true,
		context: 'date',
		ask: (p) => `${p.wh} was ${pastParticiple(p.V)} by ${p.S}${p.ctx}?`,
		among: (p) => `Which of these ${p.many} was ${pastParticiple(p.V)} by ${p.S}${p.ctx}?`,
		claim: (p) => `${p.S} ${p.V} ${p.O}${p.ctx}.`
	},
	// located_in
	{
		id: 'located-in',
		predicate: 'located_in',
		hole: 'object',
		ask: (p) => `Which ${p.one} ${p.is} ${p.S} in?`,
		among: (p) => `Which of these ${p.many} ${p.is} ${p.S} in?`,
		claim: (p) => `${p.S} ${p.is} in ${p.O}.`
	}
];

/**
 * Predicates whose subject is asked for by turning the fact's statement into a question
 * ("The Kremlin said …" → "Who said …?"), which reads better than any fixed pattern for
 * statements, quotes and descriptions. The fallback is used when the statement does not
 * open with its subject.
 */
export const statementPredicates: ReadonlyMap<Predicate, EntityTemplate | undefined> = new Map<
	Predicate,
	EntityTemplate | undefined
>([
	[
		'said',
		{
			id: 'who-said-words',
			predicate: 'said',
			hole: 'subject',
			withValue: true,
			// Only words the article itself puts in quotation marks read as a quote.
			when: (f) => f.value?.kind === 'text' && f.quote.includes(`"${f.value.text}`),
			ask: (p) => `${p.wh} said “${p.V}”?`,
			among: (p) => `Which of these said “${p.V}”?`,
			claim: (p) => `${p.S} said “${p.V}”.`
		}
	],
	['called_for', undefined],
	['praised', undefined],
	['denied', undefined],
	['seeks', undefined],
	['sees_as', undefined],
	['welcomed', undefined],
	['worried_about', undefined],
	[
		'described_as',
		{
			id: 'who-described',
			predicate: 'described_as',
			hole: 'subject',
			withValue: true,
			when: notSelf,
			ask: (p) => `${p.wh} described ${p.O} as “${p.V}”?`,
			among: (p) => `Which of these described ${p.O} as “${p.V}”?`,
			claim: (p) => `${p.S} described ${p.O} as “${p.V}”.`
		}
	],
	['is_a', undefined],
	['role_of', undefined],
	[
		'subject_to',
		{
			id: 'who-is-subject-to',
			predicate: 'subject_to',
			hole: 'subject',
			ask: (p) => `${p.wh} is subject to ${p.O}?`,
			among: (p) => `Which of these ${p.many} is subject to ${p.O}?`,
			claim: (p) => `${p.S} ${p.is} subject to ${p.O}.`
		}
	],
	['hosts', undefined],
	['includes', undefined],
	['exports_to', undefined],
	[
		'escorted',
		{
			id: 'who-escorted',
			predicate: 'escorted',
			hole: 'subject',
			withValue: true,
			ask: (p) => `${p.wh} escorted ${p.O} ${p.V}?`,
			among: (p) => `Which of these ${p.many} escorted ${p.O} ${p.V}?`,
			claim: (p) => `${p.S} escorted ${p.O} ${p.V}.`
		}
	],
	[
		'greeted_by',
		{
			id: 'who-was-greeted',
			predicate: 'greeted_by',
			hole: 'subject',
			context: 'date-or-place',
			ask: (p) => `${p.wh} was greeted by ${p.O}${p.ctx}?`,
			among: (p) => `Which of these ${p.many} was greeted by ${p.O}${p.ctx}?`,
			claim: (p) => `${p.S} ${p.was} greeted by ${p.O}${p.ctx}.`
		}
	]
]);

/** Questions whose answer is the fact's text value: a title, a description, an aim. */
export const textTemplates: readonly TextTemplate[] = [
	{
		id: 'title',
		predicate: 'role_of',
		ask: (p) => `What title does the article give ${p.S}?`,
		among: (p) => `Which of these titles does the article give ${p.S}?`,
		claim: (p) => `${p.S} ${p.is} the ${p.V}.`
	},
	{
		id: 'described-how',
		predicate: 'is_a',
		ask: (p) => `How does the article describe ${p.S}?`,
		among: (p) => `Which of these descriptions does the article give ${p.S}?`,
		claim: (p) => `The article describes ${p.S} as ${indefinite(p.V)}.`
	},
	{
		id: 'called-how',
		predicate: 'described_as',
		withObject: true,
		context: 'date',
		when: notSelf,
		ask: (p) => `How did ${p.S} describe ${p.O}${p.ctx}?`,
		among: (p) => `Which of these words did ${p.S} use for ${p.O}${p.ctx}?`,
		claim: (p) => `${p.S} described ${p.O} as “${p.V}”${p.ctx}.`
	},
	{
		id: 'portrays-self-as',
		predicate: 'described_as',
		when: self,
		ask: (p) => `How ${p.has} ${p.S} sought to present itself, according to the article?`,
		among: (p) => `Which of these ${p.has} ${p.S} presented itself as?`,
		claim: (p) => `${p.S} present${p.s} itself as ${p.V}.`
	},
	{
		id: 'includes-what',
		predicate: 'includes',
		ask: (p) => `What does ${p.S} include, according to the article?`,
		among: (p) => `Which of these does ${p.S} include?`,
		claim: (p) => `${p.S} include${p.s} ${p.V}.`
	},
	{
		id: 'seeks-what',
		predicate: 'seeks',
		ask: (p) => `What do${p.s === 's' ? 'es' : ''} ${p.S} seek, according to the article?`,
		among: (p) => `Which of these do${p.s === 's' ? 'es' : ''} ${p.S} seek?`,
		claim: (p) => `${p.S} seek${p.s} ${p.V}.`
	},
	{
		id: 'called-for-what',
		predicate: 'called_for',
		ask: (p) => `What ${p.has} ${p.S} called for?`,
		among: (p) => `Which of these ${p.has} ${p.S} called for?`,
		claim: (p) => `${p.S} ${p.has} called for ${p.V}.`
	},
	{
		id: 'welcomes-what',
		predicate: 'welcomed',
		ask: (p) => `What would ${p.S} welcome, according to the article?`,
		among: (p) => `Which of these would ${p.S} welcome?`,
		claim: (p) => `${p.S} would welcome ${p.V}.`
	},
	{
		id: 'worried-about-what',
		predicate: 'worried_about',
		ask: (p) => `What ${p.is} ${p.S} worried about, according to the article?`,
		among: (p) => `Which of these ${p.is} ${p.S} worried about?`,
		claim: (p) => `${p.S} ${p.is} worried ${aboutOrThat(p.V)}.`
	},
	{
		id: 'denied-what',
		predicate: 'denied',
		ask: (p) => `What ${p.has} ${p.S} denied?`,
		among: (p) => `Which of these ${p.has} ${p.S} denied?`,
		claim: (p) => `${p.S} ${p.has} denied ${p.V}.`
	},
	{
		id: 'accused-of-what',
		predicate: 'accused_of',
		withObject: true,
		ask: (p) =>
			p.O === '' ? `What ${p.was} ${p.S} accused of?` : `What ${p.has} ${p.O} accused ${p.S} of?`,
		among: (p) =>
			p.O === ''
				? `Which of these ${p.was} ${p.S} accused of?`
				: `Which of these ${p.has} ${p.O} accused ${p.S} of?`,
		claim: (p) =>
			p.O === '' ? `${p.S} ${p.was} accused of ${p.V}.` : `${p.O} accused ${p.S} of ${p.V}.`
	},
	{
		id: 'sees-how',
		predicate: 'sees_as',
		withObject: true,
		when: hasObject,
		ask: (p) => `How do${p.s === 's' ? 'es' : ''} ${p.S} see ${p.O}, according to the article?`,
		among: (p) => `Which of these do${p.s === 's' ? 'es' : ''} ${p.S} see ${p.O} as?`,
		claim: (p) => `${p.S} see${p.s} ${p.O} as ${p.V}.`
	},
	{
		id: 'exports-what',
		predicate: 'exports_to',
		withObject: true,
		when: hasObject,
		ask: (p) => `What do${p.s === 's' ? 'es' : ''} ${p.S} export to ${p.O}?`,
		among: (p) => `Which of these do${p.s === 's' ? 'es' : ''} ${p.S} export to ${p.O}?`,
		claim: (p) => `${p.S} export${p.s} ${p.V} to ${p.O}.`
	}
];

export const numberTemplates: readonly NumberTemplate[] = [
	{
		id: 'how-many',
		predicate: 'count_of',
		ask: (p) => `How many ${p.unit} ${p.unit.endsWith('s') ? 'are' : 'is'} in ${p.S}?`,
		claim: (p) => `${p.S} ${p.has} ${p.q}.`
	},
	{
		id: 'how-long',
		predicate: 'duration_of',
		ask: (p) => `How many ${p.unit} did ${p.S} last?`,
		claim: (p) => `${p.S} lasted ${p.q}.`
	}
];

// How the templates write entities into English: with or without "the", by a name that does
// not give the answer away, with the right question word, noun and verb agreement.
import { entityKinds, type Entity, type EntityKind } from '../fact-base';
import { capitalise, hasPhrase, key } from './text';

const nouns: Record<EntityKind, { one: string; many: string }> = {
	person: { one: 'person', many: 'people' },
	country: { one: 'country', many: 'countries' },
	organisation: { one: 'organisation', many: 'organisations' },
	place: { one: 'place', many: 'places' },
	document: { one: 'document', many: 'documents' },
	event: { one: 'event', many: 'events' },
	thing: { one: 'thing', many: 'things' }
};

export function kindNoun(kind: EntityKind): { one: string; many: string } {
	return nouns[kind];
}

/**
 * Whether a name reads as plural ("Western countries", "Russian forces"), for verb agreement.
 * A name the article uses with "the" ("the United States") is treated as one body.
 */
export function isPlural(e: Entity): boolean {
	let plural = pluralCache.get(e);
	if (plural === undefined) {
		plural = looksPlural(e);
		pluralCache.set(e, plural);
	}
	return plural;
}

const pluralCache = new WeakMap<Entity, boolean>();

function looksPlural(e: Entity): boolean {
	if (e.kind === 'person') return false;
	// The head noun stands before any "of"/"on"/"in" phrase: "U.S. statement on China's proposals".
	const head = e.name.split(/\s+(?:of|on|in|at|to|for|with|by|from|and)\s+/)[0] ?? e.name;
	const last = head.split(' ').pop() ?? '';
	if (!/[a-z]s$/.test(last) || /(ss|us|is)$/.test(last)) return false;
	return !e.aliases.some((a) => a.toLowerCase() === `the ${e.name.toLowerCase()}`);
}

/** The question word for an entity in the hole: "Who", "Which country", … */
export function whWord(e: Entity): string {
	if (actsLikePeople(e)) return 'Who';
	return isPlural(e) || e.kind === 'thing' ? 'What' : `Which ${nouns[e.kind].one}`;
}

/** People, and groups named in the plural ("Western countries", "Russian forces"). */
function actsLikePeople(e: Entity): boolean {
	return (
		e.kind === 'person' || ((e.kind === 'organisation' || e.kind === 'country') && isPlural(e))
	);
}

/**
 * Kinds a "Who"/"Which country" question covers, so uniqueness is judged among them: "Who
 * greeted Xi?" is not unique if a band greeted him as well as Putin.
 */
export function kindScope(e: Entity): readonly EntityKind[] {
	if (actsLikePeople(e)) return actors;
	return isPlural(e) ? things : ownKind[e.kind];
}

const actors: readonly EntityKind[] = ['person', 'organisation', 'country'];
const things: readonly EntityKind[] = ['document', 'event', 'place', 'thing'];
const ownKind = Object.fromEntries(entityKinds.map((k) => [k, [k]])) as unknown as Record<
	EntityKind,
	readonly EntityKind[]
>;

/** Adds "the" where running text needs it: "the Kremlin", "the military band", "Gazprom". */
export function withArticle(form: string, e: Entity): string {
	if (/^(the|a|an)\s/i.test(form)) return form;
	const theForm = e.aliases.find((a) => a.toLowerCase() === `the ${form.toLowerCase()}`);
	if (theForm !== undefined) return theForm;
	if (/^[a-z0-9]/.test(form)) return `the ${form}`;
	// "China's position paper", "East Germany's opening of …", "Western sanctions", "Moscow":
	// no article. The owner may be a name of several capitalised words.
	if (/^(?:[A-Z][\w.-]*\s)*\S+['’]s\s/.test(form)) return form;
	// Plural bodies go without ("Western sanctions"), but a named event takes "the".
	if (e.kind !== 'event' && looksPlural({ ...e, name: form })) return form;
	const words = form.split(' ');
	if (words.length === 1) return form;
	// A multi-word document or event, or a name ending in a common noun ("… pipeline",
	// "… Court warrant"), or an institution, is one particular thing.
	if (e.kind === 'document' || e.kind === 'event') return `the ${form}`;
	if (/^[a-z]/.test(words[words.length - 1] ?? '')) return `the ${form}`;
	if (institution.test(form)) return `the ${form}`;
	return form;
}

const institution =
	/\b(Court|Council|Group|Union|Organi[sz]ation|Bank|Fund|Agency|Ministry|Commission|Alliance|Assembly|Committee|Parliament|Forum)\b/;

/**
 * How to name an entity in a prompt without giving the answer away: the canonical name if it
 * holds none of the avoided phrases, else the name with the offending number word dropped
 * ("China's 12-point position paper" → "China's position paper"), else the longest safe alias.
 * Undefined when every form gives the answer away. `nameKey`: key(e.name), when known.
 */
export function mention(
	e: Entity,
	avoid: readonly string[] = [],
	nameKey = key(e.name)
): string | undefined {
	if (!avoid.some((a) => hasPhrase(nameKey, a))) return displayName(e);
	const safe = (form: string) => {
		const k = key(form);
		return !avoid.some((a) => hasPhrase(k, a));
	};
	const candidates: string[] = [e.name];
	const stripped = e.name
		.split(' ')
		.filter((word) => !avoid.some((a) => !a.includes(' ') && hasPhrase(key(word), a)))
		.join(' ')
		// "Xi-Putin talks on Monday" less "Monday" is "Xi-Putin talks", not "… talks on".
		.replace(/\s+(?:on|in|at|of|during|from|since|by)$/i, '');
	if (stripped !== e.name && /\d|-/.test(e.name)) candidates.push(stripped);
	const aliases = e.aliases
		.filter((a) => !/^the\s/i.test(a))
		.sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
	candidates.push(...aliases);
	const chosen = candidates.find((c) => c.trim() !== '' && safe(c));
	return chosen === undefined ? undefined : withArticle(chosen, e);
}

/** The entity as running text names it ("the Kremlin"); remembered per entity. */
export function displayName(e: Entity): string {
	let shown = displayCache.get(e);
	if (shown === undefined) {
		shown = withArticle(e.name, e);
		displayCache.set(e, shown);
	}
	return shown;
}

const displayCache = new WeakMap<Entity, string>();

/** "at the Kremlin", "in Kyiv". */
export function placePhrase(placeText: string): string {
	return /^the\s/i.test(placeText) ? `at ${placeText}` : `in ${placeText}`;
}

/** "a town", "an island", "the last leader" (left alone). */
export function indefinite(phrase: string): string {
	if (/^(the|a|an|his|her|its|their|our)\s/i.test(phrase)) return phrase;
	if (/^(U\.|uni|eu|one\b)/i.test(phrase)) return `a ${phrase}`;
	return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** Verb forms agreeing with an entity written as the subject. */
export function agree(e: Entity | undefined): Readonly<Verbs> {
	return e !== undefined && isPlural(e) ? pluralVerbs : singularVerbs;
}

interface Verbs {
	is: string;
	has: string;
	was: string;
	/** The ending of a present-tense verb: "host" + s. */
	s: string;
}

const pluralVerbs: Verbs = { is: 'are', has: 'have', was: 'were', s: '' };
const singularVerbs: Verbs = { is: 'is', has: 'has', was: 'was', s: 's' };

/** "about how far …" or "that China could …": a clause takes "that", a noun phrase "about". */
export function aboutOrThat(value: string): string {
	if (/^(how|what|whether|why|when|where|who)\b/i.test(value)) return `about ${value}`;
	return /\s(could|would|will|can|may|might|is|are|was|were|has|have|had)\s/.test(value)
		? `that ${value}`
		: `about ${value}`;
}

/** Event nouns a possessive name turns back into its verb: "Xi's arrival at" → "Xi arrived at". */
const eventVerbs: Record<string, { verb: string; past: string; drop?: RegExp }> = {
	arrival: { verb: 'arrive', past: 'arrived' },
	visit: { verb: 'visit', past: 'visited', drop: /^to\s+/ },
	trip: { verb: 'travel', past: 'traveled' },
	journey: { verb: 'travel', past: 'traveled' },
	meeting: { verb: 'meet', past: 'met', drop: /^with\s+/ },
	talks: { verb: 'hold talks', past: 'held talks' },
	departure: { verb: 'leave', past: 'left', drop: /^from\s+/ },
	return: { verb: 'return', past: 'returned' },
	speech: { verb: 'give a speech', past: 'gave a speech' },
	death: { verb: 'die', past: 'died' }
};

/** Event nouns asked in the passive: "was the statement made", "was the record set". */
const passiveVerbs: Record<string, string> = {
	statement: 'made',
	announcement: 'made',
	declaration: 'made',
	decision: 'made',
	record: 'set',
	agreement: 'signed',
	deal: 'signed',
	treaty: 'signed',
	summit: 'held',
	conference: 'held',
	election: 'held',
	vote: 'held',
	referendum: 'held',
	ceremony: 'held',
	talks: 'held',
	meeting: 'held',
	attack: 'carried out'
};

/** "The launch of X" asks "was X launched": nouns of an action done to what follows "of". */
const actionParticiples: Record<string, string> = {
	launch: 'launched',
	founding: 'founded',
	discovery: 'discovered',
	opening: 'opened',
	signing: 'signed',
	invention: 'invented',
	creation: 'created',
	completion: 'completed',
	publication: 'published',
	release: 'released',
	construction: 'built',
	assassination: 'assassinated',
	liberation: 'liberated',
	capture: 'captured',
	fall: 'taken'
};

/** Past participles that differ from the past tense: "wrote" → "written". */
const participles: Record<string, string> = {
	wrote: 'written',
	took: 'taken',
	gave: 'given',
	began: 'begun',
	saw: 'seen',
	drew: 'drawn',
	flew: 'flown',
	grew: 'grown',
	knew: 'known',
	threw: 'thrown',
	blew: 'blown',
	rose: 'risen',
	spoke: 'spoken',
	broke: 'broken',
	chose: 'chosen',
	froze: 'frozen',
	stole: 'stolen',
	woke: 'woken',
	drove: 'driven',
	rode: 'ridden',
	ate: 'eaten',
	fell: 'fallen',
	forgot: 'forgotten',
	hid: 'hidden',
	shook: 'shaken',
	swore: 'sworn',
	tore: 'torn',
	wore: 'worn',
	sang: 'sung',
	rang: 'rung',
	swam: 'swum',
	ran: 'run',
	came: 'come',
	became: 'become',
	went: 'gone',
	did: 'done',
	showed: 'shown',
	sewed: 'sewn',
	undertook: 'undertaken',
	overtook: 'overtaken',
	withdrew: 'withdrawn',
	forbade: 'forbidden',
	mistook: 'mistaken'
};

/**
 * A verb phrase in the past tense as the passive needs it: "discovered" stays, "wrote" becomes
 * "written", "set up" stays "set up" (only the first word is a verb).
 */
export function pastParticiple(phrase: string): string {
	const [verb = '', ...rest] = phrase.trim().split(/\s+/);
	const done = participles[verb.toLowerCase()] ?? verb;
	return [done, ...rest].join(' ');
}

/** How a question asks when an event happened, and how a statement says it did. */
export interface EventWording {
	/** "did Xi arrive at the Kremlin", "was the U.S. statement on … made" */
	ask: string;
	/** "Xi arrived at the Kremlin", "The U.S. statement on … was made" (no date yet). */
	said: string;
}

/**
 * Asks for an event's date as a teacher would: "On what date did Xi arrive at the Kremlin?",
 * not "… did Xi's arrival at the Kremlin take place?". `named` is the event as the prompt names
 * it; `begins` when the fact dates its beginning.
 */
export function eventWording(named: string, begins: boolean): EventWording {
	if (begins) return { ask: `did ${named} begin`, said: `${capitalise(named)} began` };
	const possessive = /^(.+?)['’]s\s+(.+)$/.exec(named);
	if (possessive) {
		const [, owner = '', rest = ''] = possessive;
		const words = rest.split(' ');
		// Up to two words before the noun: "three-day visit", "surprise visit", "Moscow visit".
		for (let i = 0; i < Math.min(3, words.length); i++) {
			const form = eventVerbs[(words[i] ?? '').toLowerCase()];
			if (!form) continue;
			const before = words.slice(0, i);
			// A place named before the noun is where it went: "Xi's Moscow visit" → "visit Moscow".
			const place = before.filter((w) => /^[A-Z]/.test(w)).join(' ');
			let tail = words.slice(i + 1).join(' ');
			if (place !== '' && tail === '') tail = `${form.drop ? '' : 'to '}${place}`;
			else if (form.drop) tail = tail.replace(form.drop, '');
			const end = tail === '' ? '' : ` ${tail}`;
			return {
				ask: `did ${owner} ${form.verb}${end}`,
				said: `${capitalise(owner)} ${form.past}${end}`
			};
		}
	}
	// "the launch of Apollo 11" → "was Apollo 11 launched".
	const action = /^(?:the )?(\w+) of (.+)$/i.exec(named);
	const done = action && actionParticiples[(action[1] ?? '').toLowerCase()];
	if (action && done) {
		const what = action[2] ?? '';
		return { ask: `was ${what} ${done}`, said: `${capitalise(what)} was ${done}` };
	}
	const words = named.split(' ');
	for (const word of words) {
		const participle = passiveVerbs[word.toLowerCase()];
		if (participle === undefined) continue;
		const be = /[^s]s$/.test(word) ? 'were' : 'was';
		return {
			ask: `${be} ${named} ${participle}`,
			said: `${capitalise(named)} ${be} ${participle}`
		};
	}
	return { ask: `did ${named} take place`, said: `${capitalise(named)} took place` };
}

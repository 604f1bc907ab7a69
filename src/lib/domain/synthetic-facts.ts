// A synthetic fact base of any size, with the variety of a real one (people with titles,
// countries, groupings, cities, documents, dated events, quotes), for the generator's
// benchmark and property tests. Deterministic for a seed; every quote is in the body.
import type { Entity, EntityKind, Fact, FactDate, FactBase, Predicate } from './fact-base';
import { monthNames } from './normalise';
import { createRandom, type Random } from './random';

const syllables = [
	'ka',
	'lo',
	'ven',
	'ri',
	'ta',
	'mor',
	'si',
	'dan',
	'el',
	'bru',
	'no',
	'vi',
	'ga',
	'len',
	'to',
	'mar',
	'zu',
	'fe',
	'ol',
	'tri',
	'sa',
	'bel',
	'ko',
	'dri'
];

/** A made-up word, distinct for every index: base-24 digits as syllables. */
function word(index: number, minSyllables = 2): string {
	let n = index;
	let out = '';
	let count = 0;
	do {
		out += syllables[n % syllables.length];
		n = Math.floor(n / syllables.length);
		count++;
	} while (n > 0 || count < minSyllables);
	return out.charAt(0).toUpperCase() + out.slice(1);
}

const firstNames = [
	'Anna',
	'Boris',
	'Clara',
	'Dmitri',
	'Elena',
	'Farid',
	'Grace',
	'Hiro',
	'Ines',
	'Jonas',
	'Kemal',
	'Lena',
	'Marco',
	'Nadia',
	'Omar',
	'Priya',
	'Quentin',
	'Rosa',
	'Sven',
	'Tariq',
	'Ulla',
	'Viktor',
	'Wen',
	'Yusuf'
];
const offices = [
	'President',
	'Prime Minister',
	'Foreign Minister',
	'Defence Minister',
	'Finance Minister',
	'Trade Minister',
	'Energy Minister',
	'central bank governor',
	'opposition leader',
	'ambassador'
];
const groupingKinds = ['Pact', 'Union', 'Council', 'Forum', 'Alliance', 'Group'];
const bodyKinds = ['news agency', 'energy company', 'court', 'foreign ministry', 'army', 'bank'];
const documentKinds = [
	'peace plan',
	'trade agreement',
	'sanctions package',
	'arrest warrant',
	'declaration'
];
const eventKinds = [
	'summit',
	'visit',
	'offensive',
	'election',
	'trade fair',
	'ceasefire talks',
	'state dinner'
];
const placeKinds = [
	'port city',
	'mountain town',
	'border town',
	'capital',
	'island',
	'industrial city'
];
const regions = ['northern', 'southern', 'eastern', 'western', 'central'];
const qualities = [
	'historic',
	'a turning point',
	'a dangerous provocation',
	'a sign of good faith',
	'deeply troubling',
	'a step towards peace',
	'a new era of cooperation',
	'an unacceptable interference',
	'a stalling tactic',
	'heavy on principles but light on detail'
];
const aims = [
	'a ceasefire',
	'new trade routes',
	'allies against sanctions',
	'cheaper energy',
	'a seat at the table',
	'security guarantees',
	'investment in its ports',
	'an end to the blockade'
];
const worries = [
	'rising food prices',
	'the arms race in the region',
	'growing military pressure',
	'how far the alliance will go',
	'the collapse of the talks'
];
const goods = ['oil', 'gas', 'grain', 'steel', 'fertiliser', 'microchips', 'timber'];
const escorts = ['to his car', 'to the airport', 'to the podium', 'through the palace'];
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Pools {
	person: Entity[];
	country: Entity[];
	grouping: Entity[];
	body: Entity[];
	place: Entity[];
	document: Entity[];
	event: Entity[];
}

function entity(
	id: string,
	kind: EntityKind,
	name: string,
	aliases: string[] = [],
	role?: string
): Entity {
	return { id, kind, name, aliases, ...(role !== undefined ? { role } : {}) };
}

function buildEntities(factCount: number): Pools {
	const scale = (per: number, min: number) => Math.max(min, Math.round(factCount / per));
	const countries = Array.from({ length: scale(30, 6) }, (_, i) => {
		const name = `${word(i + 7)}ia`;
		return entity(`country-${i}`, 'country', name, [`Republic of ${name}`]);
	});
	const adjective = (i: number) => `${countries[i % countries.length]?.name ?? 'Velia'}n`;
	const people = Array.from({ length: scale(8, 10) }, (_, i) => {
		const surname = word(i * 7 + 3, 3);
		return entity(`person-${i}`, 'person', `${firstNames[i % firstNames.length]} ${surname}`, [
			surname
		]);
	});
	const groupings = Array.from({ length: scale(80, 4) }, (_, i) => {
		const name = `${word(i + 31)} ${groupingKinds[i % groupingKinds.length]}`;
		return entity(`grouping-${i}`, 'organisation', name, [`the ${name}`]);
	});
	const bodies = Array.from({ length: scale(60, 5) }, (_, i) => {
		const name = `${adjective(i)} ${bodyKinds[i % bodyKinds.length]} ${word(i + 11)}`;
		return entity(`body-${i}`, 'organisation', name);
	});
	const places = Array.from({ length: scale(25, 8) }, (_, i) =>
		entity(
			`place-${i}`,
			'place',
			`${word(i + 101)}${i % 3 === 0 ? 'grad' : i % 3 === 1 ? 'ville' : 'port'}`
		)
	);
	const documents = Array.from({ length: scale(60, 4) }, (_, i) => {
		const kind = documentKinds[i % documentKinds.length] ?? 'plan';
		return entity(`document-${i}`, 'document', `${adjective(i)} ${kind} of ${word(i + 51)}`, [
			`${word(i + 51)} ${kind}`
		]);
	});
	const events = Array.from({ length: scale(12, 8) }, (_, i) => {
		const kind = eventKinds[i % eventKinds.length] ?? 'summit';
		return entity(`event-${i}`, 'event', `${word(i + 201)} ${kind}`);
	});
	return {
		person: people,
		country: countries,
		grouping: groupings,
		body: bodies,
		place: places,
		document: documents,
		event: events
	};
}

function dateOf(random: Random): FactDate {
	const year = 2018 + random.int(7);
	const month = 1 + random.int(12);
	const day = 1 + random.int(28);
	const r = random.next();
	const monthName = monthNames[month - 1] ?? 'January';
	const mm = String(month).padStart(2, '0');
	if (r < 0.6) {
		const iso = `${year}-${mm}-${String(day).padStart(2, '0')}`;
		const weekday = weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? 'Monday';
		return { date: iso, precision: 'day', wording: `on ${weekday}, ${day} ${monthName} ${year}` };
	}
	if (r < 0.85)
		return { date: `${year}-${mm}`, precision: 'month', wording: `in ${monthName} ${year}` };
	return { date: String(year), precision: 'year', wording: `in ${year}` };
}

/** k counts the facts already made with this predicate, so titles and dates go round the cast. */
type Maker = (ctx: { random: Random; pools: Pools; k: number }) => Omit<Fact, 'id'> | undefined;

/** One maker per predicate; each writes the statement and the quote the way an article would. */
const makers: Record<Predicate, Maker> = {
	role_of: ({ random, pools, k }) => {
		const person = pools.person[k % pools.person.length] as Entity;
		const country = random.pick(pools.country);
		const office = random.pick(offices);
		// Some titles carry the country, some do not: "Prime Minister" inside "Velian Prime Minister".
		const role = random.next() < 0.3 ? office : `${country.name}n ${office}`;
		return {
			predicate: 'role_of',
			subject: person.id,
			object: country.id,
			value: { kind: 'text', text: role },
			statement: `${person.name} is the ${role}.`,
			quote: `${role} ${person.name}`
		};
	},
	met: ({ random, pools }) => {
		const [a, b] = two(random, pools.person);
		const date = dateOf(random);
		const place = random.pick(pools.place);
		return {
			predicate: 'met',
			subject: a.id,
			object: b.id,
			date,
			place: place.id,
			statement: `${a.name} met ${b.name} in ${place.name} ${date.wording}.`,
			quote: `${a.name} met ${b.name} in ${place.name} ${date.wording}`
		};
	},
	held_talks_with: ({ random, pools }) => {
		const [a, b] = two(random, pools.person);
		const date = dateOf(random);
		return {
			predicate: 'held_talks_with',
			subject: a.id,
			object: b.id,
			date,
			statement: `${a.name} held talks with ${b.name} ${date.wording}.`,
			quote: `${a.name} held talks with ${b.name} ${date.wording}`
		};
	},
	visited: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const where = random.next() < 0.5 ? random.pick(pools.place) : random.pick(pools.country);
		return {
			predicate: 'visited',
			subject: person.id,
			object: where.id,
			statement: `${person.name} visited ${where.name}.`,
			quote: `${person.name} visited ${where.name}`
		};
	},
	arrived_at: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const place = random.pick(pools.place);
		const date = dateOf(random);
		return {
			predicate: 'arrived_at',
			subject: person.id,
			object: place.id,
			date,
			statement: `${person.name} arrived in ${place.name} ${date.wording}.`,
			quote: `${person.name} arrived at ${place.name} ${date.wording}`
		};
	},
	traveled_to: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const place = random.pick(pools.place);
		return {
			predicate: 'traveled_to',
			subject: person.id,
			object: place.id,
			statement: `${person.name} traveled to ${place.name}.`,
			quote: `${person.name} traveled to ${place.name}`
		};
	},
	greeted_by: ({ random, pools }) => {
		const [a, b] = two(random, pools.person);
		const place = random.pick(pools.place);
		return {
			predicate: 'greeted_by',
			subject: a.id,
			object: b.id,
			place: place.id,
			statement: `${a.name} was greeted by ${b.name} in ${place.name}.`,
			quote: `in ${place.name}, ${a.name} was greeted by ${b.name}`
		};
	},
	escorted: ({ random, pools }) => {
		const [a, b] = two(random, pools.person);
		const where = random.pick(escorts);
		return {
			predicate: 'escorted',
			subject: a.id,
			object: b.id,
			value: { kind: 'text', text: where },
			statement: `${a.name} escorted ${b.name} ${where}.`,
			quote: `${a.name} escorted ${b.name} ${where}`
		};
	},
	invited: ({ random, pools }) => {
		const [a, b] = two(random, pools.person);
		const country = random.pick(pools.country);
		const what = `to visit ${country.name}`;
		return {
			predicate: 'invited',
			subject: a.id,
			object: b.id,
			value: { kind: 'text', text: what },
			statement: `${a.name} invited ${b.name} ${what}.`,
			quote: `${a.name} said he had invited ${b.name} ${what}`
		};
	},
	said: ({ random, pools }) => {
		const speaker = random.next() < 0.7 ? random.pick(pools.person) : random.pick(pools.country);
		const event = random.pick(pools.event);
		const words = `${random.pick(qualities)} for the ${event.name}`;
		return {
			predicate: 'said',
			subject: speaker.id,
			value: { kind: 'text', text: words },
			statement: `${speaker.name} called it "${words}".`,
			quote: `${speaker.name} called it "${words}"`
		};
	},
	described_as: ({ random, pools }) => {
		const speaker = random.pick(pools.person);
		const what = random.pick(pools.event);
		const quality = random.pick(qualities);
		return {
			predicate: 'described_as',
			subject: speaker.id,
			object: what.id,
			value: { kind: 'text', text: quality },
			statement: `${speaker.name} described the ${what.name} as "${quality}".`,
			quote: `${speaker.name} described the ${what.name} as "${quality}"`
		};
	},
	called_for: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const aim = `${random.pick(aims)} in ${random.pick(pools.place).name}`;
		return {
			predicate: 'called_for',
			subject: country.id,
			value: { kind: 'text', text: aim },
			statement: `${country.name} has called for ${aim}.`,
			quote: `${country.name} has called for ${aim}`
		};
	},
	praised: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const document = random.pick(pools.document);
		return {
			predicate: 'praised',
			subject: person.id,
			object: document.id,
			statement: `${person.name} praised the ${document.name}.`,
			quote: `${person.name} praised the ${document.name}`
		};
	},
	accused_of: ({ random, pools }) => {
		const accused = random.pick(pools.country);
		const accuser = random.pick(pools.country.filter((c) => c !== accused));
		const what = `sending ${random.pick(goods)} to ${random.pick(pools.place).name}`;
		return {
			predicate: 'accused_of',
			subject: accused.id,
			object: accuser.id,
			value: { kind: 'text', text: what },
			statement: `${accuser.name} has accused ${accused.name} of ${what}.`,
			quote: `${accuser.name} has accused ${accused.name} of ${what}`
		};
	},
	denied: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const what = `sending ${random.pick(goods)} to ${random.pick(pools.place).name}`;
		return {
			predicate: 'denied',
			subject: country.id,
			value: { kind: 'text', text: what },
			statement: `${country.name} has denied ${what}.`,
			quote: `claims ${country.name} has denied: ${what}`
		};
	},
	member_of: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const grouping = random.pick(pools.grouping);
		return {
			predicate: 'member_of',
			subject: country.id,
			object: grouping.id,
			statement: `${country.name} is a member of the ${grouping.name}.`,
			quote: `${country.name} is a member of the ${grouping.name}`
		};
	},
	includes: ({ random, pools }) => {
		const document = random.pick(pools.document);
		const what = `${random.pick(aims)} for ${random.pick(pools.country).name}`;
		return {
			predicate: 'includes',
			subject: document.id,
			value: { kind: 'text', text: what },
			statement: `The ${document.name} includes ${what}.`,
			quote: `the ${document.name}, which includes ${what}`
		};
	},
	count_of: ({ random, pools }) => {
		const document = random.pick(pools.document);
		const amount = 3 + random.int(40);
		return {
			predicate: 'count_of',
			subject: document.id,
			value: { kind: 'number', amount, unit: 'points' },
			statement: `The ${document.name} has ${amount} points.`,
			quote: `the ${amount}-point ${document.name}`
		};
	},
	duration_of: ({ random, pools }) => {
		const event = random.pick(pools.event);
		const hours = random.next() < 0.5;
		const amount = hours
			? 1 + random.int(12) + (random.next() < 0.3 ? 0.5 : 0)
			: 2 + random.int(10);
		const unit = hours ? 'hours' : 'days';
		return {
			predicate: 'duration_of',
			subject: event.id,
			value: { kind: 'number', amount, unit },
			statement: `The ${event.name} lasted ${amount} ${unit}.`,
			quote: `the ${event.name}, which lasted ${amount} ${unit}`
		};
	},
	happened_on: ({ random, pools, k }) => {
		const event = pools.event[k % pools.event.length] as Entity;
		const date = dateOf(random);
		return {
			predicate: 'happened_on',
			subject: event.id,
			date,
			statement: `The ${event.name} took place ${date.wording}.`,
			quote: `the ${event.name} ${date.wording}`
		};
	},
	subject_to: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const document = random.pick(pools.document);
		return {
			predicate: 'subject_to',
			subject: person.id,
			object: document.id,
			statement: `${person.name} is subject to the ${document.name}.`,
			quote: `${person.name}, who is subject to the ${document.name}`
		};
	},
	hosts: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const event = random.pick(pools.event);
		const date = dateOf(random);
		return {
			predicate: 'hosts',
			subject: country.id,
			object: event.id,
			date,
			statement: `${country.name} hosts the ${event.name} ${date.wording}.`,
			quote: `${country.name} hosts the ${event.name} ${date.wording}`
		};
	},
	trades_with: ({ random, pools }) => {
		const [a, b] = two(random, pools.country);
		return {
			predicate: 'trades_with',
			subject: a.id,
			object: b.id,
			statement: `${a.name} and ${b.name} are close trading partners.`,
			quote: `${a.name} and ${b.name} are close trading partners`
		};
	},
	exports_to: ({ random, pools }) => {
		const [a, b] = two(random, pools.country);
		const good = random.pick(goods);
		return {
			predicate: 'exports_to',
			subject: a.id,
			object: b.id,
			value: { kind: 'text', text: good },
			statement: `${a.name} exports ${good} to ${b.name}.`,
			quote: `${a.name} exports ${good} to ${b.name}`
		};
	},
	seeks: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const aim = `${random.pick(aims)} with ${random.pick(pools.country).name}`;
		return {
			predicate: 'seeks',
			subject: country.id,
			value: { kind: 'text', text: aim },
			statement: `${country.name} seeks ${aim}.`,
			quote: `${country.name} seeks ${aim}`
		};
	},
	sees_as: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const place = random.pick(pools.place);
		const view = random.pick([
			'part of its territory',
			'a natural partner',
			'a threat',
			'a key market'
		]);
		return {
			predicate: 'sees_as',
			subject: country.id,
			object: place.id,
			value: { kind: 'text', text: view },
			statement: `${country.name} sees ${place.name} as ${view}.`,
			quote: `${place.name}, which ${country.name} sees as ${view}`
		};
	},
	welcomed: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const other = random.pick(pools.person.filter((p) => p !== person));
		const what = `talks with ${other.name}`;
		return {
			predicate: 'welcomed',
			subject: person.id,
			value: { kind: 'text', text: what },
			statement: `${person.name} has said he would welcome ${what}.`,
			quote: `${person.name} has said he would welcome ${what}`
		};
	},
	worried_about: ({ random, pools }) => {
		const country = random.pick(pools.country);
		const worry = `${random.pick(worries)} in ${random.pick(pools.place).name}`;
		return {
			predicate: 'worried_about',
			subject: country.id,
			value: { kind: 'text', text: worry },
			statement: `${country.name} is worried about ${worry}.`,
			quote: `${country.name} has been increasingly worried about ${worry}`
		};
	},
	is_a: ({ random, pools, k }) => {
		const place = pools.place[k % pools.place.length] as Entity;
		const kind = `${random.pick(placeKinds)} in ${random.pick(regions)} ${random.pick(pools.country).name}`;
		return {
			predicate: 'is_a',
			subject: place.id,
			value: { kind: 'text', text: kind },
			statement: `${place.name} is a ${kind}.`,
			quote: `${place.name}, a ${kind}`
		};
	},
	located_in: ({ random, pools, k }) => {
		const place = pools.place[k % pools.place.length] as Entity;
		const country = random.pick(pools.country);
		const region = `${random.pick(regions)} ${country.name}`;
		return {
			predicate: 'located_in',
			subject: place.id,
			object: country.id,
			value: { kind: 'text', text: region },
			statement: `${place.name} is in ${region}.`,
			quote: `${place.name} in ${region}`
		};
	},
	relation: ({ random, pools }) => {
		const person = random.pick(pools.person);
		const document = random.pick(pools.document);
		const verb = random.pick(['drafted', 'signed', 'presented', 'set up']);
		return {
			predicate: 'relation',
			subject: person.id,
			object: document.id,
			value: { kind: 'text', text: verb },
			statement: `${person.name} ${verb} ${document.name}.`,
			quote: `${person.name} ${verb} ${document.name}`
		};
	}
};

/** How often each predicate comes up, roughly as in news about diplomacy. */
const weights: Partial<Record<Predicate, number>> = {
	met: 4,
	held_talks_with: 3,
	said: 5,
	happened_on: 4,
	described_as: 2,
	visited: 2,
	member_of: 2
};

function two(random: Random, pool: readonly Entity[]): [Entity, Entity] {
	const a = random.pick(pool);
	let b = random.pick(pool);
	while (b === a && pool.length > 1) b = random.pick(pool);
	return [a, b];
}

/**
 * A fact base of `factCount` facts over a cast that grows with it (about one person per eight
 * facts, one event per twelve, …), with quotes that are verbatim in the body.
 */
export function syntheticFactBase(factCount: number, seed = 1): FactBase {
	const random = createRandom(seed);
	const pools = buildEntities(factCount);
	const schedule = (Object.keys(makers) as Predicate[]).flatMap((p) =>
		Array.from({ length: weights[p] ?? 1 }, () => p)
	);
	const facts: Fact[] = [];
	const made = new Map<Predicate, number>();
	for (let n = 0; facts.length < factCount; n++) {
		const predicate = schedule[n % schedule.length] as Predicate;
		const k = made.get(predicate) ?? 0;
		// One title per person, as in a real base.
		if (predicate === 'role_of' && k >= pools.person.length) continue;
		const fact = makers[predicate]({ random, pools, k });
		made.set(predicate, k + 1);
		if (!fact) continue;
		facts.push({ id: `${predicate.replace(/_/g, '-')}-${facts.length}`, ...fact });
	}
	const entities = [
		...pools.person,
		...pools.country,
		...pools.grouping,
		...pools.body,
		...pools.place,
		...pools.document,
		...pools.event
	];
	// Every person with a title fact carries it as their role, as the curated base does.
	const roles = new Map(
		facts.flatMap((f) =>
			f.predicate === 'role_of' && f.value?.kind === 'text' ? [[f.subject, f.value.text]] : []
		)
	);
	for (const e of entities) {
		const role = roles.get(e.id);
		if (role !== undefined) e.role = role;
	}
	return {
		source: {
			id: `synthetic-${factCount}-${(seed >>> 0).toString(36)}`,
			title: `A synthetic article of ${factCount} facts`,
			publishedOn: '2024-01-01',
			body: facts.map((f) => `${f.quote}.`).join(' ')
		},
		entities,
		facts
	};
}

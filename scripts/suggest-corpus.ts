// Long English texts for the suggestion benchmark, of any length: real texts (the shipped
// article and the pipeline's fixtures, in science, history and space) interleaved with
// paragraphs written from varied news sentences, whose names, places, dates and numbers
// change from one to the next. Not copies of one article: the tagger and the lexicons meet
// new words all along, as they would in a long chapter. Deterministic for a seed.
import { readFileSync } from 'node:fs';
import { createRandom, type Random } from '../src/lib/domain/random';

const real = [
	readFileSync('src/lib/content/xi-moscow-2023-03-21/article.ts', 'utf8')
		.split("export const raw =\n\t'")[1]!
		.replace(/';\s*$/, '')
		.replace(/\\n/g, '\n')
		.replace(/\\'/g, "'")
		.replace(/^ date \S+ /, ''),
	...['penicillin.md', 'berlin-wall.txt', 'mars-rover.txt'].map((f) =>
		readFileSync(`src/lib/domain/suggest/fixtures/${f}`, 'utf8')
	)
];

const first = [
	'Amira',
	'Jonas',
	'Keiko',
	'Mateo',
	'Olga',
	'Rahul',
	'Sofia',
	'Tomasz',
	'Ines',
	'Kwame',
	'Lena',
	'Diego',
	'Hana',
	'Pavel',
	'Nadia',
	'Oscar',
	'Mei',
	'Farid',
	'Greta',
	'Ivan'
];
const last = [
	'Okafor',
	'Lindqvist',
	'Tanaka',
	'Herrera',
	'Petrova',
	'Mehta',
	'Costa',
	'Nowak',
	'Duarte',
	'Mensah',
	'Vogel',
	'Ramos',
	'Sato',
	'Dvorak',
	'Haddad',
	'Berg',
	'Liang',
	'Karimi',
	'Holm',
	'Sokolov'
];
const titles = [
	'Foreign Minister',
	'Prime Minister',
	'President',
	'Defence Secretary',
	'Finance Minister',
	'Ambassador',
	'Governor',
	'Chancellor'
];
const countries = [
	['Brazil', 'Brazilian'],
	['Kenya', 'Kenyan'],
	['Norway', 'Norwegian'],
	['India', 'Indian'],
	['Mexico', 'Mexican'],
	['Poland', 'Polish'],
	['Japan', 'Japanese'],
	['Egypt', 'Egyptian'],
	['Canada', 'Canadian'],
	['Vietnam', 'Vietnamese']
] as const;
const cities = [
	'Lisbon',
	'Nairobi',
	'Oslo',
	'Mumbai',
	'Monterrey',
	'Gdansk',
	'Osaka',
	'Alexandria',
	'Toronto',
	'Hanoi',
	'Geneva',
	'Vienna'
];
const bodies = [
	'World Trade Organization',
	'International Energy Agency',
	'African Union',
	'Asian Development Bank',
	'Red Cross',
	'World Health Organization',
	'International Monetary Fund'
];
const companies = [
	'Nordlys Energy',
	'Vela Motors',
	'Tessaro Foods',
	'Kallio Shipping',
	'Orbis Telecom',
	'Granada Mining'
];
const dates = [
	'on Monday',
	'on Tuesday',
	'on Wednesday',
	'last week',
	'this June',
	'last year',
	'in March 2021',
	'on 4 July 2019',
	'in 1998',
	'earlier this month'
];
const nouns = [
	'trade deal',
	'climate pact',
	'port agreement',
	'water treaty',
	'energy plan',
	'rail project',
	'vaccine programme'
];
const quotes = [
	'a turning point for the region',
	'an honest beginning',
	'the best chance in a generation',
	'a promise we intend to keep',
	'only the first step',
	'a test of trust between neighbours'
];

const pick = <T>(r: Random, xs: readonly T[]) => r.pick(xs);

function person(r: Random): { full: string; surname: string; titled: string } {
	const f = pick(r, first);
	const l = pick(r, last);
	const [, demonym] = pick(r, countries);
	return { full: `${f} ${l}`, surname: l, titled: `${demonym} ${pick(r, titles)} ${f} ${l}` };
}

function paragraph(r: Random): string {
	const a = person(r);
	const b = person(r);
	const [country] = pick(r, countries);
	const city = pick(r, cities);
	const when = pick(r, dates);
	const n = 2 + r.int(60);
	const sentences = [
		`${a.titled} arrived in ${city} ${when} for talks with ${b.titled} on the ${pick(r, nouns)}.`,
		`${a.surname} met with officials of the ${pick(r, bodies)} and described the talks as "${pick(r, quotes)}."`,
		`"We have ${n} days to finish this work," ${a.surname} told reporters after a ${n}-hour meeting.`,
		`${b.surname}, who visited ${country} ${pick(r, dates)}, said the ${n}-point plan would cost ${country} more than ${n * 100} million dollars.`,
		`${pick(r, companies)} said ${when} that it would hire ${n * 50} workers at its plant near ${city}.`,
		`The ${pick(r, bodies)} has said the ${pick(r, nouns)} could be signed a day after ${b.surname} traveled to ${city}.`,
		`Critics in ${country} argued that the deal was rushed, while ${b.surname} called for "${pick(r, quotes)}."`
	];
	// Three to five of them, in an order the seed picks.
	return r
		.shuffle(sentences)
		.slice(0, 3 + r.int(3))
		.join(' ');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** About `words` words: real texts and written paragraphs, one real text every ten paragraphs. */
export function benchText(words: number, seed = 1): string {
	const r = createRandom(seed);
	const paragraphs: string[] = [];
	let count = 0;
	let k = 0;
	while (count < words) {
		const p = k % 10 === 9 ? (real[Math.floor(k / 10) % real.length] as string) : paragraph(r);
		paragraphs.push(p);
		count += wordCount(p);
		k++;
	}
	return paragraphs.join('\n\n');
}

export { wordCount };

// Stage 2a, names: runs of capitalised words become names, and a title before a name becomes
// its role ("Russian President Vladimir Putin", "Chinese leader Xi Jinping"). Each name collects
// votes for its kind from its words (tags, the gazetteer, its last word) and its context
// ("visited Bucha", "Bucha, a town", "Zelensky has said he").
import {
	documentHeads,
	eventHeads,
	organisationHeads,
	organisationRoleHeads,
	placeHeads,
	placeNouns,
	roleHeads,
	sentenceOpeners,
	speechVerbs,
	titleWords
} from './lexicon';
import {
	add,
	blank,
	closed,
	isCapital,
	joined,
	lower,
	nameTags,
	type Mention,
	type Role,
	type Votes
} from './mention-kit';
import type { Word } from './nlp';
import { opensClause, type Doc } from './segment';
import { countryNamed, countryOfDemonym, isDemonym } from './world';
function isNameWord(doc: Doc, words: readonly Word[], i: number): boolean {
	const w = words[i];
	if (!w || !isCapital(w)) return false;
	if (w.tags.has('WeekDay') || w.tags.has('Month')) return false;
	if (opensClause(doc.text, words, i)) {
		if (sentenceOpeners.has(lower(w)) || closed.some((t) => w.tags.has(t as never))) return false;
		if (doc.capitalised.has(w.text) || nameTags.some((t) => w.tags.has(t as never))) return true;
		// "Prime Minister Mikhail Mishustin was there.": a title opening the sentence
		if (titleWords.has(lower(w)) && isCapital(words[i + 1])) return true;
		// "Zelensky has said ...": an unknown word that acts, opening its sentence
		const next = lower(words[i + 1]);
		const speaks =
			speechVerbs.has(next) ||
			(['has', 'had'].includes(next) && speechVerbs.has(lower(words[i + 2])));
		return !w.tags.has('Plural') && !w.tags.has('Verb') && speaks;
	}
	return !sentenceOpeners.has(lower(w)) || doc.capitalised.has(w.text);
}

const isTitleWord = (w: Word | undefined) =>
	!!w && (titleWords.has(lower(w)) || isDemonym(w.text) || !!countryNamed(w.text));

/** Runs of name words, joined by "of" where both sides are capitalised. */
function nameRuns(doc: Doc, words: readonly Word[]): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	for (let i = 0; i < words.length; i++) {
		if (!isNameWord(doc, words, i)) continue;
		let j = i + 1;
		while (j < words.length) {
			const prev = words[j - 1] as Word;
			const w = words[j] as Word;
			// "St Mary's Hospital": a possessive inside an institution's name
			const institution =
				prev.possessive &&
				isCapital(w) &&
				(organisationHeads.has(lower(w)) || placeHeads.has(lower(w))) &&
				/^['’]s? $/.test(doc.text.slice(prev.end, w.start));
			if (!joined(doc, prev, w) && !institution) break;
			if (isNameWord(doc, words, j)) {
				j++;
				continue;
			}
			// "Group of Seven", "Secretary of State", "Bank of the Ukraine"
			const ofThe = lower(words[j + 1]) === 'the' ? 1 : 0;
			const next = words[j + 1 + ofThe];
			if (lower(w) === 'of' && next && joined(doc, w, words[j + 1] as Word)) {
				if (isNameWord(doc, words, j + 1 + ofThe)) {
					j += 2 + ofThe;
					continue;
				}
			}
			break;
		}
		runs.push([i, j]);
		i = j - 1;
	}
	return runs;
}

/** "West German": a compass word and a country's adjective, read as one. */
function demonymAt(words: readonly Word[], i: number): number {
	const w = words[i];
	const next = words[i + 1];
	if (w && next && isDemonym(`${w.text} ${next.text}`)) return 2;
	return w && (isDemonym(w.text) || countryNamed(w.text)) ? 1 : 0;
}

/**
 * A title before a name inside the same run: "Russian President | Vladimir Putin",
 * "West German Chancellor | Helmut Kohl", "NASA Administrator | Steve Jurczyk".
 */
function splitTitle(words: readonly Word[], from: number, to: number): number {
	let k = from;
	// An organisation's acronym may open a title ("NASA Administrator")
	if (/^[A-Z]{2,6}$/.test(words[k]?.text ?? '') && titleWords.has(lower(words[k + 1]))) k++;
	while (k < to - 1) {
		const w = words[k];
		const demonym = demonymAt(words, k);
		if (demonym) k += demonym;
		else if (titleWords.has(lower(w))) k++;
		else if (lower(w) === 'of' && isTitleWord(words[k + 1]) && k + 1 < to - 1) k += 2;
		else break;
	}
	if (k === from || k >= to) return from;
	const title = words.slice(from, k).map(lower);
	return title.some((t) => roleHeads.has(t)) ? k : from;
}

/**
 * A lower-case title just before a name: "Chinese leader | Xi Jinping", "gas giant |
 * Gazprom", "the Scottish physician | Alexander Fleming", "Government spokesman | Guenter
 * Schabowski". A bare title counts after "the" or "a", or at a sentence's start.
 */
function titleBefore(doc: Doc, words: readonly Word[], from: number): number {
	let i = from - 1;
	const head = words[i];
	if (
		!head ||
		!roleHeads.has(lower(head)) ||
		isCapital(head) ||
		!joined(doc, head, words[from] as Word)
	)
		return from;
	let start = i;
	let modifiers = 0;
	while (i > 0 && modifiers < 2) {
		const w = words[i - 1] as Word;
		if (
			!joined(doc, w, words[i] as Word) &&
			doc.text.slice(w.end, (words[i] as Word).start) !== '-'
		)
			break;
		const twoWord = i > 1 && isDemonym(`${words[i - 2]?.text} ${w.text}`);
		if (twoWord || isDemonym(w.text) || countryNamed(w.text)) {
			start = twoWord ? i - 2 : i - 1;
			return start;
		}
		// "German-born biochemist"
		if (w.text === 'born' && isDemonym(words[i - 2]?.text ?? '')) return i - 2;
		// "Government spokesman" at a sentence's start, "Project scientist"
		if (
			isCapital(w) &&
			opensClause(doc.text, words, i - 1) &&
			!nameTags.some((t) => w.tags.has(t as never))
		)
			return i - 1;
		if (isCapital(w) || closed.some((t) => w.tags.has(t as never)) || w.tags.has('Verb')) break;
		if (w.tags.has('Value')) break;
		modifiers++;
		i--;
		start = i;
	}
	// A bare "leader Xi" mid-sentence is not a title; "the physician Alexander Fleming" is.
	const before = lower(words[start - 1]);
	const opens = start === 0 || opensClause(doc.text, words, start);
	return start < from - 1 || ['the', 'a', 'an'].includes(before) || opens ? start : from;
}

function roleOf(doc: Doc, words: readonly Word[], from: number, to: number): Role {
	const first = words[from] as Word;
	const last = words[to - 1] as Word;
	const second = words[from + 1];
	const country =
		(second && countryOfDemonym(`${first.text} ${second.text}`)) ??
		countryOfDemonym(first.text) ??
		countryNamed(first.text)?.name;
	return {
		text: doc.text.slice(first.start, last.end),
		start: first.start,
		end: last.end,
		...(country ? { country } : {})
	};
}

const motion = new Set([
	'visit',
	'visits',
	'visited',
	'trip',
	'travel',
	'traveled',
	'travelled',
	'flew',
	'went',
	'returned',
	'moved',
	'came',
	'journey',
	'arrived',
	'sailed',
	'fled',
	'exports',
	'exported',
	'sent',
	'delivered'
]);
const locativePrepositions = new Set([
	'in',
	'at',
	'near',
	'into',
	'inside',
	'outside',
	'across',
	'throughout',
	'around',
	'within',
	'towards',
	'toward'
]);
const locativeVerbs = new Set(['visited', 'entered', 'toured', 'reached', 'visiting', 'left']);
const agentVerbs = new Set([
	'has',
	'have',
	'had',
	'is',
	'was',
	'are',
	'were',
	'will',
	'would',
	'could',
	'said',
	'says',
	'sees',
	'saw',
	'called',
	'accused',
	'denied',
	'wants',
	'seeks',
	'sought'
]);

/** Context around a mention of words [from, to): votes, and whether it acts or is a place. */
function context(doc: Doc, words: readonly Word[], from: number, to: number, m: Mention): void {
	const before = (n: number) => lower(words[from - n]);
	const after = (n: number) => lower(words[to - 1 + n]);
	const v = m.votes;
	if (locativePrepositions.has(before(1))) {
		add(v, 'place', 1);
		m.locative = true;
	} else if (before(1) === 'the' && locativePrepositions.has(before(2))) {
		add(v, 'place', 1);
		m.locative = true;
	}
	const toAt = before(1) === 'to' ? 1 : before(1) === 'the' && before(2) === 'to' ? 2 : 0;
	if (toAt && [1, 2, 3].some((n) => motion.has(before(toAt + n)))) {
		add(v, 'place', 2);
		m.locative = true;
	}
	if (locativeVerbs.has(before(1)) || (before(1) === 'the' && locativeVerbs.has(before(2)))) {
		add(v, 'place', 2);
		m.locative = true;
	}
	if (m.possessive === false && motion.has(after(1))) m.locative = true; // "Xi's Moscow visit"
	// "Bucha, a town where", "the self-ruled island of Taiwan"
	const last = words[to - 1] as Word;
	const gap = words[to] ? doc.text.slice(last.end, (words[to] as Word).start) : '';
	if (gap.startsWith(',') && ['a', 'an', 'the'].includes(after(1))) {
		for (let n = 2; n <= 4; n++) {
			if (placeNouns.has(after(n))) add(v, 'place', 5);
		}
	}
	if (before(1) === 'of' && placeNouns.has(before(2))) add(v, 'place', 5);
	if (gap.startsWith(',') && after(1) === 'who') add(v, 'person', 2);
	// "Zelensky has said he would", "he said" shortly after the name
	const window = [1, 2, 3, 4].map(after);
	if (
		window.some((w) => w === 'said' || w === 'says') &&
		window.some((w) => w === 'he' || w === 'she')
	)
		add(v, 'person', 3);
	if (['with', 'by'].includes(before(1)) && ['meeting', 'talks', 'met'].includes(before(2)))
		add(v, 'person', 1);
	// "known informally as the Quad": named after a grouping's description
	const asAt = before(1) === 'as' ? 1 : before(1) === 'the' && before(2) === 'as' ? 2 : 0;
	if (asAt && [1, 2].some((n) => before(asAt + n) === 'known')) {
		const described = words.slice(Math.max(0, from - asAt - 8), from).map(lower);
		if (described.some((w) => organisationHeads.has(w))) add(v, 'organisation', 4);
	}
	// Someone who meets, travels or speaks, or whose visit or talks these are: likely a person
	// (a country or company the gazetteer or a title knows outvotes this).
	const acts = [
		'met',
		'visited',
		'traveled',
		'travelled',
		'arrived',
		'flew',
		'said',
		'told',
		'added'
	];
	const skipAdverb = ['earlier', 'later', 'also', 'then', 'has', 'had'].includes(after(1)) ? 1 : 0;
	// "the Kremlin", "the Quad": no person's name takes "the"
	const article = before(1) === 'the' || (from > 0 && lower(words[from - 1]) === 'the');
	if (acts.includes(after(1 + skipAdverb))) add(v, article ? 'organisation' : 'person', 1);
	if (article) add(v, m.locative ? 'place' : 'organisation', 1);
	// "Xi Jinping and Vladimir Putin held talks": named beside a person
	const partner = words[to + 1];
	if (after(1) === 'and' && (partner?.tags.has('FirstName') || partner?.tags.has('Honorific')))
		add(v, 'person', 1);
	const events = ['visit', 'trip', 'meeting', 'talks', 'arrival', 'speech'];
	if (m.possessive && [1, 2, 3].some((n) => events.includes(after(n)))) add(v, 'person', 1);
	if (!m.locative && (agentVerbs.has(after(1)) || m.possessive)) m.agent = true;
	if (m.possessive || agentVerbs.has(after(1))) m.agent = true;
}

const article = (words: readonly Word[], from: number) => lower(words[from - 1]) === 'the';

/** Votes a name's own words give: tags, the gazetteer, and its last word. */
function wordVotes(words: readonly Word[], from: number, to: number, votes: Votes): void {
	const name = words.slice(from, to);
	const text = name.map((w) => w.text).join(' ');
	// "Group of Seven", "Bank of England": the word before "of" is the head
	const of = name.findIndex((w) => lower(w) === 'of');
	const head = lower(name[of > 0 ? of - 1 : name.length - 1]);
	const last = lower(name[name.length - 1]);
	if (countryNamed(text)) add(votes, 'country', 6);
	if (name.length > 1 && name[0]?.tags.has('FirstName')) add(votes, 'person', 3);
	if (name.some((w) => w.tags.has('Honorific'))) add(votes, 'person', 3);
	if (name.some((w) => w.tags.has('Person') || w.tags.has('LastName'))) add(votes, 'person', 2);
	if (name.some((w) => w.tags.has('Country'))) add(votes, 'country', 3);
	if (name.some((w) => w.tags.has('City') || w.tags.has('Region') || w.tags.has('Place')))
		add(votes, 'place', 2);
	if (name.some((w) => w.tags.has('Organization'))) add(votes, 'organisation', 1);
	if (name.length === 1 && /^[A-Z]{2,6}$/.test(text)) add(votes, 'organisation', 1);
	if (name.length > 1 || !name[0]?.tags.has('Country')) {
		for (const h of new Set([head, last])) {
			if (organisationHeads.has(h)) add(votes, 'organisation', 4);
			if (placeHeads.has(h)) add(votes, 'place', 4);
			if (eventHeads.has(h)) add(votes, 'event', 4);
			if (documentHeads.has(h)) add(votes, 'document', 4);
		}
	}
}

export function names(doc: Doc, sentence: number, words: readonly Word[]): Mention[] {
	const out: Mention[] = [];
	for (const [runFrom, runTo] of nameRuns(doc, words)) {
		const from = splitTitle(words, runFrom, runTo);
		let to = runTo;
		// Only adjectives ("Chinese", "Western") or only a title ("Prime Minister"): no name.
		const run = words.slice(from, to);
		if (run.every((w) => isDemonym(w.text) && !countryNamed(w.text))) continue;
		if (run.every((w) => titleWords.has(lower(w)))) continue;
		while (to - from > 1 && lower(words[to - 1]) === 'of') to--;
		// "Power of Siberia pipeline": a lower-case word for a place right after the name
		const next = words[to];
		const widened =
			next &&
			!next.tags.has('Verb') &&
			joined(doc, words[to - 1] as Word, next) &&
			placeHeads.has(next.text) &&
			!isCapital(next);
		if (widened) to++;
		const m = blank(doc, sentence, words, from, to, '');
		m.key = m.text;
		let outer = from;
		if (from > runFrom) outer = runFrom;
		else outer = titleBefore(doc, words, from);
		if (outer < from) {
			m.role = roleOf(doc, words, outer, from);
			add(
				m.votes,
				organisationRoleHeads.has(lower(words[from - 1])) ? 'organisation' : 'person',
				6
			);
		}
		wordVotes(words, from, to, m.votes);
		context(doc, words, outer, to, m);
		// Two or three capitalised words nothing else explains are most often a person's name
		// ("Guenter Schabowski told ..."); a clue from the context confirms it.
		const unexplained = Object.keys(m.votes).filter((k) => k !== 'person').length === 0;
		const bare = words.slice(from, to).every((w) => !w.tags.has('Value') && !w.possessive);
		if (unexplained && bare && to - from >= 2 && to - from <= 3 && !article(words, outer))
			add(m.votes, 'person', 1);
		const speaks = [1, 2].some((n) => speechVerbs.has(lower(words[to - 1 + n])));
		if (unexplained && to - from >= 2 && to - from <= 3 && speaks) add(m.votes, 'person', 1);
		out.push(m);
	}
	return out;
}

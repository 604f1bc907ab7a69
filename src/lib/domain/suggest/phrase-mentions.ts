// Stage 2a, noun phrases: groups, blocs, places and documents named without capitals of their
// own ("Russian forces", "Western powers", "European markets", "12-point position paper"), and
// titles that stand for a person the text names elsewhere ("the Chinese leader").
import {
	blocNouns,
	blocPlaceNouns,
	documentHeads,
	groupNouns,
	organisationRoleHeads,
	roleHeads
} from './lexicon';
import { add, blank, closed, isCapital, joined, lower, type Mention } from './mention-kit';
import type { Word } from './nlp';
import type { Doc } from './segment';
import { countryNamed, countryOfDemonym, isDemonym } from './world';
const groupModifiers = new Set([
	'senior',
	'top',
	'local',
	'foreign',
	'state',
	'former',
	'military'
]);

/**
 * Groups, blocs and documents named by a noun phrase: "Western powers", "senior Russian
 * officials", "Ukraine's foreign ministry", "a military band", "Beijing's 12-point position paper".
 */
export function phrases(
	doc: Doc,
	sentence: number,
	words: readonly Word[],
	named: Mention[]
): Mention[] {
	const out: Mention[] = [];
	const nameAt = new Map(named.map((m) => [m.from, m]));
	for (let i = 0; i < words.length; i++) {
		const w = words[i] as Word;
		const n1 = lower(words[i + 1]);
		// Places a bloc's adjective names: "European markets", "Arab waters"
		if (
			isDemonym(w.text) &&
			isCapital(w) &&
			blocPlaceNouns.has(n1) &&
			joined(doc, w, words[i + 1] as Word)
		) {
			const m = blank(doc, sentence, words, i, i + 2, '');
			m.key = m.text.toLowerCase();
			add(m.votes, 'place', 4);
			m.locative = true;
			out.push(m);
			continue;
		}
		// Blocs: "Western countries", "Western powers", "European nations"
		if (
			isDemonym(w.text) &&
			isCapital(w) &&
			blocNouns.has(n1) &&
			joined(doc, w, words[i + 1] as Word)
		) {
			const m = blank(doc, sentence, words, i, i + 2, `bloc:${lower(w)}`);
			add(m.votes, 'country', 5);
			m.agent = true;
			out.push(m);
			continue;
		}
		// Groups: "(senior) Russian (news) agencies", "Ukraine's foreign ministry"
		const owner = nameAt.get(i);
		const demonym = isDemonym(w.text) && isCapital(w) && !countryNamed(w.text);
		if (demonym || owner?.possessive) {
			const at = owner ? owner.to : i + 1;
			const len = groupNouns.has(`${lower(words[at])} ${lower(words[at + 1])}`)
				? 2
				: groupNouns.has(lower(words[at]))
					? 1
					: 0;
			const following = words[at + len];
			const modifies =
				!!following &&
				following.tags.has('Noun') &&
				!following.tags.has('Pronoun') &&
				joined(doc, words[at + len - 1] as Word, following);
			if (len && !modifies && (owner ? owner.votes.country || countryNamed(owner.text) : true)) {
				const start = !owner && groupModifiers.has(lower(words[i - 1])) ? i - 1 : i;
				const m = blank(doc, sentence, words, start, at + len, '');
				m.key = m.text.toLowerCase();
				add(m.votes, 'organisation', 5);
				m.agent = true;
				out.push(m);
				continue;
			}
		}
		// Collectives that act: "by a military band", "a delegation of senior Russian officials"
		if (['a', 'an', 'the'].includes(lower(w))) {
			const modifier = words[i + 1];
			const adjective =
				modifier && !isCapital(modifier) && !closed.some((t) => modifier.tags.has(t as never))
					? 1
					: 0;
			const collective = ['band', 'delegation', 'orchestra', 'choir', 'crowd'];
			const plain = collective.includes(lower(words[i + 1])) ? 0 : adjective;
			if (collective.includes(lower(words[i + 1 + plain]))) {
				let to = i + 2 + plain;
				if (lower(words[to]) === 'of') {
					// "a delegation of senior Russian officials"
					let k = to + 1;
					while (k < words.length && k < to + 5 && !groupNouns.has(lower(words[k]))) k++;
					if (groupNouns.has(lower(words[k]))) to = k + 1;
				}
				const m = blank(doc, sentence, words, i + 1, to, '');
				m.key = m.text.toLowerCase();
				add(m.votes, 'organisation', 4);
				out.push(m);
			}
		}
		// Documents: "Beijing's 12-point position paper", "an International Criminal Court warrant"
		for (let len = 1; len <= 4; len++) {
			const head = words[i + len];
			if (!head || !documentHeads.has(lower(head)) || isCapital(head)) continue;
			const lead = owner ?? (isDemonym(w.text) && isCapital(w) ? undefined : null);
			if (lead === null && !/^\d+$/.test(w.text)) continue;
			const body = words.slice(owner ? owner.to : i + 1, i + len + 1);
			if (body.some((b) => b.tags.has('Verb') && !b.tags.has('Noun')) || body.length === 0)
				continue;
			if (
				body.some(
					(b, k) =>
						k > 0 &&
						!joined(doc, body[k - 1] as Word, b) &&
						doc.text.slice(body[k - 1]!.end, b.start) !== '-'
				)
			)
				continue;
			const m = blank(doc, sentence, words, i, i + len + 1, '');
			m.key = m.text.toLowerCase();
			add(m.votes, 'document', 6);
			out.push(m);
			break;
		}
	}
	return out;
}

/** "the Chinese leader": a title with no name, standing for whoever the text gave it to. */
export function descriptions(doc: Doc, sentence: number, words: readonly Word[]): Mention[] {
	const out: Mention[] = [];
	for (let i = 0; i + 2 < words.length; i++) {
		if (lower(words[i]) !== 'the') continue;
		const demonym = words[i + 1] as Word;
		const country = countryOfDemonym(demonym.text);
		if (!country) continue;
		const two = `${lower(words[i + 2])} ${lower(words[i + 3])}`;
		const len =
			roleHeads.has(two) || two === 'prime minister'
				? 2
				: roleHeads.has(lower(words[i + 2]))
					? 1
					: 0;
		const head = words[i + 1 + len];
		const named = !head?.possessive && isCapital(words[i + 2 + len]);
		if (!len || named || organisationRoleHeads.has(lower(head))) continue;
		const m = blank(doc, sentence, words, i, i + 2 + len, '');
		m.description = {
			country,
			head: words
				.slice(i + 2, i + 2 + len)
				.map(lower)
				.join(' ')
		};
		m.key = m.text.toLowerCase();
		out.push(m);
	}
	return out;
}

/** Every mention in the text, in order. */

// Stage 2a: where the text names something. Names (name-mentions.ts) and noun phrases
// (phrase-mentions.ts), in text order, each with the votes for its kind it collected.
import { names } from './name-mentions';
import type { Mention } from './mention-kit';
import { descriptions, phrases } from './phrase-mentions';
import type { Doc } from './segment';

export type { Mention, Role, Votes } from './mention-kit';

export function findMentions(doc: Doc): Mention[] {
	const out: Mention[] = [];
	doc.sentences.forEach((s, i) => {
		const named = names(doc, i, s.words);
		out.push(...named, ...phrases(doc, i, s.words, named), ...descriptions(doc, i, s.words));
	});
	return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

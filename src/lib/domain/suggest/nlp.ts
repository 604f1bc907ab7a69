// The one door to the part-of-speech library (compromise): sentences, and words with their
// character offsets and tags (a number, in digits or words, is tagged Value). Every other
// stage reads these types only, so another tagger can replace compromise by rewriting this
// file. compromise's own number reader is not used: it grows with the square of the text
// (9 s for 20,000 words), where reading Value runs with parseNumber is linear.
import nlp from 'compromise/two';

/** The word classes the pipeline reads; compromise's own tags map onto these. */
export const nlpTags = [
	'ProperNoun',
	'Person',
	'FirstName',
	'LastName',
	'Honorific',
	'Place',
	'Country',
	'City',
	'Region',
	'Organization',
	'Demonym',
	'Noun',
	'Plural',
	'Pronoun',
	'Verb',
	'PastTense',
	'PresentTense',
	'Infinitive',
	'Gerund',
	'Participle',
	'Auxiliary',
	'Copula',
	'Modal',
	'Adjective',
	'Adverb',
	'Determiner',
	'Preposition',
	'Conjunction',
	'Value',
	'Date',
	'WeekDay',
	'Month',
	'Acronym',
	'QuestionWord'
] as const;
export type NlpTag = (typeof nlpTags)[number];
const known = new Set<string>(nlpTags);

export interface Word {
	/** The word as written, without surrounding punctuation or a possessive 's. */
	text: string;
	/** Offsets into the analysed text: text === source.slice(start, end). */
	start: number;
	end: number;
	tags: ReadonlySet<NlpTag>;
	/** Written with 's (or ’s, or a bare ’ after s): the possessive ending lies past `end`. */
	possessive: boolean;
}

export interface Sentence {
	start: number;
	end: number;
	words: Word[];
}

interface JsonTerm {
	text: string;
	tags: string[];
	offset: { start: number; length: number };
}
interface JsonSentence {
	offset: { start: number; length: number };
	terms: JsonTerm[];
}

const possessiveEnding = /(?:['’]s|(?<=s)['’])$/;

function word(term: JsonTerm): Word {
	const tags = new Set(term.tags.filter((t): t is NlpTag => known.has(t)));
	let text = term.text;
	let possessive = false;
	// compromise leaves some possessives untagged ("the leader's"); contractions are pronouns
	const possessiveNoun = term.tags.includes('Noun') && !term.tags.includes('Pronoun');
	if (term.tags.includes('Possessive') || (possessiveNoun && /['’]s$/.test(text))) {
		const ending = possessiveEnding.exec(text);
		if (ending) {
			text = text.slice(0, ending.index);
			possessive = true;
		}
	}
	return { text, start: term.offset.start, end: term.offset.start + text.length, tags, possessive };
}

/** Sentences and words of a text, each with offsets into it. */
export function analyse(text: string): Sentence[] {
	const json = nlp(text).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
	return json
		.map((s) => ({
			start: s.offset.start,
			end: s.offset.start + s.offset.length,
			words: s.terms.filter((t) => t.text.length > 0).map(word)
		}))
		.filter((s) => s.words.length > 0);
}

// What the fact stages ask of a sentence: which entity a word belongs to, who the subject of
// a verb is (past a ", who ...," clause and through "he" or "his"), and what follows a verb.
import type { EntityKind } from '../fact-base';
import type { Resolved, SuggestedEntity } from './entities';
import type { Word } from './nlp';
import type { Doc } from './segment';

export interface Span {
	start: number;
	end: number;
}

const prepositions = new Set([
	'to',
	'with',
	'of',
	'by',
	'for',
	'on',
	'in',
	'at',
	'from',
	'about',
	'against',
	'into',
	'over',
	'including',
	'between',
	'among',
	'than'
]);
const relatives = new Set(['who', 'which', 'whose', 'whom']);

export class Clauses {
	readonly doc: Doc;
	readonly kinds: ReadonlyMap<string, EntityKind>;
	private readonly bySentence: Resolved[][];
	/** The person each sentence is about (its first subject), for "he" in the next one. */
	private readonly subjects: Array<string | undefined> = [];

	constructor(doc: Doc, mentions: readonly Resolved[], entities: readonly SuggestedEntity[]) {
		this.doc = doc;
		this.kinds = new Map(entities.map((e) => [e.id, e.kind]));
		this.bySentence = doc.sentences.map(() => []);
		for (const m of mentions) this.bySentence[m.sentence]?.push(m);
		doc.sentences.forEach((_, i) => {
			const first = this.bySentence[i]?.find(
				(m) => this.kinds.get(m.entity) === 'person' && !this.governed(i, m)
			);
			this.subjects.push(first?.entity);
		});
	}

	words(sentence: number): readonly Word[] {
		return this.doc.sentences[sentence]?.words ?? [];
	}

	mentions(sentence: number): readonly Resolved[] {
		return this.bySentence[sentence] ?? [];
	}

	lower(sentence: number, i: number): string {
		return this.words(sentence)[i]?.text.toLowerCase() ?? '';
	}

	/** The longest mention covering word i. */
	mentionAt(sentence: number, i: number): Resolved | undefined {
		let best: Resolved | undefined;
		for (const m of this.mentions(sentence)) {
			if (m.from <= i && i < m.to && (!best || m.to - m.from > best.to - best.from)) best = m;
		}
		return best;
	}

	/** The mention starting at word i, or after a determiner ("the Kremlin"). */
	mentionFrom(sentence: number, i: number): Resolved | undefined {
		const skip = ['the', 'a', 'an'].includes(this.lower(sentence, i)) ? 1 : 0;
		const m = this.mentionAt(sentence, i + skip);
		if (m && m.from === i + skip) return m;
		// "Japanese Prime Minister Fumio Kishida": the title comes first
		return this.mentions(sentence).find(
			(x) => x.role && x.from > i && this.wordIndexAt(sentence, x.role.start) === i + skip
		);
	}

	/** The word at (or, in a gap, just before) an offset. */
	wordIndexAt(sentence: number, offset: number): number {
		const words = this.words(sentence);
		let i = -1;
		while (i + 1 < words.length && (words[i + 1] as Word).start <= offset) i++;
		return i;
	}

	/** Where a mention starts, its title included. */
	outerStart(m: Resolved): number {
		return m.role && m.role.end < m.start ? m.role.start : m.start;
	}

	private gapBefore(sentence: number, i: number): string {
		const words = this.words(sentence);
		const prev = words[i - 1];
		const w = words[i];
		return prev && w ? this.doc.text.slice(prev.end, w.start) : '';
	}

	/** Whether a mention is the object of a preposition or verb before it. */
	private governed(sentence: number, m: Resolved): boolean {
		const before = this.wordIndexAt(sentence, this.outerStart(m)) - 1;
		const w = this.words(sentence)[before];
		if (!w) return false;
		if (['the', 'a', 'an'].includes(w.text.toLowerCase())) {
			const w2 = this.words(sentence)[before - 1];
			return (
				!!w2 &&
				(prepositions.has(w2.text.toLowerCase()) ||
					(w2.tags.has('Verb') && !w2.tags.has('Auxiliary')))
			);
		}
		// '"...," acting NASA Administrator Steve Jurczyk said': "acting" is part of the title
		const opensClause = /["”,]/.test(this.gapBefore(sentence, before));
		if (w.tags.has('Gerund') && opensClause) return false;
		return (
			prepositions.has(w.text.toLowerCase()) ||
			(w.tags.has('Verb') && !w.tags.has('Auxiliary') && !w.tags.has('Copula'))
		);
	}

	/** The person a pronoun at word i stands for: one earlier in the sentence, else the last subject. */
	person(sentence: number, i: number): string | undefined {
		const offset = this.words(sentence)[i]?.start ?? 0;
		const here = this.mentions(sentence).filter(
			(m) => m.end <= offset && this.kinds.get(m.entity) === 'person'
		);
		if (here.length) return (here.find((m) => !this.governed(sentence, m)) ?? here[0])?.entity;
		for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
			const subject = this.subjects[s];
			if (subject) return subject;
		}
		return undefined;
	}

	/**
	 * The subjects of the verb at word v: the nearest mention to its left that no preposition or
	 * verb governs, past a ", who ...," clause; two when joined by "and" ("Xi and Putin held").
	 */
	subjectsOf(sentence: number, v: number): string[] {
		const words = this.words(sentence);
		for (let k = v - 1; k >= 0; k--) {
			const w = words[k] as Word;
			const low = w.text.toLowerCase();
			if (relatives.has(low) && this.gapBefore(sentence, k).startsWith(',')) {
				const antecedent = this.mentionAt(sentence, k - 1);
				if (antecedent) return [antecedent.entity];
				continue;
			}
			// Skip back over ", who ... ," to its antecedent.
			if (this.gapBefore(sentence, k + 1).startsWith(',')) {
				for (let j = k; j > 0; j--) {
					if (
						relatives.has(this.lower(sentence, j)) &&
						this.gapBefore(sentence, j).startsWith(',')
					) {
						k = j;
						break;
					}
				}
				if (relatives.has(this.lower(sentence, k))) {
					const antecedent = this.mentionAt(sentence, k - 1);
					if (antecedent) return [antecedent.entity];
				}
			}
			if (['he', 'she'].includes(low)) {
				const p = this.person(sentence, k);
				return p ? [p] : [];
			}
			const m = this.mentionAt(sentence, k);
			// "more than 200,000 people joined": a plain noun right before the verb is its subject
			if (
				!m &&
				k === v - 1 &&
				w.tags.has('Noun') &&
				!w.tags.has('Pronoun') &&
				!w.possessive &&
				!this.gapBefore(sentence, v).includes(',')
			)
				return [];
			if (m) {
				if (this.governed(sentence, m) || m.possessive) {
					k = this.wordIndexAt(sentence, this.outerStart(m));
					continue;
				}
				const out = [m.entity];
				const before = this.wordIndexAt(sentence, this.outerStart(m)) - 1;
				if (this.lower(sentence, before) === 'and') {
					const other = this.mentionAt(sentence, before - 1);
					if (other && !other.possessive) out.unshift(other.entity);
				}
				return out;
			}
			if (
				w.tags.has('Verb') &&
				!w.tags.has('Auxiliary') &&
				!w.tags.has('Copula') &&
				!w.tags.has('Modal') &&
				!['has', 'have', 'had', 'earlier', 'also'].includes(low)
			) {
				// "described the trip as ... and called it", "held talks, calling each other":
				// the second verb shares the first one's subject
				const verb = words[v];
				const shared =
					this.lower(sentence, v - 1) === 'and' ||
					(!!verb?.tags.has('Gerund') && this.gapBefore(sentence, v).startsWith(','));
				return shared ? this.subjectsOf(sentence, k) : [];
			}
		}
		return [];
	}

	/** The entity named right after word i (past "the", "with", "at", "to"). */
	objectAfter(sentence: number, i: number, skip: readonly string[] = []): Resolved | undefined {
		let k = i + 1;
		while (skip.includes(this.lower(sentence, k))) k++;
		return this.mentionFrom(sentence, k);
	}

	/** The span of the sentence's clause around [start, end): to the nearest ; or sentence edge. */
	sentenceSpan(sentence: number): Span {
		const s = this.doc.sentences[sentence];
		if (!s) return { start: 0, end: 0 };
		const text = this.doc.text.slice(s.start, s.end);
		const trimmed = text.replace(/\s+$/, '');
		return { start: s.start, end: s.start + trimmed.length };
	}
}

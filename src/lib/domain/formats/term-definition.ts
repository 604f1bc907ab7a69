// Quizlet-style term/definition lists (a tab, or a comma, between), read as short answer
// questions.
import type { ShortAnswerQuestion } from '../question';
import type { CsvError } from './csv';
import { readCsvRecords } from './csv-records';
import { deriveId } from './json';
import { firstLineOf, type SkippedQuestion } from './outcome';

export type TermDefinitionResult =
	| { ok: true; questions: ShortAnswerQuestion[]; skipped: SkippedQuestion[] }
	| { ok: false; errors: CsvError[] };

/**
 * One card per line: term, a tab (or, with no tab on the line, a comma; quote a term that holds
 * a comma), then the definition. A first line "term<tab>definition" is a header and skipped.
 * Each card becomes a short answer question whose prompt is the definition and whose answer is
 * the term: a term is short enough to type and to grade, a definition is not.
 */
export function parseTermDefinition(source: string): TermDefinitionResult {
	const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const skipped: SkippedQuestion[] = [];
	const questions: ShortAnswerQuestion[] = [];
	const taken = new Set<string>();
	let first = true;
	let number = 0;
	for (const [i, raw] of lines.entries()) {
		const line = i + 1;
		if (raw.trim() === '') continue;
		const card = splitCard(raw);
		const isHeader =
			first &&
			card !== undefined &&
			card.term.toLowerCase() === 'term' &&
			card.definition.toLowerCase() === 'definition';
		first = false;
		if (isHeader) continue;
		number += 1;
		const skip = (reason: string) =>
			skipped.push({ number, line, firstLine: firstLineOf(raw), reason });
		if (!card) {
			skip('no tab or comma between term and definition');
			continue;
		}
		if (card.term === '' || card.definition === '') {
			skip(card.term === '' ? 'an empty term' : 'an empty definition');
			continue;
		}
		questions.push({
			id: deriveId('card', `${card.term}\t${card.definition}`, taken),
			type: 'short_answer',
			prompt: card.definition,
			answer: card.term,
			alternatives: [],
			explanation: ''
		});
	}
	return { ok: true, questions, skipped };
}

function splitCard(raw: string): { term: string; definition: string } | undefined {
	const tab = raw.indexOf('\t');
	if (tab >= 0) return { term: raw.slice(0, tab).trim(), definition: raw.slice(tab + 1).trim() };
	const { records, errors } = readCsvRecords(raw);
	const fields = records[0]?.fields;
	if (errors.length || !fields || fields.length < 2) return undefined;
	// An unquoted definition may hold commas of its own: put them back.
	return { term: fields[0]!.trim(), definition: fields.slice(1).join(',').trim() };
}

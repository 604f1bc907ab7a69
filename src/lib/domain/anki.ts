// Flashcards as Anki notes: one note per card, with the front, the back, the evidence sentence
// and the source's title in their own fields; a card whose front is a sentence with a gap as an
// Anki cloze note. Note types, GUIDs and tags follow Anki's collection format (as genanki
// writes it), and GUIDs come from Factdeck's stable card ids, so a second export updates the
// notes Anki already has instead of adding copies.
import { sha1 } from '@oslojs/crypto/sha1';
import { sha256 } from '@oslojs/crypto/sha2';
import type { CardFaces } from './card-faces';

/** Note type ids are fixed: Anki matches a re-imported note type by its id. */
export const BASIC_MODEL_ID = 1_730_000_000_001;
export const CLOZE_MODEL_ID = 1_730_000_000_002;

export interface AnkiCardInput {
	/** Factdeck's card id: fact:<factId>:forward, question:<questionId>. */
	cardId: string;
	faces: CardFaces;
	sourceTitle?: string;
	/** Tags without spaces: "factdeck::source::…", "factdeck::predicate::…". */
	tags: string[];
}

export interface AnkiNote {
	cardId: string;
	guid: string;
	modelId: number;
	fields: string[];
	tags: string[];
	/** The field Anki sorts and searches by, as text. */
	sortField: string;
}

const base91 =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** genanki's guid_for: the first 8 bytes of SHA-256, in Anki's base 91. Stable per card. */
export function noteGuid(cardId: string): string {
	const digest = sha256(new TextEncoder().encode(`factdeck__${cardId}`));
	let value = 0n;
	for (const byte of digest.slice(0, 8)) value = (value << 8n) | BigInt(byte);
	let out = '';
	while (value > 0n) {
		out = base91[Number(value % 91n)] + out;
		value /= 91n;
	}
	return out;
}

/** Anki's fields are HTML: the text escaped, line breaks as <br>. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r\n|\r|\n/g, '<br>');
}

/** Anki's cloze markup ends at "}}": keep a "}}" in the answer from closing it early. */
function clozeAnswer(text: string): string {
	return escapeHtml(text).replace(/}}/g, '}&#125;').replace(/::/g, ':&#58;');
}

function frontHtml(faces: CardFaces): string {
	const { front } = faces;
	const parts = [`<div class="prompt">${escapeHtml(front.prompt)}</div>`];
	if (front.detail) parts.push(`<div class="detail">${escapeHtml(front.detail)}</div>`);
	for (const list of front.lists ?? []) {
		parts.push(
			`<div class="list"><div class="label">${escapeHtml(list.label)}</div><ul>${list.items
				.map((item) => `<li>${escapeHtml(item)}</li>`)
				.join('')}</ul></div>`
		);
	}
	return parts.join('');
}

/** The note for one card: a cloze note when the front is a sentence with a gap. */
export function ankiNote(input: AnkiCardInput): AnkiNote {
	const { faces } = input;
	const evidence = faces.back.quote ? escapeHtml(faces.back.quote) : '';
	const source = input.sourceTitle ? escapeHtml(input.sourceTitle) : '';
	const explanation = faces.back.explanation ? escapeHtml(faces.back.explanation) : '';
	const guid = noteGuid(input.cardId);
	const tags = [...new Set(input.tags.map((t) => t.replace(/\s+/g, '_')))];
	const cloze = faces.front.cloze;
	if (cloze && cloze.answer.trim() !== '') {
		const text = `${escapeHtml(cloze.before)}{{c1::${clozeAnswer(cloze.answer)}}}${escapeHtml(cloze.after)}`;
		const extra = [escapeHtml(faces.front.prompt), explanation].filter(Boolean).join('<br>');
		return {
			cardId: input.cardId,
			guid,
			modelId: CLOZE_MODEL_ID,
			fields: [text, extra, evidence, source],
			tags,
			sortField: `${cloze.before}${cloze.answer}${cloze.after}`
		};
	}
	const back = [escapeHtml(faces.back.answer), explanation].filter(Boolean).join('<br><br>');
	return {
		cardId: input.cardId,
		guid,
		modelId: BASIC_MODEL_ID,
		fields: [frontHtml(faces), back, evidence, source],
		tags,
		sortField: faces.front.prompt
	};
}

const css = `.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.4; color: #1a1a1a; background: #fff; text-align: left; }
.nightMode .card, .card.nightMode { color: #eee; background: #1e1e1e; }
.prompt { font-weight: 600; }
.detail { margin-top: .5em; }
.label { margin-top: .5em; color: #666; font-size: .9em; }
.evidence { margin: 1em 0 0; padding-left: .75em; border-left: 3px solid #b58900; font-style: italic; }
.source { color: #666; font-size: .85em; }
.cloze { font-weight: 700; }`;

/** Under the answer: the evidence sentence, then where it is from, when the note has them. */
const evidenceBlock =
	'{{#Evidence}}<blockquote class="evidence">{{Evidence}}</blockquote>{{/Evidence}}' +
	'{{#Source}}<p class="source">{{Source}}</p>{{/Source}}';

function field(name: string, ord: number) {
	return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] };
}

/** The two note types, as the collection's "models" JSON holds them (schema 11). */
export function ankiModels(deckId: number, modified: number) {
	const common = {
		did: deckId,
		mod: modified,
		usn: -1,
		vers: [],
		tags: [],
		css,
		latexPre:
			'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		latexsvg: false,
		sortf: 0
	};
	const template = (name: string, qfmt: string, afmt: string) => ({
		name,
		ord: 0,
		qfmt,
		afmt,
		did: null,
		bqfmt: '',
		bafmt: '',
		bfont: '',
		bsize: 0
	});
	return {
		[BASIC_MODEL_ID]: {
			...common,
			id: String(BASIC_MODEL_ID),
			name: 'Factdeck',
			type: 0,
			flds: ['Front', 'Back', 'Evidence', 'Source'].map(field),
			tmpls: [
				template('Card 1', '{{Front}}', `{{FrontSide}}<hr id="answer">{{Back}}${evidenceBlock}`)
			],
			req: [[0, 'any', [0]]]
		},
		[CLOZE_MODEL_ID]: {
			...common,
			id: String(CLOZE_MODEL_ID),
			name: 'Factdeck cloze',
			type: 1,
			flds: ['Text', 'Back Extra', 'Evidence', 'Source'].map(field),
			tmpls: [
				template('Cloze', '{{cloze:Text}}', `{{cloze:Text}}<br>{{Back Extra}}${evidenceBlock}`)
			]
		}
	};
}

/** A deck id Anki keeps across exports: from Factdeck's deck id, in a safe integer range. */
export function ankiDeckId(deckId: string): number {
	const digest = sha256(new TextEncoder().encode(`factdeck-deck__${deckId}`));
	let value = 0;
	for (const byte of digest.slice(0, 6)) value = value * 256 + byte;
	// Above the ids Anki makes for its own default deck (1) and below 2^53.
	return 1_000_000_000 + (value % 1_000_000_000_000);
}

/** Anki's checksum of a note's sort field: the first 8 hex digits of its SHA-1, as a number. */
export function fieldChecksum(text: string): number {
	const plain = text.replace(/<[^>]*>/g, '');
	const digest = sha1(new TextEncoder().encode(plain));
	return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

// The .apkg read back as Anki would: unzipped, the collection opened with SQLite, its notes,
// cards, fields, note types and GUIDs checked, across two exports and with review history.
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { BASIC_MODEL_ID, CLOZE_MODEL_ID, noteGuid } from '../domain/anki';
import { factCardId } from '../domain/card-faces';
import { createGuest } from './accounts';
import { buildApkg } from './anki-package';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { gradeCard, resolveDeck, syncFactCards, type Deck } from './flashcards';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
let db: Db;
let deck: Deck;
const dirs: string[] = [];

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncFactCards(db, base.source.id);
	deck = resolveDeck(db, null, { kind: 'source', id: base.source.id })!;
});

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The package's collection, opened read-only from a temporary copy. */
function open(bytes: Uint8Array) {
	const files = unzipSync(bytes);
	expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
	expect(new TextDecoder().decode(files.media)).toBe('{}');
	const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-apkg-test-'));
	dirs.push(dir);
	const file = path.join(dir, 'collection.anki2');
	writeFileSync(file, files['collection.anki2']!);
	const client = new Database(file, { readonly: true });
	const notes = client
		.prepare('select id, guid, mid, tags, flds, sfld, csum from notes order by id')
		.all() as { id: number; guid: string; mid: number; tags: string; flds: string; sfld: string }[];
	const cards = client.prepare('select * from cards order by id').all() as Record<string, number>[];
	const revlog = client.prepare('select * from revlog order by id').all() as Record<
		string,
		number
	>[];
	const col = client.prepare('select * from col').get() as Record<string, string | number>;
	const integrity = client.pragma('integrity_check', { simple: true });
	client.close();
	return { notes, cards, revlog, col, integrity };
}

describe('buildApkg', () => {
	it('writes one note per card, with the front, the back, the evidence and the source apart', () => {
		const { notes, cards, col, integrity } = open(buildApkg(db, deck, null, { historyOf: null }));
		expect(integrity).toBe('ok');
		expect(col.ver).toBe(11);
		const cardCount = db.$client
			.prepare('select count(*) as n from card where source_id = ?')
			.get(base.source.id) as { n: number };
		expect(notes).toHaveLength(cardCount.n);
		expect(cards).toHaveLength(cardCount.n);
		expect(new Set(cards.map((c) => c.nid))).toEqual(new Set(notes.map((n) => n.id)));
		// Every card new, in the deck's order, in the deck named after the source.
		expect(cards.every((c) => c.type === 0 && c.queue === 0)).toBe(true);
		expect(cards.map((c) => c.due)).toEqual(cards.map((_, i) => i));
		const decks = JSON.parse(col.decks as string) as Record<string, { name: string }>;
		expect(Object.values(decks).map((d) => d.name)).toContain(`Factdeck::${base.source.title}`);

		const fact = base.facts.find((f) => f.id === 'putin-escorted-xi') ?? base.facts[0]!;
		const note = notes.find((n) => n.guid === noteGuid(factCardId(fact.id)))!;
		const fields = note.flds.split('\x1f');
		expect(fields).toHaveLength(4);
		expect(fields[2]).toBe(fact.quote.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
		expect(fields[3]).toBe(base.source.title.replace(/&/g, '&amp;'));
		expect(note.tags).toContain(`factdeck::source::${base.source.id}`);
		expect(note.tags).toContain(`factdeck::predicate::${fact.predicate}`);
	});

	it('defines a note type that shows the evidence under the answer, and a cloze type', () => {
		const { notes, col } = open(buildApkg(db, deck, null, { historyOf: null }));
		const models = JSON.parse(col.models as string) as Record<
			string,
			{
				name: string;
				type: number;
				flds: { name: string }[];
				tmpls: { qfmt: string; afmt: string }[];
			}
		>;
		const basic = models[BASIC_MODEL_ID]!;
		expect(basic.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Evidence', 'Source']);
		expect(basic.tmpls[0]!.afmt).toMatch(/\{\{Back\}\}.*\{\{Evidence\}\}.*\{\{Source\}\}/);
		const cloze = models[CLOZE_MODEL_ID]!;
		expect(cloze.type).toBe(1);
		expect(cloze.tmpls[0]!.qfmt).toBe('{{cloze:Text}}');
		expect(cloze.tmpls[0]!.afmt).toContain('{{Evidence}}');
		// Cards whose front is a sentence with a gap are Anki cloze notes.
		const clozes = notes.filter((n) => n.mid === CLOZE_MODEL_ID);
		expect(clozes.length).toBeGreaterThan(0);
		for (const n of clozes) expect(n.flds.split('\x1f')[0]).toMatch(/\{\{c1::[^}]+\}\}/);
		expect(notes.filter((n) => n.mid === BASIC_MODEL_ID).length).toBeGreaterThan(0);
	});

	it('keeps GUIDs across exports, so Anki updates its notes rather than copying them', () => {
		const first = open(buildApkg(db, deck, null, { historyOf: null, now: new Date('2024-01-01') }));
		const second = open(
			buildApkg(db, deck, null, { historyOf: null, now: new Date('2024-06-01') })
		);
		expect(second.notes.map((n) => n.guid)).toEqual(first.notes.map((n) => n.guid));
		expect(new Set(first.notes.map((n) => n.guid)).size).toBe(first.notes.length);
		const modelIds = (c: typeof first) => Object.keys(JSON.parse(c.col.models as string)).sort();
		expect(modelIds(second)).toEqual(modelIds(first));
		const deckIds = (c: typeof first) => Object.keys(JSON.parse(c.col.decks as string)).sort();
		expect(deckIds(second)).toEqual(deckIds(first));
	});

	it('takes the learner’s scheduling and review history along when asked', () => {
		const learner = createGuest(db);
		const cardId = factCardId(base.facts[0]!.id);
		const t0 = new Date('2024-05-06T09:00:00Z');
		gradeCard(db, learner, cardId, 3, t0, 4000);
		gradeCard(db, learner, cardId, 3, new Date(t0.getTime() + 20 * 60_000), 3000);
		const without = open(buildApkg(db, deck, learner, { historyOf: null, now: t0 }));
		expect(without.revlog).toEqual([]);
		const withHistory = open(
			buildApkg(db, deck, learner, { historyOf: learner, now: new Date(t0.getTime() + 3600_000) })
		);
		expect(withHistory.revlog).toHaveLength(2);
		expect(withHistory.revlog.map((r) => r.ease)).toEqual([3, 3]);
		expect(withHistory.revlog[0]!.id).toBe(t0.getTime());
		const note = withHistory.notes.find((n) => n.guid === noteGuid(cardId))!;
		const studied = withHistory.cards.find((c) => c.nid === note.id)!;
		expect(studied.type).not.toBe(0);
		expect(studied.reps).toBe(2);
		expect(withHistory.revlog.every((r) => r.cid === studied.id)).toBe(true);
	});
});

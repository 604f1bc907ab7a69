// A deck as an Anki package (.apkg): its cards as notes (src/lib/domain/anki.ts) written into an
// Anki collection (schema 11, the one every Anki version imports, as genanki writes it) with
// better-sqlite3 in a temporary file, zipped with fflate. Optionally the learner's scheduling
// and review history go along: cards keep their state, and review_log rows become Anki's revlog.
import Database from 'better-sqlite3';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	ankiDeckId,
	ankiModels,
	ankiNote,
	fieldChecksum,
	type AnkiCardInput
} from '../domain/anki';
import type { Db } from './db';
import { card, cardState, fact, reviewLog, source } from './db/schema';
import { cardFaces, type Deck } from './flashcards';

/** Anki's collection schema 11 (rslib/src/storage/schema11.sql; genanki's apkg_schema.py). */
const schema = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
	scm integer not null, ver integer not null, dty integer not null, usn integer not null,
	ls integer not null, conf text not null, models text not null, decks text not null,
	dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
	mod integer not null, usn integer not null, tags text not null, flds text not null,
	sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
	ord integer not null, mod integer not null, usn integer not null, type integer not null,
	queue integer not null, due integer not null, ivl integer not null, factor integer not null,
	reps integer not null, lapses integer not null, left integer not null, odue integer not null,
	odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
	ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
	time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** The cards of a deck, in the deck's order. */
function deckCardIds(db: Db, deck: Deck, userId: string | null): string[] {
	const filter = deck.filter;
	switch (filter.kind) {
		case 'source':
			return db
				.select({ id: card.id })
				.from(card)
				.where(eq(card.sourceId, filter.sourceId))
				.orderBy(asc(card.position))
				.all()
				.map((r) => r.id);
		case 'set':
			return db
				.select({ id: card.id })
				.from(card)
				.where(eq(card.setId, filter.setId))
				.orderBy(asc(card.position))
				.all()
				.map((r) => r.id);
		case 'cards':
			return filter.cardIds;
		case 'all':
			// "Everything due" is the learner's own cards: the ones they have studied.
			return userId
				? db
						.select({ id: cardState.cardId })
						.from(cardState)
						.innerJoin(card, eq(card.id, cardState.cardId))
						.where(eq(cardState.userId, userId))
						.orderBy(asc(card.sourceId), asc(card.setId), asc(card.position))
						.all()
						.map((r) => r.id)
				: [];
	}
}

/** Each card's faces, source title and tags (its source and the predicates of its facts). */
export function ankiCards(db: Db, deck: Deck, userId: string | null): AnkiCardInput[] {
	const ids = deckCardIds(db, deck, userId);
	const sources = new Map(
		db
			.select({ id: source.id, title: source.title })
			.from(source)
			.all()
			.map((s) => [s.id, s.title])
	);
	const inputs: AnkiCardInput[] = [];
	const factIds = new Set<string>();
	const faced = ids.flatMap((cardId) => {
		const faces = cardFaces(db, cardId);
		if (!faces) return [];
		if (faces.back.factId) factIds.add(faces.back.factId);
		return [{ cardId, faces }];
	});
	const predicates = new Map(
		factIds.size
			? db
					.select({ id: fact.id, predicate: fact.predicate })
					.from(fact)
					.where(inArray(fact.id, [...factIds]))
					.all()
					.map((f) => [f.id, f.predicate])
			: []
	);
	for (const { cardId, faces } of faced) {
		const sourceId = faces.back.sourceId;
		const predicate = faces.back.factId ? predicates.get(faces.back.factId) : undefined;
		const title = sourceId ? sources.get(sourceId) : undefined;
		inputs.push({
			cardId,
			faces,
			...(title ? { sourceTitle: title } : {}),
			tags: [
				'factdeck',
				...(sourceId ? [`factdeck::source::${sourceId}`] : []),
				...(predicate ? [`factdeck::predicate::${predicate}`] : [])
			]
		});
	}
	return inputs;
}

export interface ApkgOptions {
	/** The learner whose scheduling and review history go along; null: every card new. */
	historyOf: string | null;
	now?: Date;
}

const DAY_S = 86_400;

/** Days since 1970 in UTC: Anki counts due days from the collection's creation day. */
function utcDay(when: Date | number): number {
	return Math.floor(new Date(when).getTime() / 86_400_000);
}

/** The deck as the bytes of an .apkg file. */
export function buildApkg(
	db: Db,
	deck: Deck,
	userId: string | null,
	options: ApkgOptions
): Uint8Array {
	const now = options.now ?? new Date();
	const nowS = Math.floor(now.getTime() / 1000);
	const cards = ankiCards(db, deck, userId);
	const deckId = ankiDeckId(deck.id);
	// The collection was "created" at the start of today (UTC): review due dates count from it.
	const crtDay = utcDay(now);
	const crt = crtDay * DAY_S;
	const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-apkg-'));
	const file = path.join(dir, 'collection.anki2');
	try {
		const client = new Database(file);
		try {
			client.exec(schema);
			const decks = {
				1: deckJson(1, 'Default', '', nowS),
				[deckId]: deckJson(
					deckId,
					`Factdeck::${deck.title.replace(/::/g, ':')}`,
					deck.description,
					nowS
				)
			};
			client
				.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)')
				.run(
					crt,
					now.getTime(),
					now.getTime(),
					JSON.stringify(collectionConf(deckId)),
					JSON.stringify(ankiModels(deckId, nowS)),
					JSON.stringify(decks),
					JSON.stringify({ 1: deckConf(nowS) }),
					'{}'
				);
			const insertNote = client.prepare(
				"INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')"
			);
			const insertCard = client.prepare(
				'INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)'
			);
			const insertLog = client.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
			// Ids are milliseconds, as Anki's own; notes and cards take consecutive ones.
			let nextId = now.getTime();
			const usedLogIds = new Set<number>();
			client.transaction(() => {
				for (const [position, input] of cards.entries()) {
					const note = ankiNote(input);
					const noteId = nextId++;
					const cardId = nextId++;
					insertNote.run(
						noteId,
						note.guid,
						note.modelId,
						nowS,
						` ${note.tags.join(' ')} `,
						note.fields.join('\x1f'),
						note.sortField,
						fieldChecksum(note.sortField)
					);
					const state = options.historyOf
						? scheduling(db, options.historyOf, input.cardId, crtDay)
						: undefined;
					insertCard.run(
						cardId,
						noteId,
						deckId,
						nowS,
						state?.type ?? 0,
						state?.queue ?? 0,
						state?.due ?? position,
						state?.ivl ?? 0,
						state ? 2500 : 0,
						state?.reps ?? 0,
						state?.lapses ?? 0,
						state?.data ?? ''
					);
					if (!options.historyOf) continue;
					for (const log of revlog(db, options.historyOf, input.cardId)) {
						let id = log.id;
						while (usedLogIds.has(id)) id++;
						usedLogIds.add(id);
						insertLog.run(id, cardId, log.ease, log.ivl, log.lastIvl, 2500, log.time, log.type);
					}
				}
			})();
		} finally {
			client.close();
		}
		return zipSync({
			'collection.anki2': readFileSync(file),
			// No media: Factdeck's cards are text.
			media: new TextEncoder().encode('{}')
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function deckJson(id: number, name: string, description: string, modified: number) {
	return {
		id,
		name,
		desc: description,
		mod: modified,
		usn: -1,
		conf: 1,
		dyn: 0,
		collapsed: false,
		extendNew: 0,
		extendRev: 50,
		newToday: [0, 0],
		revToday: [0, 0],
		lrnToday: [0, 0],
		timeToday: [0, 0]
	};
}

function collectionConf(deckId: number) {
	return {
		activeDecks: [deckId],
		curDeck: deckId,
		curModel: null,
		nextPos: 1,
		newSpread: 0,
		collapseTime: 1200,
		timeLim: 0,
		estTimes: true,
		dueCounts: true,
		sortType: 'noteFld',
		sortBackwards: false,
		addToCur: true
	};
}

function deckConf(modified: number) {
	return {
		id: 1,
		name: 'Default',
		mod: modified,
		usn: 0,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			bury: true,
			delays: [1, 10],
			initialFactor: 2500,
			ints: [1, 4, 7],
			order: 1,
			perDay: 20,
			separate: true
		},
		lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
		rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 }
	};
}

/** A card's scheduling in Anki's terms, from the learner's FSRS state; undefined when new. */
function scheduling(db: Db, userId: string, cardId: string, crtDay: number) {
	const row = db
		.select()
		.from(cardState)
		.where(and(eq(cardState.userId, userId), eq(cardState.cardId, cardId)))
		.get();
	if (!row || row.state === 'new') return undefined;
	// Anki 23.10+ reads FSRS memory from the card's data: stability and difficulty.
	const data = JSON.stringify({ s: row.stability, d: row.difficulty });
	const common = { ivl: row.scheduledDays, reps: row.reps, lapses: row.lapses, data };
	const suspended = row.suspended;
	if (row.state === 'review') {
		return { ...common, type: 2, queue: suspended ? -1 : 2, due: utcDay(row.due) - crtDay };
	}
	// Learning and relearning cards are due at a moment, in seconds.
	const type = row.state === 'relearning' ? 3 : 1;
	return { ...common, type, queue: suspended ? -1 : 1, due: Math.floor(row.due.getTime() / 1000) };
}

/** The learner's reviews of a card as Anki revlog rows, oldest first. */
function revlog(db: Db, userId: string, cardId: string) {
	const logs = db
		.select()
		.from(reviewLog)
		.where(and(eq(reviewLog.cardId, cardId), eq(reviewLog.userId, userId)))
		.orderBy(asc(reviewLog.id))
		.all();
	return logs.map((log, i) => {
		// The log keeps the state before the review; the next log's is the one after it.
		const after = logs[i + 1]?.scheduledDays ?? log.scheduledDays;
		const type = log.state === 'review' ? 1 : log.state === 'relearning' ? 2 : 0;
		return {
			id: log.reviewedAt.getTime(),
			ease: log.rating,
			ivl: after,
			lastIvl: log.scheduledDays,
			time: Math.min(log.timeMs, 60_000),
			type
		};
	});
}

import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import type { Response } from '../domain/grade-answer';
import { BASE_POINTS, MAX_SPEED_BONUS } from '../domain/live-scoring';
import type { MultipleChoiceQuestion, Question } from '../domain/question';
import { absorbGuest, createGuest } from './accounts';
import { createClass } from './classes';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { answer, attempt, attemptQuestion, livePlayer, reviewLog, user } from './db/schema';
import { syncFactCards } from './flashcards';
import { submitLiveAnswer } from './live-answers';
import { joinWithPin } from './live-join';
import { MemoryLiveBus, type LiveMessage } from './live-bus';
import {
	controlSession,
	createLiveSession,
	joinSession,
	removePlayer,
	sessionByPin,
	usableSets,
	type LiveOptions
} from './live-sessions';
import { liveStream } from './live-stream';
import { latestPhase, liveSummary, playerResults, sessionRow, type PhaseView } from './live-views';
import { bankSetId, syncGeneratedSet } from './question-sets';
import { submitAnswer } from './quiz';
import { FailureLimiter, livePinRule } from './rate-limit';
import { addQuestion, createSet } from './teacher-sets';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
let db: Db;
let host: string;
let setId: string;

const capital: MultipleChoiceQuestion = {
	id: 'capital',
	type: 'multiple_choice',
	prompt: 'Where did Xi go?',
	choices: [
		{ id: 'moscow', text: 'Moscow' },
		{ id: 'kyiv', text: 'Kyiv', feedback: 'Not this time.' },
		{ id: 'minsk', text: 'Minsk' }
	],
	correctChoiceId: 'moscow',
	explanation: 'He flew to Moscow.',
	provenance: { sourceId: base.source.id, factIds: ['putin-escorted-xi'], quote: 'the quote' }
};
const who: Question = {
	id: 'who',
	type: 'short_answer',
	prompt: 'Who met Xi?',
	answer: 'Putin',
	alternatives: [],
	explanation: ''
};

function person(name: string, role: 'learner' | 'teacher' = 'learner'): string {
	db.insert(user).values({ id: name, username: name, usernameKey: name, role }).run();
	return name;
}

const options = (over: Partial<LiveOptions> = {}): LiveOptions => ({
	setId,
	count: 10,
	types: ['multiple_choice', 'short_answer'],
	timer: false,
	timerSeconds: 30,
	leaderboard: true,
	speedBonus: false,
	classId: '',
	...over
});

function create(over: Partial<LiveOptions> = {}, at = new Date(0)): string {
	const made = createLiveSession(db, host, options(over), at, 7);
	if (!made.ok) throw new Error(made.message);
	return made.id;
}

function control(id: string, action: Parameters<typeof controlSession>[3], at: number) {
	const done = controlSession(db, host, id, action, new Date(at));
	if (!done.ok) throw new Error(done.message);
	return done.messages;
}

function join(id: string, userId: string, name = userId) {
	const joined = joinSession(db, id, { id: userId, username: null }, name, new Date(0));
	if (!joined.ok) throw new Error(joined.message);
	return joined;
}

const choose = (choiceId: string) => () => ({
	ok: true as const,
	response: { type: 'multiple_choice', choiceId } as Response
});

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	syncFactCards(db, base.source.id);
	host = person('host', 'teacher');
	setId = createSet(db, host, { title: 'Visit', description: '', tags: [] });
	addQuestion(db, host, setId, capital);
	addQuestion(db, host, setId, who);
});

describe('creating a session', () => {
	it('draws the questions of the chosen types, gives a six-digit PIN, and starts in the lobby', () => {
		const id = create({ types: ['short_answer'] });
		const row = sessionRow(db, id)!;
		expect(row.pin).toMatch(/^\d{6}$/);
		expect(row.questionCount).toBe(1);
		expect(sessionByPin(db, row.pin!, new Date(1000))?.id).toBe(id);
		expect(latestPhase(db, id)).toMatchObject({ seq: 1, view: { phase: 'lobby', count: 1 } });
	});

	it("refuses another teacher's draft set, another teacher's class, and types the set lacks", () => {
		const rival = person('rival', 'teacher');
		const rivalClass = createClass(db, rival, 'Theirs');
		expect(createLiveSession(db, rival, options())).toMatchObject({ ok: false, field: 'setId' });
		expect(createLiveSession(db, host, options({ classId: rivalClass.id }))).toMatchObject({
			ok: false,
			field: 'classId'
		});
		expect(createLiveSession(db, host, options({ types: ['ordering'] }))).toMatchObject({
			ok: false,
			field: 'types'
		});
	});

	it("lists Factdeck's sets and the teacher's own, with their question types", () => {
		const sets = usableSets(db, host);
		expect(sets.map((s) => s.id)).toContain(bankSetId(base.source.id));
		expect(sets.find((s) => s.id === setId)?.types).toEqual([
			{ type: 'multiple_choice', count: 1 },
			{ type: 'short_answer', count: 1 }
		]);
		expect(usableSets(db, person('other', 'teacher')).map((s) => s.id)).not.toContain(setId);
	});

	it('can draw from the generated bank by type', () => {
		setId = bankSetId(base.source.id);
		const id = create({ count: 5, types: ['true_false'] });
		expect(sessionRow(db, id)!.questionCount).toBe(5);
	});
});

describe('controlling a session', () => {
	it('is for its host only: another teacher finds nothing', () => {
		const id = create();
		const rival = person('rival', 'teacher');
		expect(controlSession(db, rival, id, 'start')).toMatchObject({ ok: false, status: 404 });
		expect(removePlayer(db, rival, id, 'x')).toMatchObject({ ok: false, status: 404 });
		expect(sessionRow(db, id)!.phase).toBe('lobby');
	});

	it('follows the state machine, refusing what the phase does not allow', () => {
		const id = create();
		expect(controlSession(db, host, id, 'next')).toEqual({
			ok: false,
			status: 409,
			message: 'Start the session first.'
		});
		const [message] = control(id, 'start', 1000);
		expect(message).toMatchObject({ id: 2, kind: 'phase', audience: 'all' });
		const view = message!.data as PhaseView;
		expect(view).toMatchObject({
			phase: 'question',
			index: 0,
			actions: ['reveal', 'pause', 'end']
		});
		// The projection sent to everyone has no key.
		expect(JSON.stringify(view)).not.toContain('correctChoiceId');
		expect(JSON.stringify(view)).not.toContain('He flew');
	});

	it('adds each asked question to every player, a latecomer included, and none ahead', () => {
		const id = create();
		const a = join(id, person('ann'));
		control(id, 'start', 1000);
		join(id, person('bob'));
		const attempts = db.select().from(attempt).all();
		expect(attempts).toHaveLength(2);
		for (const t of attempts) {
			expect(t.liveSessionId).toBe(id);
			expect(
				db.select().from(attemptQuestion).where(eq(attemptQuestion.attemptId, t.id)).all()
			).toHaveLength(1);
		}
		expect(a.messages[0]).toMatchObject({ kind: 'joined', audience: 'host' });
	});

	it('ends: the PIN is retired, attempts are finished with the questions asked, joining is refused', async () => {
		const id = create();
		join(id, person('ann'));
		const pin = sessionRow(db, id)!.pin!;
		control(id, 'start', 1000);
		await submitLiveAnswer(db, id, 'ann', 0, choose('moscow'), new Date(2000));
		control(id, 'end', 3000);
		const row = sessionRow(db, id)!;
		expect(row).toMatchObject({ phase: 'ended', pin: null });
		expect(sessionByPin(db, pin)).toBeUndefined();
		const t = db.select().from(attempt).get()!;
		expect(t).toMatchObject({ questionCount: 1, score: 1 });
		expect(t.finishedAt).not.toBeNull();
		expect(joinSession(db, id, { id: person('cy'), username: null }, 'Cy')).toMatchObject({
			ok: false,
			message: 'This session has ended.'
		});
	});
});

describe('joining', () => {
	it('keeps names unique in the session, ignoring case, and finds the same seat again', () => {
		const id = create();
		join(id, person('ann'), 'Star');
		expect(
			joinSession(db, id, { id: person('bob'), username: null }, 'STAR', new Date(0))
		).toMatchObject({ ok: false, field: 'name' });
		expect(join(id, 'ann', 'Other').already).toBe(true);
		expect(db.select().from(livePlayer).all()).toHaveLength(1);
	});

	it('gives an account its username, numbered when a guest has taken it', () => {
		const id = create();
		join(id, createGuest(db), 'ann');
		const account = person('ann');
		joinSession(db, id, { id: account, username: 'ann' }, '', new Date(0));
		expect(
			db
				.select({ name: livePlayer.name })
				.from(livePlayer)
				.where(eq(livePlayer.userId, account))
				.get()
		).toEqual({ name: 'ann 2' });
	});

	it('refuses the host and a removed player', () => {
		const id = create();
		expect(joinSession(db, id, { id: host, username: 'host' }, '')).toMatchObject({ ok: false });
		join(id, person('ann'));
		expect(removePlayer(db, host, id, 'ann')).toMatchObject({ ok: true });
		expect(join.bind(null, id, 'ann')).toThrow('The host removed you from this session.');
	});

	it("moves a guest's seat to the account the guest signs in to", () => {
		const id = create();
		const guest = createGuest(db);
		join(id, guest, 'Guesty');
		const account = person('real');
		absorbGuest(db, guest, account);
		expect(db.select().from(livePlayer).get()).toMatchObject({ userId: account, name: 'Guesty' });
		expect(db.select().from(attempt).get()).toMatchObject({ userId: account });
	});
});

describe('answering', () => {
	it('grades on the server, records once, feeds the flashcards, and tells nobody the grade before the reveal', async () => {
		const id = create({ speedBonus: true, timer: true, timerSeconds: 20 });
		join(id, person('ann'));
		control(id, 'start', 10_000);
		const first = await submitLiveAnswer(db, id, 'ann', 0, choose('moscow'), new Date(15_000));
		expect(first).toEqual({ ok: true, duplicate: false, yourAnswer: 'Moscow' });
		const again = await submitLiveAnswer(db, id, 'ann', 0, choose('kyiv'), new Date(15_500));
		expect(again).toEqual({ ok: true, duplicate: true, yourAnswer: null });
		expect(db.select().from(answer).all()).toHaveLength(1);
		expect(db.select().from(reviewLog).where(eq(reviewLog.userId, 'ann')).all()).toHaveLength(1);
		const session = sessionRow(db, id)!;
		expect(playerResults(db, session).get('ann')).toEqual({
			answered: true,
			yourAnswer: 'Moscow'
		});
		control(id, 'reveal', 16_000);
		// 5 of 20 seconds gone: three quarters of the bonus.
		expect(playerResults(db, sessionRow(db, id)!).get('ann')).toMatchObject({
			correct: true,
			points: BASE_POINTS + Math.round(MAX_SPEED_BONUS * 0.75),
			total: { rank: 1, of: 1, right: 1 }
		});
	});

	it('refuses answers after the timer, after the reveal, while paused, and from a removed player', async () => {
		const id = create({ timer: true, timerSeconds: 10 });
		for (const name of ['ann', 'bob', 'cy', 'di']) join(id, person(name));
		control(id, 'start', 0);
		expect(await submitLiveAnswer(db, id, 'ann', 0, choose('moscow'), new Date(10_001))).toEqual({
			ok: false,
			status: 409,
			message: 'Too late: time is up.'
		});
		control(id, 'pause', 1000);
		expect(
			await submitLiveAnswer(db, id, 'bob', 0, choose('moscow'), new Date(1500))
		).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/paused/) });
		removePlayer(db, host, id, 'cy', new Date(1600));
		expect(await submitLiveAnswer(db, id, 'cy', 0, choose('moscow'), new Date(1700))).toMatchObject(
			{ ok: false, status: 403 }
		);
		control(id, 'reveal', 2000);
		expect(await submitLiveAnswer(db, id, 'di', 0, choose('moscow'), new Date(2001))).toMatchObject(
			{ ok: false, message: 'Too late: the answer to this question has been shown.' }
		);
		expect(db.select().from(answer).all()).toHaveLength(0);
	});

	it("cannot be done through the quiz's own pages", () => {
		const id = create();
		join(id, person('ann'));
		control(id, 'start', 0);
		const t = db.select().from(attempt).get()!;
		expect(submitAnswer(db, 'ann', t.id, 0, choose('moscow'))).toMatchObject({
			ok: false,
			status: 409
		});
	});

	it('refuses a player who has not joined', async () => {
		const id = create();
		control(id, 'start', 0);
		expect(await submitLiveAnswer(db, id, person('zed'), 0, choose('moscow'))).toMatchObject({
			ok: false,
			status: 404
		});
	});
});

describe('the reveal and the summary', () => {
	it('show the spread, the share right, the most chosen wrong answer and every score', async () => {
		const id = create();
		for (const name of ['ann', 'bob', 'cy']) join(id, person(name));
		control(id, 'start', 0);
		await submitLiveAnswer(db, id, 'ann', 0, choose('moscow'), new Date(1));
		await submitLiveAnswer(db, id, 'bob', 0, choose('kyiv'), new Date(1));
		const [revealed] = control(id, 'reveal', 10);
		const view = revealed!.data as PhaseView;
		expect(view.reveal).toMatchObject({
			rightAnswer: 'Moscow',
			explanation: 'He flew to Moscow.',
			evidence: { quote: 'the quote' },
			answered: 2,
			players: 3,
			// Every choice, in the order the class saw them.
			spread: expect.arrayContaining([
				{ label: 'Moscow', count: 1, correct: true },
				{ label: 'Kyiv', count: 1, correct: false },
				{ label: 'Minsk', count: 0, correct: false }
			])
		});
		const shown = view.question as { choices: { text: string }[] };
		expect(view.reveal!.spread.map((r) => r.label)).toEqual(shown.choices.map((c) => c.text));
		expect(view.leaderboard?.[0]).toEqual({ name: 'ann', points: BASE_POINTS, rank: 1 });
		control(id, 'next', 20);
		control(id, 'end', 30);
		const summary = liveSummary(db, sessionRow(db, id)!);
		expect(summary.questions).toMatchObject([
			{ number: 1, percentRight: 50, topWrong: { label: 'Kyiv', count: 1 } },
			{ number: 2, answers: 0, percentRight: null }
		]);
		expect(summary.players.map((p) => [p.name, p.points, p.rank])).toEqual([
			['ann', BASE_POINTS, 1],
			['bob', 0, 2],
			['cy', 0, 2]
		]);
	});
});

describe('the event stream', () => {
	async function read(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
		const reader = stream.getReader();
		const decoder = new TextDecoder();
		let text = '';
		while (!until(text)) {
			const { value, done } = await reader.read();
			if (done) break;
			text += decoder.decode(value);
		}
		await reader.cancel();
		return text;
	}

	it('sends a reconnecting player only the latest phase, with their own answer, then new events', async () => {
		const id = create();
		join(id, person('ann'));
		control(id, 'start', 0);
		await submitLiveAnswer(db, id, 'ann', 0, choose('kyiv'), new Date(1));
		control(id, 'pause', 2);
		const bus = new MemoryLiveBus();
		const abort = new AbortController();
		const stream = liveStream({
			db,
			session: sessionRow(db, id)!,
			viewer: { role: 'player', userId: 'ann' },
			after: 1,
			signal: abort.signal,
			bus
		});
		const reader = stream.getReader();
		const decoder = new TextDecoder();
		let text = '';
		while (!text.includes('"paused"')) text += decoder.decode((await reader.read()).value);
		expect(text).toMatch(/^retry: \d+\n\n/);
		// Events 2 (a join, the host's) and 3 (the start, superseded by the pause) are not sent.
		expect(text).toContain('id: 4\nevent: phase\n');
		expect(text).not.toContain('id: 3\n');
		expect(text).not.toContain('joined');
		expect(text).toContain('"you":{"answered":true,"yourAnswer":"Kyiv"}');
		expect(bus.listeners(id)).toBe(1);
		// At the reveal, each player's own result rides on the event.
		const done = controlSession(db, host, id, 'reveal', new Date(3));
		if (!done.ok) throw new Error(done.message);
		for (const m of done.messages) bus.publish(m);
		text = '';
		while (!text.includes('\n\n')) text += decoder.decode((await reader.read()).value);
		expect(text).toContain('"correct":false');
		expect(text).toContain('"feedback":"Not this time."');
		abort.abort();
		expect(bus.listeners(id)).toBe(0);
	});

	it('tells a removed player and closes; gives the host the roster and the count', async () => {
		const id = create();
		join(id, person('ann'));
		join(id, person('bob'));
		control(id, 'start', 0);
		const removed = removePlayer(db, host, id, 'bob');
		if (!removed.ok) throw new Error(removed.message);
		const session = sessionRow(db, id)!;
		const signal = new AbortController().signal;
		const bob = await read(
			liveStream({ db, session, viewer: { role: 'player', userId: 'bob' }, after: 0, signal }),
			() => false
		);
		expect(bob).toContain('event: removed');
		const hostText = await read(
			liveStream({ db, session, viewer: { role: 'host' }, after: 0, signal }),
			(t) => t.includes('event: count')
		);
		expect(hostText).toContain('event: joined');
		expect(hostText.match(/event: phase/g)).toHaveLength(1);
		expect(hostText).toContain('"answered":0,"players":1');
	});

	it('publishes nothing that another session listens to', () => {
		const bus = new MemoryLiveBus();
		const seen: LiveMessage[] = [];
		const stop = bus.subscribe('a', (m) => seen.push(m));
		bus.publish({
			sessionId: 'b',
			id: 1,
			kind: 'phase',
			audience: 'all',
			aboutUserId: null,
			data: {}
		});
		expect(seen).toEqual([]);
		stop();
		expect(bus.listeners('a')).toBe(0);
	});
});

describe('guests', () => {
	it("keep their answers when they sign up: the guest's row becomes the account", async () => {
		const id = create();
		const guest = createGuest(db);
		join(id, guest, 'Guesty');
		control(id, 'start', 0);
		await submitLiveAnswer(db, id, guest, 0, choose('moscow'), new Date(1));
		db.update(user)
			.set({ username: 'later', usernameKey: 'later', isGuest: false })
			.where(eq(user.id, guest))
			.run();
		const answers = db
			.select()
			.from(answer)
			.innerJoin(attempt, and(eq(attempt.id, answer.attemptId), eq(attempt.userId, guest)))
			.all();
		expect(answers).toHaveLength(1);
	});
});

describe('joining by PIN', () => {
	const viewer = (id: string) => ({ id, username: null, isGuest: true });

	it('seats a guest under a checked name, and makes no guest for a bad one', () => {
		const id = create();
		const pin = sessionRow(db, id)!.pin!;
		let made = 0;
		const player = () => ({ id: (made++, person(`guest${made}`)) });
		// Sessions in these tests start at the epoch; the PIN lives a day from then.
		const request = { pin, address: '10.0.0.1', viewer: null, player, now: new Date(1000) };
		expect(joinWithPin(db, { ...request, name: 'x'.repeat(25) })).toMatchObject({
			kind: 'refused',
			field: 'name'
		});
		expect(joinWithPin(db, { ...request, name: 'a\u0000b' })).toMatchObject({ kind: 'refused' });
		expect(made).toBe(0);
		expect(joinWithPin(db, { ...request, name: ' Ada ' })).toMatchObject({
			kind: 'go',
			to: `/live/${id}`
		});
		expect(db.select({ name: livePlayer.name }).from(livePlayer).all()).toEqual([{ name: 'Ada' }]);
		// The same person again finds their seat; the host is sent to the host screen.
		expect(
			joinWithPin(db, {
				...request,
				name: '',
				viewer: viewer('guest1'),
				player: () => ({ id: 'x' })
			})
		).toEqual({ kind: 'go', to: `/live/${id}`, messages: [] });
		expect(
			joinWithPin(db, {
				...request,
				viewer: { id: host, username: 'host', isGuest: false },
				name: ''
			})
		).toMatchObject({ kind: 'go', to: `/teach/live/${id}` });
	});

	it('locks an address out after too many wrong PINs, and only that address', () => {
		const id = create();
		const pin = sessionRow(db, id)!.pin!;
		const limiter = new FailureLimiter();
		const wrong = pin === '123456' ? '654321' : '123456';
		const from = (address: string, tried: string) =>
			joinWithPin(
				db,
				{
					pin: tried,
					name: 'Ada',
					address,
					viewer: null,
					player: () => ({ id: person(address) }),
					now: new Date(1000)
				},
				limiter
			);
		for (let i = 0; i < livePinRule.limit; i++) {
			expect(from('10.0.0.2', wrong)).toMatchObject({ kind: 'refused', status: 400 });
		}
		// Locked out, even with the right PIN now.
		expect(from('10.0.0.2', pin)).toMatchObject({ kind: 'refused', status: 429 });
		expect(from('10.0.0.3', pin)).toMatchObject({ kind: 'go' });
	});
});

// `npm run bench:live`: one live session of 300 players on the production server. The players
// are connected by SSE from a separate load process (scripts/live-load-client.ts); for each
// question it times the host's "next" to the question's arrival at every player, then every
// player answers within two seconds (each answer must be acknowledged), then the reveal. Prints
// p50/p99 of both, errors, and the server's memory per connected player.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { factBases } from '../src/lib/content';
import { createSession, generateToken } from '../src/lib/server/auth';
import { loadFactBase } from '../src/lib/server/db/content';
import { migrateDatabase, openDatabase } from '../src/lib/server/db';
import { user } from '../src/lib/server/db/schema';
import { syncFactCards } from '../src/lib/server/flashcards';
import { createLiveSession, joinSession } from '../src/lib/server/live-sessions';
import { bankSetId, syncGeneratedSet } from '../src/lib/server/question-sets';
import { ensureBuild, printTable, report, startServer, tempDatabase } from './bench-support';
import type { LiveLoadResult, LiveLoadSpec } from './live-load-client';

const PLAYERS = Number(process.env.PLAYERS ?? 300);
const QUESTIONS = Number(process.env.QUESTIONS ?? 5);
const BURST_MS = 2000;
const PORT = 4192;

/** A database with a teacher's session of PLAYERS learners, each signed in, all in the lobby. */
function setUp(file: string) {
	const db = openDatabase(file);
	migrateDatabase(db);
	const base = factBases[0]!;
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	syncFactCards(db, base.source.id);
	const person = (name: string, role: 'learner' | 'teacher') => {
		const id = generateToken();
		db.insert(user).values({ id, username: name, usernameKey: name, role }).run();
		const token = generateToken();
		createSession(db, token, id);
		return { id, cookie: `factdeck_session=${token}` };
	};
	const host = person('bench-host', 'teacher');
	const created = createLiveSession(db, host.id, {
		setId: bankSetId(base.source.id),
		count: QUESTIONS,
		types: ['multiple_choice', 'true_false'],
		timer: false,
		timerSeconds: 30,
		leaderboard: true,
		speedBonus: true,
		classId: ''
	});
	if (!created.ok) throw new Error(created.message);
	const players: string[] = [];
	for (let i = 0; i < PLAYERS; i++) {
		const p = person(`player${i}`, 'learner');
		const joined = joinSession(db, created.id, { id: p.id, username: `player${i}` }, '');
		if (!joined.ok) throw new Error(joined.message);
		players.push(p.cookie);
	}
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	return { sessionId: created.id, hostCookie: host.cookie, players };
}

async function load(spec: LiveLoadSpec): Promise<LiveLoadResult> {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-live-load-')), 'spec.json');
	writeFileSync(file, JSON.stringify(spec));
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/live-load-client.ts', file], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	if (code !== 0) throw new Error('the live load generator failed');
	return JSON.parse(output) as LiveLoadResult;
}

ensureBuild();
const file = tempDatabase('live');
console.log(`Setting up a live session of ${QUESTIONS} questions with ${PLAYERS} players…`);
const fixture = setUp(file);
const server = await startServer(file, PORT);
try {
	// Warm the server's pages and queries once, so the first question does not pay for them.
	await fetch(`${server.url}/live`, { headers: { cookie: fixture.players[0]! } });
	const result = await load({
		url: server.url,
		sessionId: fixture.sessionId,
		hostCookie: fixture.hostCookie,
		playerCookies: fixture.players,
		questions: QUESTIONS,
		burstMs: BURST_MS,
		serverPid: server.process.pid!
	});
	const db = new Database(file, { readonly: true });
	const stored = (
		db
			.prepare(
				'select count(*) as n from answer where attempt_id in (select attempt_id from live_player where session_id = ?)'
			)
			.get(fixture.sessionId) as { n: number }
	).n;
	db.close();
	const perPlayerKb = (result.rssConnectedKb - result.rssBeforeKb) / result.players;
	console.log(
		`\n${result.players} players on SSE (connected in ${result.connectMs} ms), ${QUESTIONS} questions, answers spread over ${BURST_MS / 1000} s\n`
	);
	printTable([
		['measure', 'p50 ms', 'p99 ms', 'max ms'],
		[
			'host "next" → question at each player',
			`${result.nextP50}`,
			`${result.nextP99}`,
			`${result.nextMax}`
		],
		['host reveal → reveal at each player', `${result.revealP50}`, `${result.revealP99}`, ''],
		[
			'answer, sent → acknowledged',
			`${result.answerP50}`,
			`${result.answerP99}`,
			`${result.answerMax}`
		]
	]);
	console.log(
		`\nanswers: ${result.answers} sent, ${result.acknowledged} acknowledged, ${stored} stored; errors: ${result.errors}; ` +
			`server CPU ${result.answerCpuMs.toFixed(2)} ms per answer\n` +
			`server RSS: ${(result.rssBeforeKb / 1024).toFixed(1)} MiB before the players connected, ` +
			`${(result.rssConnectedKb / 1024).toFixed(1)} MiB with ${result.players} connected: ` +
			`${perPlayerKb.toFixed(1)} KiB per connected player\n` +
			`targets: next p99 ≤ 250 ms; every answer acknowledged, answer p99 ≤ 500 ms, 0 errors`
	);
	const expected = result.players * QUESTIONS;
	report([
		{
			bench: 'live',
			measure: `host next → question, ${result.players} players on SSE`,
			unit: 'ms',
			median: result.nextP50,
			p99: result.nextP99,
			target: 'p99 ≤ 250 ms'
		},
		{
			bench: 'live',
			measure: `answer burst, ${result.players} within 2 s`,
			unit: 'ms',
			median: result.answerP50,
			p99: result.answerP99,
			target: `p99 ≤ 500 ms; ${result.acknowledged}/${expected} acked, ${stored} stored, ${result.errors} errors`
		},
		{
			bench: 'live',
			measure: 'server CPU per answer in the bursts',
			unit: 'ms',
			median: result.answerCpuMs
		},
		{
			bench: 'live',
			measure: 'server memory per connected player (RSS)',
			unit: 'KiB',
			median: perPlayerKb
		}
	]);
	if (result.acknowledged !== expected || stored !== expected || result.errors !== 0) {
		console.error(`expected ${expected} acknowledged and stored answers and no errors`);
		process.exitCode = 1;
	}
} finally {
	await server.stop();
}

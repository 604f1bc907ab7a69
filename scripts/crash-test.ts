// `npm run test:crash`: learners submit answers to the production server while it is killed
// with SIGKILL and restarted, several times. Afterwards every answer that got a success
// response must be in the database, and PRAGMA integrity_check must say ok. During one
// round a backup is taken under load (`npm run db:backup`), restored, and checked the same way.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { ensureBuild, startServer, tempDatabase, type Server } from './bench-support';
import { setUpClassroom, type AnswerRequest } from './classroom-fixture';

const LEARNERS = 60;
const ATTEMPTS_EACH = 2;
const ROUNDS = 5;
const CONCURRENCY = 40;
const PORT = 4191;

const key = (r: AnswerRequest) => `${r.attemptId}:${r.position}`;

ensureBuild();
const file = tempDatabase('crash');
const { queue } = await setUpClassroom(file, LEARNERS, ATTEMPTS_EACH);
const pending = [...queue];
const acknowledged = new Set<string>();
let failures = 0;

/** Sends answers until the server goes away (or the work runs out); returns on the first. */
async function load(server: Server): Promise<void> {
	let alive = true;
	const worker = async () => {
		while (alive) {
			const item = pending.shift();
			if (!item) return;
			try {
				const response = await fetch(server.url + item.path, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						cookie: item.cookie,
						origin: server.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: item.body
				});
				if (response.status === 303) acknowledged.add(key(item));
				else {
					failures += 1;
					console.error(`unexpected ${response.status} for ${key(item)}`);
				}
			} catch {
				// The server died mid-request: we cannot know whether it was written, so it is
				// sent again after the restart (a resubmission is recorded once).
				pending.unshift(item);
				alive = false;
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function check(databaseFile: string, mustHave: Set<string>, label: string): boolean {
	const db = new Database(databaseFile, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	const stored = new Set(
		(
			db.prepare('select attempt_id, position from answer').all() as {
				attempt_id: string;
				position: number;
			}[]
		).map((r) => `${r.attempt_id}:${r.position}`)
	);
	const duplicates = (
		db
			.prepare('select count(*) - count(distinct attempt_id || position) as n from answer')
			.get() as { n: number }
	).n;
	db.close();
	const missing = [...mustHave].filter((k) => !stored.has(k));
	console.log(
		`${label}: integrity ${integrity}, ${stored.size} answers stored, ${mustHave.size} acknowledged, ${missing.length} missing, ${duplicates} duplicates`
	);
	return integrity === 'ok' && missing.length === 0 && duplicates === 0;
}

/** Waits until this round has had `count` more answers acknowledged (or 10 s have passed). */
async function acknowledgedMore(count: number) {
	const target = acknowledged.size + count;
	for (let i = 0; i < 200 && acknowledged.size < target; i++) {
		await new Promise((r) => setTimeout(r, 50));
	}
}

let ok = true;
let backupChecked = false;
for (let round = 1; round <= ROUNDS && pending.length > 0; round++) {
	const server = await startServer(file, PORT);
	const running = load(server);
	await acknowledgedMore(20);
	if (round === 3) {
		// An online backup while learners keep answering.
		const before = new Set(acknowledged);
		const backupFile = tempDatabase('backup');
		const backup = spawnSync('node_modules/.bin/tsx', ['scripts/backup.ts', backupFile], {
			env: { ...process.env, DATABASE_URL: file },
			encoding: 'utf8'
		});
		process.stdout.write(backup.stdout);
		if (backup.status !== 0) {
			console.error(backup.stderr);
			ok = false;
		}
		// Restore as the README says: the backup file becomes the app's database.
		const restored = tempDatabase('restored');
		copyFileSync(backupFile, restored);
		const restoredServer = await startServer(restored, PORT + 1);
		const health = await fetch(`${restoredServer.url}/healthz`);
		await restoredServer.stop();
		console.log(`restored backup answers /healthz with ${health.status}`);
		ok = check(restored, before, 'restored backup') && health.status === 200 && ok;
		backupChecked = true;
	}
	// Kill it mid-burst, at a different moment each round.
	await new Promise((r) => setTimeout(r, round * 60));
	server.process.kill('SIGKILL');
	await running;
	await new Promise<void>((r) =>
		server.process.exitCode !== null || server.process.signalCode
			? r()
			: server.process.once('exit', () => r())
	);
	console.log(
		`round ${round}: killed with SIGKILL; ${acknowledged.size} answers acknowledged so far`
	);
}

ok = check(file, acknowledged, 'after the crashes') && ok && failures === 0 && backupChecked;
console.log(ok ? 'crash test passed' : 'crash test FAILED');
process.exit(ok ? 0 : 1);

// The load generator of `npm run bench:live`, run as its own process so that it does not share a
// thread with the server it measures: N players connected to one live session by SSE, and its
// host moving the session on.
//
// Usage: node --import tsx scripts/live-load-client.ts SPEC.json
// For each question: the host's "start" or "next" is posted and the time until each player's
// stream delivers the question is taken; then every player answers at a random moment within
// `burstMs` (their latency is from sending to the end of the response, and an answer counts as
// acknowledged when the action returns success); then the host reveals and every player's
// stream must deliver that too. Server memory (RSS, from /proc) is read before the players
// connect and once they all are. Prints one JSON line (LiveLoadResult).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { percentile } from './bench-support';

export interface LiveLoadSpec {
	url: string;
	sessionId: string;
	hostCookie: string;
	playerCookies: string[];
	questions: number;
	burstMs: number;
	serverPid: number;
}

export interface LiveLoadResult {
	players: number;
	connectMs: number;
	/** From the host's "next" (or "start") to the question at each player, every question. */
	nextP50: number;
	nextP99: number;
	nextMax: number;
	/** From the host's reveal to the reveal at each player. */
	revealP50: number;
	revealP99: number;
	answerP50: number;
	answerP99: number;
	answerMax: number;
	/** Server CPU time per answer during the bursts. */
	answerCpuMs: number;
	answers: number;
	acknowledged: number;
	errors: number;
	rssBeforeKb: number;
	rssConnectedKb: number;
}

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LiveLoadSpec;
const target = new URL(spec.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.playerCookies.length + 1 });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The server's CPU time so far (user + system), in ms: ticks of 10 ms from /proc. */
function cpuMs(): number {
	const fields = readFileSync(`/proc/${spec.serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssKb(): number {
	const status = readFileSync(`/proc/${spec.serverPid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** A form action posted the way the page's script posts it; resolves with status and body. */
function post(
	path: string,
	cookie: string,
	body: string
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: 'POST',
				path,
				agent,
				headers: {
					cookie,
					origin: spec.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					'content-type': 'application/x-www-form-urlencoded'
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
		req.on('error', reject);
		req.end(body);
	});
}

type Waiter = { phase: string; index: number; resolve: (at: number) => void };

/** One player's event stream: notes when each phase arrives, parsing only what it must. */
class Player {
	waiter: Waiter | undefined;
	/** The latest question as the stream delivered it (the first player's is read for answers). */
	lastData = '';
	constructor(readonly cookie: string) {}

	connect(): Promise<void> {
		return new Promise((resolve, reject) => {
			const req = http.get(
				{
					host: target.hostname,
					port: target.port,
					path: `/live/${spec.sessionId}/events?after=0`,
					agent: false,
					headers: { cookie: this.cookie, accept: 'text/event-stream' }
				},
				(res) => {
					if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
					let buffer = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => {
						const at = performance.now();
						buffer += chunk;
						let end: number;
						while ((end = buffer.indexOf('\n\n')) >= 0) {
							const block = buffer.slice(0, end);
							buffer = buffer.slice(end + 2);
							if (block.startsWith('retry:')) resolve();
							if (!block.includes('event: phase')) continue;
							const m = /"phase":"(\w+)","index":(-?\d+)/.exec(block);
							if (!m) continue;
							this.lastData = block.slice(block.indexOf('data: ') + 6);
							const w = this.waiter;
							if (w && w.phase === m[1] && w.index === Number(m[2])) {
								this.waiter = undefined;
								w.resolve(at);
							}
						}
					});
				}
			);
			req.on('error', reject);
		});
	}

	await(phase: string, index: number): Promise<number> {
		return new Promise((resolve) => (this.waiter = { phase, index, resolve }));
	}
}

/** A valid answer to the question as players see it (choice questions only in this bench). */
function answerBody(position: number, data: string): string {
	const q = (JSON.parse(data) as { question: { type: string; choices?: { id: string }[] } })
		.question;
	const form = new URLSearchParams({ position: String(position) });
	if (q.type === 'multiple_choice') form.set('choice', q.choices![0]!.id);
	else form.set('choice', 'true');
	return form.toString();
}

async function hostAction(action: string, index: number, phase: string, players: Player[]) {
	const waits = players.map((p) => p.await(phase, index));
	const sent = performance.now();
	const res = await post(`/teach/live/${spec.sessionId}?/${action}`, spec.hostCookie, '');
	if (res.status !== 200 || !res.text.includes('"type":"success"')) {
		throw new Error(`host ${action}: ${res.status} ${res.text}`);
	}
	const timeout = sleep(15_000).then(() => NaN);
	const arrivals = await Promise.all(waits.map((w) => Promise.race([w, timeout])));
	return arrivals.map((at) => at - sent);
}

async function main(): Promise<LiveLoadResult> {
	const rssBeforeKb = rssKb();
	const players = spec.playerCookies.map((c) => new Player(c));
	const connecting = performance.now();
	for (let i = 0; i < players.length; i += 50) {
		await Promise.all(players.slice(i, i + 50).map((p) => p.connect()));
	}
	const connectMs = performance.now() - connecting;
	await sleep(2000);
	const rssConnectedKb = rssKb();

	const next: number[] = [];
	const reveal: number[] = [];
	const answers: number[] = [];
	let acknowledged = 0;
	let errors = 0;
	let answerCpu = 0;
	for (let q = 0; q < spec.questions; q++) {
		next.push(...(await hostAction(q === 0 ? 'start' : 'next', q, 'question', players)));
		const body = answerBody(q, players[0]!.lastData);
		const before = answers.length;
		const cpuBefore = cpuMs();
		await Promise.all(
			players.map(async (p) => {
				await sleep(Math.random() * spec.burstMs);
				const sent = performance.now();
				const send = () => post(`/live/${spec.sessionId}?/answer`, p.cookie, body);
				try {
					// A kept-alive socket the server closed as it was reused fails at once: send again,
					// which is safe, since a repeated answer is recorded once (the page's own retry).
					const res = await send().catch(send);
					answers.push(performance.now() - sent);
					if (res.status === 200 && res.text.includes('"type":"success"')) acknowledged += 1;
					else errors += 1;
				} catch (error) {
					errors += 1;
					if (process.env.LIVE_DEBUG) process.stderr.write(`answer failed: ${String(error)}\n`);
				}
			})
		);
		answerCpu += cpuMs() - cpuBefore;
		if (process.env.LIVE_DEBUG) {
			const round = answers.slice(before).sort((x, y) => x - y);
			process.stderr.write(
				`question ${q + 1}: next p99 ${percentile(
					[...next.slice(-players.length)].sort((x, y) => x - y),
					99
				).toFixed(
					0
				)} ms, answer p50 ${percentile(round, 50).toFixed(0)} p99 ${percentile(round, 99).toFixed(0)} ms\n`
			);
		}
		reveal.push(...(await hostAction('reveal', q, 'revealed', players)));
	}
	const sorted = (xs: number[]) => {
		const missing = xs.filter(Number.isNaN).length;
		errors += missing;
		return xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	};
	const n = sorted(next);
	const r = sorted(reveal);
	const a = sorted(answers);
	const round = (x: number) => Math.round(x * 10) / 10;
	return {
		players: players.length,
		connectMs: Math.round(connectMs),
		nextP50: round(percentile(n, 50)),
		nextP99: round(percentile(n, 99)),
		nextMax: round(n[n.length - 1] ?? NaN),
		revealP50: round(percentile(r, 50)),
		revealP99: round(percentile(r, 99)),
		answerP50: round(percentile(a, 50)),
		answerP99: round(percentile(a, 99)),
		answerMax: round(a[a.length - 1] ?? NaN),
		answerCpuMs: Math.round((answerCpu / Math.max(1, answers.length)) * 100) / 100,
		answers: answers.length,
		acknowledged,
		errors,
		rssBeforeKb,
		rssConnectedKb
	};
}

main().then(
	(result) => {
		process.stdout.write(`${JSON.stringify(result)}\n`);
		// The streams stay open until the process ends.
		process.exit(0);
	},
	(err) => {
		process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
		process.exit(1);
	}
);

// The load generator of the benchmarks, run as its own process so that it does not share a
// thread (or the CPU profile) with the script that started the server: on a two-core machine an
// in-process load generator competes with the server it measures.
//
// Usage: node --import tsx scripts/load-client.ts SPEC.json
// SPEC: { url, connections, expected, requests: [{ method, path, body?, cookie }], paced? }
// Every request in the list is sent once. Prints one JSON line:
// { rps, p50, p99, errors, requests, late? }.
//
// Flat out (no `paced`): autocannon keeps every connection busy, the next request leaving the
// moment a response returns: the throughput.
//
// Paced (`paced: { perSecond: 1 }`): each connection is a learner who answers once a second.
// autocannon's own rate limit starts every connection's second at the same instant, so 300
// learners would click in the same millisecond, a herd no classroom makes; here each learner
// starts at a random moment of the first second and keeps to a schedule from there, sending
// the next answer when it is due (or when the previous one returns, if that is later, which
// is counted as `late`). Latency is from sending to the end of the response.
import autocannon from 'autocannon';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { percentile } from './bench-support';

const specFile = process.argv[2];
if (!specFile) {
	process.stderr.write('usage: node --import tsx scripts/load-client.ts SPEC.json\n');
	process.exit(2);
}

export interface LoadRequest {
	method: 'GET' | 'POST';
	path: string;
	body?: string;
	cookie: string;
}

export interface LoadSpec {
	url: string;
	connections: number;
	/** The status every response should have; any other counts as an error. */
	expected: number;
	requests: readonly LoadRequest[];
	paced?: { perSecond: number };
}

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	requests: number;
	/** Paced runs: answers a learner sent later than due, because the previous one was slow. */
	late?: number;
}

const spec = JSON.parse(readFileSync(specFile, 'utf8')) as LoadSpec;

/** Headers of one request: the learner's session, a same-origin form post. */
function headersOf(item: LoadRequest): Record<string, string> {
	return {
		cookie: item.cookie,
		origin: spec.url,
		accept: 'text/html',
		...(item.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
	};
}

function flatOut(): Promise<LoadResult> {
	const requests = spec.requests;
	let next = 0;
	let unexpected = 0;
	return new Promise((resolve, reject) => {
		autocannon(
			{
				url: spec.url,
				connections: spec.connections,
				amount: requests.length,
				timeout: 30,
				requests: [
					{
						setupRequest: (req) => {
							const item = requests[next++ % requests.length]!;
							return {
								...req,
								method: item.method,
								path: item.path,
								body: item.body,
								headers: headersOf(item)
							};
						},
						onResponse: (status) => {
							if (status !== spec.expected) unexpected += 1;
						}
					}
				]
			},
			(err, result) => {
				if (err) return reject(err);
				resolve({
					// requests.average is a mean of whole-second buckets, coarse for runs of a few seconds.
					rps: result.requests.total / result.duration,
					p50: result.latency.p50,
					p99: result.latency.p99,
					errors: unexpected + result.errors + result.timeouts,
					requests: result.requests.total
				});
			}
		);
	});
}

function paced(perSecond: number): Promise<LoadResult> {
	const interval = 1000 / perSecond;
	const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
	const target = new URL(spec.url);
	const latencies: number[] = [];
	let errors = 0;
	let late = 0;

	function send(item: LoadRequest): Promise<void> {
		return new Promise<void>((resolve) => {
			const started = performance.now();
			const req = http.request(
				{
					host: target.hostname,
					port: target.port,
					method: item.method,
					path: item.path,
					agent,
					headers: headersOf(item)
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						latencies.push(performance.now() - started);
						if (res.statusCode !== spec.expected) errors += 1;
						resolve();
					});
				}
			);
			req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
			req.on('error', () => {
				errors += 1;
				resolve();
			});
			req.end(item.body);
		});
	}

	const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

	/** One learner: its share of the requests, one per interval from a random start. */
	async function learner(index: number): Promise<void> {
		const mine = spec.requests.filter((_, i) => i % spec.connections === index);
		let due = performance.now() + Math.random() * interval;
		for (const item of mine) {
			const wait = due - performance.now();
			if (wait > 0) await sleep(wait);
			else if (wait < -1) late += 1;
			await send(item);
			due += interval;
		}
	}

	const begin = performance.now();
	return Promise.all(Array.from({ length: spec.connections }, (_, i) => learner(i))).then(() => {
		const seconds = (performance.now() - begin) / 1000;
		agent.destroy();
		latencies.sort((a, b) => a - b);
		return {
			rps: latencies.length / seconds,
			p50: Math.round(percentile(latencies, 50)),
			p99: Math.round(percentile(latencies, 99)),
			errors,
			requests: latencies.length,
			late
		};
	});
}

(spec.paced ? paced(spec.paced.perSecond) : flatOut()).then(
	(result) => process.stdout.write(`${JSON.stringify(result)}\n`),
	(err) => {
		process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
		process.exit(1);
	}
);

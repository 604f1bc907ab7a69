// `npm run bench:classroom`: 300 learners submit quiz answers at once to the production
// server, beside the same load on a minimal endpoint of the same build that writes nothing.
// Two loads: flat out (every learner submits again the moment an answer returns: the
// throughput, compared with the empty endpoint), and at a brisk classroom pace (each learner
// answers once a second, each learner starting at their own moment: the latency a class would
// see). Prints requests per second, p50/p99 latency and errors. The load comes from a separate
// process (scripts/load-client.ts), so it does not share this script's thread.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuild, printTable, report, startServer, tempDatabase } from './bench-support';
import { setUpClassroom } from './classroom-fixture';
import type { LoadRequest, LoadResult, LoadSpec } from './load-client';

const LEARNERS = Number(process.env.LEARNERS ?? 300);
const ATTEMPTS_EACH = Number(process.env.ATTEMPTS ?? 3);
const PORT = 4190;

/** What the load client measured for one named run, with the server's CPU per request. */
interface Outcome extends LoadResult {
	name: string;
	/** Server CPU time per request (user + system), where /proc tells. */
	cpuMs: number;
}

/** CPU time a process has used so far, in ms (Linux /proc; NaN elsewhere). */
function cpuTimeMs(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}

/** Sends `requests` (each once, in order) from a separate load-generator process. */
async function run(
	name: string,
	url: string,
	requests: readonly LoadRequest[],
	expected: number,
	paced = false
): Promise<Outcome> {
	const spec = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-load-')), 'spec.json');
	writeFileSync(
		spec,
		JSON.stringify({
			url,
			connections: LEARNERS,
			expected,
			...(paced ? { paced: { perSecond: 1 } } : {}),
			requests
		} satisfies LoadSpec)
	);
	const cpuBefore = cpuTimeMs(serverPid);
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load-client.ts', spec], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	if (code !== 0) throw new Error(`the load generator failed (${name})`);
	const result = JSON.parse(output) as LoadResult;
	const cpuMs = (cpuTimeMs(serverPid) - cpuBefore) / result.requests;
	return { name, ...result, cpuMs };
}

/** The run with the median throughput (of an odd number of runs). */
function medianRun(runs: readonly Outcome[]): Outcome {
	const sorted = [...runs].sort((a, b) => a.rps - b.rps);
	return sorted[Math.floor(sorted.length / 2)]!;
}

ensureBuild();
const file = tempDatabase('classroom');
console.log(`Setting up ${LEARNERS} learners with ${ATTEMPTS_EACH} attempts each…`);
const { queue, cookies } = await setUpClassroom(file, LEARNERS, ATTEMPTS_EACH);
const server = await startServer(file, PORT);
const serverPid = server.process.pid;
try {
	const health = (n: number): LoadRequest[] =>
		Array.from({ length: n }, (_, k) => ({
			method: 'GET',
			path: '/healthz',
			cookie: cookies[k % cookies.length]!
		}));
	// Each run answers its own slice of the prepared questions, whole rounds of one answer per
	// learner: every request is a new answer.
	const rounds = Math.floor(queue.length / LEARNERS);
	let taken = 0;
	const answers = (share: number): LoadRequest[] => {
		const n = Math.floor(rounds * share) * LEARNERS;
		const slice = queue.slice(taken, taken + n);
		taken += n;
		return slice.map(({ path, body, cookie }) => ({ method: 'POST', path, body, cookie }));
	};
	// Warm both paths first, so neither pays for JIT compilation or first queries in the runs.
	const warmAnswers = answers(3 / 36);
	await run('warm-up', server.url, health(warmAnswers.length), 200);
	await run('warm-up', server.url, warmAnswers, 303);

	// Flat out, answers and the empty endpoint take turns, three times: the machine is shared, and
	// the median of each, measured in the same stretch of time, is what compares.
	const flatRuns: Outcome[] = [];
	const emptyRuns: Outcome[] = [];
	for (let turn = 0; turn < 3; turn++) {
		const slice = answers(5 / 36);
		flatRuns.push(await run('answer, flat out', server.url, slice, 303));
		emptyRuns.push(await run('minimal endpoint, flat out', server.url, health(slice.length), 200));
	}
	const flatOut = medianRun(flatRuns);
	const empty = medianRun(emptyRuns);
	const paced = await run(
		'answer, 1 per learner per second',
		server.url,
		answers(18 / 36),
		303,
		true
	);
	console.log(
		`\n${LEARNERS} simultaneous learners; flat out: median of 3 runs of ${flatOut.requests} requests; paced: ${paced.requests} requests\n`
	);
	printTable([
		['load', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'late', 'server CPU/req'],
		...[flatOut, empty, paced].map((o) => [
			o.name,
			o.rps.toFixed(0),
			String(o.p50),
			String(o.p99),
			String(o.errors),
			o.late === undefined ? '' : String(o.late),
			`${o.cpuMs.toFixed(2)} ms`
		])
	]);
	const ratio = flatOut.rps / empty.rps;
	const errors = [...flatRuns, paced].reduce((sum, o) => sum + o.errors, 0);
	console.log(
		`\nanswer / minimal endpoint throughput: ${ratio.toFixed(2)} (target ≥ 0.5)\n` +
			`answer p99 at classroom pace: ${paced.p99} ms (target < 200 ms); errors: ${errors} (target 0)`
	);
	report([
		{
			bench: 'classroom',
			measure: `answers/s, ${LEARNERS} learners flat out`,
			unit: 'req/s',
			median: flatOut.rps,
			baselineName: 'minimal endpoint req/s',
			baseline: empty.rps,
			ratio,
			target: '≥ 0.5x'
		},
		{
			bench: 'classroom',
			measure: `answer latency, ${LEARNERS} learners flat out`,
			unit: 'ms',
			median: flatOut.p50,
			p99: flatOut.p99,
			baselineName: 'minimal endpoint',
			baseline: empty.p50,
			ratio: flatOut.p50 / empty.p50
		},
		{
			bench: 'classroom',
			measure: `server CPU per request, ${LEARNERS} learners flat out`,
			unit: 'ms',
			median: flatOut.cpuMs,
			baselineName: 'minimal endpoint',
			baseline: empty.cpuMs,
			ratio: flatOut.cpuMs / empty.cpuMs
		},
		{
			bench: 'classroom',
			measure: `answer latency, ${LEARNERS} learners at 1/s each`,
			unit: 'ms',
			median: paced.p50,
			p99: paced.p99,
			target: `p99 < 200 ms, ${errors} errors`
		}
	]);
} finally {
	await server.stop();
}

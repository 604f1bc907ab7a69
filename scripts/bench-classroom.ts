// `npm run bench:classroom`: 300 learners submit quiz answers at once to the production
// server, beside the same load on a minimal endpoint of the same build that writes nothing.
// Two loads: flat out (every learner submits again the moment an answer returns: the
// throughput, compared with the empty endpoint), and at a brisk classroom pace (each learner
// answers once a second: the latency a class would see). Prints requests per second,
// p50/p99 latency and errors.
import autocannon from 'autocannon';
import { ensureBuild, printTable, report, startServer, tempDatabase } from './bench-support';
import { setUpClassroom } from './classroom-fixture';

const LEARNERS = Number(process.env.LEARNERS ?? 300);
const ATTEMPTS_EACH = Number(process.env.ATTEMPTS ?? 3);
const PORT = 4190;

interface Outcome {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	requests: number;
}

function run(
	name: string,
	url: string,
	amount: number,
	next: () => { method: 'GET' | 'POST'; path: string; body?: string; cookie: string },
	expected: number,
	overallRate?: number
): Promise<Outcome> {
	let errors = 0;
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url,
				connections: LEARNERS,
				amount,
				...(overallRate ? { overallRate } : {}),
				timeout: 30,
				requests: [
					{
						setupRequest: (req) => {
							const item = next();
							return {
								...req,
								method: item.method,
								path: item.path,
								body: item.body,
								headers: {
									cookie: item.cookie,
									origin: url,
									accept: 'text/html',
									...(item.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
								}
							};
						},
						onResponse: (status) => {
							if (status !== expected) errors += 1;
						}
					}
				]
			},
			(err, result) => {
				if (err) return reject(err);
				resolve({
					name,
					rps: result.requests.average,
					p50: result.latency.p50,
					p99: result.latency.p99,
					errors: errors + result.errors + result.timeouts,
					requests: result.requests.total
				});
			}
		);
		void instance;
	});
}

ensureBuild();
const file = tempDatabase('classroom');
console.log(`Setting up ${LEARNERS} learners with ${ATTEMPTS_EACH} attempts each…`);
const { queue, cookies } = await setUpClassroom(file, LEARNERS, ATTEMPTS_EACH);
const server = await startServer(file, PORT);
try {
	// Warm up both paths briefly so neither pays for JIT or first-query costs.
	let w = 0;
	await run(
		'warm-up',
		server.url,
		600,
		() => ({ method: 'GET', path: '/healthz', cookie: cookies[w++ % cookies.length]! }),
		200
	);

	// Each run answers its own slice of the prepared questions: every request is a new answer.
	const third = Math.floor(queue.length / 3);
	let i = 0;
	const flatOut = await run(
		'answer, flat out',
		server.url,
		third,
		() => ({ method: 'POST', ...queue[i++]! }),
		303
	);
	let j = 0;
	const empty = await run(
		'minimal endpoint, flat out',
		server.url,
		third,
		() => ({ method: 'GET', path: '/healthz', cookie: cookies[j++ % cookies.length]! }),
		200
	);
	const paced = await run(
		'answer, 1 per learner per second',
		server.url,
		third,
		() => ({ method: 'POST', ...queue[i++]! }),
		303,
		LEARNERS
	);
	console.log(`\n${LEARNERS} simultaneous learners, ${third} requests per run\n`);
	printTable([
		['load', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
		...[flatOut, empty, paced].map((o) => [
			o.name,
			o.rps.toFixed(0),
			String(o.p50),
			String(o.p99),
			String(o.errors)
		])
	]);
	const ratio = flatOut.rps / empty.rps;
	console.log(
		`\nanswer / minimal endpoint throughput: ${ratio.toFixed(2)} (target ≥ 0.5)\n` +
			`answer p99 at classroom pace: ${paced.p99} ms (target < 200 ms); errors: ${flatOut.errors + paced.errors} (target 0)`
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
			measure: `answer latency, ${LEARNERS} learners at 1/s each`,
			unit: 'ms',
			median: paced.p50,
			p99: paced.p99,
			target: `p99 < 200 ms, ${paced.errors} errors`
		}
	]);
} finally {
	await server.stop();
}

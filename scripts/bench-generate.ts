// Times the question generator: the article's bank (median and p99 over many runs), and
// synthetic fact bases of 1,000, 10,000 and 30,000 facts, whose time should grow about
// linearly (the last shows whether the cost per fact keeps rising past 10,000). The three
// sizes take turns, one run each per round, and growth is the median of the rounds' ratios:
// this machine's speed drifts by more than the growth being measured within a minute.
// The generator is timed as the app runs it: compiled by Vite like the server build, not as
// tsx loads it (tsx keeps function names by wrapping every closure it creates, which costs
// the generator about a tenth of its time and does not happen in production).
// Usage: npm run bench:generate [-- --runs N]
import { builtForNode, percentile, report, runsArg } from './bench-support';
import type { FactBase } from '../src/lib/domain/fact-base';
import type * as Generator from './bench-generate-entry';

const { questionBank, syntheticFactBase, xiMoscow } = await builtForNode<typeof Generator>(
	'scripts/bench-generate-entry.ts'
);

interface Timing {
	median: number;
	p99: number;
	/** The fastest run: the least disturbed by other work on a shared machine. */
	best: number;
	questions: number;
}

/** Runs the generator `runs` times after `warmup` untimed runs (the JIT settles first). */
function time(base: FactBase, runs: number, warmup: number): Timing {
	for (let i = 0; i < warmup; i++) questionBank(base, i);
	const times: number[] = [];
	let questions = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		questions = questionBank(base, 1000 + i).length;
		times.push(performance.now() - start);
	}
	return summary(times, questions);
}

function summary(times: number[], questions: number): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	return {
		median: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		best: sorted[0] ?? NaN,
		questions
	};
}

/**
 * Times several bases in rounds, one run of each per round, so that every size meets the
 * same moments of a shared machine; `times[b][r]` is base b's run in round r. Growth is then
 * read round by round, as a ratio of runs taken seconds apart.
 */
function timeInRounds(bases: readonly FactBase[], rounds: number, warmup: number) {
	for (const base of bases) for (let i = 0; i < warmup; i++) questionBank(base, i);
	const times = bases.map((): number[] => []);
	const questions = bases.map(() => 0);
	for (let r = 0; r < rounds; r++) {
		bases.forEach((base, b) => {
			const start = performance.now();
			questions[b] = questionBank(base, 1000 + r).length;
			times[b]?.push(performance.now() - start);
		});
	}
	return { times, timings: times.map((t, b) => summary(t, questions[b] ?? 0)) };
}

/** The median over rounds of one base's time against another's in the same round. */
function roundRatio(times: number[][], of: number, against: number): number {
	const ratios = (times[of] ?? []).map((t, r) => t / (times[against]?.[r] ?? NaN));
	return percentile(
		ratios.sort((a, b) => a - b),
		50
	);
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

const runs = runsArg('bench-generate.ts', 200);
const article = time(xiMoscow, runs, 20);
const small = syntheticFactBase(1_000);
const large = syntheticFactBase(10_000);
// Past the 10,000 the issue asks for: whether the cost per fact keeps growing.
const larger = syntheticFactBase(30_000);
const rounds = Math.max(5, Math.round(runs / 20));
const { times, timings } = timeInRounds([small, large, larger], rounds, 2);
const [thousand, tenThousand, thirtyThousand] = timings as [Timing, Timing, Timing];

const header = ['fact base', 'facts', 'questions', 'median', 'p99', 'best', 'per fact'];
const row = (name: string, facts: number, t: Timing, withP99: boolean) => [
	name,
	String(facts),
	String(t.questions),
	ms(t.median),
	withP99 ? ms(t.p99) : '',
	ms(t.best),
	`${((t.median * 1000) / facts).toFixed(0)} µs`
];
const rows: string[][] = [
	header,
	row('article', xiMoscow.facts.length, article, true),
	row('synthetic', small.facts.length, thousand, false),
	row('synthetic', large.facts.length, tenThousand, false),
	row('synthetic', larger.facts.length, thirtyThousand, false)
];
const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
const line = (r: readonly string[]) =>
	r
		.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
		.join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
const growth = roundRatio(times, 1, 0);
const growthOn = roundRatio(times, 2, 1);
report([
	{
		bench: 'generate',
		measure: `article bank (${article.questions} questions)`,
		unit: 'ms',
		median: article.median,
		p99: article.p99
	},
	{ bench: 'generate', measure: '1,000 synthetic facts', unit: 'ms', median: thousand.median },
	{
		bench: 'generate',
		measure: '10,000 synthetic facts',
		unit: 'ms',
		median: tenThousand.median,
		baselineName: '1,000 facts',
		baseline: thousand.median,
		ratio: growth,
		target: 'well under 1 s; ratio near 10'
	},
	{
		bench: 'generate',
		measure: '30,000 synthetic facts',
		unit: 'ms',
		median: thirtyThousand.median,
		baselineName: '10,000 facts',
		baseline: tenThousand.median,
		ratio: growthOn,
		target: 'ratio near 3'
	}
]);
console.log(
	`\ngrowth 1k → 10k: ×${growth.toFixed(1)} (median of ${rounds} rounds; linear is ×10)` +
		`\ngrowth 10k → 30k: ×${growthOn.toFixed(1)} (linear is ×3)` +
		`\nby best runs: ×${(tenThousand.best / thousand.best).toFixed(1)} and ×${(thirtyThousand.best / tenThousand.best).toFixed(1)}`
);

// `npm run bench`: runs every benchmark, each in its own process (so none warms the JIT or
// page cache for another), then prints all of their figures in one table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { printTable, type BenchRow } from './bench-support';

const benches = [
	'bench-generate',
	'bench-suggest',
	'bench-fact-base',
	'bench-classroom',
	'bench-live',
	'bench-review',
	'bench-pages'
];
const reportFile = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-bench-')), 'rows.jsonl');

let failed = false;
for (const bench of benches) {
	console.log(`\n=== ${bench} ===`);
	const run = spawnSync('node_modules/.bin/tsx', [`scripts/${bench}.ts`], {
		stdio: 'inherit',
		env: { ...process.env, BENCH_REPORT: reportFile }
	});
	if (run.status !== 0) {
		failed = true;
		console.error(`${bench} exited with ${run.status}`);
	}
}

const rows: BenchRow[] = existsSync(reportFile)
	? readFileSync(reportFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as BenchRow)
	: [];

const fmt = (n: number | undefined, unit: string) =>
	n === undefined ? '' : `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ${unit}`;

console.log(
	`\n=== All benchmarks (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}) ===\n`
);
printTable([
	['bench', 'measure', 'median', 'p99', 'baseline', 'baseline value', 'ratio', 'target'],
	...rows.map((r) => [
		r.bench,
		r.measure,
		fmt(r.median, r.unit),
		fmt(r.p99, r.unit),
		r.baselineName ?? '',
		fmt(r.baseline, r.unit),
		r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
		r.target ?? ''
	])
]);
process.exit(failed ? 1 : 0);

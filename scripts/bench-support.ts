// Shared by the benchmarks: start the production build on a throwaway database, and
// summarise latencies. Benchmarks print numbers; they never pass or fail on time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export function ensureBuild(): void {
	if (existsSync('build/index.js')) return;
	const result = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('the build failed');
}

export function tempDatabase(name: string): string {
	return path.join(mkdtempSync(path.join(tmpdir(), `factdeck-${name}-`)), `${name}.db`);
}

export interface Server {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export async function startServer(
	databaseFile: string,
	port: number,
	readyPath = '/healthz',
	env: Record<string, string> = {}
): Promise<Server> {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(
		'node',
		[...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'build'],
		{
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				DATABASE_URL: databaseFile,
				...env
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(url + readyPath)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	return {
		url,
		process: child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, i)]!;
}

export function median(values: readonly number[]): number {
	return percentile(
		[...values].sort((a, b) => a - b),
		50
	);
}

/** Prints rows as an aligned table; the first row is the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
	const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	const line = (r: readonly string[]) =>
		r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
	console.log(line(rows[0] ?? []));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows.slice(1)) console.log(line(r));
}

export interface BenchRow {
	bench: string;
	measure: string;
	unit: string;
	median: number;
	p99?: number;
	baselineName?: string;
	baseline?: number;
	/** measure / baseline, in the direction stated by `better`. */
	ratio?: number;
	target?: string;
}

/** Hands rows to `npm run bench`, which prints every benchmark in one table. */
export function report(rows: BenchRow[]): void {
	const file = process.env.BENCH_REPORT;
	if (!file) return;
	appendFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/**
 * A script's modules as the app runs them: built by Vite for Node (as the server build
 * compiles them) into a throwaway folder, and loaded. tsx keeps function names by wrapping
 * every closure it creates, which costs hot code about a tenth of its time.
 */
export async function builtForNode<T>(entry: string): Promise<T> {
	const outDir = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-build-'));
	try {
		await build({
			configFile: false,
			logLevel: 'silent',
			// Bundled whole (zod and the NLP libraries too), so it loads from the temporary folder.
			ssr: { noExternal: true },
			build: { ssr: entry, outDir, minify: false, emptyOutDir: true }
		});
		const name = path.basename(entry).replace(/\.ts$/, '.js');
		return (await import(pathToFileURL(path.join(outDir, name)).href)) as T;
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}

/** The --runs N a benchmark was given, or its default; at least `min`. */
export function runsArg(script: string, fallback: number, min = 1): number {
	const at = process.argv.indexOf('--runs');
	const n = at === -1 ? fallback : Number(process.argv[at + 1]);
	if (!Number.isInteger(n) || n < min) {
		process.stderr.write(`usage: tsx scripts/${script} [--runs N]\n`);
		process.exit(2);
	}
	return n;
}

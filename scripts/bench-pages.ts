// Server-side render of the quiz, flashcard and progress pages under 100 connections, and the
// client JavaScript each page ships (gzip), both beside a minimal SvelteKit page built the
// same way (same Svelte, Kit, Vite and adapter) in a throwaway project.
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	ensureBuild,
	printTable,
	report,
	startServer,
	tempDatabase,
	type BenchRow,
	type Server
} from './bench-support';
import { setUpClassroom } from './classroom-fixture';

const CONNECTIONS = 100;
const DURATION = Number(process.env.DURATION ?? 5);
// The app listens on BENCH_PORT and the minimal page on the next port, so two checkouts can
// run this side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4192);

/** Builds a one-page SvelteKit app with this project's packages and build settings. */
function buildMinimalApp(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-minimal-'));
	symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
	mkdirSync(path.join(dir, 'src', 'routes'), { recursive: true });
	cpSync('src/app.html', path.join(dir, 'src', 'app.html'));
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
	writeFileSync(
		path.join(dir, 'svelte.config.js'),
		`import adapter from '@sveltejs/adapter-node';\nexport default { compilerOptions: { runes: true }, kit: { adapter: adapter(), router: { resolution: 'server' } } };\n`
	);
	writeFileSync(
		path.join(dir, 'vite.config.js'),
		`import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n`
	);
	writeFileSync(
		path.join(dir, 'src', 'routes', '+page.svelte'),
		`<script>\n\tlet count = $state(0);\n</script>\n\n<h1>Minimal</h1>\n<button onclick={() => count++}>Clicked {count}</button>\n`
	);
	const built = spawnSync(path.join(dir, 'node_modules', '.bin', 'vite'), ['build'], {
		cwd: dir,
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`minimal app build failed: ${built.stderr}`);
	return dir;
}

async function startMinimal(dir: string, port: number): Promise<Server> {
	const cwd = process.cwd();
	process.chdir(dir);
	try {
		return await startServer(tempDatabase('minimal'), port, '/');
	} finally {
		process.chdir(cwd);
	}
}

/** The JavaScript a browser loads for a page (every script response), gzipped. */
async function shippedJs(url: string, cookie: string): Promise<number> {
	const context = await browser.newContext();
	if (cookie) {
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url }]);
	}
	const page = await context.newPage();
	const bodies: Promise<Buffer>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') bodies.push(response.body());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	let total = 0;
	for (const body of await Promise.all(bodies)) total += gzipSync(body, { level: 9 }).length;
	await context.close();
	return total;
}

async function render(url: string, cookie: string) {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: DURATION,
		headers: { cookie }
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}

ensureBuild();
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
	executablePath,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
const minimalDir = buildMinimalApp();
const file = tempDatabase('pages');
const { queue, cookies } = await setUpClassroom(file, 1, 1);
const cookie = cookies[0]!;
const attemptPath = queue[0]!.path.replace('?/answer', '');
const server = await startServer(file, PORT);
// Answer a few questions and finish, so the progress page has something to draw.
for (const item of queue.slice(0, 6)) {
	await fetch(server.url + item.path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: item.body
	});
}
const minimal = await startMinimal(minimalDir, PORT + 1);
try {
	const pages = [
		{ name: 'quiz', path: `${attemptPath}?q=8` },
		{ name: 'flashcards', path: '/review/source:xi-moscow-2023-03-21' },
		{ name: 'progress', path: '/progress' }
	];
	const base = await render(minimal.url + '/', '');
	const baseJs = await shippedJs(minimal.url + '/', '');
	const rows: BenchRow[] = [];
	const table: string[][] = [
		['page', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'JS gzip', 'JS ratio']
	];
	table.push([
		'minimal SvelteKit page',
		base.rps.toFixed(0),
		String(base.p50),
		String(base.p99),
		String(base.errors),
		`${(baseJs / 1024).toFixed(1)} KB`,
		'1.00'
	]);
	for (const page of pages) {
		const r = await render(server.url + page.path, cookie);
		const js = await shippedJs(server.url + page.path, cookie);
		table.push([
			page.name,
			r.rps.toFixed(0),
			String(r.p50),
			String(r.p99),
			String(r.errors),
			`${(js / 1024).toFixed(1)} KB`,
			(js / baseJs).toFixed(2)
		]);
		rows.push(
			{
				bench: 'render',
				measure: `${page.name} page SSR, ${CONNECTIONS} connections`,
				unit: 'ms',
				median: r.p50,
				p99: r.p99,
				baselineName: 'minimal page',
				baseline: base.p50,
				ratio: r.p50 / base.p50
			},
			{
				bench: 'client JS',
				measure: `${page.name} page (gzip)`,
				unit: 'KB',
				median: js / 1024,
				baselineName: 'minimal page',
				baseline: baseJs / 1024,
				ratio: js / baseJs,
				target: '≤ 1.5x'
			}
		);
	}
	console.log(
		`\nServer-side render under ${CONNECTIONS} connections for ${DURATION} s, and client JavaScript\n`
	);
	printTable(table);
	report(rows);
} finally {
	await browser.close();
	await server.stop();
	await minimal.stop();
}

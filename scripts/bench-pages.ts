// The pages a class opens at once, under 100 connections against the production build: each
// page in turns with a minimal SvelteKit page built the same way (same Svelte, Kit, Vite and
// adapter, in a throwaway project), so both meet the same moments of a shared machine. Prints
// each page's median and p99 latency, throughput and errors beside the minimal page's from the
// same rounds, and the client JavaScript each page ships (gzip).
// Every request asks for gzip as a browser does. Three passes: pages as a class reopens them
// (kept as rendered, src/lib/server/page-cache.ts); the same while the rest of the class works
// through the app (CLASS_RATE writes a second, default 30: quiz answers and flashcard grades in
// turn, each followed by the page it redirects to, as a browser follows); then every page rendered
// afresh (FACTDECK_PAGE_CACHE=off), what a request costs when what it shows has just changed.
// Usage: npm run bench:pages [-- --runs N] [-- --only kept|class|fresh] [-- --pages a,b]
// (DURATION=s per turn, default 3; --pages keeps the pages whose names hold one of the words)
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	ensureBuild,
	median,
	printTable,
	report,
	runsArg,
	startServer,
	tempDatabase,
	type BenchRow,
	type Server
} from './bench-support';
import { setUpTerm } from './pages-fixture';

const CONNECTIONS = 100;
const DURATION = Number(process.env.DURATION ?? 3);
const ROUNDS = runsArg('bench-pages.ts', 3);
const only = process.argv.includes('--only')
	? process.argv[process.argv.indexOf('--only') + 1]
	: '';
const passes = ['kept', 'class', 'fresh'] as const;
type Pass = (typeof passes)[number];
if (only && !passes.includes(only as Pass)) {
	process.stderr.write(
		'usage: tsx scripts/bench-pages.ts [--runs N] [--only kept|class|fresh] [--pages word,word]\n'
	);
	process.exit(2);
}
/** Words naming the pages to measure, to time a change to a few pages without the rest. */
const pageWords = process.argv.includes('--pages')
	? (process.argv[process.argv.indexOf('--pages') + 1] ?? '').split(',').filter(Boolean)
	: [];
/** What a browser sends: every page and the minimal one may be answered gzipped. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };
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
async function shippedJs(browser: Browser, url: string, cookie: string): Promise<number> {
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

interface Vitals {
	/** Largest Contentful Paint, ms after navigation start. */
	lcp: number;
	/** Interaction to Next Paint: the slowest interaction's duration, ms (0: none measured). */
	inp: number;
	htmlKb: number;
	domNodes: number;
}

/**
 * LCP and INP of a page in Chromium with the CPU slowed 4x (a mid-range phone, as Lighthouse
 * assumes), after `interact` has done what a learner does there; and its HTML size and nodes.
 */
async function vitals(
	browser: Browser,
	url: string,
	cookie: string,
	interact: (page: import('@playwright/test').Page) => Promise<void>
): Promise<Vitals> {
	// The observers are added through the DevTools protocol, which the page's CSP does not see.
	const context = await browser.newContext({ bypassCSP: true });
	if (cookie) {
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url }]);
	}
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.addInitScript(() => {
		const w = window as unknown as { __lcp: number; __inp: number };
		w.__lcp = 0;
		w.__inp = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__lcp = Math.max(w.__lcp, e.startTime);
		}).observe({ type: 'largest-contentful-paint', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEventTiming & {
				interactionId?: number;
			})[]) {
				if (e.interactionId) w.__inp = Math.max(w.__inp, e.duration);
			}
		}).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
	});
	const response = await page.goto(url, { waitUntil: 'load' });
	const html = (await response?.body())?.byteLength ?? 0;
	const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
	await page.waitForTimeout(500);
	const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
	await interact(page);
	await page.waitForTimeout(500);
	const inp = await page.evaluate(() => (window as unknown as { __inp: number }).__inp);
	await context.close();
	return { lcp, inp, htmlKb: html / 1024, domNodes };
}

interface Load {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
}

async function load(url: string, cookie: string): Promise<Load> {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: DURATION,
		headers: cookie ? { ...BROWSER_HEADERS, cookie } : BROWSER_HEADERS
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
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
const term = await setUpTerm(file);
const minimal = await startMinimal(minimalDir, PORT + 1);

const learner = term.learnerCookie;
const allPages: { name: string; path: string; cookie: string }[] = [
	{ name: 'home (guest)', path: '/', cookie: '' },
	{ name: 'home (signed in)', path: '/', cookie: learner },
	{ name: 'article (guest)', path: `/sources/${term.sourceId}`, cookie: '' },
	{ name: 'article (signed in)', path: `/sources/${term.sourceId}`, cookie: learner },
	{ name: 'set page (guest)', path: `/sets/${term.setId}`, cookie: '' },
	{ name: 'set page (signed in)', path: `/sets/${term.setId}`, cookie: learner },
	{ name: 'quiz question', path: `/attempts/${term.openAttempt}?q=5`, cookie: learner },
	{ name: 'quiz result', path: `/attempts/${term.finishedAttempt}/result`, cookie: learner },
	{ name: 'flashcards', path: `/review/source:${term.sourceId}`, cookie: learner },
	{ name: 'progress', path: '/progress', cookie: learner },
	{
		name: 'class report (30 learners)',
		path: `/teach/classes/${term.classId}/report`,
		cookie: term.teacherCookie
	}
];
const pages = pageWords.length
	? allPages.filter((p) => pageWords.some((w) => p.name.includes(w)))
	: allPages;
if (pages.length === 0) throw new Error(`no page is named by --pages ${pageWords.join(',')}`);

const rows: BenchRow[] = [];
let baseJs = 0;
/** The client JavaScript of each page, gzipped, measured in the first pass. */
const jsOf = new Map<string, number>();

/** Writes a second from the rest of the class in the 'class' pass: answers and grades. */
const CLASS_RATE = Number(process.env.CLASS_RATE ?? 30);

interface Classmates {
	/** Stops the work; what it did: writes taken, refused, and their median time with the page after. */
	stop(): Promise<{ answered: number; graded: number; refused: number; p50: number }>;
}

/**
 * The rest of the class at work through the app, CLASS_RATE writes a second in all: in turn, a
 * learner answers the next question of an attempt they have open, and a learner grades their
 * next flashcard; each then loads the page the form redirects to. Every one is a write to that
 * learner's rows.
 */
function startClassmates(url: string): Classmates {
	const reps = new Map<string, number>();
	let running = true;
	let graded = 0;
	let answered = 0;
	let refused = 0;
	const times: number[] = [];
	/** Posts a form as a browser does, and loads the page it redirects to; false if refused. */
	const post = async (path: string, body: string, cookie: string): Promise<boolean> => {
		const posted = await fetch(url + path, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: {
				cookie,
				origin: url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		if (posted.status !== 303) {
			if (refused === 0) console.error(path, posted.status, await posted.text());
			return false;
		}
		await posted.arrayBuffer();
		const next = await fetch(new URL(posted.headers.get('location')!, url + path), {
			headers: { cookie, accept: 'text/html', ...BROWSER_HEADERS }
		});
		await next.arrayBuffer();
		return next.ok;
	};
	const answer = async (k: number) => {
		const item = term.classAnswers[k];
		if (!item) return false;
		return post(item.path, item.body, item.cookie);
	};
	const grade = async (n: number) => {
		const who = n % term.classmates.length;
		const cardId = term.cardIds[Math.floor(n / term.classmates.length) % term.cardIds.length]!;
		const cookie = term.classmates[who]!;
		const key = `${who}:${cardId}`;
		const rep = reps.get(key) ?? 1;
		const ok = await post(
			`/review/source:${term.sourceId}?/grade`,
			new URLSearchParams({
				card: cardId,
				rating: '3',
				reps: String(rep),
				shown: String(Date.now() - 4000)
			}).toString(),
			cookie
		);
		if (ok) reps.set(key, rep + 1);
		return ok;
	};
	/** The n-th write: answers and grades in turn. */
	const work = async (n: number) => {
		const began = performance.now();
		try {
			const answering = n % 2 === 0;
			const ok = answering ? await answer(n / 2) : await grade((n - 1) / 2);
			if (!ok) refused++;
			else if (answering) answered++;
			else graded++;
			times.push(performance.now() - began);
		} catch {
			refused++;
		}
	};
	const done = (async () => {
		const inFlight = new Set<Promise<void>>();
		const started = performance.now();
		for (let n = 0; running; n++) {
			const p = work(n).finally(() => inFlight.delete(p));
			inFlight.add(p);
			const wait = started + ((n + 1) * 1000) / CLASS_RATE - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		}
		await Promise.all(inFlight);
	})();
	return {
		async stop() {
			running = false;
			await done;
			return { answered, graded, refused, p50: median(times) };
		}
	};
}

const passTitles: Record<Pass, string> = {
	kept: 'Pages as kept (a class reopening them)',
	class: `Pages as kept while the rest of the class answers and reviews (${CLASS_RATE} writes a second, each with the page after)`,
	fresh: 'Every page rendered afresh (FACTDECK_PAGE_CACHE=off)'
};

/** Every page under load in turns with the minimal page, against a server started for the pass. */
async function loadPass(pass: Pass, server: Server): Promise<void> {
	// Every page must render before it is timed: a 4xx or 5xx would time an error page.
	for (const page of pages) {
		const response = await fetch(server.url + page.path, { headers: { cookie: page.cookie } });
		if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
	}
	const table: string[][] = [
		[
			'page',
			'req/s',
			'p50 ms',
			'p99 ms',
			'min p50',
			'min p99',
			'p50 ratio',
			'p99 ratio',
			'errors',
			'JS KB',
			'JS ratio'
		]
	];
	const classmates = pass === 'class' ? startClassmates(server.url) : undefined;
	for (const page of pages) {
		const runs: { page: Load; base: Load }[] = [];
		for (let r = 0; r < ROUNDS; r++) {
			// In turns, so the page and its baseline share the machine's moments.
			const base = await load(minimal.url + '/', '');
			runs.push({ base, page: await load(server.url + page.path, page.cookie) });
		}
		const med = (pick: (x: { page: Load; base: Load }) => number) => median(runs.map(pick));
		const p50 = med((x) => x.page.p50);
		const p99 = med((x) => x.page.p99);
		const baseP50 = med((x) => x.base.p50);
		const baseP99 = med((x) => x.base.p99);
		// The ratios are each round's, then their median.
		const p50Ratio = med((x) => x.page.p50 / Math.max(1, x.base.p50));
		const p99Ratio = med((x) => x.page.p99 / Math.max(1, x.base.p99));
		const errors = runs.reduce((n, x) => n + x.page.errors, 0);
		const firstPass = !jsOf.has(page.name);
		if (firstPass)
			jsOf.set(page.name, await shippedJs(browser, server.url + page.path, page.cookie));
		const js = jsOf.get(page.name)!;
		table.push([
			page.name,
			med((x) => x.page.rps).toFixed(0),
			String(p50),
			String(p99),
			String(baseP50),
			String(baseP99),
			p50Ratio.toFixed(2),
			p99Ratio.toFixed(2),
			String(errors),
			(js / 1024).toFixed(1),
			(js / baseJs).toFixed(2)
		]);
		rows.push({
			bench: 'pages',
			measure: `${page.name}, ${{ kept: 'as kept', class: 'as kept, the class at work', fresh: 'rendered afresh' }[pass]}, ${CONNECTIONS} connections`,
			unit: 'ms',
			median: p50,
			p99,
			baselineName: `minimal page: ${baseP50} ms, p99 ${baseP99} ms`,
			baseline: baseP50,
			ratio: p50Ratio,
			target: `p50 ≤ 1.5x, p99 ≤ 3x (p99 ${p99Ratio.toFixed(2)}x), 0 errors (${errors})`
		});
		if (firstPass) {
			rows.push({
				bench: 'client JS',
				measure: `${page.name} (gzip)`,
				unit: 'KB',
				median: js / 1024,
				baselineName: 'minimal page',
				baseline: baseJs / 1024,
				ratio: js / baseJs,
				target: '≤ 1.5x'
			});
		}
	}
	const writes = await classmates?.stop();
	console.log(
		`\n${passTitles[pass]}: each under ${CONNECTIONS} connections, ${ROUNDS} turns of ${DURATION} s with the minimal page (min);\nratios are the median of the turns' ratios. Client JavaScript is gzip, beside the minimal page's ${(baseJs / 1024).toFixed(1)} KB.\n`
	);
	printTable(table);
	if (writes) {
		console.log(
			`\nThe class meanwhile: ${writes.answered} answers and ${writes.graded} grades taken, ${writes.refused} refused; median ${writes.p50.toFixed(0)} ms for one and the page after.`
		);
		rows.push({
			bench: 'pages',
			measure: 'the class at work meanwhile: an answer or a grade, and the page after',
			unit: 'ms',
			median: writes.p50,
			target: `${writes.answered} answers, ${writes.graded} grades, ${writes.refused} refused`
		});
	}
}

let server: Server | undefined;
try {
	baseJs = await shippedJs(browser, minimal.url + '/', '');
	for (const pass of passes) {
		if (only && only !== pass) continue;
		server = await startServer(
			file,
			PORT,
			'/healthz',
			pass === 'fresh' ? { FACTDECK_PAGE_CACHE: 'off' } : {}
		);
		await loadPass(pass, server);
		await server.stop();
		server = undefined;
	}
	// The client's side is measured on pages as kept: the browser's work is the same either way.
	server = await startServer(file, PORT);

	// The client's side: what a learner's (slower) device does with the page.
	const client: [string, string, (page: import('@playwright/test').Page) => Promise<void>][] = [
		[
			'article',
			`/sources/${term.sourceId}`,
			async (page) => {
				await page.getByRole('link', { name: 'Fact 1', exact: true }).first().click();
			}
		],
		[
			'quiz question',
			`/attempts/${term.openAttempt}?q=5`,
			async (page) => {
				const choice = page.locator('form[action="?/answer"] input[name=choice]').first();
				if (await choice.count()) await choice.click();
				else
					await page
						.locator('form[action="?/answer"] input, form[action="?/answer"] textarea')
						.first()
						.type('a');
			}
		],
		[
			'flashcards',
			`/review/source:${term.sourceId}`,
			async (page) => {
				await page.getByRole('link', { name: 'Show answer' }).click();
			}
		]
	];
	const vitalsTable: string[][] = [['page', 'HTML KB', 'DOM nodes', 'LCP ms', 'INP ms']];
	const measured = pageWords.length
		? client.filter(([name]) => pageWords.some((w) => name.includes(w)))
		: client;
	for (const [name, pagePath, interact] of measured) {
		const runs: Vitals[] = [];
		for (let r = 0; r < ROUNDS; r++) {
			runs.push(await vitals(browser, server.url + pagePath, learner, interact));
		}
		const v = {
			lcp: median(runs.map((x) => x.lcp)),
			inp: median(runs.map((x) => x.inp)),
			htmlKb: runs[0]!.htmlKb,
			domNodes: runs[0]!.domNodes
		};
		vitalsTable.push([
			name,
			v.htmlKb.toFixed(1),
			String(v.domNodes),
			v.lcp.toFixed(0),
			v.inp.toFixed(0)
		]);
		rows.push(
			{
				bench: 'client',
				measure: `${name}: LCP, 4x CPU slowdown`,
				unit: 'ms',
				median: v.lcp,
				target: '≤ 2,500 ms'
			},
			{
				bench: 'client',
				measure: `${name}: INP, 4x CPU slowdown`,
				unit: 'ms',
				median: v.inp,
				target: '≤ 200 ms'
			},
			{
				bench: 'client',
				measure: `${name}: HTML and DOM nodes`,
				unit: 'KB',
				median: v.htmlKb,
				target: `${v.domNodes} DOM nodes`
			}
		);
	}
	console.log(
		`\nIn Chromium with the CPU slowed 4x: the medians of ${ROUNDS} loads (INP: the slowest interaction)\n`
	);
	printTable(vitalsTable);
	report(rows);
} finally {
	await browser.close();
	await server?.stop();
	await minimal.stop();
}

// Every page, as every role, through axe (WCAG 2.2 A and AA), on a desktop, a phone and at
// 200% zoom. Pages are found by following links from each role's start page, so a new page
// is audited without being listed here.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN, answerAnyQuestion, signIn, signUp, uniqueName } from './helpers';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** One page per route: ids and queries vary, the page's shape does not. */
function routeOf(url: URL): string {
	return url.pathname
		.replace(/\/[a-z0-9]{20,}(?=\/|$)/g, '/:id')
		.replace(/:[\w-]+(?=\/|$)/g, ':x')
		.replace(/\/facts\/(?!new$)[^/]+$/, '/facts/:fact');
}

async function crawl(page: Page, start: string[], limit = 40): Promise<string[]> {
	const seen = new Map<string, string>();
	const queue = [...start];
	while (queue.length && seen.size < limit) {
		const next = queue.shift()!;
		const url = new URL(next, page.url() === 'about:blank' ? 'http://localhost' : page.url());
		const route = routeOf(url);
		if (seen.has(route)) continue;
		const response = await page.goto(url.pathname + url.search);
		if (
			!response ||
			response.status() >= 400 ||
			!response.headers()['content-type']?.includes('text/html')
		)
			continue;
		seen.set(route, url.pathname + url.search);
		const links = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of links) {
			const u = new URL(href);
			if (u.origin !== new URL(page.url()).origin) continue;
			// Downloads and the sign-out page are not pages to audit.
			if (/\/api\/|\.csv$|\/export/.test(u.pathname)) continue;
			queue.push(u.pathname + u.search);
		}
	}
	return [...seen.values()];
}

async function audit(page: Page, path: string, label: string) {
	await page.goto(path);
	const results = await new AxeBuilder({ page }).withTags(tags).analyze();
	const found = results.violations.map(
		(v) =>
			`${label} ${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join('; ')}`
	);
	return found;
}

async function auditAll(
	browser: Browser,
	role: string,
	prepare: (page: Page) => Promise<string[]>
) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const start = await prepare(page);
	const pages = await crawl(page, start);
	expect(pages.length, `${role} pages found`).toBeGreaterThan(2);
	const problems: string[] = [];
	for (const path of pages) {
		await page.setViewportSize({ width: 1280, height: 800 });
		problems.push(...(await audit(page, path, `${role} desktop`)));
		// A phone, and a 1280-pixel screen at 200% zoom (640 CSS pixels): no sideways scrolling.
		for (const width of [375, 640]) {
			await page.setViewportSize({ width, height: 740 });
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			if (overflow > 1)
				problems.push(`${role} ${width}px ${path}: scrolls sideways by ${overflow}px`);
		}
		await page.setViewportSize({ width: 375, height: 740 });
		problems.push(...(await audit(page, path, `${role} phone`)));
	}
	expect(problems, problems.join('\n')).toEqual([]);
	await context.close();
	return pages;
}

test.describe.configure({ timeout: 240_000 });

test('anonymous visitors', async ({ browser }) => {
	await auditAll(browser, 'anonymous', async () => [
		'/',
		'/signin',
		'/signup',
		'/signout',
		'/signin/reset'
	]);
});

test('guests', async ({ browser }) => {
	await auditAll(browser, 'guest', async (page) => {
		await page.goto('/sets/xi-moscow-2023-03-21-quiz');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await expect(page.getByText('Studying as a guest')).toBeVisible();
		return [page.url(), '/progress', '/review', '/review/stats'];
	});
});

test('learners', async ({ browser }) => {
	await auditAll(browser, 'learner', async (page) => {
		await signUp(page, uniqueName('a11y'), 'learner');
		await page.goto('/sets/xi-moscow-2023-03-21-quiz');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
		const attempt = page.url();
		// One answered question (feedback shown), then finish for a result page.
		await answerAnyQuestion(page);
		const answered = page.url();
		await page.getByRole('button', { name: 'Finish now' }).click();
		await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
		return [
			answered,
			attempt,
			page.url(),
			'/progress',
			'/review',
			'/classes',
			'/account',
			'/account/delete',
			'/review/settings',
			'/'
		];
	});
});

test('teachers', async ({ browser }) => {
	await auditAll(browser, 'teacher', async (page) => {
		await signUp(page, uniqueName('a11yt'), 'teacher');
		await page.goto('/teach/classes');
		await page.getByLabel('Class name').fill('Audit class');
		await page.getByRole('button', { name: 'Create class' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit class');
		// A learner in the class, so the learner's page (with its reset code) is audited too.
		const code = (await page.locator('.join-code').textContent())!.trim();
		const learner = await (await browser.newContext()).newPage();
		await signUp(learner, uniqueName('a11yl'), 'learner');
		await learner.goto('/classes');
		await learner.getByLabel('Join code').fill(code);
		await learner.getByRole('button', { name: 'Join' }).click();
		await expect(learner.getByRole('status')).toContainText('You joined');
		await page.reload();
		const classPage = page.url();
		const learnerPage = await page.locator('.roster a').first().getAttribute('href');
		// A live session's host screen, in its lobby (the live test audits its other phases).
		await page.goto('/teach/live/new');
		await page.getByRole('button', { name: 'Create the session' }).click();
		await expect(page.getByText(/Join at .* with PIN/)).toBeVisible();
		const livePage = page.url();
		// A source of their own, with suggestions still to review and one accepted.
		await page.goto('/teach/sources/new', { waitUntil: 'networkidle' });
		await page.getByLabel('Title').fill('Audit text');
		await page.getByLabel('Publication date').fill('2021-02-19');
		await page
			.getByLabel('The text')
			.fill(readFileSync('src/lib/domain/suggest/fixtures/mars-rover.txt', 'utf8'));
		await page.getByRole('button', { name: 'Save and suggest facts' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit text');
		await page.getByRole('button', { name: /^Accept all 2 quotations$/ }).click();
		await expect(page.getByRole('status').first()).toHaveText('Accepted 2 quotations.');
		const source = new URL(page.url()).pathname;
		const suggestion = await page
			.getByRole('link', { name: /^Edit “/ })
			.first()
			.getAttribute('href');
		return [
			classPage,
			learnerPage!,
			livePage,
			'/teach',
			'/teach/classes',
			'/teach/sets',
			'/account/delete',
			source,
			suggestion!,
			`${source}/facts/new`,
			`${source}/version`,
			'/teach/sources',
			'/teach/sources/new',
			'/teach/sources/import'
		];
	});
});

test('admins', async ({ browser }) => {
	await auditAll(browser, 'admin', async (page) => {
		await signIn(page, ADMIN.username, ADMIN.password);
		return ['/admin', '/admin?q=a', '/account'];
	});
});

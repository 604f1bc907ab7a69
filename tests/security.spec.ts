import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { countRows } from './db';
import { apiSignUp, postForm, uniqueName } from './helpers';

test('pages carry a Content-Security-Policy and the usual security headers', async ({
	request
}) => {
	for (const path of [
		'/',
		'/sources/xi-moscow-2023-03-21',
		'/signin',
		'/sets/xi-moscow-2023-03-21-quiz'
	]) {
		const response = await request.get(path);
		const headers = response.headers();
		const csp = headers['content-security-policy'] ?? '';
		expect(csp, path).toMatch(/script-src 'self'/);
		expect(csp, path).not.toContain("'nonce-");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(/script-src [^;]*/.exec(csp)![0]).not.toContain('unsafe-inline');
		expect(csp).toContain("style-src 'self'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		// Every inline script is allowed by its hash, and only those: no per-response nonce, so
		// a page kept as rendered stays valid.
		const html = await response.text();
		const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!.split(' ');
		const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
			([, attributes]) => !/\bsrc=/.test(attributes!)
		);
		const hashes = inline.map(
			([, , body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`
		);
		expect(scriptSrc.filter((s) => s.startsWith("'sha256-")).sort()).toEqual(hashes.sort());
	}
});

test('a page runs under its policy without violations', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/sources/xi-moscow-2023-03-21');
	await page.goto('/sets/xi-moscow-2023-03-21-quiz');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	expect(violations).toEqual([]);
});

test('cross-site form posts are refused', async ({ playwright, baseURL }) => {
	const ctx = await playwright.request.newContext({ baseURL });
	const name = uniqueName('csrf');
	const response = await ctx.post('/signup', {
		form: { username: name, password: 'correct-horse-battery', role: 'learner' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0,
		failOnStatusCode: false
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toMatch(/Cross-site POST form submissions are forbidden/);
	// And nothing was created: the same name is still free.
	await apiSignUp(ctx, baseURL!, name, 'learner');
});

test('state never changes on GET', async ({ playwright, baseURL }) => {
	const ctx = await playwright.request.newContext({ baseURL });
	await apiSignUp(ctx, baseURL!, uniqueName('getter'), 'teacher');
	const attempts = countRows('attempt');
	const classes = countRows('class');
	for (const path of [
		'/sets/xi-moscow-2023-03-21-quiz?/start',
		'/teach/classes?/create&name=ByGet',
		'/signout?/default'
	]) {
		const response = await ctx.get(path, { maxRedirects: 0, failOnStatusCode: false });
		expect(response.status(), path).toBeLessThan(500);
	}
	expect(countRows('attempt')).toBe(attempts);
	expect(countRows('class')).toBe(classes);
	// Still signed in: GET /signout did not sign anyone out.
	const classesPage = await ctx.get('/classes', { maxRedirects: 0 });
	expect(classesPage.status()).toBe(200);
	// And the form itself still works as a POST.
	expect(
		(await postForm(ctx, '/teach/classes?/create', { name: 'ByPost' }, baseURL!)).status()
	).toBe(303);
	expect(countRows('class')).toBe(classes + 1);
});

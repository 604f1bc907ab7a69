// Pages a class opens at once are kept as rendered (src/lib/server/page-cache.ts). These tests
// show what a browser and a shared cache are told, and that a change shows at once on a page
// that was kept before it.
import { expect, test, type Page } from '@playwright/test';
import { answerAnyQuestion, createSet, signUp, uniqueName } from './helpers';

const ARTICLE = '/sources/xi-moscow-2023-03-21';

test('a public page has an ETag, answers 304 when unchanged, and is gzipped when asked', async ({
	playwright,
	baseURL
}) => {
	const guest = await playwright.request.newContext({ baseURL });
	// The first request renders and keeps the page; the second is served as kept.
	const first = await guest.get(ARTICLE, { headers: { 'accept-encoding': 'identity' } });
	const plain = await guest.get(ARTICLE, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.status()).toBe(200);
	expect(await plain.text()).toBe(await first.text());
	const etag = plain.headers()['etag']!;
	expect(etag).toMatch(/^"[^"]+"$/);
	// Anyone may store it, but must ask before each use: nobody's session is in it.
	expect(plain.headers()['cache-control']).toBe('no-cache');

	const unchanged = await guest.get(ARTICLE, {
		headers: { 'accept-encoding': 'identity', 'if-none-match': etag }
	});
	expect(unchanged.status()).toBe(304);
	expect(await unchanged.body()).toHaveLength(0);

	// A browser that accepts gzip gets the same page in fewer bytes, under its own ETag.
	const raw = await fetch(new URL(ARTICLE, baseURL), {
		headers: { 'accept-encoding': 'gzip' }
	});
	expect(raw.headers.get('content-encoding')).toBe('gzip');
	expect(raw.headers.get('vary')).toContain('accept-encoding');
	expect(raw.headers.get('etag')).not.toBe(etag);
	// fetch unpacks what it is sent: the page is whole, and was smaller on the wire.
	const text = await raw.text();
	expect(text).toBe(await plain.text());
	expect(Number(raw.headers.get('content-length'))).toBeLessThan(text.length / 2);
	const again = await guest.get(ARTICLE, {
		headers: { 'accept-encoding': 'gzip', 'if-none-match': raw.headers.get('etag')! }
	});
	expect(again.status()).toBe(304);
	await guest.dispose();
});

test('a page with a session is never stored by a shared cache', async ({ page }) => {
	await signUp(page, uniqueName('private'), 'learner');
	for (const path of ['/', ARTICLE, '/sets/xi-moscow-2023-03-21-quiz', '/progress']) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
});

/** Opens a page twice, so that the second view is the kept copy. */
async function openTwice(page: Page, path: string) {
	await page.goto(path);
	await page.goto(path);
}

test('each viewer gets their own copy of a kept page', async ({ browser, playwright, baseURL }) => {
	const names = [uniqueName('first'), uniqueName('second')];
	const viewers = [];
	for (const name of names) {
		const page = await (await browser.newContext()).newPage();
		await signUp(page, name, 'learner');
		viewers.push(page);
	}
	// Both open the same pages in turns: each sees their own name in the header, never the other's.
	for (const path of ['/', ARTICLE, '/sets/xi-moscow-2023-03-21-quiz', '/progress']) {
		for (let round = 0; round < 2; round++) {
			for (const [i, page] of viewers.entries()) {
				const response = await page.request.get(path);
				// The second time it is the kept copy, which alone is sent gzipped.
				if (round === 1) expect(response.headers()['content-encoding'], path).toBe('gzip');
				const html = await response.text();
				expect(html, path).toContain(`Signed in as <strong>${names[i]}</strong>`);
				expect(html, path).not.toContain(names[1 - i]!);
			}
		}
	}
	// Someone without a session gets the page of nobody.
	const guest = await playwright.request.newContext({ baseURL });
	for (const path of ['/', ARTICLE]) {
		const html = await (await guest.get(path)).text();
		for (const name of names) expect(html, path).not.toContain(name);
		expect(html, path).toContain('Create account');
	}
	await guest.dispose();

	// A kept attempt is its learner's: another learner still gets a 404.
	await viewers[0]!.goto('/sets/xi-moscow-2023-03-21-quiz');
	await viewers[0]!.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(viewers[0]!.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of/);
	const attempt = new URL(viewers[0]!.url()).pathname;
	await openTwice(viewers[0]!, attempt);
	expect((await viewers[1]!.request.get(attempt)).status()).toBe(404);
});

test('a change shows at once on pages that were kept before it', async ({ browser }) => {
	test.setTimeout(90_000);
	const teacher = await (await browser.newContext()).newPage();
	await signUp(teacher, uniqueName('keeper'), 'teacher');
	const setId = await createSet(teacher, 'Kept before');
	await teacher.getByRole('link', { name: 'Add a question' }).click();
	await teacher.getByRole('radio', { name: /^True or false/ }).check();
	await teacher.getByRole('button', { name: 'Continue' }).click();
	await teacher.getByLabel('Statement', { exact: true }).fill('Pages are kept until they change.');
	await teacher.getByRole('radio', { name: 'True', exact: true }).check();
	await teacher.getByRole('button', { name: 'Add to the set' }).click();
	await expect(teacher.getByRole('status')).toContainText('Question added.');
	await teacher.getByRole('button', { name: 'Publish' }).click();
	await expect(teacher.getByRole('status')).toContainText('Published');

	const learner = await (await browser.newContext()).newPage();
	await signUp(learner, uniqueName('viewer'), 'learner');
	await openTwice(learner, `/sets/${setId}`);
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Kept before');
	await openTwice(learner, '/progress');
	await expect(learner.getByText('Kept before')).toHaveCount(0);

	// The teacher renames the set: the learner's next visit shows the new title.
	await teacher.getByLabel('Title', { exact: true }).fill('Renamed at once');
	await teacher.getByRole('button', { name: 'Save details' }).click();
	await expect(teacher.getByRole('status')).toContainText('Details saved.');
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Renamed at once');
	await learner.goto(`/sets/${setId}`);
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Renamed at once');

	// A question page kept unanswered shows the answer once given, and the result its mark.
	await learner.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 1');
	const question = new URL(learner.url()).pathname + '?q=1';
	await openTwice(learner, question);
	await expect(learner.getByRole('button', { name: 'Submit answer' })).toBeVisible();
	await answerAnyQuestion(learner);
	await learner.goto(question);
	await expect(learner.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
	await expect(learner.getByRole('button', { name: 'Submit answer' })).toHaveCount(0);
	await learner.getByRole('button', { name: 'See your result' }).click();
	await expect(learner.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await openTwice(learner, '/progress');
	await expect(learner.getByText('Renamed at once').first()).toBeVisible();
});

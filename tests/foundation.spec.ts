import { expect, test } from '@playwright/test';

test('the home page lists the article and what can be studied from it', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Learn the facts of a news text'
	);
	const sources = page.getByRole('list', { name: 'Sources' });
	const link = sources.getByRole('link', {
		name: 'Xi Jinping arrives in Moscow for talks with Vladimir Putin',
		exact: true
	});
	await expect(link).toBeVisible();
	await expect(sources).toContainText('Published 21 March 2023');
	await expect(sources).toContainText(/\d+ facts to study/);
	await link.click();
	await expect(page).toHaveURL(/\/sources\/xi-moscow-2023-03-21$/);
});

test('the source page shows the text with its facts highlighted and linked', async ({ page }) => {
	await page.goto('/sources/xi-moscow-2023-03-21');
	const article = page.getByRole('article');
	await expect(article.locator('mark').first()).toHaveText('Chinese leader Xi Jinping');
	await expect(article).toContainText('arrived at the Kremlin on Tuesday');
	// The dateline is not part of the text a reader sees.
	await expect(article).not.toContainText('date 2023-03-21');
	const marks = article.locator('mark');
	expect(await marks.count()).toBeGreaterThan(20);
	await expect(marks.filter({ hasText: '12-point position paper' }).first()).toBeVisible();

	const facts = page.getByRole('region', { name: /Facts in this text/ });
	const items = facts.getByRole('listitem');
	expect(await items.count()).toBeGreaterThanOrEqual(40);
	await expect(facts).toContainText('20 March 2023');

	// A footnote in the text leads to its fact, and the fact leads back to its evidence.
	const footnote = article.getByRole('link', { name: 'Fact 1', exact: true });
	await footnote.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#fact-/);
	const target = page.locator(':target');
	await expect(target).toBeVisible();
	await target.getByRole('link', { name: /Show the evidence/ }).click();
	await expect(page).toHaveURL(/\?fact=.+#evidence-/);
	await expect(article.locator('mark[data-selected="true"]').first()).toBeVisible();
});

test('/healthz answers after a real query', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	// Every source in the database: the shipped article, and teachers' own from other tests.
	const body = (await response.json()) as { status: string; sources: number };
	expect(body.status).toBe('ok');
	expect(body.sources).toBeGreaterThanOrEqual(1);
});

test('an unknown page gets the 404 page', async ({ page }) => {
	const response = await page.goto('/no/such/page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	const missing = await page.goto('/sources/no-such-source');
	expect(missing?.status()).toBe(404);
});

import { expect, test, type Page } from '@playwright/test';
import { postForm, signUp, uniqueName } from './helpers';

const SOURCE_DECK = '/review/source:xi-moscow-2023-03-21';
const SET = '/sets/xi-moscow-2023-03-21-quiz';

/** Presses Tab until the focused element's name matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (name: string) => boolean) {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const name = await page.evaluate(() => {
			const a = document.activeElement;
			return a?.getAttribute('aria-label') ?? a?.textContent?.trim() ?? '';
		});
		if (matches(name)) return;
	}
	throw new Error('never reached the element by Tab');
}

async function setNewCardsPerDay(page: Page, n: number) {
	await page.goto('/review/settings');
	await page.getByLabel('New cards a day').fill(String(n));
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
}

const prompt = (page: Page) =>
	page.locator('.flashcard:not(.answer) .prompt, .flashcard:not(.answer) .detail').first();

test('a learner reviews a deck with the keyboard only, undoes a grade, meets the daily limit and sees the statistics change', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signUp(page, uniqueName('cards'), 'learner');
	await setNewCardsPerDay(page, 3);

	await page.goto('/review/stats');
	await expect(page.getByText('0 flashcards, 0 quiz answers')).toBeVisible();

	// From the deck list to the article's deck, by keyboard.
	await page.goto('/review');
	await tabTo(
		page,
		(name) => name === 'Study: Xi Jinping arrives in Moscow for talks with Vladimir Putin'
	);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/review\/source:xi-moscow-2023-03-21$/);
	const question = page.getByRole('heading', { name: 'Question' });
	await expect(question).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Answer' })).toHaveCount(0);
	await expect(page.getByText('(this card)')).toBeVisible();

	// 1. Space shows the answer, with the interval each grade would give.
	await question.focus();
	await page.keyboard.press('Space');
	const answer = page.getByRole('heading', { name: 'Answer' });
	await expect(answer).toBeFocused();
	for (const [name, interval] of [
		['Again', '1 minute'],
		['Hard', '6 minutes'],
		['Good', '10 minutes']
	]) {
		await expect(page.getByRole('button', { name: `${name}: next in ${interval}` })).toBeVisible();
	}
	await expect(page.getByRole('button', { name: /^Easy: next in \d+ days$/ })).toBeVisible();
	await page.keyboard.press('4');
	await expect(page.getByRole('status').filter({ hasText: 'Graded Easy.' })).toHaveText(
		/^Graded Easy\. That card comes back in \d+ days\.$/
	);
	await expect(question).toBeFocused();

	// 2. Enter shows the answer; Again; then U undoes it and the same card is back.
	const second = await prompt(page).textContent();
	await page.keyboard.press('Enter');
	await expect(answer).toBeFocused();
	await page.keyboard.press('1');
	await expect(page.getByRole('status').filter({ hasText: 'Graded Again.' })).toBeVisible();
	await expect(prompt(page)).not.toHaveText(second!);
	await page.keyboard.press('u');
	await expect(page.getByRole('status').filter({ hasText: 'Grade undone.' })).toBeVisible();
	await expect(prompt(page)).toHaveText(second!);
	await expect(question).toBeFocused();
	await page.keyboard.press('Space');
	await expect(answer).toBeFocused();
	await page.keyboard.press('4');
	await expect(page.getByRole('status').filter({ hasText: 'Graded Easy.' })).toBeVisible();

	// 3. The third new card, and then the day's limit of three.
	await expect(question).toBeFocused();
	await page.keyboard.press('Space');
	await expect(answer).toBeFocused();
	await page.keyboard.press('4');
	const done = page.getByRole('heading', { name: 'Done for now' });
	await expect(done).toBeVisible();
	await expect(done).toBeFocused();
	await expect(page.getByText("You've reached today's limit of 3 new cards.")).toBeVisible();

	// The statistics show the three reviews (the undone one is gone).
	await page.goto('/review/stats');
	await expect(page.getByText('3 flashcards, 0 quiz answers')).toBeVisible();
	await expect(page.getByText('1 day', { exact: true })).toBeVisible();
	await page.getByText('Reviews per day: the numbers').click();
	const today = new Date().toISOString().slice(0, 10);
	await expect(page.getByRole('row', { name: `${today} 3 0` })).toBeVisible();
});

test('the answer is not in the page before the learner reveals it', async ({ page }) => {
	await signUp(page, uniqueName('peek'), 'learner');
	await page.goto(SOURCE_DECK);
	// The first card asks for Xi Jinping's title; its back states the fact.
	const statement = 'Xi Jinping is the Chinese leader.';
	await expect(page.getByRole('heading', { name: 'Question' })).toBeVisible();
	const html = await (await page.request.get(SOURCE_DECK)).text();
	const data = await (await page.request.get(`${SOURCE_DECK}/__data.json`)).text();
	for (const body of [html, data]) {
		expect(body).toContain('What role or title does the article give Xi Jinping?');
		expect(body).not.toContain(statement);
		expect(body).not.toContain('Chinese leader Xi Jinping');
	}
	await page.getByRole('link', { name: 'Show answer' }).click();
	await expect(page.getByText(statement)).toBeVisible();
	await expect(page.getByText('“Chinese leader Xi Jinping”')).toBeVisible();
	await expect(page.getByRole('link', { name: 'See this in the article' })).toHaveAttribute(
		'href',
		/\/sources\/xi-moscow-2023-03-21\?fact=xi-role#evidence-xi-role/
	);
});

test('reviewing works without JavaScript: reveal, grade, undo, bury and suspend', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUp(page, uniqueName('nojs'), 'learner');
	await page.goto(SOURCE_DECK);
	const first = await prompt(page).textContent();
	await page.getByRole('link', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText(/Last card: Good, back in 10 minutes/)).toBeVisible();
	await expect(prompt(page)).not.toHaveText(first!);
	await page.getByRole('button', { name: 'Undo last grade' }).click();
	await expect(prompt(page)).toHaveText(first!);

	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await expect(prompt(page)).not.toHaveText(first!);
	const suspended = await prompt(page).textContent();
	await page.getByRole('button', { name: 'Suspend card' }).click();
	await expect(prompt(page)).not.toHaveText(suspended!);

	await page.goto('/review/leeches');
	await expect(page.getByRole('heading', { name: 'Other suspended cards (1)' })).toBeVisible();
	await expect(page.getByRole('cell', { name: suspended!, exact: true })).toBeVisible();
	await page.getByRole('button', { name: `Unsuspend: ${suspended}` }).click();
	await expect(page.getByRole('heading', { name: 'Other suspended cards (0)' })).toBeVisible();
	await context.close();
});

test('settings refuse values out of range and say why', async ({ page }) => {
	await signUp(page, uniqueName('limits'), 'learner');
	await page.goto('/review/settings');
	await page.getByLabel('Desired retention (%)').fill('50');
	await page.getByLabel('New cards a day').fill('lots');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText(/Desired retention must be between 70 and 99 percent/)).toBeVisible();
	await expect(page.getByText('New cards a day must be a whole number.')).toBeVisible();
	await expect(page.getByLabel('New cards a day')).toHaveAttribute('aria-invalid', 'true');
	// The refused values stay on show to be corrected; saved ones replace them.
	await expect(page.getByLabel('New cards a day')).toHaveValue('lots');
	await page.getByLabel('Desired retention (%)').fill('85');
	await page.getByLabel('New cards a day').fill('7');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await expect(page.getByLabel('Desired retention (%)')).toHaveValue('85');
	await expect(page.getByLabel('New cards a day')).toHaveValue('7');
	await page.reload();
	await expect(page.getByLabel('Desired retention (%)')).toHaveValue('85');
	await expect(page.getByLabel('New cards a day')).toHaveValue('7');
});

test('a quiz result offers the missed facts as a flashcard deck', async ({ page, baseURL }) => {
	await signUp(page, uniqueName('missed'), 'learner');
	await page.goto(SET);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	// Finishing before answering: every question is missed.
	const attempt = new URL(page.url()).pathname;
	const finished = await postForm(page.request, `${attempt}?/finish`, {}, baseURL!);
	expect(finished.status()).toBe(303);
	await page.goto(`${attempt}/result`);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await page.getByRole('link', { name: 'Study the ones you missed as flashcards' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Missed in /);
	await expect(page.getByRole('heading', { name: 'Question' })).toBeVisible();
});

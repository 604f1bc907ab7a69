import { expect, test, type Page } from '@playwright/test';
import { apiSignUp, postForm, signUp, tabTo, uniqueName } from './helpers';
import { countRows, openTestDb } from './db';

const SET = '/sets/xi-moscow-2023-03-21-quiz';

/** Which kind of question the page shows, read from its controls as a person would. */
async function questionKind(page: Page): Promise<string> {
	const form = page.locator('form[action="?/answer"]');
	if ((await form.getByRole('button', { name: /^Move down/ }).count()) > 0) return 'ordering';
	if ((await form.getByRole('combobox').count()) > 0) return 'matching';
	if ((await form.getByRole('radio', { name: 'Not given' }).count()) > 0)
		return 'true_false_not_given';
	if ((await form.getByRole('radio', { name: 'True' }).count()) > 0) return 'true_false';
	if ((await form.getByRole('radio').count()) > 0) return 'multiple_choice';
	if ((await form.getByLabel('Type the date').count()) > 0) return 'date';
	if ((await form.getByLabel('The missing words').count()) > 0) return 'cloze';
	if ((await form.getByText('A number, in digits or words.').count()) > 0) return 'numeric';
	return 'short_answer';
}

async function answerWithKeyboard(page: Page, kind: string) {
	switch (kind) {
		case 'multiple_choice':
		case 'true_false':
		case 'true_false_not_given':
			await page.keyboard.press('1');
			await expect(page.getByRole('radio').first()).toBeChecked();
			await page.keyboard.press('Enter');
			return;
		case 'short_answer':
		case 'cloze':
			await page.keyboard.press('Tab');
			await page.keyboard.type('Xi Jinping');
			await page.keyboard.press('Enter');
			return;
		case 'numeric':
			await page.keyboard.press('Tab');
			await page.keyboard.type('twelve');
			await page.keyboard.press('Enter');
			return;
		case 'date':
			await page.keyboard.press('Tab');
			await page.keyboard.type('21 March 2023');
			await page.keyboard.press('Enter');
			return;
		case 'matching': {
			const selects = page.locator('form[action="?/answer"] select');
			const n = await selects.count();
			for (let i = 0; i < n; i++) {
				await page.keyboard.press('Tab');
				// Option i+1 for select i: every left gets a different right.
				for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
			}
			await tabTo(page, (el) => el.text === 'Submit answer');
			await page.keyboard.press('Enter');
			return;
		}
		case 'ordering': {
			const first = await page.locator('.item-text').first().textContent();
			await tabTo(page, (el) => el.text.startsWith('Move down'));
			await page.keyboard.press('Enter');
			// The item moved, and focus stayed with it.
			await expect(page.locator('.item-text').nth(1)).toHaveText(first!);
			await expect(page.locator(':focus')).toContainText(first!);
			await tabTo(page, (el) => el.text === 'Submit answer');
			await page.keyboard.press('Enter');
			return;
		}
	}
}

test('a learner completes a quiz of every question type with the keyboard only', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signUp(page, uniqueName('keys'), 'learner');
	await page.goto(SET);
	await tabTo(page, (el) => el.text === 'Start the quiz');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Question 1 of 12/);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

	const kinds = new Set<string>();
	for (let n = 1; n <= 12; n++) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Question ${n} of 12`);
		const kind = await questionKind(page);
		kinds.add(kind);
		await answerWithKeyboard(page, kind);
		// The verdict is shown in words and announced, and focus is back at the top.
		await expect(page.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
		await expect(page.getByRole('status').first()).toHaveText(
			/^(Correct|Not quite)\. The right answer is/
		);
		await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
		await expect(page.getByText('The right answer', { exact: true })).toBeVisible();
		if (n < 12) {
			await page.keyboard.press('Enter');
		} else {
			await tabTo(page, (el) => el.text === 'See your result');
			await page.keyboard.press('Enter');
		}
	}
	expect([...kinds].sort()).toEqual([
		'cloze',
		'date',
		'matching',
		'multiple_choice',
		'numeric',
		'ordering',
		'short_answer',
		'true_false',
		'true_false_not_given'
	]);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	const score = await page.locator('.score').textContent();
	expect(score).toMatch(/^\d+ of 12 right \(\d+%\) in /);
	await expect(page.locator('.results > li')).toHaveCount(12);

	// The result and the progress page survive a reload.
	await page.reload();
	await expect(page.locator('.score')).toHaveText(score!);
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: /the quiz/ })).toBeVisible();
	await expect(page.getByText('Attempts')).toBeVisible();
	const missing = await page.getByRole('heading', { name: /Facts to study/ }).textContent();
	const known = await page.getByRole('heading', { name: /Facts you know/ }).textContent();
	expect(
		Number(/\((\d+)\)/.exec(missing!)![1]) + Number(/\((\d+)\)/.exec(known!)![1])
	).toBeGreaterThan(0);
});

test('a quiz works with JavaScript turned off', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUp(page, uniqueName('nojs'), 'learner');
	await page.goto(SET);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let n = 1; n <= 12; n++) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Question ${n} of 12`);
		const kind = await questionKind(page);
		const form = page.locator('form[action="?/answer"]');
		if (kind === 'multiple_choice' || kind === 'true_false' || kind === 'true_false_not_given')
			await form.getByRole('radio').first().check();
		else if (kind === 'matching') {
			const selects = form.locator('select');
			for (let i = 0; i < (await selects.count()); i++)
				await selects.nth(i).selectOption({ index: 1 + i });
		} else if (kind === 'ordering') {
			const first = await page.locator('.item-text').first().textContent();
			// Without JavaScript the move buttons reload the page with the new order.
			await form
				.getByRole('button', { name: /^Move down/ })
				.first()
				.click();
			await expect(page.locator('.item-text').nth(1)).toHaveText(first!);
		} else if (kind === 'date') {
			await form.getByLabel('Type the date').fill('21 March 2023');
		} else {
			await form
				.getByRole('textbox')
				.first()
				.fill(kind === 'numeric' ? '12' : 'Vladimir Putin');
		}
		await page.getByRole('button', { name: 'Submit answer' }).click();
		await expect(page.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
		if (n < 12) await page.getByRole('link', { name: 'Next question' }).click();
	}
	await page.getByRole('button', { name: 'See your result' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await expect(page.locator('.score')).toHaveText(/^\d+ of 12 right/);
});

test('the page before answering holds no answer key', async ({ page }) => {
	await signUp(page, uniqueName('peek'), 'learner');
	await page.goto(SET);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	const attemptId = /\/attempts\/([^/?#]+)/.exec(page.url())![1]!;
	const db = openTestDb();
	const rows = db
		.prepare('select position, body from attempt_question where attempt_id = ? order by position')
		.all(attemptId) as { position: number; body: string }[];
	db.close();
	expect(rows).toHaveLength(12);
	for (const row of rows) {
		const q = JSON.parse(row.body);
		// The raw HTML, including the data SvelteKit serialises for hydration.
		const html = await (
			await page.request.get(`/attempts/${attemptId}?q=${row.position + 1}`)
		).text();
		const dataJs = await (
			await page.request.get(`/attempts/${attemptId}/__data.json?q=${row.position + 1}`)
		).text();
		// The page's chrome names the set (its title names Xi and Putin, its id holds the
		// publication date): none of that is an answer, so it is masked before looking.
		const title = 'Xi Jinping arrives in Moscow for talks with Vladimir Putin: the quiz';
		const masked = [html, dataJs].map((t) =>
			t.replaceAll(title, 'SET TITLE').replaceAll('xi-moscow-2023-03-21', 'SOURCE')
		);
		for (const source of masked) {
			expect(source).not.toContain('correctChoiceId');
			expect(source).not.toContain('"explanation"');
			expect(source).not.toContain(q.explanation);
			expect(source).not.toContain('"provenance"');
			expect(source).not.toMatch(/"(answer|alternatives|pairs|correctChoiceId)":/);
			if (q.type === 'short_answer' || q.type === 'cloze') {
				// Numbers like "12" appear on every page (12 questions); words must not.
				for (const accepted of [q.answer, ...q.alternatives].filter(
					(a) => !/^[\d.,\s]+$/.test(a)
				)) {
					expect(source).not.toContain(accepted);
				}
			}
			if (q.type === 'numeric') expect(source).not.toMatch(new RegExp(`"answer":`));
			if (q.type === 'date') expect(source).not.toContain(q.answer);
			if (q.type === 'true_false') expect(source).not.toMatch(/"answer":(true|false)/);
		}
	}
});

test('tampered submissions are refused with a message and record nothing', async ({
	playwright,
	baseURL
}) => {
	const base = baseURL!;
	const mallory = await playwright.request.newContext({ baseURL: base });
	await apiSignUp(mallory, base, uniqueName('mallory'), 'learner');
	const victim = await playwright.request.newContext({ baseURL: base });
	await apiSignUp(victim, base, uniqueName('victim'), 'learner');

	const start = async (ctx: typeof mallory) => {
		const r = await postForm(ctx, `${SET}?/start`, {}, base);
		expect(r.status()).toBe(303);
		return /\/attempts\/([^/?#]+)/.exec(r.headers()['location']!)![1]!;
	};
	const mine = await start(mallory);
	const theirs = await start(victim);
	const db = openTestDb();
	const first = db
		.prepare('select body from attempt_question where attempt_id = ? and position = 0')
		.get(mine) as { body: string };
	db.close();
	const q = JSON.parse(first.body);
	const before = countRows('answer');

	const cases: {
		name: string;
		path: string;
		form?: Record<string, string>;
		body?: string;
		status: number;
		message: RegExp;
	}[] = [
		{
			name: 'question not in the attempt',
			path: `/attempts/${mine}?/answer`,
			form: { position: '99', choice: 'x', text: 'x' },
			status: 400,
			message: /not part of this attempt/
		},
		{
			name: 'no position',
			path: `/attempts/${mine}?/answer`,
			form: { text: 'x' },
			status: 400,
			message: /which question/
		},
		{
			name: "someone else's attempt",
			path: `/attempts/${theirs}?/answer`,
			form: { position: '0', text: 'x', choice: 'x' },
			status: 404,
			message: /No attempt of yours/
		},
		{
			name: 'a choice that does not exist',
			path: `/attempts/${mine}?/answer`,
			form: { position: '0', choice: 'not-a-choice', text: '', match: 'nope', order: 'nope' },
			status: 400,
			message: /not one of|Type an answer|Match every|each of the question|true or false|Not given/
		},
		{
			name: 'an oversized body',
			path: `/attempts/${mine}?/answer`,
			form: { position: '0', text: 'x'.repeat(200_000) },
			status: 413,
			message: /too large/
		}
	];
	for (const c of cases) {
		const r = await postForm(mallory, c.path, c.form ?? {}, base);
		expect(r.status(), c.name).toBe(c.status);
		expect(await r.text(), c.name).toMatch(c.message);
	}
	// A malformed body: not a form at all.
	const junk = await mallory.post(`/attempts/${mine}?/answer`, {
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: '%%%&&&==%zz',
		maxRedirects: 0,
		failOnStatusCode: false
	});
	expect([400, 413]).toContain(junk.status());
	expect(countRows('answer')).toBe(before);
	expect(q.type).toBeTruthy();
});

test('submitting the same answer twice records it once', async ({ playwright, baseURL }) => {
	const base = baseURL!;
	const ctx = await playwright.request.newContext({ baseURL: base });
	await apiSignUp(ctx, base, uniqueName('twice'), 'learner');
	const r = await postForm(ctx, `${SET}?/start`, {}, base);
	const attemptId = /\/attempts\/([^/?#]+)/.exec(r.headers()['location']!)![1]!;
	const db = openTestDb();
	const rows = db
		.prepare('select position, body from attempt_question where attempt_id = ?')
		.all(attemptId) as { position: number; body: string }[];
	db.close();
	const typed = rows.find((row) =>
		['short_answer', 'cloze', 'numeric', 'date'].includes(JSON.parse(row.body).type)
	)!;
	const form = { position: String(typed.position), text: '12' };
	const [a, b] = await Promise.all([
		postForm(ctx, `/attempts/${attemptId}?/answer`, form, base),
		postForm(ctx, `/attempts/${attemptId}?/answer`, form, base)
	]);
	expect([a.status(), b.status()]).toEqual([303, 303]);
	const retry = await postForm(ctx, `/attempts/${attemptId}?/answer`, form, base);
	expect(retry.status()).toBe(303);
	expect(countRows('answer', 'attempt_id = ?', attemptId)).toBe(1);
});

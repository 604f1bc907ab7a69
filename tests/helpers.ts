// Shared steps for the browser tests, done the way a person does them.
import {
	expect,
	type APIRequestContext,
	type Browser,
	type Locator,
	type Page
} from '@playwright/test';

let counter = 0;
/** A username no other test run uses. */
export function uniqueName(prefix: string): string {
	counter += 1;
	return `${prefix}${Date.now().toString(36)}${counter}`;
}

export const PASSWORD = 'correct-horse-battery';

/** The test database's administrator: its first account, made by global-setup.ts. */
export const ADMIN = { username: 'school_admin', password: 'admin-horse-battery' } as const;

/**
 * Opens a sign-in or sign-up page once its scripts have loaded and run, so the steps meet the
 * enhanced form most people use (typing earlier is fine too: accounts.spec.ts checks that).
 * Hydration follows the last script's arrival at once, so a quiet network means it is done.
 */
async function openAccountForm(page: Page, url: string) {
	await page.goto(url, { waitUntil: 'networkidle' });
}

export async function signUp(
	page: Page,
	username: string,
	role: 'learner' | 'teacher',
	password = PASSWORD
) {
	await openAccountForm(page, '/signup');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('radio', { name: role === 'teacher' ? /Teacher/ : 'Learner' }).check();
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText(`Signed in as ${username}`)).toBeVisible();
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
	await openAccountForm(page, '/signin');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText(`Signed in as ${username}`)).toBeVisible();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

/** Posts a form as a browser would (same-origin), returning the raw response. */
export async function postForm(
	request: APIRequestContext,
	path: string,
	form: Record<string, string>,
	baseURL: string
) {
	return request.post(path, {
		form,
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0,
		failOnStatusCode: false
	});
}

/** Signs up through the form endpoint, for tests that need many accounts quickly. */
export async function apiSignUp(
	request: APIRequestContext,
	baseURL: string,
	username: string,
	role: 'learner' | 'teacher'
) {
	const response = await postForm(
		request,
		'/signup',
		{ username, password: PASSWORD, role },
		baseURL
	);
	expect(response.status(), await response.text()).toBe(303);
}

/** A page in a browser context of its own: another person, or another device. */
export async function newPage(browser: Browser, userAgent?: string): Promise<Page> {
	return (await browser.newContext(userAgent ? { userAgent } : {})).newPage();
}

/** A teacher makes a class; returns its join code. */
export async function makeClass(page: Page, name: string): Promise<string> {
	await page.goto('/teach/classes');
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return (await page.locator('.join-code').textContent())!.trim();
}

export async function joinClass(page: Page, code: string) {
	await page.goto('/classes');
	await page.getByLabel('Join code').fill(code);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('status')).toContainText('You joined');
}

/** Answers the quiz question on screen, whatever its type (not necessarily rightly). */
export async function answerAnyQuestion(page: Page) {
	const form = page.locator('form[action="?/answer"]');
	if (await form.getByRole('radio').count()) await form.getByRole('radio').first().check();
	else if (await form.locator('select').count()) {
		for (const select of await form.locator('select').all())
			await select.selectOption({ index: 1 });
	} else if (await form.getByRole('textbox').count())
		await form.getByRole('textbox').first().fill('12');
	await page.getByRole('button', { name: 'Submit answer' }).click();
	await expect(page.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
}

/** Creates a question set from the teacher area; its id. */
export async function createSet(page: Page, title: string) {
	await page.goto('/teach');
	await page.getByRole('link', { name: 'Create a set' }).click();
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Create set' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	return /\/teach\/sets\/([^/?#]+)/.exec(page.url())![1]!;
}

/**
 * Presses Tab until the focused element matches (a test on its text, tag and label, or a
 * locator for the element itself), as a keyboard user reaches a control.
 */
export async function tabTo(
	page: Page,
	target: ((el: { text: string; tag: string; label: string }) => boolean) | Locator,
	limit = 40
) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (typeof target !== 'function') {
			if (await target.evaluate((el) => el === document.activeElement)) return;
			continue;
		}
		const el = await page.evaluate(() => {
			const a = document.activeElement as HTMLElement | null;
			return {
				text: a?.textContent?.trim() ?? '',
				tag: a?.tagName ?? '',
				label:
					a?.getAttribute('aria-label') ??
					(a as HTMLInputElement | null)?.labels?.[0]?.textContent ??
					''
			};
		});
		if (target(el)) return;
	}
	throw new Error('never reached the element by Tab');
}

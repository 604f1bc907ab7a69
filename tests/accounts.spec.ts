import { expect, test } from '@playwright/test';
import {
	answerAnyQuestion,
	apiSignUp,
	PASSWORD,
	postForm,
	signIn,
	signOut,
	signUp,
	uniqueName
} from './helpers';

test('a teacher signs up, creates a class, and a learner joins it with its code', async ({
	browser
}) => {
	const teacherPage = await (await browser.newContext()).newPage();
	const teacher = uniqueName('teacher');
	await signUp(teacherPage, teacher, 'teacher');
	await expect(teacherPage).toHaveURL(/\/teach$/);
	await teacherPage.getByRole('link', { name: 'Manage classes' }).click();
	await teacherPage.getByLabel('Class name').fill('Year 9 History');
	await teacherPage.getByRole('button', { name: 'Create class' }).click();
	await expect(teacherPage.getByRole('heading', { level: 1 })).toHaveText('Year 9 History');
	const code = (await teacherPage.locator('.join-code').textContent())!.trim();
	expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

	const learnerPage = await (await browser.newContext()).newPage();
	const learner = uniqueName('learner');
	await signUp(learnerPage, learner, 'learner');
	await learnerPage.getByRole('link', { name: 'My classes' }).click();
	// Codes are forgiving about case and spacing, strict about everything else.
	await learnerPage.getByLabel('Join code').fill('ZZZZZZ');
	await learnerPage.getByRole('button', { name: 'Join' }).click();
	await expect(learnerPage.getByRole('alert')).toContainText('No class has that join code');
	await learnerPage
		.getByLabel('Join code')
		.fill(` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)} `);
	await learnerPage.getByRole('button', { name: 'Join' }).click();
	await expect(learnerPage.getByRole('status')).toContainText('You joined Year 9 History');
	await expect(learnerPage.getByRole('heading', { name: 'Year 9 History' })).toBeVisible();

	// The teacher sees the learner in the roster, removes them and renews the code.
	await teacherPage.reload();
	await expect(teacherPage.getByText(learner, { exact: true })).toBeVisible();
	await teacherPage.getByRole('button', { name: 'Renew the join code' }).click();
	await expect(teacherPage.getByRole('status')).toContainText('The new join code is');
	await expect(teacherPage.locator('.join-code')).not.toHaveText(code);
	await teacherPage.getByRole('button', { name: `Remove ${learner}` }).click();
	await expect(teacherPage.getByRole('status')).toContainText('Learner removed');
	await learnerPage.reload();
	await expect(learnerPage.getByText('You are not in a class yet.')).toBeVisible();

	// The old code no longer works.
	await learnerPage.getByLabel('Join code').fill(code);
	await learnerPage.getByRole('button', { name: 'Join' }).click();
	await expect(learnerPage.getByRole('alert')).toContainText('No class has that join code');
});

test('sign out and sign in again; a wrong password gets a clear message', async ({ page }) => {
	const name = uniqueName('ada');
	await signUp(page, name, 'learner');
	await signOut(page);
	await page.goto('/signin');
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill('not-my-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
	await expect(page.getByLabel('Username')).toHaveValue(name);
	await signIn(page, name.toUpperCase(), PASSWORD);
});

test('what a person types before the page has loaded its scripts is kept when they run', async ({
	page
}) => {
	const name = uniqueName('early');
	await signUp(page, name, 'learner');
	await signOut(page);
	// Hold the page's scripts back, as a slow connection does, while the form is filled in.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/signin', { waitUntil: 'commit' });
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill(PASSWORD);
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Username')).toHaveValue(name);
	await expect(page.getByLabel('Password')).toHaveValue(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
});

test('sign-up explains what is wrong beside the field', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Username').fill('a');
	await page.getByLabel('Password').fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Choose a username of at least 3 characters.')).toBeVisible();
	await expect(page.getByText('Choose a password of at least 8 characters.')).toBeVisible();
});

test('session cookies are HttpOnly and SameSite=Lax, and each sign-in gets a new token', async ({
	request,
	baseURL
}) => {
	const name = uniqueName('cookie');
	const signUpResponse = await postForm(
		request,
		'/signup',
		{ username: name, password: PASSWORD, role: 'learner' },
		baseURL!
	);
	expect(signUpResponse.status()).toBe(303);
	const first = signUpResponse.headers()['set-cookie']!;
	expect(first).toMatch(/factdeck_session=[a-z2-7]+;/);
	expect(first).toMatch(/HttpOnly/i);
	expect(first).toMatch(/SameSite=Lax/i);
	expect(first).not.toMatch(/Secure/i); // plain http here; https gets Secure (unit-tested)
	const firstToken = /factdeck_session=([a-z2-7]+)/.exec(first)![1];

	const signInResponse = await postForm(
		request,
		'/signin',
		{ username: name, password: PASSWORD },
		baseURL!
	);
	expect(signInResponse.status()).toBe(303);
	const secondToken = /factdeck_session=([a-z2-7]+)/.exec(
		signInResponse.headers()['set-cookie']!
	)![1];
	expect(secondToken).not.toBe(firstToken);

	// The old token no longer signs anyone in: the server ended that session.
	const stale = await request.get('/classes', {
		headers: { cookie: `factdeck_session=${firstToken}` },
		maxRedirects: 0
	});
	expect(stale.status()).toBe(303);
	expect(stale.headers()['location']).toMatch(/^\/signin/);

	// Sign-out ends the session on the server too.
	const current = await request.get('/classes', {
		headers: { cookie: `factdeck_session=${secondToken}` },
		maxRedirects: 0
	});
	expect(current.status()).toBe(200);
	const out = await request.post('/signout', {
		headers: { origin: baseURL!, accept: 'text/html', cookie: `factdeck_session=${secondToken}` },
		form: {},
		maxRedirects: 0
	});
	expect(out.status()).toBe(303);
	const after = await request.get('/classes', {
		headers: { cookie: `factdeck_session=${secondToken}` },
		maxRedirects: 0
	});
	expect(after.status()).toBe(303);
});

test('the sign-in limit stops guessing one account but not a class behind one address', async ({
	playwright,
	baseURL
}) => {
	const victim = uniqueName('victim');
	const learners = Array.from({ length: 30 }, () => uniqueName('pupil'));
	for (const name of [victim, ...learners]) {
		await apiSignUp(await playwright.request.newContext({ baseURL }), baseURL!, name, 'learner');
	}

	const attacker = await playwright.request.newContext({ baseURL });
	const statuses: number[] = [];
	for (let i = 0; i < 7; i++) {
		const r = await postForm(
			attacker,
			'/signin',
			{ username: victim, password: `guess${i}` },
			baseURL!
		);
		statuses.push(r.status());
	}
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses.slice(5)).toEqual([429, 429]);
	const locked = await postForm(
		attacker,
		'/signin',
		{ username: victim, password: PASSWORD },
		baseURL!
	);
	expect(locked.status()).toBe(429);
	expect(await locked.text()).toContain('Too many failed sign-ins');

	// 30 learners, each in their own browser, all from this one address, within a minute.
	const started = Date.now();
	const results = await Promise.all(
		learners.map(async (name) => {
			const browser = await playwright.request.newContext({ baseURL });
			await browser.get('/signin');
			const r = await postForm(
				browser,
				'/signin',
				{ username: name, password: PASSWORD },
				baseURL!
			);
			return r.status();
		})
	);
	expect(Date.now() - started).toBeLessThan(60_000);
	expect(results).toEqual(learners.map(() => 303));
});

test("a guest's progress survives sign-up", async ({ page }) => {
	await page.goto('/sets/xi-moscow-2023-03-21-quiz');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByText('Studying as a guest')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	// Answer the first question whatever it is, then finish early.
	await answerAnyQuestion(page);
	await page.getByRole('button', { name: 'Finish now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	const score = await page.locator('.score').textContent();

	const name = uniqueName('convert');
	await page.getByRole('link', { name: 'Create account' }).click();
	await expect(page.getByText('Your progress moves to the account you create.')).toBeVisible();
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: /the quiz/ })).toBeVisible();
	await expect(page.getByText('Attempts')).toBeVisible();
	await page.goto('/sets/xi-moscow-2023-03-21-quiz');
	await page.getByRole('link', { name: /^Result/ }).click();
	await expect(page.locator('.score')).toHaveText(score!);
});

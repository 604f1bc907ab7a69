// The admin page: who may sign up as a teacher, roles, disabling, and the audit log.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, PASSWORD, postForm, signIn, signUp, uniqueName } from './helpers';

async function asAdmin(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, ADMIN.username, ADMIN.password);
	await expect(page).toHaveURL(/\/admin$/);
	return page;
}

async function setTeacherSignup(admin: Page, label: RegExp) {
	await admin.goto('/admin');
	await admin.getByRole('radio', { name: label }).check();
	await admin.getByRole('button', { name: 'Save who may sign up as a teacher' }).click();
	await expect(admin.getByRole('status').filter({ hasText: /sign up/ })).toBeVisible();
}

test('an admin switches teacher sign-up to invite-only: without the code a sign-up is refused with a clear message', async ({
	browser
}) => {
	const admin = await asAdmin(browser);
	try {
		await setTeacherSignup(admin, /Only with the teacher invite code/);
		const code = (await admin.locator('.code').textContent())!.trim();
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

		const page = await (await browser.newContext()).newPage();
		const name = uniqueName('wannateach');
		await page.goto('/signup', { waitUntil: 'networkidle' });
		await page.getByLabel('Username').fill(name);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('radio', { name: /Teacher/ }).check();
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(
			page.getByText(
				'Signing up as a teacher needs the teacher invite code from your school’s administrator.'
			)
		).toBeVisible();
		await expect(page.getByLabel('Teacher invite code (teachers only)')).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await expect(page).toHaveURL(/\/signup$/);

		// With the code (typed loosely), the same sign-up works.
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByLabel('Teacher invite code (teachers only)').fill(code.toLowerCase());
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
		await expect(page).toHaveURL(/\/teach$/);

		// Learners still sign up without it.
		await signUp(await (await browser.newContext()).newPage(), uniqueName('stillok'), 'learner');

		// Rotating the code retires the old one.
		await admin.goto('/admin');
		await admin.getByRole('button', { name: 'Rotate the invite code' }).click();
		await expect(admin.getByText('The old one no longer works.')).toBeVisible();
		const ctx = await (await browser.newContext()).request;
		const old = await postForm(
			ctx,
			'/signup',
			{ username: uniqueName('late'), password: PASSWORD, role: 'teacher', inviteCode: code },
			new URL(admin.url()).origin
		);
		expect(old.status()).toBe(400);

		await setTeacherSignup(admin, /^Nobody/);
		const nobody = await (await browser.newContext()).newPage();
		await nobody.goto('/signup');
		await expect(nobody.getByRole('radio', { name: /Teacher/ })).toHaveCount(0);
		await expect(
			nobody.getByText('Teachers are made by your school’s administrator')
		).toBeVisible();
	} finally {
		await setTeacherSignup(admin, /^Anyone/);
	}
	// The audit log has the changes, newest first.
	await admin.goto('/admin');
	const log = admin.getByRole('region', { name: 'Audit log' });
	await expect(log.getByRole('listitem').first()).toContainText(
		`${ADMIN.username} changed who may sign up as a teacher (from nobody (administrators make teachers) to anyone)`
	);
	await expect(log).toContainText('rotated the teacher invite code');
});

test('an admin makes a learner a teacher, and disables and re-enables an account', async ({
	browser
}) => {
	const admin = await asAdmin(browser);
	const name = uniqueName('promoted');
	const page = await (await browser.newContext()).newPage();
	await signUp(page, name, 'learner');
	await expect(page.getByRole('link', { name: 'Teach' })).toHaveCount(0);

	await admin.getByLabel('Search by username').fill(name);
	await admin.getByRole('button', { name: 'Search' }).click();
	await expect(admin.getByText('1 account matching')).toBeVisible();
	await admin.getByLabel(`Role of ${name}`).selectOption('teacher');
	await admin.getByRole('button', { name: `Change role of ${name}` }).click();
	await expect(admin.getByText(`${name} is now a teacher.`)).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: 'Teach' })).toBeVisible();

	await admin.getByRole('button', { name: `Disable ${name}` }).click();
	await expect(admin.getByText(`${name} is disabled and signed out everywhere.`)).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await page.goto('/signin', { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'This account has been disabled. Ask your school’s administrator to re-enable it.'
	);

	await admin.getByRole('button', { name: `Enable ${name}` }).click();
	await expect(admin.getByText(`${name} can sign in again.`)).toBeVisible();
	await signIn(page, name);
	const log = admin.getByRole('region', { name: 'Audit log' });
	await admin.reload();
	await expect(log).toContainText(`re-enabled ${name}`);
	await expect(log).toContainText(`disabled ${name}`);
	await expect(log).toContainText(`changed the role of ${name} (from learner to teacher)`);
});

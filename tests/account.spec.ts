// The account page: change the password, see and end sessions, export one's data, delete the
// account (a teacher is told what goes with theirs).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { countRows } from './db';
import { joinClass, makeClass, newPage, PASSWORD, signIn, signUp, uniqueName } from './helpers';

test('a wrong current password changes nothing; the right one ends the other sessions', async ({
	browser
}) => {
	const name = uniqueName('changer');
	const page = await newPage(browser);
	await signUp(page, name, 'learner');
	const other = await newPage(
		browser,
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
	);
	await signIn(other, name);

	await page.getByRole('link', { name: 'Account' }).click();
	await expect(page.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible();
	// The sessions list names the other device.
	await expect(page.getByText('Safari on iPhone', { exact: true })).toBeVisible();
	await expect(page.getByText('(this browser)')).toBeVisible();

	await page.getByLabel('Current password').fill('not-the-password');
	await page.getByLabel('New password', { exact: true }).fill('a-better-password');
	await page.getByLabel('New password again').fill('a-better-password');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('That is not your current password.')).toBeVisible();
	await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
	await other.reload();
	await expect(other.getByText(`Signed in as ${name}`)).toBeVisible();

	await page.getByLabel('Current password').fill(PASSWORD);
	await page.getByLabel('New password', { exact: true }).fill('a-better-password');
	await page.getByLabel('New password again').fill('a-better-password');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Your password is changed. One other session ended.')).toBeVisible();
	await other.reload();
	await expect(other.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await signIn(other, name, 'a-better-password');

	// Ending one session from the list, by keyboard.
	await page.reload();
	const end = page.getByRole('button', { name: /End session on Safari on iPhone/ });
	await end.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('That session has ended.')).toBeVisible();
	await other.reload();
	await expect(other.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a learner exports their data, then deletes their account; their teacher’s report no longer shows them', async ({
	browser
}) => {
	const teacher = await newPage(browser);
	await signUp(teacher, uniqueName('teach'), 'teacher');
	const className = `Export class ${uniqueName('c')}`;
	const code = await makeClass(teacher, className);
	const classUrl = teacher.url();
	// The article's quiz, assigned: the report then has a row for each learner.
	await teacher.getByLabel('Set to assign').selectOption({ index: 0 });
	await teacher.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(teacher.getByText('Set assigned.')).toBeVisible();

	const name = uniqueName('leaver');
	const page = await newPage(browser);
	await signUp(page, name, 'learner');
	await joinClass(page, code);
	await page.goto('/sets/xi-moscow-2023-03-21-quiz');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	await teacher.goto(`${classUrl}/report`);
	await expect(teacher.getByRole('rowheader', { name, exact: true })).toBeVisible();

	await page.goto('/account');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export my data' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		new RegExp(`^factdeck-${name}-\\d{4}-\\d{2}-\\d{2}\\.json$`)
	);
	const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(data).toMatchObject({
		format: 'factdeck-account-data',
		version: 1,
		account: { username: name, role: 'learner' },
		classMemberships: [{ className }]
	});
	expect(data.attempts).toHaveLength(1);
	expect(data.attempts[0].questions).toHaveLength(12);
	// The quiz is under way: its unanswered questions come without their answer key.
	expect(data.attempts[0].questions.every((q: { unanswered?: boolean }) => q.unanswered)).toBe(
		true
	);
	expect(JSON.stringify(data)).not.toContain('$argon2');

	const userId = data.account.id as string;
	await page.getByRole('link', { name: 'Delete my account…' }).click();
	await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible();
	await expect(page.getByText('1 quiz attempt with their answers')).toBeVisible();
	await page.getByLabel('Your password').fill('wrong-password');
	await page.getByRole('button', { name: 'Delete my account for good' }).click();
	await expect(page.getByText('That is not your current password.')).toBeVisible();
	expect(countRows('user', 'id = ?', userId)).toBe(1);

	await page.getByLabel('Your password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Delete my account for good' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Your account and everything that was yours are deleted.'
	);
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect(countRows('user', 'id = ?', userId)).toBe(0);
	expect(countRows('attempt', 'user_id = ?', userId)).toBe(0);

	await teacher.goto(`${classUrl}/report`);
	await expect(teacher.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(teacher.getByText(name)).toHaveCount(0);
	await expect(teacher.getByText('No one has joined the class yet.')).toBeVisible();
	await teacher.goto(classUrl);
	await expect(teacher.getByText('No one has joined yet.')).toBeVisible();

	// The name no longer signs in.
	const again = await newPage(browser);
	await again.goto('/signin', { waitUntil: 'networkidle' });
	await again.getByLabel('Username').fill(name);
	await again.getByLabel('Password').fill(PASSWORD);
	await again.getByRole('button', { name: 'Sign in' }).click();
	await expect(again.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('a teacher is told what happens to their sets and classes, and must confirm', async ({
	browser
}) => {
	const page = await newPage(browser);
	await signUp(page, uniqueName('owner'), 'teacher');
	const className = `Doomed class ${uniqueName('c')}`;
	await makeClass(page, className);
	await page.goto('/teach/sets/new');
	await page.getByLabel('Title').fill('Doomed set');
	await page.getByRole('button', { name: /Create/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doomed set');
	const classes = countRows('class');

	await page.goto('/account/delete');
	await expect(
		page.getByRole('heading', { name: 'Your question sets, classes and sources are deleted too' })
	).toBeVisible();
	await expect(page.getByText('moving them is not available')).toBeVisible();
	await expect(page.getByText('Doomed set (draft)')).toBeVisible();
	await expect(page.getByText(`${className} (0 learners)`)).toBeVisible();
	await page.getByLabel('Your password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Delete my account for good' }).click();
	await expect(page.getByText('Tick the box to confirm')).toBeVisible();
	expect(countRows('class')).toBe(classes);

	await page.getByLabel('Your password').fill(PASSWORD);
	await page.getByLabel('Delete my 1 question set, 1 class and 0 sources too').check();
	await page.getByRole('button', { name: 'Delete my account for good' }).click();
	await expect(
		page.getByText('Your account and everything that was yours are deleted.')
	).toBeVisible();
	expect(countRows('class')).toBe(classes - 1);
});

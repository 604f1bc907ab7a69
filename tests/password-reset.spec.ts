// Password recovery without email: the learner's teacher issues a one-time code, the learner
// sets a new password with it and finds their progress; a code works once.
import { expect, test, type Page } from '@playwright/test';
import {
	ADMIN,
	answerAnyQuestion,
	joinClass,
	makeClass,
	newPage,
	PASSWORD,
	postForm,
	signIn,
	signOut,
	signUp,
	uniqueName
} from './helpers';

const SET = '/sets/xi-moscow-2023-03-21-quiz';

/** Starts the article's quiz, answers the first question and finishes: an attempt on record. */
async function takeQuiz(page: Page) {
	await page.goto(SET);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 12');
	await answerAnyQuestion(page);
	await page.getByRole('button', { name: 'Finish now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
}

/** The teacher opens the learner's page in the class and issues a code; returns the code. */
async function issueCode(teacher: Page, className: string, learner: string): Promise<string> {
	await teacher.goto('/teach/classes');
	await teacher.getByRole('link', { name: className }).click();
	await teacher.getByRole('link', { name: learner, exact: true }).click();
	await teacher.getByRole('button', { name: `Issue a password reset code for ${learner}` }).click();
	const shown = teacher.getByRole('status').filter({ hasText: 'Reset code for' });
	await expect(shown).toContainText(`Reset code for ${learner}`);
	return (await shown.locator('.code').textContent())!.trim();
}

async function resetWith(page: Page, username: string, code: string, password: string) {
	await page.goto('/signin/reset', { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Reset code').fill(code);
	await page.getByLabel('New password', { exact: true }).fill(password);
	await page.getByLabel('New password again').fill(password);
	await page.getByRole('button', { name: 'Set my new password' }).click();
}

test('a learner forgets their password, their teacher issues a code, and the learner resets and finds their progress', async ({
	browser
}) => {
	const teacher = await newPage(browser);
	await signUp(teacher, uniqueName('teach'), 'teacher');
	const className = `Reset class ${uniqueName('c')}`;
	const code = await makeClass(teacher, className);

	const learner = await newPage(browser);
	const name = uniqueName('forgetful');
	await signUp(learner, name, 'learner');
	await joinClass(learner, code);
	await takeQuiz(learner);
	// Still signed in on another device, which the reset must sign out.
	const phone = await newPage(browser);
	await signIn(phone, name);
	await signOut(learner);

	// The password is forgotten: sign-in fails, and the page says where to turn.
	await learner.goto('/signin', { waitUntil: 'networkidle' });
	await learner.getByLabel('Username').fill(name);
	await learner.getByLabel('Password').fill('what-was-it-again');
	await learner.getByRole('button', { name: 'Sign in' }).click();
	await expect(learner.getByRole('alert')).toHaveText('Wrong username or password.');
	await learner.getByRole('link', { name: 'Use a reset code from your teacher' }).click();
	await expect(learner.getByRole('heading', { name: 'Reset your password' })).toBeVisible();

	const resetCode = await issueCode(teacher, className, name);
	expect(resetCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

	// Typed in lower case, as a learner might.
	await resetWith(learner, name, resetCode.toLowerCase(), 'my-brand-new-password');
	await expect(learner.getByText('Your new password is set.')).toBeVisible();
	await expect(learner.getByText(`Signed in as ${name}`)).toBeVisible();
	await learner.getByRole('link', { name: 'My progress' }).click();
	await expect(learner.getByRole('heading', { name: /the quiz/ })).toBeVisible();
	await expect(learner.getByText('Attempts')).toBeVisible();

	// The other device was signed out by the reset.
	await phone.reload();
	await expect(phone.getByRole('link', { name: 'Sign in' })).toBeVisible();

	// The new password works; the old code does not work twice.
	await signOut(learner);
	await signIn(learner, name, 'my-brand-new-password');
	await signOut(learner);
	await resetWith(learner, name, resetCode, 'yet-another-password');
	await expect(learner.getByText('That reset code has already been used.')).toBeVisible();
	await expect(learner.getByLabel('Reset code')).toHaveAttribute('aria-invalid', 'true');
	await signIn(learner, name, 'my-brand-new-password');
});

test('a wrong code is refused and counted; a teacher cannot reset another teacher', async ({
	browser,
	baseURL
}) => {
	const teacher = await newPage(browser);
	await signUp(teacher, uniqueName('teach'), 'teacher');
	const className = `Teachers too ${uniqueName('c')}`;
	const code = await makeClass(teacher, className);
	// A colleague joins the class as a learner would.
	const colleague = await newPage(browser);
	const colleagueName = uniqueName('colleague');
	await signUp(colleague, colleagueName, 'teacher');
	await joinClass(colleague, code);
	await teacher.goto('/teach/classes');
	await teacher.getByRole('link', { name: className }).click();
	await teacher.getByRole('link', { name: colleagueName, exact: true }).click();
	await expect(
		teacher.getByText(`${colleagueName} is a teacher: only your school’s administrator can reset`)
	).toBeVisible();
	await expect(teacher.getByRole('button', { name: /Issue a password reset code/ })).toHaveCount(0);
	// Posting the form anyway is refused.
	const forced = await postForm(teacher.request, `${teacher.url()}?/resetCode`, {}, baseURL!);
	expect(forced.status()).toBe(403);

	// The admin can.
	const admin = await newPage(browser);
	await signIn(admin, ADMIN.username, ADMIN.password);
	await admin.goto(`/admin?q=${colleagueName}`);
	await admin.getByRole('button', { name: `Issue a reset code for ${colleagueName}` }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Reset code for' })).toContainText(
		`Reset code for ${colleagueName}`
	);

	// Guessing: each wrong code is refused with a clear message, and the sixth is held off.
	const guesser = await newPage(browser);
	for (let i = 0; i < 5; i++) {
		await resetWith(guesser, colleagueName, `ABCD-EFGH-JK2${i + 3}`, 'guessed-password');
		await expect(
			guesser.getByText('That username and reset code do not go together.')
		).toBeVisible();
	}
	await resetWith(guesser, colleagueName, 'ABCD-EFGH-JK99', 'guessed-password');
	await expect(guesser.getByText(/Too many wrong codes/)).toBeVisible();
	// Nothing changed: the colleague's password is still theirs.
	await signIn(await newPage(browser), colleagueName, PASSWORD);
});

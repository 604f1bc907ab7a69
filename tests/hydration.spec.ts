// What someone types before a page's script has loaded (a slow phone, a busy classroom network)
// is still there once the page comes alive, and the form sends it.
import { expect, test } from '@playwright/test';
import { uniqueName, PASSWORD } from './helpers';

test('a form filled in before the page hydrates keeps every field', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	// Hold the app's scripts back until the form has been filled in.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/signup', { waitUntil: 'domcontentloaded' });
	const username = uniqueName('early');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(PASSWORD);
	// The role is a `checked={...}` the page would render again as "Learner".
	await page.getByRole('radio', { name: /Teacher/ }).check();

	release();
	// The layout notes the device's time zone in a cookie once it has mounted: hydration is over.
	await expect
		.poll(async () => (await context.cookies()).some((c) => c.name === 'factdeck_tz'))
		.toBe(true);
	await expect(page.getByLabel('Username')).toHaveValue(username);
	await expect(page.getByRole('radio', { name: /Teacher/ })).toBeChecked();

	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText(`Signed in as ${username}`)).toBeVisible();
	// The account is a teacher's: the teacher area is in the menu.
	await expect(page.getByRole('link', { name: 'Teach' })).toBeVisible();
	await context.close();
});

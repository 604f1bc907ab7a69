// Each learner's own day: the zone comes from the browser at sign-up (and for guests), can be
// changed in the flashcard settings with the hour the day starts at, and bad values change nothing.
import { expect, test } from '@playwright/test';
import { postForm, signUp, uniqueName } from './helpers';

test('sign-up takes the time zone from the browser, and the settings change it', async ({
	browser
}) => {
	const context = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
	const page = await context.newPage();
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await expect(page.getByLabel('Time zone')).toHaveValue('');
	await expect(page.getByRole('option', { name: /This device's time zone/ })).toHaveText(
		"This device's time zone (America/Los_Angeles)"
	);
	await signUp(page, uniqueName('cali'), 'learner');
	await page.goto('/review/settings');
	await expect(page.getByLabel('Time zone')).toHaveValue('America/Los_Angeles');
	await expect(page.getByLabel(/Next day starts at/)).toHaveValue('4');

	await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
	await page.getByLabel(/Next day starts at/).fill('0');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
	await expect(page.getByLabel(/Next day starts at/)).toHaveValue('0');
	await context.close();
});

test('a zone chosen at sign-up wins over the browser’s', async ({ browser }) => {
	const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
	const page = await context.newPage();
	const name = uniqueName('chooser');
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill('correct-horse-battery');
	await page.getByLabel('Time zone').selectOption('America/New_York');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
	await page.goto('/review/settings');
	await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
	await context.close();
});

test('a guest’s days follow the zone of their browser; a forged zone is ignored', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
	const page = await context.newPage();
	// The layout's script reports the zone; read-only pages (the home page, the article) ship no
	// script, so the first page with one does.
	await page.goto('/review', { waitUntil: 'networkidle' });
	await page.goto('/review/settings');
	await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
	await expect(page.getByText(/it is the zone this browser reports/)).toBeVisible();

	await context.clearCookies();
	await context.addCookies([{ name: 'factdeck_tz', value: 'Mars%2FOlympus', url: baseURL! }]);
	const response = await page.request.get('/review/settings');
	expect(response.status()).toBe(200);
	expect(await response.text()).toMatch(/<option value="UTC" selected/);
	await context.close();
});

test('an unknown time zone or a day-start hour out of range is refused, and nothing changes', async ({
	page,
	baseURL
}) => {
	await signUp(page, uniqueName('badzone'), 'learner');
	await page.goto('/review/settings');
	await page.getByLabel('Time zone').selectOption('Europe/London');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();

	await page.getByLabel(/Next day starts at/).fill('24');
	await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(
		page.getByText('The hour your day starts at must be from 0 (midnight) to 23 (11 p.m.).')
	).toBeVisible();
	await expect(page.getByLabel(/Next day starts at/)).toHaveAttribute('aria-invalid', 'true');

	// A zone no list offers, sent as a tampered form would send it.
	const tampered = await postForm(
		page.request,
		'/review/settings',
		{
			desiredRetention: '90',
			newPerDay: '20',
			reviewsPerDay: '200',
			timeZone: 'Mars/Olympus_Mons',
			dayStartHour: '4'
		},
		baseURL!
	);
	expect(tampered.status()).toBe(400);
	expect(await tampered.text()).toContain('is not a time zone we know');

	await page.goto('/review/settings');
	await expect(page.getByLabel('Time zone')).toHaveValue('Europe/London');
	await expect(page.getByLabel(/Next day starts at/)).toHaveValue('4');
});

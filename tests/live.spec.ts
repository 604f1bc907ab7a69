// A live session as a class runs it: a teacher hosts on one screen, two learners and a guest
// play on theirs, each in their own browser context, while the screens follow by SSE alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { countRows } from './db';
import { apiSignUp, postForm, signUp, uniqueName } from './helpers';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function axe(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).withTags(tags).analyze();
	const found = results.violations.map(
		(v) => `${label}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`
	);
	expect(found, found.join('\n')).toEqual([]);
}

async function newPage(browser: Browser) {
	return (await browser.newContext()).newPage();
}

/** Picks an option (the first, or the second) and submits, as a player would. */
async function answer(page: Page, option = 0) {
	await page.getByRole('radio').nth(option).check();
	await page.getByRole('button', { name: 'Submit answer' }).click();
}

test('a teacher hosts a live session for two learners and a guest', async ({
	browser,
	playwright,
	baseURL
}) => {
	test.setTimeout(240_000);
	const host = await newPage(browser);
	await signUp(host, uniqueName('host'), 'teacher');
	await host.goto('/teach/classes');
	await host.getByLabel('Class name').fill('Live class');
	await host.getByRole('button', { name: 'Create class' }).click();
	await expect(host.getByRole('heading', { level: 1 })).toHaveText('Live class');
	await host.getByRole('link', { name: 'Run a live session with this class' }).click();

	// Three questions, choices only, 20 seconds each, with a leaderboard and the speed bonus.
	const setOption = await host
		.getByRole('option', { name: /the quiz/ })
		.evaluate((o) => (o as HTMLOptionElement).value);
	await host.getByLabel('Question set').selectOption(setOption);
	await host.getByLabel('Number of questions').fill('3');
	for (const type of ['Short answer', 'Number', 'Date', 'Matching', 'Ordering', 'Fill in']) {
		await host.getByRole('checkbox', { name: new RegExp(`^${type}`) }).uncheck();
	}
	await host.getByRole('checkbox', { name: /Time each question/ }).check();
	await host.getByLabel(/Seconds per question/).fill('20');
	await host.getByRole('checkbox', { name: /Show a leaderboard/ }).check();
	await host.getByRole('checkbox', { name: /small bonus/ }).check();
	await host.getByRole('button', { name: 'Create the session' }).click();
	await expect(host.getByText(/Join at .*\/live with PIN/)).toBeVisible();
	const sessionId = /\/teach\/live\/([^/?#]+)/.exec(host.url())![1]!;
	const pin = /with PIN\s*(\d{3}) (\d{3})/.exec((await host.locator('main').textContent())!)!;
	const pinDigits = `${pin[1]}${pin[2]}`;
	await expect(host.getByRole('img', { name: /QR code of the join link/ })).toBeVisible();
	await axe(host, 'host lobby');

	// Two learners with accounts, and a guest who follows the QR code's link.
	const ann = await newPage(browser);
	const annName = uniqueName('ann');
	await signUp(ann, annName, 'learner');
	await ann.goto('/live');
	await ann.getByLabel('PIN').fill(pinDigits);
	await ann.getByRole('button', { name: 'Join' }).click();
	await expect(ann.getByRole('heading', { name: "You're in" })).toBeVisible();
	const bob = await newPage(browser);
	const bobName = uniqueName('bob');
	await signUp(bob, bobName, 'learner');
	await bob.goto('/live');
	await bob.getByLabel('PIN').fill(pinDigits);
	await bob.getByRole('button', { name: 'Join' }).click();
	await expect(bob.getByRole('heading', { name: "You're in" })).toBeVisible();
	const guest = await newPage(browser);
	await guest.goto(`/live?pin=${pinDigits}`);
	await expect(guest.getByLabel('PIN')).toHaveValue(pinDigits);
	// A name already taken (ignoring case) is refused; the name is shown as typed, never as HTML.
	await guest.getByLabel('Your name in this session').fill(annName.toUpperCase());
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByText('already plays under that name')).toBeVisible();
	await guest.getByLabel('Your name in this session').fill('<i>Guest</i>');
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByRole('heading', { name: "You're in" })).toBeVisible();
	await expect(guest.getByText('playing as <i>Guest</i>')).toBeVisible();
	await axe(guest, 'player lobby');

	// The roster fills in without a reload; a fourth player is removed and cannot come back.
	const extra = await playwright.request.newContext({ baseURL });
	expect(
		(await postForm(extra, '/live?/join', { pin: pinDigits, name: 'Extra' }, baseURL!)).status()
	).toBe(303);
	await expect(host.getByRole('heading', { name: 'Players (4)' })).toBeVisible();
	await expect(host.locator('main')).toContainText('<i>Guest</i>');
	await host.getByRole('button', { name: 'Remove Extra' }).click();
	await expect(host.getByRole('heading', { name: 'Players (3)' })).toBeVisible();
	const again = await postForm(extra, '/live?/join', { pin: pinDigits, name: 'Extra' }, baseURL!);
	expect(again.status()).toBe(403);
	expect(await again.text()).toContain('The host removed you from this session.');

	// Start by keyboard: every player's screen shows the first question by itself.
	await host.keyboard.press('s');
	await expect(host.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
	for (const player of [ann, bob, guest]) {
		await expect(player.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
		await expect(player.getByRole('timer')).toContainText(/\d+ s left/);
	}
	await axe(host, 'host question');
	await axe(ann, 'player question');

	await answer(ann);
	await expect(ann.getByText(/^Answer received:/)).toBeVisible();
	// Bob's phone reloads mid-question: the same seat, still unanswered, then answered once.
	await bob.reload();
	await expect(bob.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
	await answer(bob, 1);
	await expect(bob.getByText(/^Answer received:/)).toBeVisible();
	await expect(host.getByText('2 of 3 answered')).toBeVisible();

	// The guest's second tab lost its connection: it still shows the open question.
	const stale = await guest.context().newPage();
	await stale.route(
		(url) => url.pathname.endsWith('/events'),
		(route) => route.abort()
	);
	await stale.goto(`/live/${sessionId}`);
	await expect(stale.getByRole('button', { name: 'Submit answer' })).toBeVisible();

	// Reveal: the right answer, the chart (in words and numbers too) and the leaderboard.
	await host.getByRole('button', { name: /Reveal the answer/ }).click();
	await expect(host.getByText(/^Answer:/)).toBeVisible();
	await expect(
		host.getByRole('table', { name: /How the class answered: 2 of 3 players/ })
	).toBeVisible();
	await expect(host.getByText('right answer', { exact: true })).toBeVisible();
	await expect(host.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
	await expect(ann.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
	await expect(guest.getByText('You did not answer this one')).toBeVisible();
	await axe(host, 'host reveal');
	await axe(ann, 'player reveal');

	// The stale tab's answer comes too late, and is refused with a message.
	await answer(stale);
	await expect(stale.getByRole('alert')).toHaveText(
		'Too late: the answer to this question has been shown.'
	);
	await stale.close();

	// The host's screen reloads and carries on.
	await host.reload();
	await expect(host.getByText(/^Answer:/)).toBeVisible();
	await host.getByRole('button', { name: /Next question/ }).click();
	for (const player of [ann, bob, guest]) {
		await expect(player.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
	}
	await answer(ann);
	await answer(bob);
	await answer(guest);
	await expect(host.getByText('3 of 3 answered')).toBeVisible();
	await host.keyboard.press('p');
	await expect(ann.getByText('The host has paused the question.')).toBeVisible();
	await expect(host.getByRole('button', { name: /Resume/ })).toBeEnabled();
	await host.keyboard.press('p');
	await expect(host.getByRole('button', { name: /Pause/ })).toBeEnabled();
	await host.keyboard.press('r');
	await expect(bob.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
	await expect(host.getByRole('button', { name: /Next question/ })).toBeEnabled();
	await host.keyboard.press('n');

	// The third question runs out of time: the players' screens close it.
	await expect(bob.getByRole('heading', { name: 'Question 3 of 3' })).toBeVisible();
	await answer(ann);
	await expect(bob.getByText('Time is up: answers to this question are closed.')).toBeVisible({
		timeout: 30_000
	});
	await host.getByRole('button', { name: /Reveal the answer/ }).click();
	await expect(host.getByRole('button', { name: /Next question/ })).toHaveCount(0);
	await host.getByRole('button', { name: /End the session/ }).click();

	// The summary: per question the share right and the wrong answer chosen most; per player.
	await expect(host.getByRole('heading', { name: /^Summary:/ })).toBeVisible();
	await expect(host.getByRole('heading', { name: 'Questions' })).toBeVisible();
	const summary = host.locator('main');
	await expect(summary).toContainText(/1\. .*\d+%/);
	await expect(summary).toContainText('<i>Guest</i>');
	await expect(summary).toContainText(annName);
	await axe(host, 'host summary');
	for (const player of [ann, bob, guest]) {
		await expect(player.getByRole('heading', { name: 'The session has ended' })).toBeVisible();
	}
	await expect(ann.locator('main')).toContainText(
		/You answered \d of 3 questions right: \d+ points, place \d of 3\./
	);
	await axe(ann, 'player end');

	// Every acknowledged answer is stored once, as an attempt's answer; the attempts are finished.
	const ofSession = 'attempt_id in (select attempt_id from live_player where session_id = ?)';
	expect(countRows('answer', ofSession, sessionId)).toBe(6);
	expect(countRows('attempt', `live_session_id = ? and finished_at is not null`, sessionId)).toBe(
		4
	);

	// The summary stays on the class page; the class report lists the players' scores.
	await host.goto('/teach/classes');
	await host.getByRole('link', { name: 'Live class' }).click();
	await host.getByRole('link', { name: /the quiz \(summary\)/ }).click();
	await expect(host.getByRole('heading', { name: /^Summary:/ })).toBeVisible();
	await host.goBack();
	await host.getByRole('link', { name: 'Class report' }).click();
	await expect(host.getByRole('heading', { name: /^Live session:/ })).toBeVisible();
	await expect(host.locator('main')).toContainText('<i>Guest</i>');

	// The answers are practice: on Ann's progress, and on the guest's once they sign up.
	await ann.goto('/progress');
	await expect(ann.locator('main')).toContainText('the quiz');
	await signUp(guest, uniqueName('later'), 'learner');
	await guest.goto('/progress');
	await expect(guest.locator('main')).toContainText('the quiz');
	// The PIN has expired with the session.
	const late = await postForm(extra, '/live?/join', { pin: pinDigits, name: 'Late' }, baseURL!);
	expect(late.status()).toBe(400);
});

test('a player joins and answers with JavaScript turned off', async ({
	browser,
	playwright,
	baseURL
}) => {
	const hostApi = await playwright.request.newContext({ baseURL });
	await apiSignUp(hostApi, baseURL!, uniqueName('nojshost'), 'teacher');
	const created = await postForm(
		hostApi,
		'/teach/live/new?/create',
		{ setId: 'xi-moscow-2023-03-21-quiz', count: '1', types: 'multiple_choice' },
		baseURL!
	);
	const sessionId = /\/teach\/live\/([^/?#]+)/.exec(created.headers()['location'] ?? '')![1]!;
	const hostPage = await (await hostApi.get(`/teach/live/${sessionId}`)).text();
	const pin = /class="pin[^"]*"[^>]*>(\d{3}) (\d{3})</.exec(hostPage)!;

	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await page.goto(`/live?pin=${pin[1]}${pin[2]}`);
	await page.getByLabel('Your name in this session').fill('No script');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
	// Chromium with scripts disabled by Playwright still parses <noscript> as text: read the markup.
	expect(await page.content()).toContain('This page needs JavaScript to show each question');

	expect((await postForm(hostApi, `/teach/live/${sessionId}?/start`, {}, baseURL!)).status()).toBe(
		200
	);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Submit answer' }).click();
	await expect(page.getByText(/^Answer received:/)).toBeVisible();
	const ofSession = 'attempt_id in (select attempt_id from live_player where session_id = ?)';
	expect(countRows('answer', ofSession, sessionId)).toBe(1);
});

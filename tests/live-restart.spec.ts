// A live session survives a restart of the production server: its state is in SQLite, the
// screens reconnect by themselves (Last-Event-ID), the host carries on, and every answer the
// server acknowledged before the restart is still there.
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppServer, stopAppServer } from './app-server';
import { signUp, uniqueName } from './helpers';

// Beside the browser tests' own port and the other restart test's (+8).
const port = Number(process.env.E2E_PORT ?? 4173) + 9;
const base = `http://localhost:${port}`;
const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-live-restart-')), 'live.db');

const startServer = () => startAppServer(port, dbFile);

async function newPage(browser: Browser): Promise<Page> {
	return (await browser.newContext({ baseURL: base })).newPage();
}

function answersOf(sessionId: string): number {
	const db = new Database(dbFile, { readonly: true });
	try {
		return (
			db
				.prepare(
					'select count(*) as n from answer where attempt_id in (select attempt_id from live_player where session_id = ?)'
				)
				.get(sessionId) as { n: number }
		).n;
	} finally {
		db.close();
	}
}

test('host and players carry on through a server restart, keeping every acknowledged answer', async ({
	browser
}) => {
	test.setTimeout(120_000);
	let server = await startServer();
	try {
		const host = await newPage(browser);
		await signUp(host, uniqueName('rhost'), 'teacher');
		await host.goto('/teach/live/new');
		await host.getByLabel('Number of questions').fill('2');
		for (const type of ['Short answer', 'Number', 'Date', 'Matching', 'Ordering', 'Fill in']) {
			await host.getByRole('checkbox', { name: new RegExp(`^${type}`) }).uncheck();
		}
		await host.getByRole('button', { name: 'Create the session' }).click();
		await expect(host.getByText(/with PIN/)).toBeVisible();
		const sessionId = /\/teach\/live\/([^/?#]+)/.exec(host.url())![1]!;
		const pin = /with PIN\s*(\d{3}) (\d{3})/.exec((await host.locator('main').textContent())!)!;

		const players: Page[] = [];
		for (const name of ['Ada', 'Ben', 'Cal']) {
			const page = await newPage(browser);
			await page.goto(`/live?pin=${pin[1]}${pin[2]}`);
			await page.getByLabel('Your name in this session').fill(name);
			await page.getByRole('button', { name: 'Join' }).click();
			await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
			players.push(page);
		}
		await expect(host.getByRole('heading', { name: 'Players (3)' })).toBeVisible();
		await host.getByRole('button', { name: /Start/ }).click();
		for (const page of players) {
			await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
			await page.getByRole('radio').first().check();
			await page.getByRole('button', { name: 'Submit answer' }).click();
			await expect(page.getByText(/^Answer received:/)).toBeVisible();
		}
		expect(answersOf(sessionId)).toBe(3);

		await stopAppServer(server);
		server = await startServer();

		// The host carries on from the same screen; every screen follows without a reload.
		await host.getByRole('button', { name: /Reveal the answer/ }).click();
		await expect(host.getByText(/^Answer:/)).toBeVisible();
		for (const page of players) {
			await expect(page.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible({ timeout: 15_000 });
		}
		await host.getByRole('button', { name: /Next question/ }).click();
		for (const page of players) {
			await expect(page.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible({
				timeout: 15_000
			});
			await page.getByRole('radio').first().check();
			await page.getByRole('button', { name: 'Submit answer' }).click();
			await expect(page.getByText(/^Answer received:/)).toBeVisible();
		}
		await expect(host.getByText('3 of 3 answered')).toBeVisible();
		await host.getByRole('button', { name: /Reveal the answer/ }).click();
		await host.getByRole('button', { name: /End the session/ }).click();
		await expect(host.getByRole('heading', { name: /^Summary:/ })).toBeVisible();
		// Both questions count all three answers, the first one's given before the restart.
		await expect(host.locator('main')).toContainText(/1\. .*\(\d of 3\).*2\. .*\(\d of 3\)/);
		expect(answersOf(sessionId)).toBe(6);
	} finally {
		await stopAppServer(server);
	}
});

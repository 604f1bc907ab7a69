// Results and progress live in SQLite: they survive a restart of the production server,
// started as `npm start` starts it.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppServer, stopAppServer } from './app-server';
import { PASSWORD, postForm, signIn, uniqueName } from './helpers';

// Beside the browser tests' own port (4181 by default), so two checkouts can run this side by side.
const port = Number(process.env.E2E_PORT ?? 4173) + 8;
const base = `http://localhost:${port}`;
const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-restart-')), 'restart.db');

const startServer = () => startAppServer(port, dbFile);

/** A valid (not necessarily right) answer for each kind of question, from its stored form. */
function someAnswer(q: {
	type: string;
	choices?: { id: string }[];
	pairs?: { right: string }[];
	items?: string[];
}) {
	switch (q.type) {
		case 'multiple_choice':
			return { choice: q.choices![0]!.id };
		case 'true_false':
		case 'true_false_not_given':
			return { choice: 'true' };
		case 'matching':
			return { match: q.pairs!.map((p) => p.right) };
		case 'ordering':
			return { order: q.items! };
		default:
			return { text: '12' };
	}
}

test('the result and the progress page survive a server restart', async ({
	browser,
	playwright
}) => {
	test.setTimeout(60_000);
	let server = await startServer();
	try {
		const name = uniqueName('restart');
		const api = await playwright.request.newContext({ baseURL: base });
		const signUp = await postForm(
			api,
			'/signup',
			{ username: name, password: PASSWORD, role: 'learner' },
			base
		);
		expect(signUp.status()).toBe(303);
		const started = await postForm(api, '/sets/xi-moscow-2023-03-21-quiz?/start', {}, base);
		const attemptId = /\/attempts\/([^/?#]+)/.exec(started.headers()['location']!)![1]!;
		const db = new Database(dbFile, { readonly: true });
		const rows = db
			.prepare('select position, body from attempt_question where attempt_id = ? order by position')
			.all(attemptId) as { position: number; body: string }[];
		db.close();
		for (const row of rows) {
			const answer = someAnswer(JSON.parse(row.body));
			const form = new URLSearchParams({ position: String(row.position) });
			for (const [k, v] of Object.entries(answer)) for (const x of [v].flat()) form.append(k, x);
			const r = await api.post(`/attempts/${attemptId}?/answer`, {
				headers: {
					origin: base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				data: form.toString(),
				maxRedirects: 0
			});
			expect(r.status(), await r.text()).toBe(303);
		}
		expect((await postForm(api, `/attempts/${attemptId}?/finish`, {}, base)).status()).toBe(303);

		const page = await (await browser.newContext({ baseURL: base })).newPage();
		await signIn(page, name);
		await page.goto(`/attempts/${attemptId}/result`);
		const score = await page.locator('.score').textContent();
		expect(score).toMatch(/of 12 right/);
		await page.goto('/progress');
		const progressBefore = await page.locator('main').textContent();

		await stopAppServer(server);
		server = await startServer();

		await page.goto(`/attempts/${attemptId}/result`);
		await expect(page.locator('.score')).toHaveText(score!);
		await page.goto('/progress');
		await expect(page.locator('main')).toHaveText(progressBefore!);
	} finally {
		await stopAppServer(server);
	}
});

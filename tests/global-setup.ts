// Before any test: the first account of the fresh test database, which is its administrator,
// made through the sign-up form as a school's first person would make it. Every test then
// meets a database that has an admin already, so the accounts they sign up are what they ask
// for (a learner stays a learner), and tests that need the admin sign in as ADMIN.
import { request, type FullConfig } from '@playwright/test';
import { ADMIN } from './helpers';

export default async function globalSetup(config: FullConfig) {
	const baseURL = config.projects[0]!.use.baseURL!;
	const api = await request.newContext({ baseURL });
	try {
		const page = await (await api.get('/signup')).text();
		if (!page.includes('the account you create now will be the')) {
			throw new Error(
				'The sign-up page of a fresh database should say it makes the administrator.'
			);
		}
		const response = await api.post('/signup', {
			form: { username: ADMIN.username, password: ADMIN.password, role: 'learner' },
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
		// The first account is the admin, whatever role it chose: it lands on the admin page.
		if (response.status() !== 303 || response.headers()['location'] !== '/admin') {
			throw new Error(
				`The first sign-up did not make an admin: ${response.status()} ${await response.text()}`
			);
		}
	} finally {
		await api.dispose();
	}
}

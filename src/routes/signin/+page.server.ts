import { fail, redirect } from '@sveltejs/kit';
import { absorbGuest, signIn } from '$lib/server/accounts';
import { getDb } from '$lib/server/app-db';
import { ensureDeviceCookie, signInClient } from '$lib/server/client';
import { field, readForm, safeNext } from '$lib/server/forms';
import { homeOf, startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.user && !locals.user.isGuest) redirect(303, safeNext(url.searchParams.get('next')));
	ensureDeviceCookie(cookies, url);
	return { guest: locals.user?.isGuest ?? false, next: url.searchParams.get('next') };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event.request);
		if (!data)
			return fail(400, { username: '', message: 'The form could not be read. Try again.' });
		const username = field(data, 'username');
		const password = field(data, 'password');
		if (!username.trim() || !password) {
			return fail(400, { username, message: 'Enter your username and password.' });
		}
		const db = getDb();
		const result = await signIn(db, username, password, signInClient(event));
		if (!result.ok) return fail(result.status, { username, message: result.message });
		const current = event.locals.user;
		if (current?.isGuest) absorbGuest(db, current.id, result.userId);
		startSession(event, result.userId);
		redirect(303, safeNext(event.url.searchParams.get('next'), homeOf(result.role)));
	}
};

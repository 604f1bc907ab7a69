import { fail, redirect } from '@sveltejs/kit';
import { absorbGuest, signIn } from '$lib/server/accounts';
import { getDb } from '$lib/server/app-db';
import { generateToken } from '$lib/server/auth';
import { field, readForm, safeNext } from '$lib/server/forms';
import { startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** A long-lived per-browser id, so sign-in limits can tell browsers behind one address apart. */
const DEVICE_COOKIE = 'factdeck_device';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.user && !locals.user.isGuest) redirect(303, safeNext(url.searchParams.get('next')));
	if (!cookies.get(DEVICE_COOKIE)) {
		cookies.set(DEVICE_COOKIE, generateToken(), {
			path: '/signin',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 400 * 24 * 60 * 60
		});
	}
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
		const result = await signIn(db, username, password, {
			address: event.getClientAddress(),
			browser: event.cookies.get(DEVICE_COOKIE) ?? event.request.headers.get('user-agent') ?? ''
		});
		if (!result.ok) return fail(result.status, { username, message: result.message });
		const current = event.locals.user;
		if (current?.isGuest) absorbGuest(db, current.id, result.userId);
		startSession(event, result.userId);
		redirect(
			303,
			safeNext(event.url.searchParams.get('next'), result.role === 'teacher' ? '/teach' : '/')
		);
	}
};

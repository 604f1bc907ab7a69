import { fail, redirect } from '@sveltejs/kit';
import { absorbGuest } from '$lib/server/accounts';
import { getDb } from '$lib/server/app-db';
import { ensureDeviceCookie, signInClient } from '$lib/server/client';
import { field, readFormChecked } from '$lib/server/forms';
import { redeemResetCode } from '$lib/server/reset-codes';
import { startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, url }) => {
	ensureDeviceCookie(cookies, url);
	return {};
};

type Values = { username: string; code: string };
type Errors = Partial<Record<'form' | 'username' | 'code' | 'password' | 'confirm', string>>;

const refuse = (status: 400 | 403 | 413 | 429, values: Values, errors: Errors) =>
	fail(status, { values, errors });

export const actions: Actions = {
	default: async (event) => {
		const read = await readFormChecked(event.request);
		if (!read.ok) return refuse(read.status, { username: '', code: '' }, { form: read.message });
		const values = {
			username: field(read.data, 'username').slice(0, 64),
			code: field(read.data, 'code').slice(0, 64)
		};
		const password = field(read.data, 'password');
		const errors: Errors = {};
		if (!values.username.trim()) errors.username = 'Enter your username.';
		if (!values.code.trim()) errors.code = 'Enter the reset code your teacher gave you.';
		if (!password) errors.password = 'Choose a new password.';
		if (Object.keys(errors).length) return refuse(400, values, errors);
		if (password !== field(read.data, 'confirm')) {
			return refuse(400, values, { confirm: 'The two passwords are not the same.' });
		}
		const db = getDb();
		const result = await redeemResetCode(db, { ...values, password }, signInClient(event));
		if (!result.ok) {
			return refuse(result.status, values, { [result.field ?? 'form']: result.message });
		}
		// Signed in here, and nowhere else: the reset ended every other session.
		const current = event.locals.user;
		if (current?.isGuest) absorbGuest(db, current.id, result.userId);
		event.locals.session = null;
		startSession(event, result.userId);
		redirect(303, '/account?reset=1');
	}
};

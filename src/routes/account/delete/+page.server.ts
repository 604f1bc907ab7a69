import { fail, redirect } from '@sveltejs/kit';
import { deleteAccount, deletionSummary } from '$lib/server/account-data';
import { getDb } from '$lib/server/app-db';
import { ensureDeviceCookie, signInClient } from '$lib/server/client';
import { field, readFormChecked } from '$lib/server/forms';
import { clearSessionCookie, requireAccount } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireAccount(event);
	ensureDeviceCookie(event.cookies, event.url);
	return { summary: deletionSummary(getDb(), me.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = requireAccount(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { field: 'form', message: read.message });
		const result = await deleteAccount(
			getDb(),
			me.id,
			field(read.data, 'password'),
			field(read.data, 'confirm') === 'yes',
			signInClient(event)
		);
		if (!result.ok) return fail(result.status, { field: result.field, message: result.message });
		// The session row went with the account; the cookie goes too.
		clearSessionCookie(event.cookies, event.url);
		event.locals.user = null;
		event.locals.session = null;
		redirect(303, '/?deleted=1');
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { field, readFormChecked } from '$lib/server/forms';
import { liveBus } from '$lib/server/live-bus';
import { joinWithPin } from '$lib/server/live-join';
import { requireLearner } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const account = locals.user && !locals.user.isGuest ? locals.user.username : null;
	// The QR code's link carries the PIN; nothing is looked up until the form is sent.
	const pin = /^\d{6}$/.test(url.searchParams.get('pin') ?? '') ? url.searchParams.get('pin') : '';
	return { account, pin };
};

export const actions: Actions = {
	join: async (event) => {
		const read = await readFormChecked(event.request);
		if (!read.ok) {
			return fail(read.status, { field: 'form', message: read.message, pin: '', name: '' });
		}
		const pin = field(read.data, 'pin').trim();
		const name = field(read.data, 'name');
		const outcome = joinWithPin(getDb(), {
			pin,
			name,
			address: event.getClientAddress(),
			viewer: event.locals.user,
			player: () => requireLearner(event)
		});
		if (outcome.kind === 'refused') {
			const { status, field: which, message } = outcome;
			return fail(status, {
				field: which,
				message,
				pin: pin.slice(0, 12),
				name: name.slice(0, 100)
			});
		}
		for (const message of outcome.messages) liveBus.publish(message);
		redirect(303, outcome.to);
	}
};

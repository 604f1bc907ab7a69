import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; the page only offers the button.
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	default: (event) => {
		endSession(event);
		redirect(303, '/');
	}
};

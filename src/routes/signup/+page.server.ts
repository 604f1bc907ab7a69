import { fail, redirect } from '@sveltejs/kit';
import { signUp, signUpSchema } from '$lib/server/accounts';
import { getDb } from '$lib/server/app-db';
import { field, fieldErrors, readForm, safeNext } from '$lib/server/forms';
import { startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user && !locals.user.isGuest) redirect(303, safeNext(url.searchParams.get('next')));
	return { guest: locals.user?.isGuest ?? false };
};

type Errors = Partial<Record<'form' | 'username' | 'password' | 'email' | 'role', string>>;
type Values = { username: string; email: string; role: string };

const refuse = (values: Values, errors: Errors) => fail(400, { values, errors });

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event.request);
		if (!data) {
			return refuse({ username: '', email: '', role: '' }, { form: 'The form could not be read.' });
		}
		const values = {
			username: field(data, 'username'),
			email: field(data, 'email'),
			role: field(data, 'role')
		};
		if (event.locals.user && !event.locals.user.isGuest) {
			return refuse(values, { form: 'You are already signed in.' });
		}
		const parsed = signUpSchema.safeParse({ ...values, password: field(data, 'password') });
		if (!parsed.success) return refuse(values, fieldErrors(parsed.error.issues));
		const guestId = event.locals.user?.isGuest ? event.locals.user.id : undefined;
		const result = await signUp(getDb(), parsed.data, guestId);
		if (!result.ok) return refuse(values, { [result.field]: result.message });
		startSession(event, result.userId);
		redirect(
			303,
			safeNext(event.url.searchParams.get('next'), parsed.data.role === 'teacher' ? '/teach' : '/')
		);
	}
};

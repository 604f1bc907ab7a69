import { fail, redirect } from '@sveltejs/kit';
import { TIME_ZONE_COOKIE } from '$lib/browser-zone';
import { timeZoneNames } from '$lib/domain/learner-day';
import { hasAccounts, signUp, signUpSchema, signUpTimeZone } from '$lib/server/accounts';
import { getDb } from '$lib/server/app-db';
import { signInClient } from '$lib/server/client';
import { field, fieldErrors, readForm, safeNext } from '$lib/server/forms';
import { homeOf, startSession } from '$lib/server/session-cookie';
import { getSiteSettings } from '$lib/server/site-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user && !locals.user.isGuest) redirect(303, safeNext(url.searchParams.get('next')));
	const db = getDb();
	return {
		guest: locals.user?.isGuest ?? false,
		timeZones: timeZoneNames(),
		// The first account on a fresh database becomes the admin: the page says so.
		first: !hasAccounts(db),
		teacherSignup: getSiteSettings(db).teacherSignup
	};
};

type Errors = Partial<
	Record<'form' | 'username' | 'password' | 'email' | 'role' | 'timeZone' | 'inviteCode', string>
>;
type Values = { username: string; email: string; role: string; timeZone: string };

const refuse = (values: Values, errors: Errors, status: 400 | 429 = 400) =>
	fail(status, { values, errors });

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event.request);
		if (!data) {
			return refuse(
				{ username: '', email: '', role: '', timeZone: '' },
				{ form: 'The form could not be read.' }
			);
		}
		const values = {
			username: field(data, 'username'),
			email: field(data, 'email'),
			role: field(data, 'role'),
			timeZone: field(data, 'timeZone').slice(0, 100)
		};
		if (event.locals.user && !event.locals.user.isGuest) {
			return refuse(values, { form: 'You are already signed in.' });
		}
		const parsed = signUpSchema.safeParse({
			...values,
			password: field(data, 'password'),
			inviteCode: field(data, 'inviteCode').slice(0, 64)
		});
		if (!parsed.success) return refuse(values, fieldErrors(parsed.error.issues));
		const guestId = event.locals.user?.isGuest ? event.locals.user.id : undefined;
		const timeZone = signUpTimeZone(
			parsed.data.timeZone,
			field(data, 'deviceTimeZone'),
			event.cookies.get(TIME_ZONE_COOKIE)
		);
		const result = await signUp(
			getDb(),
			{ ...parsed.data, timeZone },
			guestId,
			signInClient(event)
		);
		if (!result.ok) return refuse(values, { [result.field]: result.message }, result.status);
		startSession(event, result.userId);
		redirect(303, safeNext(event.url.searchParams.get('next'), homeOf(result.role)));
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { timeZoneNames } from '$lib/domain/learner-day';
import { defaultSettings, settingsFormSchema } from '$lib/domain/scheduling';
import { getDb } from '$lib/server/app-db';
import { hasOwnTimeZone, saveSettings } from '$lib/server/flashcards';
import { field, fieldErrors, readFormChecked } from '$lib/server/forms';
import { browserTimeZone, settingsFor } from '$lib/server/learner-settings';
import { requireLearner } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	const settings = locals.user
		? settingsFor({ cookies }, locals.user.id)
		: { ...defaultSettings, timeZone: browserTimeZone(cookies) ?? defaultSettings.timeZone };
	return {
		settings: {
			desiredRetention: String(Math.round(settings.desiredRetention * 1000) / 10),
			newPerDay: String(settings.newPerDay),
			reviewsPerDay: String(settings.reviewsPerDay),
			timeZone: settings.timeZone,
			dayStartHour: String(settings.dayStartHour)
		},
		zoneFromBrowser: !locals.user || !hasOwnTimeZone(getDb(), locals.user.id),
		timeZones: timeZoneNames(),
		saved: url.searchParams.get('saved') === '1'
	};
};

const fields = [
	'desiredRetention',
	'newPerDay',
	'reviewsPerDay',
	'timeZone',
	'dayStartHour'
] as const;
type Field = (typeof fields)[number];
type Errors = Partial<Record<Field | 'form', string>>;
type Values = Record<Field, string>;

const refuse = (status: 400 | 413, values: Values, errors: Errors) =>
	fail(status, { values, errors });

export const actions: Actions = {
	default: async (event) => {
		const read = await readFormChecked(event.request);
		if (!read.ok) {
			const empty = Object.fromEntries(fields.map((f) => [f, ''])) as Values;
			return refuse(read.status, empty, { form: read.message });
		}
		const values = Object.fromEntries(
			fields.map((f) => [f, field(read.data, f).slice(0, 100)])
		) as Values;
		const parsed = settingsFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, values, fieldErrors(parsed.error.issues));
		const me = requireLearner(event);
		saveSettings(getDb(), me.id, parsed.data);
		redirect(303, '/review/settings?saved=1');
	}
};

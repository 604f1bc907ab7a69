import { fail, redirect } from '@sveltejs/kit';
import { defaultSettings, settingsFormSchema } from '$lib/domain/scheduling';
import { getDb } from '$lib/server/app-db';
import { getSettings, saveSettings } from '$lib/server/flashcards';
import { field, fieldErrors, readFormChecked } from '$lib/server/forms';
import { requireLearner } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const settings = locals.user ? getSettings(getDb(), locals.user.id) : defaultSettings;
	return {
		settings: {
			desiredRetention: String(Math.round(settings.desiredRetention * 1000) / 10),
			newPerDay: String(settings.newPerDay),
			reviewsPerDay: String(settings.reviewsPerDay)
		},
		saved: url.searchParams.get('saved') === '1'
	};
};

type Field = 'desiredRetention' | 'newPerDay' | 'reviewsPerDay';
type Errors = Partial<Record<Field | 'form', string>>;
type Values = Record<Field, string>;

const refuse = (status: 400 | 413, values: Values, errors: Errors) =>
	fail(status, { values, errors });

export const actions: Actions = {
	default: async (event) => {
		const read = await readFormChecked(event.request);
		if (!read.ok) {
			const empty = { desiredRetention: '', newPerDay: '', reviewsPerDay: '' };
			return refuse(read.status, empty, { form: read.message });
		}
		const values = {
			desiredRetention: field(read.data, 'desiredRetention'),
			newPerDay: field(read.data, 'newPerDay'),
			reviewsPerDay: field(read.data, 'reviewsPerDay')
		};
		const parsed = settingsFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, values, fieldErrors(parsed.error.issues));
		const me = requireLearner(event);
		saveSettings(getDb(), me.id, parsed.data);
		redirect(303, '/review/settings?saved=1');
	}
};

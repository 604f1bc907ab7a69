import { fail, redirect } from '@sveltejs/kit';
import { questionTypes } from '$lib/domain/question';
import { MAX_TIMER_SECONDS, MIN_TIMER_SECONDS } from '$lib/domain/live-session';
import { getDb } from '$lib/server/app-db';
import { listTeacherClasses } from '$lib/server/classes';
import { fieldErrors, field, readForm } from '$lib/server/forms';
import {
	createLiveSession,
	liveOptionsSchema,
	MAX_LIVE_QUESTIONS,
	usableSets
} from '$lib/server/live-sessions';
import { requireTeacher } from '$lib/server/session-cookie';
import { typeLabels } from '../../sets/[id]/questions/question-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	const db = getDb();
	const sets = usableSets(db, me.id);
	const classes = listTeacherClasses(db, me.id).map((c) => ({ id: c.id, name: c.name }));
	const wantedSet = event.url.searchParams.get('set');
	const wantedClass = event.url.searchParams.get('class');
	return {
		sets,
		classes,
		types: questionTypes.map((t) => ({ value: t, label: typeLabels[t] })),
		chosenSet: sets.find((s) => s.id === wantedSet)?.id ?? sets[0]?.id ?? '',
		chosenClass: classes.find((c) => c.id === wantedClass)?.id ?? '',
		limits: {
			maxQuestions: MAX_LIVE_QUESTIONS,
			minTimer: MIN_TIMER_SECONDS,
			maxTimer: MAX_TIMER_SECONDS
		}
	};
};

export const actions: Actions = {
	create: async (event) => {
		const me = requireTeacher(event);
		const data = await readForm(event.request);
		if (!data) return fail(400, { errors: { form: 'The form could not be read. Try again.' } });
		const timer = field(data, 'timer');
		const input = {
			setId: field(data, 'setId'),
			count: field(data, 'count'),
			types: data.getAll('types').filter((t) => typeof t === 'string'),
			timer: timer || undefined,
			// The seconds count only with the timer on; off, whatever the field holds is ignored.
			timerSeconds: timer === 'on' ? field(data, 'timerSeconds') : String(MIN_TIMER_SECONDS),
			leaderboard: field(data, 'leaderboard') || undefined,
			speedBonus: field(data, 'speedBonus') || undefined,
			classId: field(data, 'classId')
		};
		const parsed = liveOptionsSchema.safeParse(input);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error.issues) });
		const created = createLiveSession(getDb(), me.id, parsed.data);
		if (!created.ok) return fail(400, { errors: { [created.field]: created.message } });
		redirect(303, `/teach/live/${created.id}`);
	}
};

import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { classReport, flagLabel, FLAG_MIN_ANSWERS } from '$lib/server/class-report';
import { requireTeacher } from '$lib/server/session-cookie';
import type { PageServerLoad } from './$types';

// Read-only, and large: plain HTML, without the whole report again as hydration data.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const me = requireTeacher(event);
	const report = classReport(getDb(), me.id, event.params.id);
	if (!report) error(404, 'No class of yours has that id.');
	return {
		report: {
			...report,
			sets: report.sets.map((s) => ({
				...s,
				questions: s.questions.map((q) => ({ ...q, flags: q.flags.map(flagLabel) }))
			}))
		},
		minAnswers: FLAG_MIN_ANSWERS
	};
};

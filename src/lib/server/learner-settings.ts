// A request's learner settings: the stored ones, with the browser's zone (validated: the cookie
// is the browser's to write, and anyone's to forge) standing in until the learner stores one.
import type { Cookies } from '@sveltejs/kit';
import { TIME_ZONE_COOKIE } from '../browser-zone';
import { canonicalTimeZone } from '../domain/learner-day';
import type { LearnerSettings } from '../domain/scheduling';
import { getDb } from './app-db';
import { getSettings } from './flashcards';

export function browserTimeZone(cookies: Pick<Cookies, 'get'>): string | undefined {
	const value = cookies.get(TIME_ZONE_COOKIE);
	return value ? canonicalTimeZone(value) : undefined;
}

export function settingsFor(
	event: { cookies: Pick<Cookies, 'get'> },
	userId: string
): LearnerSettings {
	return getSettings(getDb(), userId, browserTimeZone(event.cookies));
}

// Reading and writing the session cookie for a request, and the "who is this" helpers that
// every load and action calls: they check inside the action, not only in a layout.
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { createGuest } from './accounts';
import { getDb } from './app-db';
import {
	createSession,
	generateToken,
	invalidateSession,
	SESSION_COOKIE,
	sessionCookieOptions,
	type SessionUser
} from './auth';

type Event = Pick<RequestEvent, 'cookies' | 'url' | 'locals'>;

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { ...sessionCookieOptions(url, new Date(0)) });
}

/** Ends the current session (if any) and starts a new one for the user: a fresh token always. */
export function startSession(event: Event, userId: string) {
	const db = getDb();
	if (event.locals.session) invalidateSession(db, event.locals.session.id);
	const token = generateToken();
	const created = createSession(db, token, userId);
	setSessionCookie(event.cookies, event.url, token, created.expiresAt);
	event.locals.session = created;
}

export function endSession(event: Event) {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	clearSessionCookie(event.cookies, event.url);
	event.locals.session = null;
	event.locals.user = null;
}

/** Anyone who may keep progress: a signed-in person, or a guest created on first use. */
export function requireLearner(event: Event): SessionUser {
	if (event.locals.user) return event.locals.user;
	const id = createGuest(getDb());
	startSession(event, id);
	event.locals.user = { id, username: null, role: 'learner', isGuest: true };
	return event.locals.user;
}

/** A signed-in account (not a guest); others are sent to sign in. */
export function requireAccount(event: Event): SessionUser & { username: string } {
	const u = event.locals.user;
	if (!u || u.isGuest || u.username === null) {
		redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	return u as SessionUser & { username: string };
}

export function requireTeacher(event: Event): SessionUser & { username: string } {
	const u = requireAccount(event);
	if (u.role !== 'teacher') error(403, 'Only teachers can use the teacher area.');
	return u;
}

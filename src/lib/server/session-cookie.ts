// Reading and writing the session cookie for a request, and the "who is this" helpers that
// every load and action calls: they check inside the action, not only in a layout.
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { describeUserAgent } from '../domain/user-agent';
import { canAdminister, canTeach } from './access';
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
/** Starting a session also reads the User-Agent, for the account page's list of sessions. */
type SessionEvent = Event & Pick<RequestEvent, 'request'>;

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

/** The Set-Cookie header setSessionCookie would send, for a response made without SvelteKit. */
export function sessionCookieHeader(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	return cookies.serialize(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { ...sessionCookieOptions(url, new Date(0)) });
}

/** Ends the current session (if any) and starts a new one for the user: a fresh token always. */
export function startSession(event: SessionEvent, userId: string) {
	const db = getDb();
	if (event.locals.session) invalidateSession(db, event.locals.session.id);
	const token = generateToken();
	const device = describeUserAgent(event.request.headers.get('user-agent'));
	const created = createSession(db, token, userId, new Date(), device);
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
export function requireLearner(event: SessionEvent): SessionUser {
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
	if (!canTeach(u.role)) error(403, 'Only teachers can use the teacher area.');
	return u;
}

/** Where a role lands after signing in or up: admins on /admin, teachers on /teach. */
export function homeOf(role: SessionUser['role']): string {
	if (canAdminister(role)) return '/admin';
	return canTeach(role) ? '/teach' : '/';
}

export function requireAdmin(event: Event): SessionUser & { username: string } {
	const u = requireAccount(event);
	if (!canAdminister(u.role)) error(403, 'Only administrators can manage accounts.');
	return u;
}

import { building } from '$app/environment';
import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { accessFor, roleMayEnter } from '$lib/server/access';
import { getDb, startDatabase } from '$lib/server/app-db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth';
import { closeLiveStreams } from '$lib/server/live-stream';
import { keepPage, keptPageOrWait, pageKey, renderOnce } from '$lib/server/page-cache';
import {
	clearSessionCookie,
	sessionCookieHeader,
	setSessionCookie
} from '$lib/server/session-cookie';

export const init: ServerInit = () => {
	if (building) return;
	startDatabase();
	// Beside adapter-node's own handlers, which wait for open connections before exiting.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, closeLiveStreams);
};

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	const db = getDb();
	let sessionCookie: string | undefined;
	if (token) {
		const found = validateSessionToken(db, token);
		if (found) {
			event.locals.user = found.user;
			event.locals.session = found.session;
			setSessionCookie(event.cookies, event.url, token, found.session.expiresAt);
			sessionCookie = sessionCookieHeader(event.cookies, event.url, token, found.session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}

	const access = accessFor(event.route.id);
	const user = event.locals.user;
	const signedIn = user !== null && !user.isGuest;
	if (access === undefined) {
		// Fail closed: a route without a rule is nobody's.
		error(403, 'This page has no access rule yet.');
	}
	if (access !== 'public' && access !== 'learner' && !signedIn) {
		if (event.request.method === 'GET') {
			redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		}
		error(401, 'Sign in first.');
	}
	if (signedIn && !roleMayEnter(user.role, access)) {
		error(
			403,
			access === 'admin'
				? 'Only administrators can manage accounts.'
				: 'Only teachers can use the teacher area.'
		);
	}
	// A page a class opens at once is served as kept while what it shows is unchanged. Not when
	// the request's session cookie is stale: the fresh render clears it.
	// Requests for a page being rendered wait for that render rather than render it again.
	const key = token && !event.locals.session ? undefined : pageKey(db, event);
	const kept = key === undefined ? undefined : await keptPageOrWait(key, event.request);
	if (kept && sessionCookie) kept.headers.append('set-cookie', sessionCookie);
	const response =
		kept ??
		(key === undefined
			? await resolve(event)
			: await renderOnce(key, async () =>
					keepPage(key, await resolve(event), { key: pageKey(db, event), sessionCookie })
				));
	for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
	// Nothing personal in a shared cache: a page for a session, or setting one, is the browser's
	// alone and not stored; other pages may be stored but are checked (ETag) before each use.
	if (!response.headers.has('cache-control')) {
		const personal = event.locals.user !== null || response.headers.has('set-cookie');
		response.headers.set('cache-control', personal ? 'private, no-store' : 'no-cache');
	}
	return response;
};

/** Sent with every response; the Content-Security-Policy comes from kit.csp in svelte.config.js. */
const securityHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const id = crypto.randomUUID();
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', id };
};

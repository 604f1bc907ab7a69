// Who is knocking, for the failure limits of sign-in, reset codes and password checks: the
// network address, and a long-lived per-browser id so learners behind one school address are
// told apart (the User-Agent stands in before the browser has the cookie).
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { SignInClient } from './accounts';
import { generateToken } from './auth';

export const DEVICE_COOKIE = 'factdeck_device';

export function signInClient(
	event: Pick<RequestEvent, 'getClientAddress' | 'cookies' | 'request'>
): SignInClient {
	return {
		address: event.getClientAddress(),
		browser: event.cookies.get(DEVICE_COOKIE) ?? event.request.headers.get('user-agent') ?? ''
	};
}

/** Set by the pages whose forms check a password or a code, before the first try. */
export function ensureDeviceCookie(cookies: Cookies, url: URL): void {
	if (cookies.get(DEVICE_COOKIE)) return;
	cookies.set(DEVICE_COOKIE, generateToken(), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 400 * 24 * 60 * 60
	});
}

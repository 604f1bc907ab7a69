// The browser's time zone, told to the server in a cookie by the layout's script: a guest's days,
// and an account's until they store a zone of their own, follow the zone of the device in use.
export const TIME_ZONE_COOKIE = 'factdeck_tz';

/** The zone this browser reports, or undefined where Intl cannot say. */
export function deviceTimeZone(): string | undefined {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
	} catch {
		return undefined;
	}
}

/** Sets the cookie when it is missing or the device has moved to another zone. */
export function rememberDeviceTimeZone(): void {
	const zone = deviceTimeZone();
	if (!zone) return;
	const value = encodeURIComponent(zone);
	if (document.cookie.split('; ').includes(`${TIME_ZONE_COOKIE}=${value}`)) return;
	document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=${400 * 24 * 60 * 60}; samesite=lax`;
}

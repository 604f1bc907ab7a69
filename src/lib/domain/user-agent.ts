// "Firefox on Windows": what a person recognises of a User-Agent string, for their list of
// signed-in sessions. Hand-written rather than a parser library: only the browser family and
// the system are wanted (no versions, no devices), and ua-parser-js 2 is AGPL-licensed.

const browsers: [RegExp, string][] = [
	// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome says "Safari".
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
	[/\bcurl\//, 'curl']
];

const systems: [RegExp, string][] = [
	[/\biPad\b/, 'iPad'],
	[/\b(iPhone|iPod)\b/, 'iPhone'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

/** A short description of the browser and system; "Unknown browser" when neither is known. */
export function describeUserAgent(userAgent: string | null | undefined): string {
	const ua = (userAgent ?? '').slice(0, 512);
	const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1];
	const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
	if (browser && system) return `${browser} on ${system}`;
	return browser ?? (system ? `A browser on ${system}` : 'Unknown browser');
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
	it('names the browser and the system of the common User-Agents', () => {
		const cases: [string, string][] = [
			[
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
				'Chrome on Windows'
			],
			[
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
				'Edge on Windows'
			],
			[
				'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
				'Safari on macOS'
			],
			[
				'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
				'Firefox on Linux'
			],
			[
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
				'Safari on iPhone'
			],
			[
				'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
				'Chrome on iPad'
			],
			[
				'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
				'Samsung Internet on Android'
			],
			[
				'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
				'Chrome on ChromeOS'
			],
			[
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
				'Opera on Windows'
			],
			['curl/8.5.0', 'curl'],
			['Mozilla/5.0 (Linux; Android 14)', 'A browser on Android'],
			['', 'Unknown browser']
		];
		for (const [ua, expected] of cases) expect(describeUserAgent(ua), ua).toBe(expected);
		expect(describeUserAgent(null)).toBe('Unknown browser');
	});

	it('answers briefly for any input, however long or odd', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 5000 }), (ua) => {
				const described = describeUserAgent(ua);
				expect(described.length).toBeLessThanOrEqual(30);
				expect(described).toMatch(/^[A-Za-z ]+$/);
			})
		);
	});
});

import { describe, expect, it } from 'vitest';
import { qrDataUrl } from './qr';

describe('qrDataUrl', () => {
	it('renders an SVG image of the text as a data URL', () => {
		const url = qrDataUrl('http://localhost:3000/live?pin=123456');
		expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
		const svg = Buffer.from(url.split(',')[1]!, 'base64').toString();
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
		expect(svg).toContain('<path');
		// A longer text needs more modules.
		expect(qrDataUrl('x'.repeat(200)).length).toBeGreaterThan(url.length);
	});
});

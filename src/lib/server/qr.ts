// QR codes for the host's screen, rendered as SVG on the server by uqr (the one module that
// knows the library): an image the page embeds as a data URL, so no script and no extra request.
import { renderSVG } from 'uqr';

/** The QR code of `text` as an SVG data URL, black on white with the quiet zone scanners need. */
export function qrDataUrl(text: string): string {
	const svg = renderSVG(text, { ecc: 'M', border: 4, pixelSize: 8 });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

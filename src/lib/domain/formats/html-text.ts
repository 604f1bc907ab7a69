// Plain text from the HTML that Moodle's formats carry (GIFT's [html], Moodle XML): Factdeck
// shows questions as text, escaped by Svelte, so HTML is reduced to its words, never stored.
const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** Plain text from Moodle's HTML: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
	return html
		.replace(/<br\s*\/?>|<\/(?:p|div|li|h\d)>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
				return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
			}
			return entities[name.toLowerCase()] ?? whole;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

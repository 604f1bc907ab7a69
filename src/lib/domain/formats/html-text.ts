// Plain text from the HTML that Moodle's formats carry (GIFT's [html], Moodle XML). Factdeck
// shows every question as text, escaped by Svelte and never through {@html}, so HTML is reduced
// to its words: tags dropped (scripts and styles with their content), entities decoded, spaces
// collapsed. Nothing a file says in HTML is stored as HTML, so there is nothing to sanitise later.
const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”'
};

/** A character reference's character ("#233", "#xE9"), or undefined for none that exists. */
export function characterReference(name: string): string | undefined {
	const code =
		name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
	return Number.isFinite(code) && code > 0 && code <= 0x10ffff
		? String.fromCodePoint(code)
		: undefined;
}

/**
 * Plain text from Moodle's HTML. `trim: false` keeps the space at either end (a cloze's text
 * beside its blank), still collapsed to one.
 */
export function htmlToText(html: string, options: { trim?: boolean } = {}): string {
	const text = html
		.replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<br\s*\/?>|<\/(?:p|div|li|h\d|tr|td|th)>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
			name[0] === '#'
				? (characterReference(name) ?? whole)
				: (entities[name.toLowerCase()] ?? whole)
		)
		.replace(/\s+/g, ' ');
	return options.trim === false ? text : text.trim();
}

/**
 * The images an HTML text shows, by file name (Moodle's "@@PLUGINFILE@@/map.png", or a URL's
 * last part): they are not imported, and the import says so.
 */
export function imagesIn(html: string): string[] {
	const names: string[] = [];
	for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
		const src = m[1] ?? m[2] ?? m[3] ?? '';
		const last =
			src
				.replace(/[?#].*$/, '')
				.split('/')
				.pop() || src;
		let name = last;
		try {
			name = decodeURIComponent(last);
		} catch {
			// A broken %-escape: the name as written.
		}
		names.push(name || 'an image');
	}
	return names;
}

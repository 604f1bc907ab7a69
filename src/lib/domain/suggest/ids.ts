// Kebab-case ids that stay unique within one run of the pipeline.

/** "Xi's visit to Russia" -> "xis-visit-to-russia"; accents folded, never empty. */
export function kebab(text: string): string {
	const id = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’.]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return id || 'item';
}

/** Hands out ids: the kebab form, then -2, -3 ... when it is taken. */
export class IdPool {
	private readonly taken = new Set<string>();

	constructor(reserved: Iterable<string> = []) {
		for (const id of reserved) this.taken.add(id);
	}

	claim(text: string): string {
		const base = kebab(text).slice(0, 80).replace(/-+$/, '') || 'item';
		let id = base;
		for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
		this.taken.add(id);
		return id;
	}
}

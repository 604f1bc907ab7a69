// How a text writes a name: "the Kremlin", "the United States" take "the" when the text
// mostly writes them so. One instance per text; each name is counted once.

export class Names {
	private readonly cache = new Map<string, string>();

	constructor(private readonly text: string) {}

	of(name: string): string {
		const known = this.cache.get(name);
		if (known !== undefined) return known;
		const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const all = this.text.match(new RegExp(`\\b${escaped}\\b`, 'g'))?.length ?? 0;
		const withThe = this.text.match(new RegExp(`\\b[Tt]he ${escaped}\\b`, 'g'))?.length ?? 0;
		const out = all > 0 && withThe * 2 > all ? `the ${name}` : name;
		this.cache.set(name, out);
		return out;
	}
}

// How a text writes a name: "the Kremlin", "the United States" take "the" when the text
// mostly writes them so. Counted once, from where the text names each entity.
import type { Resolved, SuggestedEntity } from './entities';

export class Names {
	private readonly withThe = new Set<string>();

	constructor(text: string, mentions: readonly Resolved[], entities: readonly SuggestedEntity[]) {
		const nameOf = new Map(entities.map((e) => [e.id, e.name]));
		const counts = new Map<string, { all: number; the: number }>();
		for (const m of mentions) {
			const name = nameOf.get(m.entity);
			if (!name || m.text !== name) continue;
			const c = counts.get(name) ?? { all: 0, the: 0 };
			c.all++;
			if (/\b[Tt]he $/.test(text.slice(Math.max(0, m.start - 4), m.start))) c.the++;
			counts.set(name, c);
		}
		for (const [name, c] of counts) if (c.the * 2 > c.all) this.withThe.add(name);
	}

	of(name: string): string {
		return this.withThe.has(name) ? `the ${name}` : name;
	}
}

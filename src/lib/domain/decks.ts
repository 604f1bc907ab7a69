// Deck ids as they appear in URLs: "due" (everything due), "source:<id>", "set:<id>" and
// "missed:<attemptId>" (the facts a quiz attempt got wrong).

export type DeckRef =
	| { kind: 'due' }
	| { kind: 'source'; id: string }
	| { kind: 'set'; id: string }
	| { kind: 'missed'; id: string };

const idPart = /^[A-Za-z0-9._~-]{1,200}$/;

export function parseDeckId(text: string): DeckRef | undefined {
	if (text === 'due') return { kind: 'due' };
	const at = text.indexOf(':');
	if (at === -1) return undefined;
	const kind = text.slice(0, at);
	const id = text.slice(at + 1);
	if (!idPart.test(id)) return undefined;
	if (kind === 'source' || kind === 'set' || kind === 'missed') return { kind, id };
	return undefined;
}

export function deckId(ref: DeckRef): string {
	return ref.kind === 'due' ? 'due' : `${ref.kind}:${ref.id}`;
}

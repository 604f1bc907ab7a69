import { describe, expect, it } from 'vitest';
import { deckId, parseDeckId } from './decks';

describe('deck ids', () => {
	it('name everything due, a source, a set and an attempt’s missed facts', () => {
		for (const id of ['due', 'source:xi-moscow-2023-03-21', 'set:abc123', 'missed:k2x9']) {
			const ref = parseDeckId(id);
			expect(ref, id).toBeDefined();
			expect(deckId(ref!)).toBe(id);
		}
	});

	it('refuse anything else', () => {
		for (const id of ['', 'source:', 'teacher:x', 'set:a/b', 'missed:..%2f', 'due:x']) {
			expect(parseDeckId(id), id).toBeUndefined();
		}
	});
});

import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../content/xi-moscow-2023-03-21';
import { MAX_BODY_BYTES, parseFactBaseFile, toFactBaseFile } from './fact-base-file';

describe('the fact-base file', () => {
	it('reads back what it writes, with author, address and facts to re-anchor', () => {
		const moved = { ...xiMoscow.facts[0]!, id: 'moved', quote: 'words an older text had' };
		const file = toFactBaseFile(xiMoscow, {
			author: 'AP',
			url: 'https://apnews.com/x',
			unanchored: [moved]
		});
		expect(file.version).toBe(1);
		expect(parseFactBaseFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, value: file });
	});

	it('takes a text not curated yet', () => {
		const file = toFactBaseFile({ ...xiMoscow, entities: [], facts: [] });
		expect(parseFactBaseFile(file)).toMatchObject({ ok: true, value: { facts: [] } });
	});

	it('names every problem by its JSON path', () => {
		const file = {
			...toFactBaseFile(xiMoscow),
			source: { ...xiMoscow.source, url: 'ftp://x', body: 'x'.repeat(MAX_BODY_BYTES + 1) },
			unanchored: [{ ...xiMoscow.facts[0]!, id: 'elsewhere', subject: 'nobody' }]
		};
		const parsed = parseFactBaseFile(file);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		const paths = new Set(parsed.problems.map((p) => p.path));
		expect(paths.has('source.url')).toBe(true);
		expect(paths.has('source.body')).toBe(true);
		// Every quote is now missing from the (replaced) body.
		expect(paths.has('facts.0.quote')).toBe(true);
		expect(parseFactBaseFile([])).toMatchObject({ ok: false, problems: [{ path: '' }] });
		expect(parseFactBaseFile({ ...toFactBaseFile(xiMoscow), version: '1' })).toMatchObject({
			ok: false,
			problems: [{ path: 'version' }]
		});
	});

	it('checks that facts to re-anchor name entities of the file', () => {
		const file = {
			...toFactBaseFile(xiMoscow),
			unanchored: [{ ...xiMoscow.facts[0]!, id: 'elsewhere', subject: 'nobody' }]
		};
		expect(parseFactBaseFile(file)).toEqual({
			ok: false,
			problems: [
				{ path: 'unanchored.0.subject', message: 'fact elsewhere names unknown entity nobody' }
			]
		});
	});
});

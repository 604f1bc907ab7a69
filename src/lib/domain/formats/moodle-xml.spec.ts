import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionArbs, questionSetArb } from './golden/arbitraries';
import { goldenSet } from './golden/golden-set';
import { importText, MAX_IMPORT_BYTES } from './import';
import { exportMoodleXml } from './moodle-xml-export';
import { parseMoodleXml } from './moodle-xml-import';
import { questionTypes } from '../question';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const moodleGoldens = readdirSync(new URL('./golden/moodle/', import.meta.url))
	.filter((f) => f.endsWith('.xml'))
	.map((f) => f.replace(/\.xml$/, ''));

describe('exportMoodleXml', () => {
	it('writes the golden set exactly as the golden file', () => {
		expect(exportMoodleXml(goldenSet)).toBe(golden('golden-set.moodle.xml'));
	});

	it('names Moodle’s own types and the set as the category', () => {
		const xml = exportMoodleXml(goldenSet);
		for (const type of [
			'multichoice',
			'truefalse',
			'shortanswer',
			'numerical',
			'matching',
			'ordering',
			'cloze',
			'essay',
			'description'
		]) {
			expect(xml).toContain(`<question type="${type}">`);
		}
		expect(xml).toContain('<text>$course$/top/Xi in Moscow: one question of every type</text>');
		expect(xml).toContain('{1:SHORTANSWER:=great neighboring powers~=great neighbouring powers}');
	});
});

describe('parseMoodleXml', () => {
	it('reads the golden file back to the golden questions', () => {
		expect(parseMoodleXml(golden('golden-set.moodle.xml'))).toEqual({
			ok: true,
			questions: goldenSet.questions,
			skipped: [],
			notes: [],
			category: [goldenSet.title]
		});
	});

	it.each(moodleGoldens)('reads Moodle’s %s as its golden file says', (name) => {
		const expected = JSON.parse(golden(`moodle/${name}.json`)) as unknown;
		expect(parseMoodleXml(golden(`moodle/${name}.xml`))).toEqual(expected);
	});

	it('has a golden file for each Moodle type it reads', () => {
		expect(moodleGoldens).toEqual(
			expect.arrayContaining([
				'multichoice-single',
				'multichoice-multiple',
				'multichoiceset',
				'truefalse',
				'shortanswer',
				'numerical',
				'matching',
				'ordering',
				'essay',
				'description',
				'cloze'
			])
		);
	});

	it('reduces HTML to text: no tag, script or style survives, and images are reported', () => {
		const result = parseMoodleXml(golden('moodle/multichoice-single.xml'));
		expect(result.ok && result.notes.map((n) => n.message)).toContain(
			'Question 1: the image kremlin.jpg was not imported'
		);
		const description = parseMoodleXml(golden('moodle/description.xml'));
		expect(description.ok && description.questions[0]!.prompt).toBe(
			'Meanwhile, Kishida visited Kyiv.'
		);
	});

	it('reads back any exported set, for every Factdeck type', () => {
		fc.assert(
			fc.property(questionSetArb, (set) => {
				const read = parseMoodleXml(exportMoodleXml(set));
				expect(read).toMatchObject({ ok: true, questions: set.questions, skipped: [] });
			}),
			{ numRuns: 200 }
		);
		// Hundreds of whole sets through XML: seconds, more on a busy machine.
	}, 30_000);

	it('round-trips each type on its own', () => {
		for (const type of questionTypes) {
			fc.assert(
				fc.property(questionArbs[type], (q) => {
					const read = parseMoodleXml(exportMoodleXml({ id: 's', title: 'T', questions: [q] }));
					expect(read.ok && read.questions).toEqual([q]);
				}),
				{ numRuns: 40 }
			);
		}
	}, 30_000);

	it('never throws on any text, and never half reads: questions, or errors with lines', () => {
		const pieces = fc.constantFrom(
			'<quiz>',
			'</quiz>',
			'<question type="multichoice">',
			'<question type="truefalse">',
			'</question>',
			'<answer fraction="100">',
			'<answer fraction="x">',
			'</answer>',
			'<text>',
			'</text>',
			'<![CDATA[<b>a</b>]]>',
			'&amp;',
			'&bogus;',
			'{1:SA:=a}',
			'<single>false</single>',
			'\n'
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
				const result = parseMoodleXml(parts.join(''));
				if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
				else for (const s of result.skipped) expect(s.reason).not.toBe('');
			}),
			{ numRuns: 300 }
		);
	});
});

describe('hostile files', () => {
	it('refuses a billion laughs without expanding an entity', () => {
		const laughs = [
			'<?xml version="1.0"?>',
			'<!DOCTYPE lolz [',
			'  <!ENTITY lol "lol">',
			...Array.from(
				{ length: 9 },
				(_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`
			),
			']>',
			'<quiz><question type="truefalse"><name><text>&lol9;</text></name></question></quiz>'
		].join('\n');
		const started = Date.now();
		const result = importText(laughs, { fileName: 'laughs.xml' });
		expect(Date.now() - started).toBeLessThan(2000);
		expect(result).toEqual({
			ok: false,
			format: 'moodlexml',
			errors: [{ line: 2, message: expect.stringContaining('entities are never expanded') }]
		});
	});

	it('refuses an external entity, reading no file', () => {
		const xxe = `<?xml version="1.0"?>\n<!DOCTYPE quiz [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<quiz><question type="description"><questiontext><text>&xxe;</text></questiontext></question></quiz>`;
		const result = importText(xxe, { fileName: 'xxe.xml' });
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result)).not.toContain('root:');
		if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 2 });
	});

	it('leaves an undeclared entity as written rather than resolving it', () => {
		const xml = `<quiz><question type="description"><questiontext format="plain_text"><text>A &xxe; B</text></questiontext></question></quiz>`;
		const result = parseMoodleXml(xml);
		expect(result.ok && result.questions[0]!.prompt).toBe('A &xxe; B');
	});

	it('refuses a 50 MB file by its size, before reading it', () => {
		const big = `<?xml version="1.0"?>\n<quiz>${'<!-- padding -->'.repeat((50 * 1024 * 1024) / 16)}</quiz>`;
		expect(big.length).toBeGreaterThan(50 * MAX_IMPORT_BYTES - 100);
		const result = importText(big, { fileName: 'huge.xml' });
		expect(result).toEqual({
			ok: false,
			errors: [{ message: expect.stringContaining('an import can be at most 1 MB') }]
		});
	});

	it('refuses XML that is not well formed, naming the line', () => {
		const result = parseMoodleXml('<quiz>\n<question type="truefalse">\n</quiz>');
		expect(result).toEqual({
			ok: false,
			errors: [{ line: 3, message: expect.stringContaining('not well-formed XML') }]
		});
		expect(parseMoodleXml('<html><body>Hi</body></html>')).toEqual({
			ok: false,
			errors: [{ line: 1, message: 'not Moodle XML: the file has no <quiz> element' }]
		});
	});
});

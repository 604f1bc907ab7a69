import { describe, expect, it } from 'vitest';
import { findEntities } from './entities';
import { findMentions } from './mentions';
import { segment } from './segment';

const entitiesOf = (text: string) => findEntities(findMentions(segment(text))).entities;
const byName = (text: string) => new Map(entitiesOf(text).map((e) => [e.name, e]));

describe('entities', () => {
	it('splits a title from the name it stands before and keeps the country it names', () => {
		const e = byName(
			'Russian President Vladimir Putin met Japanese Prime Minister Fumio Kishida. U.S. Secretary of State Antony Blinken said nothing.'
		);
		expect(e.get('Vladimir Putin')).toMatchObject({ kind: 'person', role: 'Russian President' });
		expect(e.get('Vladimir Putin')?.roleEvidence?.country).toBe('Russia');
		expect(e.get('Fumio Kishida')).toMatchObject({
			kind: 'person',
			role: 'Japanese Prime Minister'
		});
		expect(e.get('Antony Blinken')).toMatchObject({ role: 'U.S. Secretary of State' });
		expect(e.get('Antony Blinken')?.roleEvidence?.country).toBe('United States');
	});

	it("reads a lower-case title, and tells a company title from a person's", () => {
		const e = byName(
			'Chinese leader Xi Jinping spoke. Russian gas giant Gazprom said supplies rose. The Scottish physician Alexander Fleming returned.'
		);
		expect(e.get('Xi Jinping')).toMatchObject({ kind: 'person', role: 'Chinese leader' });
		expect(e.get('Gazprom')).toMatchObject({ kind: 'organisation', role: 'Russian gas giant' });
		expect(e.get('Alexander Fleming')).toMatchObject({
			kind: 'person',
			role: 'Scottish physician'
		});
	});

	it('merges a surname, and a title the text pairs with one person, into the full name', () => {
		const e = byName(
			"Chinese leader Xi Jinping arrived on Tuesday. Xi met the press. The Chinese leader's visit was long. Russian President Vladimir Putin greeted him, and Putin smiled; the Russian leader said little."
		);
		expect(e.get('Xi Jinping')?.aliases).toEqual(
			expect.arrayContaining(['Xi', 'the Chinese leader', 'Chinese leader Xi Jinping'])
		);
		expect(e.get('Vladimir Putin')?.aliases).toEqual(
			expect.arrayContaining(['Putin', 'the Russian leader'])
		);
		expect(e.has('Xi')).toBe(false);
		expect(e.has('Putin')).toBe(false);
	});

	it('leaves "the French leader" alone when the text gives that title to nobody', () => {
		const e = byName('Russian President Vladimir Putin spoke. The French leader stayed away.');
		expect(e.get('Vladimir Putin')?.aliases).not.toContain('the French leader');
	});

	it('takes a capital for its country only when the text never uses it as a place', () => {
		const e = byName(
			"China has sought to stay neutral, but Washington has said Beijing's moves could help Russia. Beijing sees Taiwan as its own. The United States disagrees. Xi flew to Moscow, and Russia welcomed him; Moscow's streets were closed."
		);
		expect(e.get('China')?.aliases).toContain('Beijing');
		expect(e.get('United States')?.aliases).toContain('Washington');
		expect(e.has('Beijing')).toBe(false);
		// "flew to Moscow": a place, so Moscow stays itself.
		expect(e.get('Moscow')?.kind).toBe('place');
		expect(e.get('Russia')?.aliases).not.toContain('Moscow');
	});

	it('names blocs, groups and documents from noun phrases', () => {
		const e = byName(
			"Western powers fear the move, and Western capitals agree; the West is divided. Russian forces withdrew. Ukraine's foreign ministry protested. Putin was greeted by a military band. He praised Beijing's 12-point position paper, and China welcomed it."
		);
		expect(e.get('Western powers')).toMatchObject({ kind: 'country' });
		expect(e.get('Western powers')?.aliases).toEqual(
			expect.arrayContaining(['Western capitals', 'the West'])
		);
		expect(e.get('Russian forces')?.kind).toBe('organisation');
		expect(e.get("Ukraine's foreign ministry")?.kind).toBe('organisation');
		expect(e.get('military band')?.kind).toBe('organisation');
		expect(e.get("China's 12-point position paper")).toMatchObject({ kind: 'document' });
	});

	it('classifies names by their words and their context', () => {
		const e = byName(
			'Kishida visited Bucha, a town near the capital. Zelensky has said he would welcome talks. The International Criminal Court issued a warrant. Japan is part of the alliance known informally as the Quad. Supplies ran through the Power of Siberia pipeline.'
		);
		expect(e.get('Bucha')?.kind).toBe('place');
		expect(e.get('Zelensky')?.kind).toBe('person');
		expect(e.get('International Criminal Court')?.kind).toBe('organisation');
		expect(e.get('Quad')?.kind).toBe('organisation');
		expect(e.get('Power of Siberia pipeline')?.kind).toBe('place');
		expect(e.get('Japan')?.kind).toBe('country');
	});

	it('gives kebab-case ids, unique, and never one alias to two entities', () => {
		const entities = entitiesOf(
			'Georgia is a country. Georgia is also a state of the United States, and U.S. officials visited Georgia. The U.S. Navy said so.'
		);
		const ids = entities.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		const owners = new Map<string, string>();
		for (const e of entities) {
			for (const form of [e.name, ...e.aliases].map((f) => f.toLowerCase())) {
				expect(owners.get(form) ?? e.id, form).toBe(e.id);
				owners.set(form, e.id);
			}
		}
	});
});

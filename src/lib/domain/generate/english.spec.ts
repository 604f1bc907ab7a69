import { describe, expect, it } from 'vitest';
import { xiMoscow } from '../../content/xi-moscow-2023-03-21';
import type { Entity } from '../fact-base';
import { aboutOrThat, indefinite, isPlural, mention, whWord, withArticle } from './english';
import { key, numberForms } from './text';

const byId = (id: string) => xiMoscow.entities.find((e) => e.id === id) as Entity;

describe('english', () => {
	it('writes "the" where running text needs it', () => {
		expect(withArticle('Kremlin', byId('kremlin'))).toBe('the Kremlin');
		expect(withArticle('military band', byId('military-band'))).toBe('the military band');
		expect(withArticle('Gazprom', byId('gazprom'))).toBe('Gazprom');
		expect(withArticle('United States', byId('united-states'))).toBe('the United States');
		expect(withArticle("China's 12-point position paper", byId('china-position-paper'))).toBe(
			"China's 12-point position paper"
		);
		expect(withArticle('Western sanctions', byId('western-sanctions'))).toBe('Western sanctions');
		const opening: Entity = { id: 'opening', kind: 'event', name: 'x', aliases: [] };
		expect(withArticle("East Germany's opening of its border crossings", opening)).toBe(
			"East Germany's opening of its border crossings"
		);
		expect(withArticle('summit of the two leaders', opening)).toBe('the summit of the two leaders');
		expect(withArticle('Group of Seven summit in Japan', byId('g7-summit-2023'))).toBe(
			'the Group of Seven summit in Japan'
		);
	});

	it('names an entity without giving the answer away', () => {
		const paper = byId('china-position-paper');
		expect(mention(paper, numberForms(12).map(key))).toBe("China's position paper");
		expect(mention(byId('g7-summit-2023'), byId('japan').aliases.concat('Japan').map(key))).toBe(
			'the G7 summit'
		);
		expect(mention(byId('russia'), ['russia', 'russian federation'])).toBeUndefined();
	});

	it('agrees in number and picks the question word', () => {
		expect(isPlural(byId('western-countries'))).toBe(true);
		expect(isPlural(byId('united-states'))).toBe(false);
		expect(isPlural(byId('us-statement-on-china-proposals'))).toBe(false);
		expect(whWord(byId('xi-jinping'))).toBe('Who');
		expect(whWord(byId('western-countries'))).toBe('Who');
		expect(whWord(byId('japan'))).toBe('Which country');
		expect(whWord(byId('western-sanctions'))).toBe('What');
		expect(indefinite('town')).toBe('a town');
		expect(indefinite('U.S.-led security alliance')).toBe('a U.S.-led security alliance');
		expect(indefinite('the last leader')).toBe('the last leader');
		expect(aboutOrThat('how far the ties will go')).toBe('about how far the ties will go');
		expect(aboutOrThat('China could take Taiwan')).toBe('that China could take Taiwan');
	});
});

// Candidate facts on short texts: speakers, descriptions, meetings and travel, numbers, titles.
import { describe, expect, it } from 'vitest';
import { suggest } from './index';

function factsOf(text: string, publishedOn = '2023-03-21') {
	const s = suggest(text, publishedOn);
	const name = new Map(s.entities.map((e) => [e.id, e.name]));
	return s.facts.map((f) => ({
		predicate: f.predicate,
		subject: name.get(f.subject),
		object: f.object && name.get(f.object),
		value: f.value,
		date: f.date?.date,
		quote: f.quote,
		statement: f.statement
	}));
}

describe('speakers', () => {
	it('attributes "X said", reported speech and a quotation after its speaker', () => {
		const facts = factsOf(
			'U.S. Secretary of State Antony Blinken said the visit "suggests that China feels no responsibility." The Kremlin has said the two leaders would discuss proposals, and that the talks were likely to end with agreements.'
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Antony Blinken',
				value: { kind: 'text', text: 'suggests that China feels no responsibility' }
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Kremlin',
				value: { kind: 'text', text: 'the two leaders would discuss proposals' }
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Kremlin',
				value: { kind: 'text', text: 'the talks were likely to end with agreements' }
			})
		);
	});

	it('gives "he added" and "he was quoted as saying" to the person the text was about', () => {
		const facts = factsOf(
			'U.S. Secretary of State Antony Blinken spoke on Monday. "It would rather provide diplomatic cover," he added. Chinese leader Xi Jinping met Prime Minister Mikhail Mishustin. "We are great neighboring powers," he was quoted by Russian news agencies as saying.'
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Antony Blinken',
				value: { kind: 'text', text: 'It would rather provide diplomatic cover' },
				quote: '"It would rather provide diplomatic cover," he added.'
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Xi Jinping',
				value: { kind: 'text', text: 'We are great neighboring powers' }
			})
		);
	});

	it('reads "described ... as", "called it" and "calling each other"', () => {
		const facts = factsOf(
			'Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv. Ukraine\'s foreign ministry described the trip as "historic" and called it "a sign of solidarity." On Monday, Xi Jinping and Vladimir Putin held talks, calling each other "dear friend."'
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'described_as',
				subject: "Ukraine's foreign ministry",
				object: "Fumio Kishida's visit to Kyiv",
				value: { kind: 'text', text: 'historic' }
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'described_as',
				subject: "Ukraine's foreign ministry",
				value: { kind: 'text', text: 'a sign of solidarity' }
			})
		);
		for (const [a, b] of [
			['Xi Jinping', 'Vladimir Putin'],
			['Vladimir Putin', 'Xi Jinping']
		]) {
			expect(facts).toContainEqual(
				expect.objectContaining({
					predicate: 'described_as',
					subject: a,
					object: b,
					date: '2023-03-20'
				})
			);
		}
	});

	it("does not take a quotation earlier in the sentence for the next speaker's words", () => {
		const facts = factsOf(
			'While Beijing has called for an "impartial" mediation, Western countries have argued that the proposals are vague. China disagrees.'
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'called_for',
				subject: 'China',
				value: { kind: 'text', text: '"impartial" mediation' }
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'said',
				subject: 'Western countries',
				value: { kind: 'text', text: 'the proposals are vague' }
			})
		);
	});
});

describe('meetings, visits and travel', () => {
	it('reads met, held talks, visited, traveled to and arrived at, with their dates', () => {
		const facts = factsOf(
			'Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks with Russian President Vladimir Putin. Xi earlier met with Prime Minister Mikhail Mishustin. Putin traveled to Mariupol in eastern Ukraine. Japanese Prime Minister Fumio Kishida, who visited Bucha, is to offer support in a meeting with President Volodymyr Zelensky.'
		);
		const rel = facts.filter((f) =>
			['met', 'held_talks_with', 'visited', 'traveled_to', 'arrived_at'].includes(f.predicate)
		);
		expect(rel.map((f) => [f.predicate, f.subject, f.object, f.date])).toEqual([
			['arrived_at', 'Xi Jinping', 'Kremlin', '2023-03-21'],
			['held_talks_with', 'Xi Jinping', 'Vladimir Putin', '2023-03-21'],
			['met', 'Xi Jinping', 'Mikhail Mishustin', undefined],
			['traveled_to', 'Vladimir Putin', 'Mariupol', undefined],
			['visited', 'Fumio Kishida', 'Bucha', undefined],
			['met', 'Fumio Kishida', 'Volodymyr Zelensky', undefined]
		]);
		expect(rel.at(-1)?.statement).toBe('Fumio Kishida is to meet Volodymyr Zelensky.');
		expect(rel[0]?.quote).toBe('Chinese leader Xi Jinping arrived at the Kremlin on Tuesday');
	});

	it('dates an undated meeting by the occasion the sentence before tells, in its paragraph', () => {
		const facts = factsOf(
			'West German Chancellor Helmut Kohl flew to Berlin on Friday. Kohl met with Mayor Walter Momper at the city hall.\n\nKohl met with Mayor Eberhard Diepgen. Kohl later met with President Richard Weizsacker.',
			'1989-11-11'
		);
		const met = facts.filter((f) => f.predicate === 'met');
		expect(met.map((f) => [f.object, f.date])).toEqual([
			['Walter Momper', '1989-11-10'],
			// Another paragraph, and "later": another occasion, undated.
			['Eberhard Diepgen', undefined],
			['Richard Weizsacker', undefined]
		]);
		expect(met[0]).toMatchObject({
			quote: 'Kohl met with Mayor Walter Momper',
			statement: 'Helmut Kohl met Walter Momper on Friday.'
		});
	});
});

describe('numbers', () => {
	it('reads a number, its unit and what it counts or how long an event lasted', () => {
		const facts = factsOf(
			"Russian President Vladimir Putin praised Beijing's 12-point position paper, and China welcomed it. On Monday, Xi Jinping and Putin held four and a half hours of talks. Xi Jinping's three-day visit began on Monday."
		);
		const numbers = facts.filter((f) => f.value?.kind === 'number');
		expect(numbers.map((f) => [f.predicate, f.subject, f.value])).toEqual([
			[
				'count_of',
				"China's 12-point position paper",
				{ kind: 'number', amount: 12, unit: 'points' }
			],
			[
				'duration_of',
				"Xi Jinping's talks with Putin",
				{ kind: 'number', amount: 4.5, unit: 'hours' }
			],
			['duration_of', "Xi Jinping's visit", { kind: 'number', amount: 3, unit: 'days' }]
		]);
	});
});

describe('titles', () => {
	it('suggests role_of from an apposition, with the country its adjective names', () => {
		const facts = factsOf(
			'Russian President Vladimir Putin met Chinese leader Xi Jinping in Russia. China and Russia are neighbours. Prime Minister Mikhail Mishustin was there.'
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'role_of',
				subject: 'Vladimir Putin',
				object: 'Russia',
				value: { kind: 'text', text: 'Russian President' },
				quote: 'Russian President Vladimir Putin',
				statement: 'Vladimir Putin is the Russian President.'
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'role_of',
				subject: 'Xi Jinping',
				object: 'China',
				statement: 'Xi Jinping is the Chinese leader.'
			})
		);
		expect(facts).toContainEqual(
			expect.objectContaining({
				predicate: 'role_of',
				subject: 'Mikhail Mishustin',
				object: undefined,
				statement: 'Mikhail Mishustin holds the title Prime Minister.'
			})
		);
	});
});

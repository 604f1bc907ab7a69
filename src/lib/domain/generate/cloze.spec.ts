import { describe, expect, it } from 'vitest';
import type { Entity, Fact, FactBase } from '../fact-base';
import { clozeQuestion } from './cloze';
import { newGen } from './build';

const talks: Entity = { id: 'talks', kind: 'event', name: 'Kremlin talks', aliases: ['the talks'] };
const xi: Entity = { id: 'xi', kind: 'person', name: 'Xi Jinping', aliases: ['Xi'] };
const putin: Entity = { id: 'putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'] };

function duration(quote: string, amount: number): Fact {
	return {
		id: 'talks-duration',
		predicate: 'duration_of',
		subject: 'talks',
		value: { kind: 'number', amount, unit: 'hours' },
		statement: `The talks lasted ${amount} hours.`,
		quote
	};
}

function gen(...facts: Fact[]) {
	const base: FactBase = {
		source: {
			id: 'src',
			title: 'T',
			publishedOn: '2023-03-21',
			body: facts.map((f) => f.quote).join(' ')
		},
		entities: [talks, xi, putin],
		facts
	};
	return newGen(base, 1);
}

describe('clozeQuestion', () => {
	it('blanks a number however the quote writes it, the longest writing first', () => {
		const cases: [string, number, string][] = [
			['The leaders spoke for Four and a half hours on Tuesday evening.', 4.5, 'Four and a half'],
			['They held twelve rounds of talks behind closed doors.', 12, 'twelve'],
			['A 12-point plan was on the table at the talks today.', 12, '12'],
			['Officials said the session ran 4.5 hours before a short break.', 4.5, '4.5']
		];
		for (const [quote, amount, answer] of cases) {
			const f = duration(quote, amount);
			const q = clozeQuestion(gen(f), f);
			expect(q?.answer, quote).toBe(answer);
			expect(`${q?.before}${q?.answer}${q?.after}`).toBe(quote);
		}
	});

	it('does not read "and a half" across other words or punctuation', () => {
		const f = duration('Four, and a half-hearted reply, came after the long talks.', 4.5);
		expect(clozeQuestion(gen(f), f)).toBeUndefined();
	});

	it('skips an entity a question already asks for, and blanks the next one', () => {
		const f: Fact = {
			id: 'xi-met-putin',
			predicate: 'met',
			subject: 'xi',
			object: 'putin',
			statement: 'Xi Jinping met Vladimir Putin.',
			quote: 'On Monday Xi Jinping met Vladimir Putin for an informal dinner.'
		};
		expect(clozeQuestion(gen(f), f)?.answer).toBe('Vladimir Putin');
		expect(clozeQuestion(gen(f), f, ['putin'])?.answer).toBe('Xi Jinping');
		expect(clozeQuestion(gen(f), f, ['putin', 'xi'])).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId, factCards, questionCardFaces } from './card-faces';
import { hasPhrase, key } from './generate/text';
import type { MultipleChoiceQuestion, OrderingQuestion } from './question';

const base = factBases[0]!;
const cards = factCards(base);
const byId = new Map(cards.map((c) => [c.id, c]));

describe('fact cards', () => {
	it('give every fact a forward card, with stable ids in deck order', () => {
		for (const f of base.facts) expect(byId.has(factCardId(f.id)), f.id).toBe(true);
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		const positions = cards.map((c) => c.position);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		expect(factCards(base)).toEqual(cards);
	});

	it('ask person to role and role to person', () => {
		expect(byId.get('fact:putin-role:forward')).toMatchObject({
			front: { prompt: 'What role or title does the article give Vladimir Putin?' },
			back: { answer: 'Russian President' }
		});
		expect(byId.get('fact:putin-role:reverse')).toMatchObject({
			front: { prompt: 'Who is the Russian President?' },
			back: { answer: 'Vladimir Putin' }
		});
	});

	it('ask who said a phrase, and when an event happened', () => {
		expect(byId.get('fact:xi-said-we-are-great-neighboring-powers:forward')?.front.prompt).toBe(
			'Who said “We are great neighboring powers”?'
		);
		const when = byId.get('fact:xi-putin-talks-date:forward')!;
		expect(when.front.prompt).toMatch(/^When were the Xi-Putin talks\?$/);
		expect(when.back.answer).toBe('Monday, 20 March 2023 (“on Monday”)');
	});

	it('have fronts a learner can answer: unique, and never holding their own answer', () => {
		const fronts = cards.map((c) => key(`${c.front.prompt} ${c.front.detail ?? ''}`));
		expect(new Set(fronts).size).toBe(fronts.length);
		for (const c of cards) {
			const front = key(`${c.front.prompt} ${c.front.detail ?? ''}`);
			expect(hasPhrase(front, key(c.back.answer)), c.id).toBe(false);
		}
	});

	it('ask the sentence with a gap when a question would have several answers', () => {
		// A band, officials and Putin all greeted Xi at the Kremlin.
		const band = byId.get('fact:xi-greeted-by-military-band:forward')!;
		expect(band.front.detail).toBe(
			'Xi entered the Kremlin on a red carpet and was greeted by a _____.'
		);
		expect(band.back.answer).toBe('military band');
	});

	it('carry the statement, the evidence and where to find it on the back', () => {
		const c = byId.get('fact:putin-role:forward')!;
		expect(c.back).toEqual({
			answer: 'Russian President',
			explanation: 'Vladimir Putin is the Russian President.',
			quote: 'Russian President Vladimir Putin',
			sourceId: base.source.id,
			factId: 'putin-role'
		});
	});
});

describe('question cards', () => {
	const mc: MultipleChoiceQuestion = {
		id: 'q1',
		type: 'multiple_choice',
		prompt: 'Which city did Xi visit?',
		explanation: 'He went to Moscow.',
		choices: [
			{ id: 'a', text: 'Kyiv' },
			{ id: 'b', text: 'Moscow' }
		],
		correctChoiceId: 'b'
	};

	it('show the prompt and choices in front, the right answer and explanation behind', () => {
		const faces = questionCardFaces(mc);
		expect(faces.front).toEqual({
			prompt: 'Which city did Xi visit?',
			lists: [{ label: 'Choices', items: ['Kyiv', 'Moscow'] }]
		});
		expect(faces.back).toEqual({ answer: 'Moscow', explanation: 'He went to Moscow.' });
		expect(JSON.stringify(faces.front)).not.toContain('explanation');
	});

	it('never show an ordering question in its right order', () => {
		const ordering: OrderingQuestion = {
			id: 'q2',
			type: 'ordering',
			prompt: 'Put in order',
			explanation: '',
			items: ['first', 'second', 'third']
		};
		for (const seed of [0, 1, 2, 3]) {
			const faces = questionCardFaces(ordering, seed);
			expect(faces.front.lists![0]!.items).not.toEqual(ordering.items);
			expect(faces.back.answer).toBe('1. first; 2. second; 3. third');
		}
	});
});

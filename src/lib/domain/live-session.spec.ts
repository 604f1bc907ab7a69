import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	allowedActions,
	answerRefusal,
	applyHostAction,
	hostActions,
	joinRefusal,
	lobbyState,
	type HostAction,
	type LiveState
} from './live-session';

/** Applies actions in turn, failing the test on a refused one. */
function run(state: LiveState, ...steps: [HostAction, number][]): LiveState {
	for (const [action, at] of steps) {
		const next = applyHostAction(state, action, at);
		if (!next.ok) throw new Error(`${action} refused: ${next.message}`);
		state = next.state;
	}
	return state;
}

describe('applyHostAction', () => {
	it('allows only start in the lobby (and end)', () => {
		expect(allowedActions(lobbyState(3, null))).toEqual(['start', 'end']);
	});

	it('walks lobby → question → revealed → question → … → ended', () => {
		let s = run(lobbyState(2, null), ['start', 1000]);
		expect(s).toMatchObject({ phase: 'question', index: 0, openedAt: 1000, deadline: null });
		expect(allowedActions(s)).toEqual(['reveal', 'pause', 'end']);
		s = run(s, ['reveal', 2000]);
		expect(s.phase).toBe('revealed');
		expect(allowedActions(s)).toEqual(['next', 'end']);
		s = run(s, ['next', 3000]);
		expect(s).toMatchObject({ phase: 'question', index: 1, openedAt: 3000 });
		s = run(s, ['reveal', 4000]);
		// The last question: next is refused with a message saying what to do instead.
		expect(applyHostAction(s, 'next', 5000)).toEqual({
			ok: false,
			message: 'That was the last question: end the session.'
		});
		s = run(s, ['end', 5000]);
		expect(s.phase).toBe('ended');
		expect(allowedActions(s)).toEqual([]);
	});

	it('refuses moving on before the reveal, and a second start', () => {
		const s = run(lobbyState(3, null), ['start', 0]);
		expect(applyHostAction(s, 'next', 1)).toMatchObject({ ok: false });
		expect(applyHostAction(s, 'start', 1)).toEqual({
			ok: false,
			message: 'The session has already started.'
		});
		expect(applyHostAction(lobbyState(3, null), 'reveal', 1)).toMatchObject({ ok: false });
	});

	it('refuses starting a session without questions', () => {
		expect(applyHostAction(lobbyState(0, null), 'start', 0)).toMatchObject({ ok: false });
	});

	it('sets a deadline with the timer, keeps the time left over a pause, and shifts the opening', () => {
		let s = run(lobbyState(2, 20_000), ['start', 10_000]);
		expect(s.deadline).toBe(30_000);
		s = run(s, ['pause', 15_000]);
		expect(s).toMatchObject({ phase: 'paused', remainingMs: 15_000, deadline: null });
		expect(allowedActions(s)).toEqual(['reveal', 'resume', 'end']);
		s = run(s, ['resume', 100_000]);
		expect(s).toMatchObject({ phase: 'question', deadline: 115_000, openedAt: 95_000 });
	});

	it('can reveal a paused question', () => {
		const s = run(lobbyState(2, 20_000), ['start', 0], ['pause', 5], ['reveal', 10]);
		expect(s).toMatchObject({ phase: 'revealed', deadline: null, pausedAt: null });
	});

	it('never leaves the ended phase', () => {
		const ended = run(lobbyState(2, null), ['end', 0]);
		for (const action of hostActions) {
			expect(applyHostAction(ended, action, 1)).toEqual({
				ok: false,
				message: 'This session has ended.'
			});
		}
	});

	it('keeps its invariants under any sequence of actions (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 6 }),
				fc.option(fc.integer({ min: 10_000, max: 120_000 }), { nil: null }),
				fc.array(fc.tuple(fc.constantFrom(...hostActions), fc.integer({ min: 0, max: 60_000 }))),
				(count, timerMs, steps) => {
					let s = lobbyState(count, timerMs);
					let now = 0;
					for (const [action, wait] of steps) {
						now += wait;
						const allowed = allowedActions(s).includes(action);
						const next = applyHostAction(s, action, now);
						expect(next.ok).toBe(allowed);
						if (!next.ok) continue;
						const before = s;
						s = next.state;
						expect(s.index).toBeGreaterThanOrEqual(-1);
						expect(s.index).toBeLessThan(Math.max(count, 1));
						expect(s.index - before.index).toBeLessThanOrEqual(1);
						// Only a running question has a deadline, and only with the timer.
						if (s.deadline !== null) {
							expect(s.phase).toBe('question');
							expect(timerMs).not.toBeNull();
						}
						if (s.phase === 'paused' && timerMs !== null) {
							expect(s.remainingMs).toBeGreaterThanOrEqual(0);
							expect(s.remainingMs).toBeLessThanOrEqual(timerMs);
						}
						if (s.phase === 'question') {
							expect(answerRefusal(s, s.index, s.openedAt!)).toBeNull();
						} else {
							expect(answerRefusal(s, Math.max(0, s.index), now)).not.toBeNull();
						}
					}
				}
			)
		);
	});
});

describe('answerRefusal', () => {
	const running = run(lobbyState(3, 20_000), ['start', 0], ['reveal', 1], ['next', 1000]);

	it('takes an answer to the open question before the deadline', () => {
		expect(answerRefusal(running, 1, 20_999)).toBeNull();
		expect(answerRefusal(running, 1, 21_000)).toBeNull();
	});

	it('refuses after the deadline, after the reveal, and for other questions', () => {
		expect(answerRefusal(running, 1, 21_001)).toBe('Too late: time is up.');
		expect(answerRefusal(running, 0, 2000)).toBe(
			'Too late: the answer to this question has been shown.'
		);
		expect(answerRefusal(running, 2, 2000)).toBe('That question has not been asked yet.');
		const revealed = run(running, ['reveal', 3000]);
		expect(answerRefusal(revealed, 1, 3001)).toBe(
			'Too late: the answer to this question has been shown.'
		);
	});

	it('refuses while paused, in the lobby and after the end', () => {
		expect(answerRefusal(run(running, ['pause', 2000]), 1, 2001)).toMatch(/paused/);
		expect(answerRefusal(lobbyState(3, null), 0, 0)).toMatch(/not started/);
		expect(answerRefusal(run(running, ['end', 2000]), 1, 2001)).toMatch(/ended/);
	});

	it('has no deadline without a timer', () => {
		const s = run(lobbyState(1, null), ['start', 0]);
		expect(answerRefusal(s, 0, 10 * 60 * 60_000)).toBeNull();
	});
});

describe('joinRefusal', () => {
	it('lets players join until the end', () => {
		const s = lobbyState(2, null);
		expect(joinRefusal(s)).toBeNull();
		expect(joinRefusal(run(s, ['start', 0]))).toBeNull();
		expect(joinRefusal(run(s, ['end', 0]))).toBe('This session has ended.');
	});
});

// The rules of a live session as a state machine: which of the host's actions may happen in
// which phase (lobby → question → revealed → question → … → ended, with pause and resume inside
// a question), what each does to the timer, and when a player may answer or join.

export const livePhases = ['lobby', 'question', 'paused', 'revealed', 'ended'] as const;
export type LivePhase = (typeof livePhases)[number];

export const hostActions = ['start', 'reveal', 'next', 'pause', 'resume', 'end'] as const;
export type HostAction = (typeof hostActions)[number];

/** The timer, when on: 10 to 120 seconds a question. */
export const MIN_TIMER_SECONDS = 10;
export const MAX_TIMER_SECONDS = 120;

export interface LiveState {
	phase: LivePhase;
	/** The question on screen, from 0; -1 in the lobby. */
	index: number;
	count: number;
	/** Null: no timer. */
	timerMs: number | null;
	/** When the current question opened, moved on by the time it spent paused (ms). */
	openedAt: number | null;
	/** When answers close (ms), with a timer and while the question runs. */
	deadline: number | null;
	/** While paused with a timer: the time the question had left. */
	remainingMs: number | null;
	pausedAt: number | null;
}

export type Transition = { ok: true; state: LiveState } | { ok: false; message: string };

export function lobbyState(count: number, timerMs: number | null): LiveState {
	return {
		phase: 'lobby',
		index: -1,
		count,
		timerMs,
		openedAt: null,
		deadline: null,
		remainingMs: null,
		pausedAt: null
	};
}

function open(state: LiveState, index: number, now: number): LiveState {
	return {
		...state,
		phase: 'question',
		index,
		openedAt: now,
		deadline: state.timerMs === null ? null : now + state.timerMs,
		remainingMs: null,
		pausedAt: null
	};
}

const refusals: Record<HostAction, Partial<Record<LivePhase, string>>> = {
	start: {
		question: 'The session has already started.',
		paused: 'The session has already started.',
		revealed: 'The session has already started.'
	},
	reveal: {
		lobby: 'Start the session first.',
		revealed: 'This question is already revealed.'
	},
	next: {
		lobby: 'Start the session first.',
		question: 'Reveal this question before moving on.',
		paused: 'Reveal this question before moving on.'
	},
	pause: {
		lobby: 'Only a running question can be paused.',
		paused: 'The question is already paused.',
		revealed: 'Only a running question can be paused.'
	},
	resume: {
		lobby: 'Nothing is paused.',
		question: 'Nothing is paused.',
		revealed: 'Nothing is paused.'
	},
	end: {}
};

/** What the host may do now, in the order the controls show them. */
export function allowedActions(state: LiveState): HostAction[] {
	return hostActions.filter((action) => applyHostAction(state, action, 0).ok);
}

/** The host's action applied at `now` (ms), or why it may not happen in this phase. */
export function applyHostAction(state: LiveState, action: HostAction, now: number): Transition {
	if (state.phase === 'ended') return { ok: false, message: 'This session has ended.' };
	const refused = refusals[action][state.phase];
	if (refused) return { ok: false, message: refused };
	switch (action) {
		case 'start':
			if (state.count === 0) return { ok: false, message: 'This session has no questions.' };
			return { ok: true, state: open(state, 0, now) };
		case 'reveal':
			return {
				ok: true,
				state: { ...state, phase: 'revealed', deadline: null, remainingMs: null, pausedAt: null }
			};
		case 'next':
			if (state.index + 1 >= state.count) {
				return { ok: false, message: 'That was the last question: end the session.' };
			}
			return { ok: true, state: open(state, state.index + 1, now) };
		case 'pause':
			return {
				ok: true,
				state: {
					...state,
					phase: 'paused',
					pausedAt: now,
					remainingMs: state.deadline === null ? null : Math.max(0, state.deadline - now),
					deadline: null
				}
			};
		case 'resume': {
			// The time spent paused does not count: neither against the timer nor the speed bonus.
			const paused = Math.max(0, now - (state.pausedAt ?? now));
			return {
				ok: true,
				state: {
					...state,
					phase: 'question',
					openedAt: state.openedAt === null ? now : state.openedAt + paused,
					deadline: state.remainingMs === null ? null : now + state.remainingMs,
					remainingMs: null,
					pausedAt: null
				}
			};
		}
		case 'end':
			return {
				ok: true,
				state: { ...state, phase: 'ended', deadline: null, remainingMs: null, pausedAt: null }
			};
	}
}

/** Why an answer to question `position` is refused at `now`, or null when it is taken. */
export function answerRefusal(state: LiveState, position: number, now: number): string | null {
	if (state.phase === 'ended') return 'This session has ended.';
	if (state.phase === 'lobby') return 'The session has not started yet.';
	if (position > state.index || position < 0) return 'That question has not been asked yet.';
	if (position < state.index || state.phase === 'revealed') {
		return 'Too late: the answer to this question has been shown.';
	}
	if (state.phase === 'paused') return 'The host has paused the question. Wait for it to resume.';
	if (state.deadline !== null && now > state.deadline) return 'Too late: time is up.';
	return null;
}

/** Players may join until the session ends (a latecomer starts at the current question). */
export function joinRefusal(state: LiveState): string | null {
	return state.phase === 'ended' ? 'This session has ended.' : null;
}

/** How many questions have been put to the class: the ones a summary counts. */
export function askedCount(state: LiveState): number {
	return state.index + 1;
}

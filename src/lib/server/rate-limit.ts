// Counts failures per key in a sliding window. Sign-in uses three keys so that guessing one
// account's password stops quickly, one browser can't sweep many accounts, and a school of
// learners behind one address is never locked out by each other's typos.

export interface LimitRule {
	limit: number;
	windowMs: number;
}

export class FailureLimiter {
	readonly #failures = new Map<string, number[]>();
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	#recent(key: string, windowMs: number): number[] {
		const since = this.#now() - windowMs;
		const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length) this.#failures.set(key, kept);
		else this.#failures.delete(key);
		return kept;
	}

	/** Milliseconds until the key may try again, or 0 when it may try now. */
	retryAfter(key: string, rule: LimitRule): number {
		const recent = this.#recent(key, rule.windowMs);
		if (recent.length < rule.limit) return 0;
		const oldestThatCounts = recent[recent.length - rule.limit]!;
		return Math.max(1, oldestThatCounts + rule.windowMs - this.#now());
	}

	fail(key: string, rule: LimitRule): void {
		const recent = this.#recent(key, rule.windowMs);
		recent.push(this.#now());
		this.#failures.set(key, recent);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}
}

const MINUTE = 60_000;

export const signInRules = {
	/** Wrong passwords for one account. */
	account: { limit: 5, windowMs: 15 * MINUTE },
	/** Wrong passwords from one address and browser, across accounts. */
	client: { limit: 10, windowMs: 15 * MINUTE },
	/** Wrong passwords from one address: high, since a whole school may share it. */
	address: { limit: 100, windowMs: 15 * MINUTE }
} satisfies Record<string, LimitRule>;

/**
 * Wrong live-session PINs from one address. A PIN is one of 900,000 and lives for a lesson, so
 * this makes guessing one hopeless, while a class behind one address has room for its typos.
 */
export const livePinRule: LimitRule = { limit: 30, windowMs: 10 * MINUTE };

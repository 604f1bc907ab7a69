// A small seeded pseudo-random generator (mulberry32), so that shuffles and generated quizzes
// come out the same for the same seed on the server, in the browser and in tests.

export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n); n must be a positive integer. */
	int(n: number): number;
	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T;
	/** A shuffled copy (Fisher–Yates); the input is left alone. */
	shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
	// Any number is a seed: non-integers and huge values are folded into 32 bits, so
	// createRandom(Date.now()) and createRandom(0.5) both work and stay deterministic.
	return new Mulberry32(Number.isFinite(seed) ? foldSeed(seed) : 0);
}

/** A class rather than closures: the generator makes one per question, thousands per bank. */
class Mulberry32 implements Random {
	constructor(private state: number) {}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(n: number): number {
		if (!Number.isInteger(n) || n <= 0) {
			throw new RangeError(`int(n) needs a positive integer, got ${n}`);
		}
		return Math.floor(this.next() * n);
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
		return items[this.int(items.length)] as T;
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			const a = out[i] as T;
			out[i] = out[j] as T;
			out[j] = a;
		}
		return out;
	}
}

function foldSeed(seed: number): number {
	if (Number.isInteger(seed) && Math.abs(seed) <= 0xffffffff) return seed | 0;
	// Mix the bits of the double so that seeds differing only after the point still differ.
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, seed);
	return (view.getUint32(0) ^ Math.imul(view.getUint32(4), 0x9e3779b1)) | 0;
}

// The fact's true/false question, from the first claim a template made of it: true as stated,
// false with an exclusive slot swapped, or, for a relation the text does not make exclusive,
// asked as True / False / Not given, where a swapped pair the text does not state is "not given".
import type { Question, Verdict } from '../question';
import { explain, randomFor, sourced, type Claim, type Gen } from './build';
import { noted } from './notes';
import { hash32 } from './text';

const leads: Record<Verdict, string> = {
	true: 'True. ',
	false: 'False. ',
	not_given: 'Not given: the article does not say this. '
};

/**
 * One true/false question per fact, from the first claim a template made. Whether it states the
 * fact or swaps a filler, and whether it is asked as True / False or True / False / Not given,
 * depend on the fact id only, so a recorded answer keeps its meaning.
 */
export function trueFalseQuestion(g: Gen, claims: readonly Claim[]): Question | undefined {
	const claim = claims[0];
	if (!claim) return undefined;
	const { fact } = claim;
	const h = hash32(fact.id);
	const wantSwap = h % 2 === 1;
	// A third of the stated and the false are asked with "not given" among the answers too, so
	// that answer is not a tell of the format.
	const threeWay = (h >>> 1) % 3 === 0;
	const tfngId = `tfng:${claim.templateId}:${fact.id}`;
	const tfId = `tf:${claim.templateId}:${fact.id}`;
	// "Not given" can only be asked three ways; the random stream follows the id it is asked under.
	const swapId = claim.verdict === 'not_given' || threeWay ? tfngId : tfId;
	const swapped = wantSwap ? claim.swapped?.(randomFor(g, swapId)) : undefined;
	const verdict: Verdict = swapped ? claim.verdict : 'true';
	const asThreeWay = verdict === 'not_given' || threeWay;
	const base = {
		id: asThreeWay ? tfngId : tfId,
		prompt: swapped?.text ?? claim.trueText(),
		explanation: explain([fact], leads[verdict]),
		provenance: sourced(g, fact).provenance
	};
	const note = {
		factId: fact.id,
		slot: claim.slot,
		...(swapped ? { swap: swapped.swap } : {})
	};
	return asThreeWay
		? noted(g, { ...base, type: 'true_false_not_given', answer: verdict }, note)
		: noted(g, { ...base, type: 'true_false', answer: verdict === 'true' }, note);
}

// The fact's true/false question, from the first claim a template made of it.

import type { Question } from '../question';
import { explain, randomFor, sourced, type Claim, type Gen } from './build';
import { hash32 } from './text';

/**
 * One true/false question per fact, from the first claim a template made. Whether it is asked
 * true or false depends on the fact id only, so a recorded answer keeps its meaning.
 */
export function trueFalseQuestion(g: Gen, claims: readonly Claim[]): Question | undefined {
	const claim = claims[0];
	if (!claim) return undefined;
	const { fact } = claim;
	const id = `tf:${claim.templateId}:${fact.id}`;
	const wantFalse = hash32(fact.id) % 2 === 1;
	const falseText = wantFalse ? claim.falseText?.(randomFor(g, id)) : undefined;
	return {
		id,
		type: 'true_false',
		prompt: falseText ?? claim.trueText(),
		answer: falseText === undefined,
		explanation: explain([fact], falseText === undefined ? 'True. ' : 'False. '),
		provenance: sourced(g, fact).provenance
	};
}

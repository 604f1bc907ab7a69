// Everything a learner's progress is made of, by owner, so that a guest's progress can move to
// the account they sign in to. Each table that records progress adds its move here.
import type { Db } from './db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function moveProgress(_tx: Tx, _fromUserId: string, _toUserId: string): void {
	// Attempts, answers and flashcard states join this list as they are added.
}

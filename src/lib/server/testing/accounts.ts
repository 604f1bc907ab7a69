// Accounts for unit tests, made through the real sign-up: the password is `${username}-secret-pw`.
// The first one made on a fresh database is its admin, as in the app.
import { signUp } from '../accounts';
import type { Db } from '../db';

export async function testAccount(
	db: Db,
	username: string,
	role: 'learner' | 'teacher' = 'learner'
): Promise<{ id: string; username: string }> {
	const result = await signUp(db, { username, password: `${username}-secret-pw`, role });
	if (!result.ok) throw new Error(result.message);
	return { id: result.userId, username };
}

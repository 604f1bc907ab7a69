// A classroom in a fresh database: learners with sessions and started attempts, and the
// answer requests they would send. Used by the classroom benchmark and the crash test.
import { eq } from 'drizzle-orm';
import { factBases } from '../src/lib/content';
import type { Question } from '../src/lib/domain/question';
import { createSession, generateToken, hashPassword } from '../src/lib/server/auth';
import { loadFactBase } from '../src/lib/server/db/content';
import { migrateDatabase, openDatabase } from '../src/lib/server/db';
import { attemptQuestion, user } from '../src/lib/server/db/schema';
import { bankSetId, syncGeneratedSet } from '../src/lib/server/question-sets';
import { startAttempt } from '../src/lib/server/quiz';

export interface AnswerRequest {
	attemptId: string;
	position: number;
	path: string;
	body: string;
	cookie: string;
}

/** A valid answer for a stored question (right or wrong does not matter to the server's work). */
export function formFor(position: number, q: Question): string {
	const form = new URLSearchParams({ position: String(position) });
	switch (q.type) {
		case 'multiple_choice':
			form.set('choice', q.choices[0]!.id);
			break;
		case 'true_false':
		case 'true_false_not_given':
			form.set('choice', 'true');
			break;
		case 'matching':
			for (const p of [...q.pairs].reverse()) form.append('match', p.right);
			break;
		case 'ordering':
			for (const item of q.items) form.append('order', item);
			break;
		default:
			form.set('text', 'twelve');
	}
	return form.toString();
}

export async function setUpClassroom(file: string, learners: number, attemptsEach: number) {
	const db = openDatabase(file);
	migrateDatabase(db);
	const base = factBases[0]!;
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	const passwordHash = await hashPassword('bench-password');
	const work: AnswerRequest[][] = [];
	const cookies: string[] = [];
	for (let i = 0; i < learners; i++) {
		const id = generateToken();
		db.insert(user)
			.values({
				id,
				username: `bench${i}`,
				usernameKey: `bench${i}`,
				passwordHash,
				role: 'learner'
			})
			.run();
		const token = generateToken();
		createSession(db, token, id);
		const cookie = `factdeck_session=${token}`;
		cookies.push(cookie);
		const items: AnswerRequest[] = [];
		for (let a = 0; a < attemptsEach; a++) {
			// One seed per attempt number keeps set-up quick; every attempt is still its own rows.
			const started = startAttempt(db, id, bankSetId(base.source.id), 1000 + a);
			if (!started.ok) throw new Error(started.message);
			const questions = db
				.select({ position: attemptQuestion.position, body: attemptQuestion.body })
				.from(attemptQuestion)
				.where(eq(attemptQuestion.attemptId, started.attemptId))
				.all();
			for (const q of questions) {
				items.push({
					attemptId: started.attemptId,
					position: q.position,
					path: `/attempts/${started.attemptId}?/answer`,
					body: formFor(q.position, q.body as Question),
					cookie
				});
			}
		}
		work.push(items);
	}
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	// Interleave learners so that all 300 are answering at once.
	const queue: AnswerRequest[] = [];
	for (let k = 0; k < work[0]!.length; k++) for (const items of work) queue.push(items[k]!);
	return { queue, cookies };
}

// Times the fact base's runtime home, the database: assembling the article's fact base from its
// rows (what the first read after any write pays), a read the memo answers (what every other
// read pays: one primary-key read of the source's revision), a quiz start for the article's
// set (regenerated from the database's fact base) against the same steps on the compiled fact
// base (as before the database was its home), and a fact card's faces. Run with tsx, like bench-review (the database
// driver is native): tsx's overhead applies to each measure and its baseline alike.
// Usage: npm run bench:fact-base [-- --runs N]
import { eq, sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
import { factCardId } from '../src/lib/domain/card-faces';
import { defaultQuiz, generateQuestions } from '../src/lib/domain/generate-questions';
import { loadShippedSource } from '../src/lib/server/app-db';
import { migrateDatabase, openDatabase } from '../src/lib/server/db';
import { source } from '../src/lib/server/db/schema';
import { factBaseOf, readSourceFacts } from '../src/lib/server/fact-bases';
import { cardFaces } from '../src/lib/server/flashcards';
import {
	bankSetId,
	getVisibleSet,
	setQuestions,
	storedQuestionId
} from '../src/lib/server/question-sets';
import { questionsForAttempt } from '../src/lib/server/quiz';
import { percentile, printTable, report, runsArg, tempDatabase } from './bench-support';

const runs = runsArg('bench-fact-base.ts', 400, 20);
const file = tempDatabase('fact-base');
const db = openDatabase(file);
migrateDatabase(db);
loadShippedSource(db, xiMoscow);
const id = xiMoscow.source.id;
const set = getVisibleSet(db, bankSetId(id), null)!;
const card = factCardId(xiMoscow.facts[0]!.id);
const revision = db
	.select({ revision: source.revision })
	.from(source)
	.where(eq(source.id, sql.placeholder('id')))
	.prepare();

/** Median and p99 in microseconds of `runs` calls after a tenth as many untimed ones. */
function time(fn: (i: number) => unknown, n = runs) {
	for (let i = 0; i < Math.ceil(n / 10); i++) fn(i);
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const start = performance.now();
		fn(i);
		times.push((performance.now() - start) * 1000);
	}
	const sorted = times.sort((a, b) => a - b);
	return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const assemble = time(() => readSourceFacts(db, id));
const keyRead = time(() => revision.get({ id }), runs * 10);
const memo = time(() => factBaseOf(db, id), runs * 10);
const faces = time(() => cardFaces(db, card), runs * 10);
const quizRuns = Math.max(20, Math.round(runs / 10));
const quizFromDb = (seed: number) => questionsForAttempt(db, set, seed);
// The same steps on the compiled fact base, as a quiz started before the database was its home.
const quizCompiled = (seed: number) => {
	const stored = new Set(setQuestions(db, set.id).map((q) => q.id));
	const bank = generateQuestions(xiMoscow, { seed }).filter((q) =>
		stored.has(storedQuestionId(set.id, q.id))
	);
	return defaultQuiz(bank, set.quizSize ?? bank.length, seed);
};
// Taken in turns, one of each per round, so both meet the same moments of a shared machine.
const rounds = { fromDb: [] as number[], compiled: [] as number[] };
for (let i = 0; i < quizRuns + 5; i++) {
	for (const [name, fn] of [
		['fromDb', quizFromDb],
		['compiled', quizCompiled]
	] as const) {
		const start = performance.now();
		fn(1000 + i);
		if (i >= 5) rounds[name].push((performance.now() - start) * 1000);
	}
}
const spread = (times: number[]) => {
	const sorted = [...times].sort((x, y) => x - y);
	return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const fromDb = spread(rounds.fromDb);
const compiled = spread(rounds.compiled);

db.$client.close();
rmSync(path.dirname(file), { recursive: true, force: true });

const us = (n: number) =>
	n < 1000 ? `${n.toFixed(n < 10 ? 1 : 0)} µs` : `${(n / 1000).toFixed(1)} ms`;
console.log(
	`Fact bases from the database: the article (${xiMoscow.entities.length} entities, ${xiMoscow.facts.length} facts)\n`
);
printTable([
	['measure', 'median', 'p99', 'baseline', 'ratio', 'target'],
	['assemble from rows', us(assemble.median), us(assemble.p99), '', '', ''],
	[
		'read the memo answers',
		us(memo.median),
		us(memo.p99),
		`revision read: ${us(keyRead.median)}`,
		`${(memo.median / keyRead.median).toFixed(2)}x`,
		'≤ 2x'
	],
	['fact card faces', us(faces.median), us(faces.p99), '', '', ''],
	[
		'quiz start, article bank',
		us(fromDb.median),
		us(fromDb.p99),
		`compiled base: ${us(compiled.median)}`,
		`${(fromDb.median / compiled.median).toFixed(2)}x`,
		'≤ 1.1x'
	]
]);

report([
	{
		bench: 'fact-base',
		measure: 'assemble the article from rows',
		unit: 'ms',
		median: assemble.median / 1000,
		p99: assemble.p99 / 1000
	},
	{
		bench: 'fact-base',
		measure: 'read the memo answers',
		unit: 'µs',
		median: memo.median,
		p99: memo.p99,
		baselineName: 'revision read',
		baseline: keyRead.median,
		ratio: memo.median / keyRead.median,
		target: '≤ 2x'
	},
	{
		bench: 'fact-base',
		measure: 'fact card faces',
		unit: 'µs',
		median: faces.median,
		p99: faces.p99
	},
	{
		bench: 'fact-base',
		measure: 'quiz start, article bank',
		unit: 'ms',
		median: fromDb.median / 1000,
		p99: fromDb.p99 / 1000,
		baselineName: 'compiled base',
		baseline: compiled.median / 1000,
		ratio: fromDb.median / compiled.median,
		target: '≤ 1.1x'
	}
]);

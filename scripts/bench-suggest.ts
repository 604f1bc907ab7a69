// The suggestion pipeline: quality on the shipped article against its curated fact base
// (recall of people, organisations, places, dated facts and numbers; precision), and speed:
// the article's median over many runs, and texts of 2,000 and 20,000 words taking turns,
// whose ratio shows whether the cost grows with the text (linear is 10). The long texts mix
// real articles with varied written paragraphs (scripts/suggest-corpus.ts).
// Usage: npm run bench:suggest [-- --runs N]
import {
	builtForNode,
	median,
	percentile,
	printTable,
	report,
	type BenchRow,
	runsArg
} from './bench-support';
import type * as Entry from './bench-suggest-entry';

const { xiMoscow, suggest, score, benchText, wordCount } = await builtForNode<typeof Entry>(
	'scripts/bench-suggest-entry.ts'
);

const runs = runsArg('bench-suggest.ts', 40);
const pct = (found: number, of: number) => (of ? (100 * found) / of : NaN);

// Quality
const { body, publishedOn } = xiMoscow.source;
const suggestions = suggest(body, publishedOn);
const q = score(suggestions, xiMoscow);
const quality: Array<[string, { found: number; of: number; missed: string[] }, string]> = [
	['recall: people', q.people, '≥ 90%'],
	['recall: organisations', q.organisations, '≥ 90%'],
	['recall: places and countries', q.places, '≥ 90%'],
	['recall: dated facts, right date', q.datedFacts, '≥ 90%'],
	['recall: numbers', q.numbers, '≥ 90%'],
	['precision: facts', q.precision.facts, 'reported'],
	['precision: entities', q.precision.entities, 'reported'],
	['precision: all suggestions', q.precision.all, 'reported']
];
console.log(
	`Quality on the shipped article (${wordCount(body)} words): ${suggestions.entities.length} entities, ${suggestions.facts.length} facts suggested\n`
);
printTable([
	['measure', 'found', 'of', 'share', 'target', 'missed'],
	...quality.map(([name, r, target]) => [
		name,
		String(r.found),
		String(r.of),
		`${pct(r.found, r.of).toFixed(0)}%`,
		target,
		name.startsWith('precision: all') ? '' : r.missed.join(', ')
	])
]);

// Speed: the article
for (let i = 0; i < 5; i++) suggest(body, publishedOn);
const articleTimes: number[] = [];
for (let i = 0; i < runs; i++) {
	const start = performance.now();
	suggest(body, publishedOn);
	articleTimes.push(performance.now() - start);
}
articleTimes.sort((a, b) => a - b);

// Speed: 2,000 and 20,000 words, in turns
const small = benchText(2_000, 7);
const large = benchText(20_000, 7);
suggest(small, '2024-05-15');
suggest(large, '2024-05-15');
const rounds = Math.max(3, Math.round(runs / 8));
const smallTimes: number[] = [];
const largeTimes: number[] = [];
for (let r = 0; r < rounds; r++) {
	let start = performance.now();
	suggest(small, '2024-05-15');
	smallTimes.push(performance.now() - start);
	start = performance.now();
	suggest(large, '2024-05-15');
	largeTimes.push(performance.now() - start);
}
const ratios = largeTimes.map((t, r) => t / (smallTimes[r] ?? NaN)).sort((a, b) => a - b);
const growth = percentile(ratios, 50);
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const largeWords = wordCount(large);
const smallWords = wordCount(small);
const largeFacts = suggest(large, '2024-05-15').facts.length;

console.log('\nSpeed\n');
printTable([
	['text', 'words', 'median', 'p99', 'best', 'per 1,000 words'],
	[
		'article',
		String(wordCount(body)),
		ms(percentile(articleTimes, 50)),
		ms(percentile(articleTimes, 99)),
		ms(articleTimes[0] ?? NaN),
		ms((1000 * percentile(articleTimes, 50)) / wordCount(body))
	],
	[
		'mixed text',
		String(smallWords),
		ms(median(smallTimes)),
		'',
		ms(Math.min(...smallTimes)),
		ms((1000 * median(smallTimes)) / smallWords)
	],
	[
		'mixed text',
		String(largeWords),
		ms(median(largeTimes)),
		'',
		ms(Math.min(...largeTimes)),
		ms((1000 * median(largeTimes)) / largeWords)
	]
]);
console.log(
	`\ngrowth 2,000 → 20,000 words: ×${growth.toFixed(1)} (median of ${rounds} rounds; linear is ×${(largeWords / smallWords).toFixed(1)}); ${largeFacts} facts suggested for the long text`
);

const rows: BenchRow[] = [
	...quality.map(([name, r, target]): BenchRow => ({
		bench: 'suggest',
		measure: `${name} (${r.found}/${r.of})`,
		unit: '%',
		median: pct(r.found, r.of),
		target
	})),
	{
		bench: 'suggest',
		measure: `article (${wordCount(body)} words)`,
		unit: 'ms',
		median: percentile(articleTimes, 50),
		p99: percentile(articleTimes, 99),
		target: '≤ 300 ms'
	},
	{
		bench: 'suggest',
		measure: `mixed text, ${smallWords.toLocaleString('en')} words`,
		unit: 'ms',
		median: median(smallTimes)
	},
	{
		bench: 'suggest',
		measure: `mixed text, ${largeWords.toLocaleString('en')} words`,
		unit: 'ms',
		median: median(largeTimes),
		baselineName: `${smallWords.toLocaleString('en')} words`,
		baseline: median(smallTimes),
		ratio: growth,
		target: '≤ 5 s; ratio near 10'
	}
];
report(rows);

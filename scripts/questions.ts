// Prints a fact base's generated question bank, as Factdeck JSON, GIFT or CSV, or lints banks
// of it against the question-quality rules (docs/question-quality.md).
// Usage: npm run questions -- [--seed N] [--format json|gift|csv] [--fact-base FILE.json]
//        npm run questions -- --lint [--seeds N] [--fact-base FILE.json | --synthetic FACTS]
import { readFileSync } from 'node:fs';
import { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
import { checkFactBase, type FactBase } from '../src/lib/domain/fact-base';
import { exportCsv } from '../src/lib/domain/formats/csv';
import { exportGift } from '../src/lib/domain/formats/gift';
import { exportJson } from '../src/lib/domain/formats/json';
import { questionBank, questionSet } from '../src/lib/domain/generate-questions';
import type { ItemNotes } from '../src/lib/domain/generate/notes';
import { countByRule, lintBank, lintRules, type LintProblem } from '../src/lib/domain/lint-bank';
import type { QuestionSet } from '../src/lib/domain/question';
import { syntheticFactBase } from '../src/lib/domain/synthetic-facts';
import { fail, readArgs } from './cli-args';

const formats = { json: exportJson, gift: exportGift, csv: exportCsv } as const satisfies Record<
	string,
	(set: QuestionSet) => string
>;
type Format = keyof typeof formats;

const usage = [
	'usage: npm run questions -- [--seed N] [--format json|gift|csv] [--fact-base FILE.json]',
	'       npm run questions -- --lint [--seeds N] [--fact-base FILE.json | --synthetic FACTS]'
].join('\n');

function integer(flag: string, text: string, min: number): number {
	if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
		fail(`${flag} must be an integer of at least ${min}, got "${text}"`, usage);
	}
	return Number(text);
}

interface Options {
	seed: number;
	format: Format;
	lint: boolean;
	seeds: number;
	factBase?: string;
	synthetic?: number;
}

function parseArgs(args: readonly string[]): Options {
	const { flags, positional } = readArgs(
		args,
		['--seed', '--format', '--seeds', '--fact-base', '--synthetic'],
		usage,
		['--lint']
	);
	if (positional.length) fail(`unknown argument "${positional[0]}"`, usage);
	const format = flags.get('--format') ?? 'json';
	if (!Object.hasOwn(formats, format))
		fail(`--format must be json, gift or csv, got "${format}"`, usage);
	const factBase = flags.get('--fact-base');
	const synthetic = flags.get('--synthetic');
	if (factBase !== undefined && synthetic !== undefined) {
		fail('--fact-base and --synthetic name two fact bases: give one', usage);
	}
	return {
		seed: integer('--seed', flags.get('--seed') ?? '1', Number.MIN_SAFE_INTEGER),
		format: format as Format,
		lint: flags.has('--lint'),
		seeds: integer('--seeds', flags.get('--seeds') ?? '20', 1),
		...(factBase !== undefined ? { factBase } : {}),
		...(synthetic !== undefined ? { synthetic: integer('--synthetic', synthetic, 1) } : {})
	};
}

/** The fact base to work on: a JSON file checked as the app checks one, or the article. */
function loadBase(options: Options): FactBase {
	if (options.synthetic !== undefined) return syntheticFactBase(options.synthetic, 1);
	if (options.factBase === undefined) return xiMoscow;
	let input: unknown;
	try {
		input = JSON.parse(readFileSync(options.factBase, 'utf8'));
	} catch (error) {
		fail(`${options.factBase}: ${(error as Error).message}`, usage);
	}
	// A fact-base export wraps the base; a bare base is accepted too.
	const candidate =
		typeof input === 'object' && input !== null && 'factBase' in input
			? (input as { factBase: unknown }).factBase
			: input;
	const checked = checkFactBase(candidate);
	if (!checked.ok) {
		const lines = checked.problems.map((p) => `  ${p.path || '(top)'}: ${p.message}`);
		fail(`${options.factBase} is not a valid fact base:\n${lines.join('\n')}`, usage);
	}
	return checked.value;
}

function lint(base: FactBase, seeds: number): number {
	const problems: LintProblem[] = [];
	let items = 0;
	for (let seed = 1; seed <= seeds; seed++) {
		const notes: ItemNotes = new Map();
		const bank = questionBank(base, seed, notes);
		items += bank.length;
		problems.push(...lintBank(base, bank, notes));
	}
	// The same item recurs in every seed's bank: report each once.
	const distinct = [
		...new Map(problems.map((p) => [`${p.rule}|${p.questionId}|${p.message}`, p])).values()
	];
	const out: string[] = [`Linted ${items} items in ${seeds} banks of "${base.source.title}".`];
	for (const [rule, n] of Object.entries(countByRule(distinct))) {
		out.push(`  ${String(n).padStart(4)}  ${rule}: ${lintRules[rule as keyof typeof lintRules]}`);
	}
	for (const p of distinct.slice(0, 30)) out.push(`  ${p.rule}  ${p.questionId}  ${p.message}`);
	if (distinct.length > 30) out.push(`  … and ${distinct.length - 30} more`);
	out.push(
		distinct.length === 0
			? 'No problems.'
			: `${distinct.length} problem${distinct.length === 1 ? '' : 's'}.`
	);
	process.stdout.write(`${out.join('\n')}\n`);
	return distinct.length === 0 ? 0 : 1;
}

// Piped into `head`, stdout closes early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const options = parseArgs(process.argv.slice(2));
const base = loadBase(options);
if (options.lint) {
	process.exitCode = lint(base, options.seeds);
} else {
	const output = formats[options.format](questionSet(base, options.seed));
	process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

// Prints the article's generated question bank to stdout, as Factdeck JSON, GIFT or CSV.
// Usage: npm run questions -- [--seed N] [--format json|gift|csv]
import { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
import { exportCsv } from '../src/lib/domain/formats/csv';
import { exportGift } from '../src/lib/domain/formats/gift';
import { exportJson } from '../src/lib/domain/formats/json';
import { questionSet } from '../src/lib/domain/generate-questions';
import type { QuestionSet } from '../src/lib/domain/question';
import { fail, readArgs } from './cli-args';

const formats = { json: exportJson, gift: exportGift, csv: exportCsv } as const satisfies Record<
	string,
	(set: QuestionSet) => string
>;
type Format = keyof typeof formats;

const usage = 'usage: npm run questions -- [--seed N] [--format json|gift|csv]';

function parseArgs(args: readonly string[]): { seed: number; format: Format } {
	const { flags, positional } = readArgs(args, ['--seed', '--format'], usage);
	if (positional.length) fail(`unknown argument "${positional[0]}"`, usage);
	const seedText = flags.get('--seed') ?? '1';
	if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
		fail(`--seed must be an integer, got "${seedText}"`, usage);
	}
	const format = flags.get('--format') ?? 'json';
	if (!Object.hasOwn(formats, format))
		fail(`--format must be json, gift or csv, got "${format}"`, usage);
	return { seed: Number(seedText), format: format as Format };
}

// Piped into `head`, stdout closes early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { seed, format } = parseArgs(process.argv.slice(2));
const output = formats[format](questionSet(xiMoscow, seed));
process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

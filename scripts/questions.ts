// Prints the article's generated question bank to stdout, as Factdeck JSON, GIFT or CSV.
// Usage: npm run questions -- [--seed N] [--format json|gift|csv]
import { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
import { exportCsv } from '../src/lib/domain/formats/csv';
import { exportGift } from '../src/lib/domain/formats/gift';
import { exportJson } from '../src/lib/domain/formats/json';
import { questionSet } from '../src/lib/domain/generate-questions';
import type { QuestionSet } from '../src/lib/domain/question';

const formats = { json: exportJson, gift: exportGift, csv: exportCsv } as const satisfies Record<
	string,
	(set: QuestionSet) => string
>;
type Format = keyof typeof formats;

const usage = 'usage: npm run questions -- [--seed N] [--format json|gift|csv]';

function fail(message: string): never {
	process.stderr.write(`${message}\n${usage}\n`);
	process.exit(2);
}

function parseArgs(args: readonly string[]): { seed: number; format: Format } {
	let seed = 1;
	let format: Format = 'json';
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
		const value = () => {
			if (inline !== undefined) return inline;
			const next = args[++i];
			if (next === undefined) fail(`${flag} needs a value`);
			return next;
		};
		if (flag === '--seed') {
			const text = value();
			if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
				fail(`--seed must be an integer, got "${text}"`);
			}
			seed = Number(text);
		} else if (flag === '--format') {
			const text = value();
			if (!Object.hasOwn(formats, text)) fail(`--format must be json, gift or csv, got "${text}"`);
			format = text as Format;
		} else if (flag === '--help' || flag === '-h') {
			process.stdout.write(`${usage}\n`);
			process.exit(0);
		} else {
			fail(`unknown argument "${arg}"`);
		}
	}
	return { seed, format };
}

// Piped into `head`, stdout closes early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { seed, format } = parseArgs(process.argv.slice(2));
const output = formats[format](questionSet(xiMoscow, seed));
process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

// Prints the machine's suggestions (entities and candidate facts, each with its verbatim
// quote) for a .txt, .md or .html file, without a database.
// Usage: npm run suggest -- FILE --published YYYY-MM-DD [--format json|text]
import { readFileSync } from 'node:fs';
import { isIsoDate } from '../src/lib/domain/normalise';
import { suggest, suggestionKinds, type Suggestions } from '../src/lib/domain/suggest';
import { extractText, formatOf, TextExtractError } from '../src/lib/server/text-extract';
import { fail, readArgs } from './cli-args';

const usage = 'usage: npm run suggest -- FILE --published YYYY-MM-DD [--format json|text]';

function parseArgs(args: readonly string[]) {
	const { flags, positional } = readArgs(args, ['--published', '--format'], usage);
	const [file, ...extra] = positional;
	if (extra.length) fail(`unknown argument "${extra[0]}"`, usage);
	if (!file) fail('name the file to read', usage);
	const published = flags.get('--published');
	if (!published)
		fail('--published is required: relative dates ("last week") resolve against it', usage);
	if (!isIsoDate(published, 'day'))
		fail(`--published must be a date as YYYY-MM-DD, got "${published}"`, usage);
	const format = flags.get('--format') ?? 'json';
	if (format !== 'json' && format !== 'text')
		fail(`--format must be json or text, got "${format}"`, usage);
	return { file, published, format };
}

function asText(s: Suggestions): string {
	const lines: string[] = [
		`Suggestions (version ${s.version}), published ${s.publishedOn}`,
		'',
		'Entities'
	];
	for (const e of s.entities) {
		const aliases = e.aliases.length ? ` (also: ${e.aliases.join('; ')})` : '';
		lines.push(
			`  ${e.kind.padEnd(12)} ${e.name}${aliases}${e.role ? ` [${e.role}]` : ''}  #${e.id}`
		);
	}
	for (const kind of suggestionKinds) {
		const facts = s.facts.filter((f) => f.kind === kind);
		if (!facts.length) continue;
		lines.push('', `Facts: ${kind} (${facts.length})`);
		for (const f of facts) {
			const date = f.date ? `  [${f.date.date}, ${f.date.precision}: "${f.date.wording}"]` : '';
			lines.push(
				`  ${f.statement}${date}  #${f.id}`,
				`      “${f.quote}” @${f.span.start}-${f.span.end}`
			);
		}
	}
	return `${lines.join('\n')}\n`;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { file, published, format } = parseArgs(process.argv.slice(2));
let bytes: Uint8Array;
try {
	bytes = readFileSync(file);
} catch (error) {
	fail(`cannot read ${file}: ${(error as Error).message}`, usage);
}
try {
	const { text } = extractText(bytes, formatOf(file));
	const suggestions = suggest(text, published);
	process.stdout.write(
		format === 'json' ? `${JSON.stringify(suggestions, null, '\t')}\n` : asText(suggestions)
	);
} catch (error) {
	if (error instanceof TextExtractError) fail(`${file}: ${error.message}`, usage);
	throw error;
}

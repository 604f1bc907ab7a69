// Prints the machine's suggestions (entities and candidate facts, each with its verbatim
// quote) for a .txt, .md or .html file, without a database.
// Usage: npm run suggest -- FILE --published YYYY-MM-DD [--format json|text]
import { readFileSync } from 'node:fs';
import { isIsoDate } from '../src/lib/domain/normalise';
import { suggest, suggestionKinds, type Suggestions } from '../src/lib/domain/suggest';
import { extractText, formatOf, TextExtractError } from '../src/lib/server/text-extract';

const usage = 'usage: npm run suggest -- FILE --published YYYY-MM-DD [--format json|text]';

function fail(message: string): never {
	process.stderr.write(`${message}\n${usage}\n`);
	process.exit(2);
}

function parseArgs(args: readonly string[]) {
	let file: string | undefined;
	let published: string | undefined;
	let format: 'json' | 'text' = 'json';
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
		const value = () => {
			if (inline !== undefined) return inline;
			const next = args[++i];
			if (next === undefined) fail(`${flag} needs a value`);
			return next;
		};
		if (flag === '--published') {
			published = value();
			if (!isIsoDate(published, 'day'))
				fail(`--published must be a date as YYYY-MM-DD, got "${published}"`);
		} else if (flag === '--format') {
			const f = value();
			if (f !== 'json' && f !== 'text') fail(`--format must be json or text, got "${f}"`);
			format = f;
		} else if (flag === '--help' || flag === '-h') {
			process.stdout.write(`${usage}\n`);
			process.exit(0);
		} else if (!flag?.startsWith('--') && file === undefined) {
			file = arg;
		} else {
			fail(`unknown argument "${arg}"`);
		}
	}
	if (!file) fail('name the file to read');
	if (!published) fail('--published is required: relative dates ("last week") resolve against it');
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
	fail(`cannot read ${file}: ${(error as Error).message}`);
}
try {
	const { text } = extractText(bytes, formatOf(file));
	const suggestions = suggest(text, published);
	process.stdout.write(
		format === 'json' ? `${JSON.stringify(suggestions, null, '\t')}\n` : asText(suggestions)
	);
} catch (error) {
	if (error instanceof TextExtractError) fail(`${file}: ${error.message}`);
	throw error;
}

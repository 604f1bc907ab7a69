// Reads a command line of "--flag value", "--flag=value" and plain arguments, for the
// scripts npm runs. Each script checks the values itself; --help prints its usage.

export interface CliArgs {
	flags: Map<string, string>;
	positional: string[];
}

export function fail(message: string, usage: string): never {
	process.stderr.write(`${message}\n${usage}\n`);
	process.exit(2);
}

/**
 * Flags taking a value are named in `known`, flags standing alone in `switches` (read as "true");
 * anything else starting with "--" is refused.
 */
export function readArgs(
	args: readonly string[],
	known: readonly string[],
	usage: string,
	switches: readonly string[] = []
): CliArgs {
	const flags = new Map<string, string>();
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${usage}\n`);
			process.exit(0);
		}
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const [flag = '', inline] = arg.includes('=') ? arg.split('=', 2) : [arg];
		if (switches.includes(flag) && inline === undefined) {
			flags.set(flag, 'true');
			continue;
		}
		if (!known.includes(flag)) fail(`unknown argument "${arg}"`, usage);
		const value = inline ?? args[++i];
		if (value === undefined) fail(`${flag} needs a value`, usage);
		flags.set(flag, value);
	}
	return { flags, positional };
}

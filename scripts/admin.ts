// Accounts from the command line, on the database DATABASE_URL names (as the app resolves it):
//   npm run admin -- create USERNAME           a new administrator account
//   npm run admin -- reset-password USERNAME   a new password for any account (its sessions end)
// The password is asked for twice on a terminal, without echo; from a pipe, the first line of
// standard input is the password (so scripts and tests can drive it). Both are audited.
import { createAdmin, setPasswordByCommand } from '../src/lib/server/accounts';
import { databasePath, migrateDatabase, openDatabase } from '../src/lib/server/db';

const usage = `usage: npm run admin -- create USERNAME
       npm run admin -- reset-password USERNAME
The password is asked for on a terminal, or read from the first line of standard input.`;

/** Reads a line from a terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
	const { stdin, stdout } = process;
	stdout.write(question);
	stdin.setRawMode(true);
	stdin.resume();
	stdin.setEncoding('utf8');
	return new Promise((resolve) => {
		let typed = '';
		const finish = (answer: string | null) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			stdout.write('\n');
			if (answer === null) process.exit(130);
			resolve(answer);
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(typed);
				if (ch === '\u0003') return finish(null); // Ctrl-C
				if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
				else if (ch >= ' ') typed += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function readPiped(): Promise<string> {
	let text = '';
	process.stdin.setEncoding('utf8');
	for await (const chunk of process.stdin) text += chunk;
	return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string | undefined> {
	if (!process.stdin.isTTY) return readPiped();
	const first = await askHidden('New password: ');
	const again = await askHidden('The same password again: ');
	if (first !== again) {
		process.stderr.write('The two passwords are not the same; nothing was changed.\n');
		return undefined;
	}
	return first;
}

async function main(): Promise<number> {
	const [command, username, ...rest] = process.argv.slice(2);
	if (!command || !username || rest.length || !['create', 'reset-password'].includes(command)) {
		process.stderr.write(`${usage}\n`);
		return 2;
	}
	const db = openDatabase(process.env.DATABASE_URL);
	try {
		migrateDatabase(db);
		const password = await readPassword();
		if (password === undefined) return 1;
		const result =
			command === 'create'
				? await createAdmin(db, username, password)
				: await setPasswordByCommand(db, username, password);
		if (!result.ok) {
			process.stderr.write(`${result.message} Nothing was changed.\n`);
			return 1;
		}
		const where = databasePath(process.env.DATABASE_URL);
		process.stdout.write(
			command === 'create'
				? `Created the administrator ${result.username} in ${where}.\n`
				: `Set a new password for ${result.username} in ${where}; their sessions have ended.\n`
		);
		return 0;
	} finally {
		db.$client.close();
	}
}

process.exitCode = await main();

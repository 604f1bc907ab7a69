// `npm start`: builds the app when the build is missing or older than its sources, then
// serves it. Migrations and the article content are applied by the server's init hook.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const inputs = [
	'src',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

/**
 * The newest modification time of a file or of any file below a folder.
 * @param {string} p
 * @returns {number}
 */
function newest(p) {
	if (!existsSync(p)) return 0;
	const stat = statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
	return latest;
}

const entry = path.join(root, 'build', 'index.js');
const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map(newest));

if (builtAt < sourcesAt) {
	console.log(
		builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…'
	);
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	const result = spawnSync(vite, ['build'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see above.');
		process.exit(result.status ?? 1);
	}
}

process.env.PORT ??= '3000';
// adapter-node assumes https when ORIGIN is unset, which would refuse every form posted to
// the quick start's http://localhost as cross-site. Behind a proxy or on https, set ORIGIN.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Imports may be up to 1 MB of text; other forms have their own, smaller limits in the app.
process.env.BODY_SIZE_LIMIT ??= '2M';
console.log(`Factdeck on ${process.env.ORIGIN}`);
await import(pathToFileURL(entry).href);

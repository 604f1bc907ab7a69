// Runs the browser tests with Debian's Chromium when it is there (CHROMIUM_PATH or
// /usr/bin/chromium), otherwise with Playwright's own browser, installed on demand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const system =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
if (!system) {
	const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	if (install.status !== 0) process.exit(install.status ?? 1);
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit'
});
process.exit(run.status ?? 1);

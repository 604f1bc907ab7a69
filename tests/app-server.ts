// The production server started as the README's quick start does it (`node scripts/start.js`,
// no ORIGIN: its default must work), for the tests that stop and start it.
import { spawn, type ChildProcess } from 'node:child_process';

export async function startAppServer(port: number, databaseFile: string): Promise<ChildProcess> {
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: databaseFile };
	delete env.ORIGIN;
	const server = spawn('node', ['scripts/start.js'], { env, stdio: 'ignore' });
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/healthz`)).ok) return server;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill('SIGKILL');
	throw new Error('the server did not start');
}

export function stopAppServer(server: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null) return resolve();
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
}

// `npm run admin` driven as a script would drive it: the password on standard input.
import { verify } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function admin(dbFile: string, args: string[], input: string) {
	const run = spawnSync('npx', ['tsx', 'scripts/admin.ts', ...args], {
		input,
		env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
		encoding: 'utf8'
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run admin', () => {
	it('creates an administrator and resets a password on the database DATABASE_URL names', async () => {
		const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'factdeck-admin-')), 'cli.db');
		const created = admin(dbFile, ['create', 'Principal'], 'a-long-password\n');
		expect(created.stderr).toBe('');
		expect(created).toMatchObject({ status: 0 });
		expect(created.stdout).toContain('Created the administrator Principal');

		const taken = admin(dbFile, ['create', 'principal'], 'another-password\n');
		expect(taken.status).toBe(1);
		expect(taken.stderr).toContain('is taken');

		const weak = admin(dbFile, ['reset-password', 'principal'], 'short\n');
		expect(weak.status).toBe(1);
		expect(weak.stderr).toContain('at least 8 characters. Nothing was changed.');

		const reset = admin(dbFile, ['reset-password', 'PRINCIPAL'], 'a-newer-password\r\nignored\n');
		expect(reset.status).toBe(0);

		expect(admin(dbFile, ['promote'], '').status).toBe(2);

		const db = new Database(dbFile, { readonly: true });
		try {
			// The first line was the password; what followed it was not.
			const { password_hash: hash } = db.prepare('select password_hash from user').get() as {
				password_hash: string;
			};
			expect(await verify(hash, 'a-newer-password')).toBe(true);
			expect(db.prepare('select username, role from user').all()).toEqual([
				{ username: 'Principal', role: 'admin' }
			]);
			expect(
				db.prepare('select action, actor_name, target_name from audit_log order by id').all()
			).toEqual([
				{ action: 'create-admin', actor_name: null, target_name: 'Principal' },
				{ action: 'set-password', actor_name: null, target_name: 'Principal' }
			]);
		} finally {
			db.close();
		}
	}, 60_000);
});

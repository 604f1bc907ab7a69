// The health check behind /healthz: a real query, and a plain answer when it fails.
import type { Db } from './db';
import { countSources } from './sources';

export type Health =
	| { status: 200; body: { status: 'ok'; sources: number } }
	| { status: 503; body: { status: 'unavailable'; message: string } };

export function checkHealth(database: () => Db): Health {
	try {
		return { status: 200, body: { status: 'ok', sources: countSources(database()) } };
	} catch (error) {
		console.error('[healthz] database unreachable', error);
		return {
			status: 503,
			body: { status: 'unavailable', message: 'The database cannot be reached.' }
		};
	}
}

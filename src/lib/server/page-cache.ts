// Whole pages kept as rendered, for the read-only pages a class opens at the same moment (the
// home page, the article, a learner's progress, a class's report). A page is kept per viewer
// and per version of what it shows: the article per revision of its source, the others per
// state of the database (any write renders them afresh). Only pages without a script are kept:
// their HTML holds no per-response nonce, so the same bytes serve every request until a change.
import type { RequestEvent } from '@sveltejs/kit';
import type { RouteId } from '$app/types';
import type { Db } from './db';
import { dataVersion } from './db/read-cache';
import { sourceRevision } from './sources';

/** What a kept page depends on, besides its address and its viewer; undefined: do not keep. */
type VersionOf = (db: Db, event: RequestEvent) => string | undefined;

const cacheable: Partial<Record<RouteId, VersionOf>> = {
	'/': (db) => dataVersion(db),
	'/sources/[id]': (db, event) => sourceRevision(db, event.params.id ?? ''),
	'/progress': (db) => dataVersion(db),
	'/teach/classes/[id]/report': (db) => dataVersion(db)
};

interface Kept {
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
	etag: string;
}

/** Pages by key, least recently used first out, within a byte budget. */
const kept = new Map<string, Kept>();
let keptBytes = 0;
const MAX_BYTES = 64 * 1024 * 1024;

function remember(key: string, page: Kept): void {
	forget(key);
	kept.set(key, page);
	keptBytes += page.body.byteLength;
	for (const [oldest, value] of kept) {
		if (keptBytes <= MAX_BYTES) break;
		kept.delete(oldest);
		keptBytes -= value.body.byteLength;
	}
}

function forget(key: string): void {
	const old = kept.get(key);
	if (!old) return;
	kept.delete(key);
	keptBytes -= old.body.byteLength;
}

/** The key a page is kept under for this request, or undefined when it is not kept. */
export function pageKey(db: Db, event: RequestEvent): string | undefined {
	if (event.request.method !== 'GET' || event.isDataRequest) return undefined;
	const versionOf = event.route.id ? cacheable[event.route.id as RouteId] : undefined;
	const version = versionOf?.(db, event);
	if (version === undefined) return undefined;
	const user = event.locals.user;
	// The header shows who is signed in: each viewer has their own copy.
	const viewer = user ? `${user.id}:${user.username ?? ''}:${user.role}:${user.isGuest}` : '-';
	return `${event.url.pathname}${event.url.search}\u0000${viewer}\u0000${version}`;
}

/** The kept page for this key, answered as SvelteKit would (304 to a matching If-None-Match). */
export function keptPage(key: string, request: Request): Response | undefined {
	const page = kept.get(key);
	if (!page) return undefined;
	// Recently used: to the end of the line.
	kept.delete(key);
	kept.set(key, page);
	if (request.headers.get('if-none-match')?.replace(/^W\//, '') === page.etag) {
		return new Response(null, { status: 304, headers: { etag: page.etag } });
	}
	return new Response(page.body, { status: 200, headers: page.headers });
}

/**
 * Keeps a freshly rendered page: a full 200 HTML page with SvelteKit's ETag (so no streamed
 * data and no script nonce), minus the cookies it set, which belong to one response.
 */
export async function keepPage(key: string, response: Response): Promise<Response> {
	const etag = response.headers.get('etag');
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !etag || !type.startsWith('text/html')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie');
	remember(key, { body, headers, etag });
	return new Response(body, { status: 200, headers: response.headers });
}

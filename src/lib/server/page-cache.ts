// Whole pages kept as rendered, for the pages a class opens at the same moment: the home page,
// the article, a set, a quiz question and its result, a deck of flashcards, a learner's
// progress, a class's report. A page is kept per address, per viewer and per version of what
// it shows (db/page-versions.ts): every page depends on the content (texts, sets, classes,
// accounts), a learner's pages on that learner's own quiz rows or flashcard reviews too, a
// class's report on its learners' quiz rows and live sessions; the shipped article on its source's revision alone, a deck
// on the second of the clock too. So one learner's answer renders that learner's pages afresh
// and leaves the rest of the class's kept. Scripts
// are allowed by hash (kit.csp mode 'hash'), not by a per-response nonce, so the same bytes can
// serve every request until a change. A kept page is also kept gzipped, for browsers that ask.
import { gzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import type { RouteId } from '$app/types';
import { TIME_ZONE_COOKIE } from '../browser-zone';
import type { Db } from './db';
import { reportVersion } from './class-report';
import { contentVersion, learnerVersion, type LearnerPart } from './db/page-versions';
import { sourceRevision } from './sources';

/** What a kept page depends on, besides its address and its viewer; undefined: do not keep. */
type VersionOf = (db: Db, event: RequestEvent) => string | undefined;

const content: VersionOf = (db) => contentVersion(db);

/** The content, and one part of the viewer's own rows (a guest's too; '-' for nobody). */
const viewers =
	(part: LearnerPart): VersionOf =>
	(db, event) => {
		const user = event.locals.user;
		return `${contentVersion(db)}:${user ? learnerVersion(db, user.id, part) : '-'}`;
	};
const quizzes = viewers('quiz');

const cacheable: Partial<Record<RouteId, VersionOf>> = {
	'/': content,
	// The shipped article by its revision; a teacher's text by the content's version, which a
	// change of who may read it (an assignment made or ended) moves too.
	'/sources/[id]': (db, event) => {
		const revision = sourceRevision(db, event.params.id ?? '');
		return revision === null ? `d:${contentVersion(db)}` : revision && `s:${revision}`;
	},
	'/sets/[id]': quizzes,
	'/attempts/[id]': quizzes,
	'/attempts/[id]/result': quizzes,
	// What is due, and when a card was shown, depend on the clock and the browser's time zone:
	// a deck's page is the same page only within one second.
	'/review/[deck]': (db, event) =>
		`${viewers('cards')(db, event)}:${Math.floor(Date.now() / 1000)}:${event.cookies.get(TIME_ZONE_COOKIE) ?? ''}`,
	'/progress': quizzes,
	// Only its teacher sees it (anyone else's copy is a 404 page, kept by their own key).
	'/teach/classes/[id]/report': (db, event) => reportVersion(db, event.params.id ?? '')
};

interface Kept {
	body: Uint8Array<ArrayBuffer>;
	/**
	 * The same body gzipped: packed on the first request that asks for it, so a page rendered
	 * once and never asked for again (what most writes leave behind) costs no compression. Null
	 * when it is too small to be worth it.
	 */
	gzipped: Uint8Array<ArrayBuffer> | null | undefined;
	headers: [string, string][];
	etag: string;
}

/** Pages by key, least recently used first out, within a byte budget. */
const kept = new Map<string, Kept>();
let keptBytes = 0;
const MAX_BYTES = 64 * 1024 * 1024;

const sizeOf = (page: Kept) => page.body.byteLength + (page.gzipped?.byteLength ?? 0);

function remember(key: string, page: Kept): void {
	forget(key);
	kept.set(key, page);
	keptBytes += sizeOf(page);
	for (const [oldest, value] of kept) {
		if (keptBytes <= MAX_BYTES) break;
		kept.delete(oldest);
		keptBytes -= sizeOf(value);
	}
}

function forget(key: string): void {
	const old = kept.get(key);
	if (!old) return;
	kept.delete(key);
	keptBytes -= sizeOf(old);
}

/** FACTDECK_PAGE_CACHE=off renders every page afresh (to measure what a render costs). */
const enabled = () => process.env.FACTDECK_PAGE_CACHE !== 'off';

/** The key a page is kept under for this request, or undefined when it is not kept. */
export function pageKey(db: Db, event: RequestEvent): string | undefined {
	if (event.request.method !== 'GET' || event.isDataRequest || !enabled()) return undefined;
	const versionOf = event.route.id ? cacheable[event.route.id as RouteId] : undefined;
	const version = versionOf?.(db, event);
	if (version === undefined) return undefined;
	const user = event.locals.user;
	// The header shows who is signed in: each viewer has their own copy.
	const viewer = user ? `${user.id}:${user.username ?? ''}:${user.role}:${user.isGuest}` : '-';
	return `${event.url.pathname}${event.url.search}\u0000${viewer}\u0000${version}`;
}

/** A strong ETag names one representation: the gzipped one has its own. */
const gzipTag = (etag: string) => etag.replace(/"$/, '-gzip"');

/** Whether the request accepts gzip (and does not refuse it with q=0). */
function acceptsGzip(request: Request): boolean {
	const accept = request.headers.get('accept-encoding') ?? '';
	return accept.split(',').some((part) => {
		const [coding, ...params] = part.trim().split(';');
		if (coding?.trim().toLowerCase() !== 'gzip') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/** Below this, gzip saves less than its header and the work of unpacking. */
const MIN_GZIP_BYTES = 1024;

/** The page gzipped, packed the first time it is asked for; null when not worth it. */
function gzippedOf(page: Kept): Uint8Array<ArrayBuffer> | null {
	if (page.gzipped !== undefined) return page.gzipped;
	let packed: Uint8Array<ArrayBuffer> | null = null;
	if (page.body.byteLength >= MIN_GZIP_BYTES) {
		const out = gzipSync(page.body);
		if (out.byteLength < page.body.byteLength) packed = new Uint8Array(out);
	}
	page.gzipped = packed;
	keptBytes += packed?.byteLength ?? 0;
	return packed;
}

/** The kept page for this key, answered as SvelteKit would (304 to a matching If-None-Match). */
export function keptPage(key: string, request: Request): Response | undefined {
	const page = kept.get(key);
	if (!page) return undefined;
	// Recently used: to the end of the line.
	kept.delete(key);
	kept.set(key, page);
	const gzipped = acceptsGzip(request) ? gzippedOf(page) : null;
	const etag = gzipped ? gzipTag(page.etag) : page.etag;
	const negotiated = new Headers({ etag });
	if (page.body.byteLength >= MIN_GZIP_BYTES) negotiated.set('vary', 'accept-encoding');
	const match = request.headers.get('if-none-match');
	if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers: negotiated });
	}
	const headers = new Headers(page.headers);
	for (const [name, value] of negotiated) headers.set(name, value);
	if (gzipped) headers.set('content-encoding', 'gzip');
	const body = gzipped ?? page.body;
	headers.set('content-length', String(body.byteLength));
	return new Response(body, { status: 200, headers });
}

/**
 * Pages being rendered, by key. A class opening a page that has just changed sends many
 * requests for its new version at once; SvelteKit renders asynchronously, so without this each
 * of them would render the same page. The first renders; the others wait for it and are
 * answered with what it kept.
 */
const rendering = new Map<string, Promise<unknown>>();

/**
 * The kept page for this key, waiting first for a render of it already under way; undefined
 * when there is none, or that render kept nothing (the caller then renders its own).
 */
export async function keptPageOrWait(key: string, request: Request): Promise<Response | undefined> {
	const page = keptPage(key, request);
	if (page) return page;
	const pending = rendering.get(key);
	if (!pending) return undefined;
	await pending.catch(() => undefined);
	return keptPage(key, request);
}

/** Runs a render of the page of this key, letting requests for the same key wait for it. */
export async function renderOnce(key: string, render: () => Promise<Response>): Promise<Response> {
	const pending = render();
	const mine = !rendering.has(key);
	if (mine) rendering.set(key, pending);
	try {
		return await pending;
	} finally {
		if (mine) rendering.delete(key);
	}
}

/** What the request looks like once rendered, to check that it is still the page of its key. */
export interface AfterRender {
	/** pageKey for the request after rendering: a different one means the page is not kept. */
	key: string | undefined;
	/** The Set-Cookie header the hook renews the session with, sent again with each kept copy. */
	sessionCookie: string | undefined;
}

/** A Set-Cookie header's name=value, without its attributes. */
const cookiePair = (header: string) => header.split(';', 1)[0]!.trim();

/**
 * Keeps a freshly rendered page: a full 200 HTML page with SvelteKit's ETag (so no streamed
 * data), rendered for the viewer and the version its key names. Not kept: a page during whose
 * rendering the data or the viewer changed (a write, a guest made, a session ended: its key
 * after differs), and one that set a cookie other than the session's renewal, which the hook
 * sends again with each kept copy: such a cookie belongs to one response.
 */
export async function keepPage(
	key: string,
	response: Response,
	after: AfterRender
): Promise<Response> {
	const etag = response.headers.get('etag');
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !etag || !type.startsWith('text/html')) return response;
	if (after.key !== key) return response;
	const session = after.sessionCookie && cookiePair(after.sessionCookie);
	if (response.headers.getSetCookie().some((cookie) => cookiePair(cookie) !== session)) {
		return response;
	}
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie');
	remember(key, { body, gzipped: undefined, headers, etag });
	const fresh = new Response(body, { status: 200, headers: response.headers });
	// The same representation as a kept copy would be for a request without gzip.
	if (body.byteLength >= MIN_GZIP_BYTES) fresh.headers.set('vary', 'accept-encoding');
	return fresh;
}

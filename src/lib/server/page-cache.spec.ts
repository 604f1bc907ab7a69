import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './db';
import { source, user } from './db/schema';
import { bumpRevision } from './fact-bases';
import { keepPage, keptPage, keptPageOrWait, pageKey, renderOnce } from './page-cache';

const big = `<!doctype html><p>${'A page a class opens at once. '.repeat(100)}</p>`;

let n = 0;
/** A key no other test uses: the kept pages are the module's, shared by every test. */
const freshKey = () => `/test/${++n}\u0000-\u00001`;

function rendered(body: string, init: { status?: number; cookies?: string[] } = {}) {
	const headers = new Headers({ 'content-type': 'text/html', etag: `"tag${n}"` });
	for (const cookie of init.cookies ?? []) headers.append('set-cookie', cookie);
	return new Response(body, { status: init.status ?? 200, headers });
}

const get = (headers: Record<string, string> = {}) => new Request('http://x/', { headers });

async function kept(key: string, response: Response, sessionCookie?: string) {
	await (await keepPage(key, response, { key, sessionCookie })).text();
	return keptPage(key, get());
}

describe('kept pages', () => {
	it('serve the rendered bytes, gzipped under their own ETag when asked, 304 when unchanged', async () => {
		const key = freshKey();
		const fresh = await keepPage(key, rendered(big), { key, sessionCookie: undefined });
		expect(await fresh.text()).toBe(big);
		expect(fresh.headers.get('vary')).toBe('accept-encoding');

		const plain = keptPage(key, get({ 'accept-encoding': 'identity' }))!;
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(big);
		const etag = plain.headers.get('etag')!;

		const packed = keptPage(key, get({ 'accept-encoding': 'br, gzip;q=0.8' }))!;
		expect(packed.headers.get('content-encoding')).toBe('gzip');
		expect(packed.headers.get('vary')).toBe('accept-encoding');
		const bytes = Buffer.from(await packed.arrayBuffer());
		expect(Number(packed.headers.get('content-length'))).toBe(bytes.length);
		expect(bytes.length).toBeLessThan(big.length / 10);
		expect(gunzipSync(bytes).toString()).toBe(big);
		const gzipEtag = packed.headers.get('etag')!;
		expect(gzipEtag).not.toBe(etag);

		// q=0 refuses gzip.
		const refused = keptPage(key, get({ 'accept-encoding': 'gzip;q=0, identity' }))!;
		expect(refused.headers.get('content-encoding')).toBeNull();

		expect(keptPage(key, get({ 'if-none-match': etag }))!.status).toBe(304);
		expect(keptPage(key, get({ 'if-none-match': `"other", W/${etag}` }))!.status).toBe(304);
		// A tag names one representation: the gzipped one's tag does not match the plain page.
		expect(keptPage(key, get({ 'if-none-match': gzipEtag }))!.status).toBe(200);
		const unchanged = keptPage(key, get({ 'accept-encoding': 'gzip', 'if-none-match': gzipEtag }))!;
		expect(unchanged.status).toBe(304);
		expect(unchanged.headers.get('vary')).toBe('accept-encoding');
	});

	it('are not gzipped when small', async () => {
		const page = (await kept(freshKey(), rendered('<p>short</p>')))!;
		expect(page.headers.get('content-encoding')).toBeNull();
		expect(page.headers.get('vary')).toBeNull();
		expect(await page.text()).toBe('<p>short</p>');
	});

	it('are only full 200 HTML pages with an ETag', async () => {
		expect(await kept(freshKey(), rendered(big, { status: 404 }))).toBeUndefined();
		const streamed = rendered(big);
		streamed.headers.delete('etag');
		expect(await kept(freshKey(), streamed)).toBeUndefined();
		const json = rendered('{}');
		json.headers.set('content-type', 'application/json');
		expect(await kept(freshKey(), json)).toBeUndefined();
	});

	it('keep no cookie, and no page that set one other than the session renewal', async () => {
		const session = 'factdeck_session=abc; Path=/; HttpOnly; SameSite=Lax';
		const renewed = (await kept(freshKey(), rendered(big, { cookies: [session] }), session))!;
		expect(renewed.status).toBe(200);
		// The hook adds this request's own renewal to a kept copy.
		expect(renewed.headers.getSetCookie()).toEqual([]);

		const other = rendered(big, { cookies: [session, 'flash=hello; Path=/'] });
		expect(await kept(freshKey(), other, session)).toBeUndefined();
		// A cookie that ends the session, or starts another, is not the renewal.
		const ended = rendered(big, { cookies: ['factdeck_session=; Max-Age=0; Path=/'] });
		expect(await kept(freshKey(), ended, session)).toBeUndefined();
		const guest = rendered(big, { cookies: ['factdeck_session=new; Path=/'] });
		expect(await kept(freshKey(), guest)).toBeUndefined();
	});

	it('are rendered once for requests that arrive while the page is being rendered', async () => {
		const key = freshKey();
		let renders = 0;
		let finish!: () => void;
		const rendered$ = new Promise<void>((resolve) => (finish = resolve));
		const render = async () => {
			renders++;
			await rendered$;
			return keepPage(key, rendered(big), { key, sessionCookie: undefined });
		};
		const first = renderOnce(key, render);
		const waiting = keptPageOrWait(key, get());
		finish();
		expect(await (await first).text()).toBe(big);
		expect(await (await waiting)!.text()).toBe(big);
		expect(renders).toBe(1);

		// A render that keeps nothing (an error page) leaves the waiters to render their own.
		const other = freshKey();
		let fail!: () => void;
		const failed$ = new Promise<void>((resolve) => (fail = resolve));
		const broken = renderOnce(other, async () => {
			await failed$;
			return keepPage(other, rendered('oops', { status: 500 }), {
				key: other,
				sessionCookie: undefined
			});
		});
		const waiter = keptPageOrWait(other, get());
		fail();
		expect((await broken).status).toBe(500);
		expect(await waiter).toBeUndefined();
	});

	it('keep no page whose key changed while it was rendered', async () => {
		const key = freshKey();
		const response = await keepPage(key, rendered(big), {
			key: `${key}:2`,
			sessionCookie: undefined
		});
		expect(await response.text()).toBe(big);
		expect(keptPage(key, get())).toBeUndefined();
	});
});

describe('the key of a page', () => {
	const db = openDatabase(':memory:');
	migrateDatabase(db);

	function event(
		path: string,
		routeId: string | null,
		viewer: { id: string; username: string } | null,
		method = 'GET',
		params: Record<string, string> = {}
	) {
		const url = new URL(path, 'http://x');
		return {
			request: new Request(url, { method }),
			url,
			route: { id: routeId },
			params,
			isDataRequest: false,
			cookies: { get: () => undefined },
			locals: {
				user: viewer && { ...viewer, role: 'learner', isGuest: false },
				session: null
			}
		} as unknown as RequestEvent;
	}

	afterEach(() => {
		delete process.env.FACTDECK_PAGE_CACHE;
	});

	it('names the address, the viewer and the state of the data', () => {
		const ann = { id: 'u1', username: 'ann' };
		const key = pageKey(db, event('/progress', '/progress', ann))!;
		expect(key).toBeDefined();
		expect(pageKey(db, event('/progress', '/progress', ann))).toBe(key);
		expect(pageKey(db, event('/progress', '/progress', { id: 'u2', username: 'bo' }))).not.toBe(
			key
		);
		expect(pageKey(db, event('/progress', '/progress', null))).not.toBe(key);
		expect(pageKey(db, event('/progress?x=1', '/progress', ann))).not.toBe(key);
		// A write to the content makes it another page (the counting is page-versions.spec.ts).
		db.insert(source).values({ id: 'elsewhere', title: 'Other', publishedOn: '2023-03-21' }).run();
		expect(pageKey(db, event('/progress', '/progress', ann))).not.toBe(key);
	});

	it("names a public source's revision, and a teacher's source by the state of the data", () => {
		db.insert(user).values({ id: 't1', username: 't1', usernameKey: 't1', role: 'teacher' }).run();
		db.insert(source)
			.values([
				{ id: 'public', title: 'Shipped', publishedOn: '2023-03-21', contentHash: 'h' },
				{ id: 'own', ownerId: 't1', title: 'Own', publishedOn: '2023-03-21' }
			])
			.run();
		const at = (id: string) => event(`/sources/${id}`, '/sources/[id]', null, 'GET', { id });
		const shipped = pageKey(db, at('public'));
		const own = pageKey(db, at('own'));
		expect(shipped).toBeDefined();
		expect(own).toBeDefined();
		// A write to the content elsewhere (an assignment ended, say) leaves the shipped article's
		// page as it was and makes the teacher's text another page: who may read it may have changed.
		db.update(user).set({ username: 'T1' }).where(eq(user.id, 't1')).run();
		expect(pageKey(db, at('public'))).toBe(shipped);
		expect(pageKey(db, at('own'))).not.toBe(own);
		// An edit of the shipped article's facts raises its revision.
		bumpRevision(db, 'public');
		expect(pageKey(db, at('public'))).not.toBe(shipped);
	});

	it("stays the same for one learner's pages while another learner answers", () => {
		db.$client
			.exec(`insert into user (id, username, username_key) values ('a1', 'ann', 'ann'), ('b1', 'bo', 'bo');
			insert into question_set (id, title, origin) values ('qs', 'Set', 'manual');
			insert into attempt (id, user_id, set_id, seed, question_count, started_at) values
				('ta', 'a1', 'qs', 1, 2, 0), ('tb', 'b1', 'qs', 1, 2, 0);`);
		const answer = (attemptId: string) =>
			db.$client
				.exec(`insert into answer (attempt_id, position, response, correct, reason, time_ms, answered_at)
				values ('${attemptId}', (select count(*) from answer where attempt_id = '${attemptId}'), '{}', 1, 'right', 1, 0)`);
		const ann = { id: 'a1', username: 'ann' };
		const progress = () => pageKey(db, event('/progress', '/progress', ann));
		const result = () =>
			pageKey(db, event('/attempts/ta/result', '/attempts/[id]/result', ann, 'GET', { id: 'ta' }));
		const [before, resultBefore] = [progress(), result()];
		answer('tb');
		expect(progress()).toBe(before);
		expect(result()).toBe(resultBefore);
		answer('ta');
		expect(progress()).not.toBe(before);
		expect(result()).not.toBe(resultBefore);
	});

	it('is none for forms, for pages not kept, and when switched off', () => {
		expect(pageKey(db, event('/progress', '/progress', null, 'POST'))).toBeUndefined();
		expect(pageKey(db, event('/account', '/account', null))).toBeUndefined();
		expect(pageKey(db, event('/nowhere', null, null))).toBeUndefined();
		// An article that does not exist has no revision: its 404 is not kept.
		expect(
			pageKey(db, event('/sources/none', '/sources/[id]', null, 'GET', { id: 'none' }))
		).toBeUndefined();
		process.env.FACTDECK_PAGE_CACHE = 'off';
		expect(pageKey(db, event('/progress', '/progress', null))).toBeUndefined();
	});
});

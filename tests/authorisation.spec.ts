// Walks every route and every form action as each kind of visitor who must be refused
// (anonymous, guest, learner, the owning teacher, another teacher, admin), and fails when a
// route or action exists that this walk does not know about.
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { column, countRows, openTestDb } from './db';
import { rules, type Actor, type Fixture } from './authorisation-rules';
import { ADMIN, apiSignUp, postForm, uniqueName } from './helpers';

/** Route ids and their actions, read from src/routes the way SvelteKit reads them. */
function discoverRoutes(): Record<string, string[]> {
	const root = path.resolve('src/routes');
	const found: Record<string, string[]> = {};
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const id = '/' + path.relative(root, dir).split(path.sep).filter(Boolean).join('/');
		if (files.some((f) => /^\+(page|server)\.(svelte|ts|js)$/.test(f))) {
			const server = files.find((f) => /^\+page\.server\.(ts|js)$/.test(f));
			const source = server ? readFileSync(path.join(dir, server), 'utf8') : '';
			const block = /export const actions[^=]*=\s*{([\s\S]*)^};/m.exec(source)?.[1] ?? '';
			found[id.replace(/\/\([^)]+\)/g, '') || '/'] = [...block.matchAll(/^\t(\w+):/gm)].map(
				(m) => m[1]!
			);
		}
		for (const f of files) if (statSync(path.join(dir, f)).isDirectory()) walk(path.join(dir, f));
	};
	walk(root);
	return found;
}

test('every route and every action has a rule in this walk', () => {
	const discovered = discoverRoutes();
	expect(Object.keys(discovered).sort()).toEqual(Object.keys(rules).sort());
	for (const [id, actions] of Object.entries(discovered)) {
		expect(Object.keys(rules[id]!.actions).sort(), `actions of ${id}`).toEqual(actions.sort());
	}
});

test('each route and action refuses everyone who may not use it', async ({
	playwright,
	baseURL
}) => {
	const base = baseURL!;
	const context = () => playwright.request.newContext({ baseURL: base });

	const owner = await context();
	await apiSignUp(owner, base, uniqueName('owner'), 'teacher');
	const created = await postForm(owner, '/teach/classes?/create', { name: 'Private class' }, base);
	const classId = /\/teach\/classes\/([^/?#]+)/.exec(created.headers()['location'] ?? '')?.[1];
	expect(classId, 'class created').toBeTruthy();
	const classPage = await owner.get(`/teach/classes/${classId}`);
	const code = /class="join-code[^"]*">([A-Z0-9]{6})</.exec(await classPage.text())?.[1];

	const actors: Record<Actor, APIRequestContext> = {
		anonymous: await context(),
		guest: await context(),
		learner: await context(),
		teacher: owner,
		otherTeacher: await context(),
		admin: await context()
	};
	await apiSignUp(actors.learner, base, uniqueName('pupil'), 'learner');
	await apiSignUp(actors.otherTeacher, base, uniqueName('rival'), 'teacher');
	await makeGuest(actors.guest, base);
	const adminIn = await postForm(actors.admin, '/signin', { ...ADMIN }, base);
	expect(adminIn.headers()['location'], 'the admin signed in').toBe('/admin');
	// A learner in the class, whom others must not be able to remove.
	const member = await context();
	await apiSignUp(member, base, uniqueName('member'), 'learner');
	await postForm(member, '/classes?/join', { code: code! }, base);
	const roster = await (await owner.get(`/teach/classes/${classId}`)).text();
	const learnerId = /name="userId" value="([^"]+)"/.exec(roster)?.[1] ?? 'unknown';
	const started = await postForm(owner, '/sets/xi-moscow-2023-03-21-quiz?/start', {}, base);
	const attemptId = /\/attempts\/([^/?#]+)/.exec(started.headers()['location'] ?? '')?.[1];
	expect(attemptId, 'attempt started').toBeTruthy();
	// A draft set with one question, which nobody else may see, change or export.
	const newSet = await postForm(
		owner,
		'/teach/sets/new?/create',
		{ title: 'Private set', description: '', tags: '' },
		base
	);
	const setId = /\/teach\/sets\/([^/?#]+)/.exec(newSet.headers()['location'] ?? '')?.[1];
	expect(setId, 'set created').toBeTruthy();
	const added = await postForm(
		owner,
		`/teach/sets/${setId}/questions/new?/save`,
		{ type: 'true_false', prompt: 'Private question', truth: 'true', intent: 'save' },
		base
	);
	const questionId = decodeURIComponent(
		/[?&]added=([^&#]+)/.exec(added.headers()['location'] ?? '')?.[1] ?? ''
	);
	expect(questionId, 'question added').toBeTruthy();
	const live = await postForm(
		owner,
		'/teach/live/new?/create',
		{ setId: 'xi-moscow-2023-03-21-quiz', count: '2', types: 'multiple_choice' },
		base
	);
	const liveSessionId = /\/teach\/live\/([^/?#]+)/.exec(live.headers()['location'] ?? '')?.[1];
	expect(liveSessionId, 'live session created').toBeTruthy();
	// A source with one accepted fact and suggestions still pending.
	const madeSource = await postForm(
		owner,
		'/teach/sources/new?/create',
		{
			title: 'Private source',
			publishedOn: '2021-02-19',
			text: 'Private source text. "This landing is one of those pivotal moments for NASA," acting NASA Administrator Steve Jurczyk said. Project scientist Ken Farley described the crater as "a perfect place to look for life."'
		},
		base
	);
	const sourceId = /\/teach\/sources\/([^/?#]+)/.exec(madeSource.headers()['location'] ?? '')?.[1];
	expect(sourceId, 'source created').toBeTruthy();
	const [toAccept, suggestionId] = column(
		"select id from suggestion where source_id = ? and status = 'pending' order by position",
		sourceId
	);
	expect(suggestionId, 'two suggestions').toBeTruthy();
	await postForm(owner, `/teach/sources/${sourceId}?/accept`, { suggestion: toAccept! }, base);
	const [factId] = column('select id from fact where source_id = ?', sourceId);
	expect(factId, 'fact accepted').toBeTruthy();
	const fixture: Fixture = {
		classId: classId!,
		learnerId,
		attemptId: attemptId!,
		setId: setId!,
		questionId,
		sourceId: sourceId!,
		factId: factId!,
		suggestionId: suggestionId!,
		liveSessionId: liveSessionId!
	};
	const sourceBefore = sourceState(sourceId!);
	const answersBefore = countRows('answer', 'attempt_id = ?', attemptId);
	const auditBefore = countRows('audit_log');
	const codesBefore = countRows('reset_code');

	for (const [id, rule] of Object.entries(rules)) {
		for (const actor of rule.refuseGet) {
			const r = await actors[actor].get(rule.path(fixture), { maxRedirects: 0 });
			expect(refused(r.status(), r.headers()['location']), `GET ${id} as ${actor}`).toBe(true);
			const text = await r.text();
			expect(text).not.toContain('Private class');
			expect(text).not.toContain('Private question');
			expect(text).not.toContain('Private source');
		}
		for (const [name, action] of Object.entries(rule.actions)) {
			for (const actor of action.refuse) {
				const target = name === 'default' ? rule.path(fixture) : `${rule.path(fixture)}?/${name}`;
				const r = await postForm(actors[actor], target, action.form?.(fixture) ?? {}, base);
				expect(
					refused(r.status(), r.headers()['location']),
					`POST ${target} as ${actor}: ${r.status()}`
				).toBe(true);
			}
		}
	}

	// Nothing changed: the class, its name, its code and its learner are as they were.
	const after = await (await owner.get(`/teach/classes/${classId}`)).text();
	expect(after).toContain('Private class');
	expect(after).toContain(code!);
	expect(after).toContain(`value="${learnerId}"`);
	expect(countRows('answer', 'attempt_id = ?', attemptId)).toBe(answersBefore);
	expect(countRows('attempt', 'id = ? and finished_at is null', attemptId)).toBe(1);
	// The set too: still a draft, with its title and its one question, and nothing added.
	const setPage = await (await owner.get(`/teach/sets/${setId}`)).text();
	expect(setPage).toContain('Private set');
	expect(setPage).toContain('Private question');
	expect(setPage).toContain('Questions (1)');
	expect(setPage).toContain('>Draft<');
	expect(setPage).not.toContain('Injected');
	expect((await owner.get(`/api/sets/${setId}/export?format=json`)).status()).toBe(200);
	// No one changed an account they may not touch: the learner is a learner still, enabled,
	// with no reset code; teacher sign-up is as it was; nothing was written to the audit log.
	expect(countRows('user', "id = ? and role = 'learner' and disabled_at is null", learnerId)).toBe(
		1
	);
	expect(countRows('reset_code')).toBe(codesBefore);
	expect(countRows('audit_log')).toBe(auditBefore);
	expect(countRows('site_settings', "teacher_signup != 'anyone'")).toBe(0);
	// The live session too: still in its lobby, with its PIN, and nobody seated.
	expect(
		countRows('live_session', "id = ? and phase = 'lobby' and pin is not null", liveSessionId)
	).toBe(1);
	expect(countRows('live_player', 'session_id = ?', liveSessionId)).toBe(0);
	// The source too: its text, its fact and its suggestions as they were, and no intruder's.
	expect(sourceState(fixture.sourceId)).toEqual(sourceBefore);
	expect(countRows('source', "title in ('Intruders', 'Injected')")).toBe(0);
	expect(countRows('entity', "name = 'Injected'")).toBe(0);
	// Its page is the owner's and the admins'; to everyone else it does not exist.
	for (const actor of ['anonymous', 'guest', 'learner', 'otherTeacher'] as const) {
		const r = await actors[actor].get(`/sources/${fixture.sourceId}`, { maxRedirects: 0 });
		expect(r.status(), `/sources/[id] of a teacher's source as ${actor}`).toBe(404);
		expect(await r.text()).not.toContain('Private source');
	}
	for (const actor of ['teacher', 'admin'] as const) {
		const r = await actors[actor].get(`/sources/${fixture.sourceId}`);
		expect(await r.text(), `/sources/[id] as ${actor}`).toContain('Private source text.');
	}

	// Fuzzing as the owner, who passes every access check: random and malformed forms to
	// every action get an answer (a refusal, usually), never a server error.
	const names = [
		'name',
		'code',
		'classId',
		'userId',
		'setId',
		'dueOn',
		'position',
		'choice',
		'text',
		'match',
		'order',
		'type',
		'prompt',
		'explanation',
		'title',
		'tags',
		'intent',
		'format',
		'text',
		'confirm',
		'hash',
		'rating',
		'cardId',
		'retention',
		'newPerDay',
		'reviewsPerDay',
		'username',
		'password',
		'role',
		'current',
		'confirm',
		'session',
		'teacherSignup',
		'inviteCode',
		'timeZone',
		'deviceTimeZone',
		'dayStartHour',
		'email',
		'pin',
		'count',
		'types',
		'timer',
		'timerSeconds',
		'leaderboard',
		'speedBonus',
		'suggestion',
		'fact',
		'kind',
		'publishedOn',
		'quote',
		'quoteStart',
		'predicate',
		'subject',
		'subjectName',
		'fromSentence',
		'trimEnd'
	];
	const forms = fc.sample(
		fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 40 })), {
			maxLength: 10
		}),
		{ numRuns: 12, seed: 20261127 }
	);
	for (const [id, rule] of Object.entries(rules)) {
		const fuzzer = actors[rule.fuzzAs ?? 'teacher'];
		for (const name of Object.keys(rule.actions)) {
			if (name === 'delete') continue; // kept for last: it would empty the fixture
			// Signing out would leave the rest of the fuzzing to an anonymous visitor.
			if (id === '/signout') continue;
			const target = name === 'default' ? rule.path(fixture) : `${rule.path(fixture)}?/${name}`;
			for (const form of forms) {
				const body = new URLSearchParams(form).toString();
				const r = await fuzzer.post(target, {
					headers: {
						origin: base,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					data: body,
					maxRedirects: 0,
					failOnStatusCode: false
				});
				expect(r.status(), `POST ${target} (${id}) with ${body}`).toBeLessThan(500);
			}
			const junk = await fuzzer.post(target, {
				headers: {
					origin: base,
					accept: 'text/html',
					'content-type': 'multipart/form-data; boundary=x'
				},
				data: '--y\r\nnot a form',
				maxRedirects: 0,
				failOnStatusCode: false
			});
			expect(junk.status(), `POST ${target} with a broken multipart body`).toBeLessThan(500);
		}
	}
});

/** What a source is made of, to compare before and after the walk. */
function sourceState(sourceId: string) {
	const db = openTestDb();
	try {
		return {
			source: db.prepare('select version, revision, title from source where id = ?').get(sourceId),
			versions: db
				.prepare('select version, body from source_version where source_id = ?')
				.all(sourceId),
			facts: db
				.prepare('select id, statement, quote, anchored from fact where source_id = ?')
				.all(sourceId),
			suggestions: db
				.prepare('select id, status from suggestion where source_id = ? order by id')
				.all(sourceId)
		};
	} finally {
		db.close();
	}
}

/** Refused: sent to sign in, forbidden, or told it does not exist. */
function refused(status: number, location: string | undefined): boolean {
	if (status === 303 || status === 302) return (location ?? '').startsWith('/signin');
	return status === 401 || status === 403 || status === 404;
}

/** A guest: someone who started a quiz without an account. */
async function makeGuest(request: APIRequestContext, base: string) {
	const started = await postForm(request, '/sets/xi-moscow-2023-03-21-quiz?/start', {}, base);
	expect(started.status()).toBe(303);
	expect(started.headers()['set-cookie']).toMatch(/factdeck_session=/);
}

// Walks every route and every form action as each kind of visitor who must be refused, and
// fails when a route or action exists that this walk does not know about.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { apiSignUp, postForm, uniqueName } from './helpers';

type Actor = 'anonymous' | 'guest' | 'learner' | 'otherTeacher';

interface Fixture {
	/** Teacher A's class, which nobody else may see or change. */
	classId: string;
	learnerId: string;
}

interface Rule {
	/** A path to request, built from teacher A's fixture. */
	path: (f: Fixture) => string;
	/** Who must be refused a GET (pages and endpoints). */
	refuseGet: Actor[];
	/** Each action, with who must be refused and a form to send. */
	actions: Record<string, { refuse: Actor[]; form?: (f: Fixture) => Record<string, string> }>;
}

const everyoneButOwner: Actor[] = ['anonymous', 'guest', 'learner', 'otherTeacher'];
const notTeachers: Actor[] = ['anonymous', 'guest', 'learner'];
const notAccounts: Actor[] = ['anonymous', 'guest'];

/** Every route of the app: adding a route without a line here fails the first test. */
const rules: Record<string, Rule> = {
	'/': { path: () => '/', refuseGet: [], actions: {} },
	'/healthz': { path: () => '/healthz', refuseGet: [], actions: {} },
	'/sources/[id]': { path: () => '/sources/xi-moscow-2023-03-21', refuseGet: [], actions: {} },
	'/signin': { path: () => '/signin', refuseGet: [], actions: { default: { refuse: [] } } },
	'/signup': { path: () => '/signup', refuseGet: [], actions: { default: { refuse: [] } } },
	'/signout': { path: () => '/signout', refuseGet: [], actions: { default: { refuse: [] } } },
	'/classes': {
		path: () => '/classes',
		refuseGet: notAccounts,
		actions: {
			join: { refuse: notAccounts, form: () => ({ code: 'ABCDEF' }) },
			leave: { refuse: notAccounts, form: (f) => ({ classId: f.classId }) }
		}
	},
	'/teach': { path: () => '/teach', refuseGet: notTeachers, actions: {} },
	'/teach/classes': {
		path: () => '/teach/classes',
		refuseGet: notTeachers,
		actions: { create: { refuse: notTeachers, form: () => ({ name: 'Intruders' }) } }
	},
	'/teach/classes/[id]': {
		path: (f) => `/teach/classes/${f.classId}`,
		refuseGet: everyoneButOwner,
		actions: {
			rename: { refuse: everyoneButOwner, form: () => ({ name: 'Renamed by someone else' }) },
			renewCode: { refuse: everyoneButOwner },
			remove: { refuse: everyoneButOwner, form: (f) => ({ userId: f.learnerId }) },
			assign: { refuse: everyoneButOwner, form: () => ({ setId: 'x', dueOn: '' }) },
			unassign: { refuse: everyoneButOwner, form: () => ({ setId: 'x' }) },
			delete: { refuse: everyoneButOwner }
		}
	}
};

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
		otherTeacher: await context()
	};
	await apiSignUp(actors.learner, base, uniqueName('pupil'), 'learner');
	await apiSignUp(actors.otherTeacher, base, uniqueName('rival'), 'teacher');
	await makeGuest(actors.guest, base);
	// A learner in the class, whom others must not be able to remove.
	const member = await context();
	await apiSignUp(member, base, uniqueName('member'), 'learner');
	await postForm(member, '/classes?/join', { code: code! }, base);
	const roster = await (await owner.get(`/teach/classes/${classId}`)).text();
	const learnerId = /name="userId" value="([^"]+)"/.exec(roster)?.[1] ?? 'unknown';
	const fixture: Fixture = { classId: classId!, learnerId };

	for (const [id, rule] of Object.entries(rules)) {
		for (const actor of rule.refuseGet) {
			const r = await actors[actor].get(rule.path(fixture), { maxRedirects: 0 });
			expect(refused(r.status(), r.headers()['location']), `GET ${id} as ${actor}`).toBe(true);
			expect(await r.text()).not.toContain('Private class');
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
});

/** Refused: sent to sign in, forbidden, or told it does not exist. */
function refused(status: number, location: string | undefined): boolean {
	if (status === 303 || status === 302) return (location ?? '').startsWith('/signin');
	return status === 401 || status === 403 || status === 404;
}

/**
 * A guest: someone who started studying without an account. Until the quiz lands, nothing
 * creates a guest session, so a guest is a visitor without one.
 */
async function makeGuest(request: APIRequestContext, base: string) {
	const home = await request.get(base + '/');
	expect(home.status()).toBe(200);
}

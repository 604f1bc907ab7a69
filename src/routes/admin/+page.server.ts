import { error, fail } from '@sveltejs/kit';
import { listUsers, roleName, setDisabled, setRole } from '$lib/server/admin';
import { getDb } from '$lib/server/app-db';
import { recentAudit } from '$lib/server/audit';
import { teacherSignupPolicies, type TeacherSignupPolicy } from '$lib/server/db/schema';
import { field, readFormChecked } from '$lib/server/forms';
import { issueResetCodeAsAdmin } from '$lib/server/reset-codes';
import { requireAdmin } from '$lib/server/session-cookie';
import { getSiteSettings, rotateInviteCode, setTeacherSignup } from '$lib/server/site-settings';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireAdmin(event);
	const db = getDb();
	const search = (event.url.searchParams.get('q') ?? '').slice(0, 64);
	const listing = listUsers(db, search);
	return {
		me: me.id,
		search,
		users: listing.users.map((u) => ({ ...u, roleName: roleName(u.role) })),
		total: listing.total,
		site: getSiteSettings(db),
		audit: recentAudit(db, 100)
	};
};

/** The acting admin and the form: every action checks again itself. */
async function read(event: RequestEvent) {
	const me = requireAdmin(event);
	const form = await readFormChecked(event.request);
	if (!form.ok) error(form.status, form.message);
	return { me, data: form.data };
}

const result = (
	action: string,
	r: { ok: true; message: string } | { ok: false; status: 400 | 404; message: string }
) => (r.ok ? { action, done: r.message } : fail(r.status, { action, message: r.message }));

export const actions: Actions = {
	role: async (event) => {
		const { me, data } = await read(event);
		return result('users', setRole(getDb(), me, field(data, 'userId'), field(data, 'role')));
	},
	disable: async (event) => {
		const { me, data } = await read(event);
		return result('users', setDisabled(getDb(), me, field(data, 'userId'), true));
	},
	enable: async (event) => {
		const { me, data } = await read(event);
		return result('users', setDisabled(getDb(), me, field(data, 'userId'), false));
	},
	resetCode: async (event) => {
		const { me, data } = await read(event);
		const issued = issueResetCodeAsAdmin(getDb(), me, field(data, 'userId'));
		if (!issued.ok) return fail(issued.status, { action: 'users', message: issued.message });
		// The code is shown this once: nothing on the way may keep a copy.
		event.setHeaders({ 'cache-control': 'no-store' });
		return {
			action: 'users',
			issued: { username: issued.username, code: issued.code, expiresAt: issued.expiresAt }
		};
	},
	signup: async (event) => {
		const { me, data } = await read(event);
		const policy = field(data, 'teacherSignup');
		if (!(teacherSignupPolicies as readonly string[]).includes(policy)) {
			return fail(400, {
				action: 'signup',
				message:
					'Choose who may sign up as a teacher: anyone, only with the invite code, or nobody.'
			});
		}
		const saved = setTeacherSignup(getDb(), me, policy as TeacherSignupPolicy);
		return {
			action: 'signup',
			done:
				saved.teacherSignup === 'anyone'
					? 'Anyone may now sign up as a teacher.'
					: saved.teacherSignup === 'invite'
						? `Teachers now need the invite code ${saved.teacherInviteCode} to sign up.`
						: 'Nobody may sign up as a teacher now: make teachers from the list of accounts.'
		};
	},
	rotateInvite: async (event) => {
		const { me } = await read(event);
		const code = rotateInviteCode(getDb(), me);
		return {
			action: 'signup',
			done: `The new invite code is ${code}. The old one no longer works.`
		};
	}
};

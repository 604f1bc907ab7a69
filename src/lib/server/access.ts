// Who may reach each route: one rule per route, checked in hooks for every request, and
// again inside each action and load (a hook is a second line, never the only one).
// The type makes svelte-check fail when a route is added without a rule.
import type { RouteId } from '$app/types';
import type { UserRole } from './db/schema';

/**
 * public: anyone. learner: anyone too, but acting makes a guest when there is no session.
 * account: a signed-in person (not a guest). teacher: a signed-in teacher (or admin).
 * admin: a signed-in admin.
 */
export type Access = 'public' | 'learner' | 'account' | 'teacher' | 'admin';

/**
 * What each role may do beyond a learner. An admin is a teacher too: the person who runs a
 * school's Factdeck usually teaches in it, and an admin could make themselves a teacher anyway.
 * Everything else asks these two functions; nothing compares roles itself.
 */
const roleMay: Record<UserRole, { teach: boolean; administer: boolean }> = {
	learner: { teach: false, administer: false },
	teacher: { teach: true, administer: false },
	admin: { teach: true, administer: true }
};

export function canTeach(role: UserRole): boolean {
	return roleMay[role].teach;
}

export function canAdminister(role: UserRole): boolean {
	return roleMay[role].administer;
}

/** Whether a signed-in (non-guest) person of this role may reach a route of this access. */
export function roleMayEnter(role: UserRole, access: Access): boolean {
	if (access === 'teacher') return canTeach(role);
	if (access === 'admin') return canAdminister(role);
	return true;
}

export const routeAccess: Record<RouteId, Access> = {
	'/': 'public',
	'/healthz': 'public',
	'/sources': 'public',
	'/sources/[id]': 'public',
	'/signin': 'public',
	'/signup': 'public',
	'/signout': 'public',
	'/sets': 'public',
	'/sets/[id]': 'learner',
	'/attempts': 'learner',
	'/attempts/[id]': 'learner',
	'/attempts/[id]/result': 'learner',
	'/progress': 'learner',
	// Joining makes a guest of someone without an account; the pages and the stream check the seat.
	'/live': 'learner',
	'/live/[id]': 'learner',
	'/live/[id]/events': 'learner',
	'/review': 'learner',
	'/review/[deck]': 'learner',
	'/review/[deck]/anki': 'learner',
	'/review/stats': 'learner',
	'/review/leeches': 'learner',
	'/review/settings': 'learner',
	'/signin/reset': 'public',
	'/classes': 'account',
	'/account': 'account',
	'/account/export': 'account',
	'/account/delete': 'account',
	'/admin': 'admin',
	'/teach': 'teacher',
	'/teach/classes': 'teacher',
	'/teach/classes/[id]': 'teacher',
	'/teach/classes/[id]/report': 'teacher',
	'/teach/classes/[id]/report.csv': 'teacher',
	'/teach/classes/[id]/learners': 'teacher',
	'/teach/classes/[id]/learners/[userId]': 'teacher',
	'/teach/live': 'teacher',
	'/teach/live/new': 'teacher',
	'/teach/live/[id]': 'teacher',
	'/teach/sets': 'teacher',
	'/teach/sets/new': 'teacher',
	'/teach/sets/[id]': 'teacher',
	'/teach/sets/[id]/questions': 'teacher',
	'/teach/sets/[id]/questions/new': 'teacher',
	'/teach/sets/[id]/questions/[qid]': 'teacher',
	'/teach/sets/[id]/preview': 'teacher',
	'/teach/sets/[id]/generate': 'teacher',
	'/teach/sets/[id]/import': 'teacher',
	// A teacher's own sources; every load and action also checks the source is theirs (404).
	'/teach/sources': 'teacher',
	'/teach/sources/new': 'teacher',
	'/teach/sources/import': 'teacher',
	'/teach/sources/[id]': 'teacher',
	'/teach/sources/[id]/version': 'teacher',
	'/teach/sources/[id]/facts': 'teacher',
	'/teach/sources/[id]/facts/new': 'teacher',
	'/teach/sources/[id]/facts/[factId]': 'teacher',
	// Public: the endpoint itself shows a draft to its owner only (404 for anyone else).
	'/api': 'public',
	'/api/sets': 'public',
	'/api/sets/[id]': 'public',
	'/api/sets/[id]/export': 'public',
	// Public: the endpoint shows a teacher's source to those who may read it (404 for others).
	'/api/sources': 'public',
	'/api/sources/[id]': 'public',
	'/api/sources/[id]/export': 'public'
};

export function accessFor(routeId: string | null): Access | undefined {
	// No route matched: SvelteKit answers 404 on its own.
	if (routeId === null) return 'public';
	return (routeAccess as Record<string, Access>)[routeId];
}

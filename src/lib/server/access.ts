// Who may reach each route: one rule per route, checked in hooks for every request, and
// again inside each action and load (a hook is a second line, never the only one).
// The type makes svelte-check fail when a route is added without a rule.
import type { RouteId } from '$app/types';

/**
 * public: anyone. learner: anyone too, but acting makes a guest when there is no session.
 * account: a signed-in person (not a guest). teacher: a signed-in teacher.
 */
export type Access = 'public' | 'learner' | 'account' | 'teacher';

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
	'/review': 'learner',
	'/review/[deck]': 'learner',
	'/review/[deck]/anki': 'learner',
	'/review/stats': 'learner',
	'/review/leeches': 'learner',
	'/review/settings': 'learner',
	'/classes': 'account',
	'/teach': 'teacher',
	'/teach/classes': 'teacher',
	'/teach/classes/[id]': 'teacher',
	'/teach/classes/[id]/report': 'teacher',
	'/teach/classes/[id]/report.csv': 'teacher',
	'/teach/classes/[id]/learners': 'teacher',
	'/teach/classes/[id]/learners/[userId]': 'teacher',
	'/teach/sets': 'teacher',
	'/teach/sets/new': 'teacher',
	'/teach/sets/[id]': 'teacher',
	'/teach/sets/[id]/questions': 'teacher',
	'/teach/sets/[id]/questions/new': 'teacher',
	'/teach/sets/[id]/questions/[qid]': 'teacher',
	'/teach/sets/[id]/preview': 'teacher',
	'/teach/sets/[id]/generate': 'teacher',
	'/teach/sets/[id]/import': 'teacher',
	// Public: the endpoint itself shows a draft to its owner only (404 for anyone else).
	'/api': 'public',
	'/api/sets': 'public',
	'/api/sets/[id]': 'public',
	'/api/sets/[id]/export': 'public'
};

export function accessFor(routeId: string | null): Access | undefined {
	// No route matched: SvelteKit answers 404 on its own.
	if (routeId === null) return 'public';
	return (routeAccess as Record<string, Access>)[routeId];
}

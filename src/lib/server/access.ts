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
	'/classes': 'account',
	'/teach': 'teacher',
	'/teach/classes': 'teacher',
	'/teach/classes/[id]': 'teacher'
};

export function accessFor(routeId: string | null): Access | undefined {
	// No route matched: SvelteKit answers 404 on its own.
	if (routeId === null) return 'public';
	return (routeAccess as Record<string, Access>)[routeId];
}

import { canAdminister, canTeach } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user
		? {
				username: locals.user.username,
				role: locals.user.role,
				isGuest: locals.user.isGuest,
				teaches: !locals.user.isGuest && canTeach(locals.user.role),
				administers: !locals.user.isGuest && canAdminister(locals.user.role)
			}
		: null
});

import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user
		? { username: locals.user.username, role: locals.user.role, isGuest: locals.user.isGuest }
		: null
});

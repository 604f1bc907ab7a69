// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser, ValidSession } from '$lib/server/auth';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown on the error page so a report can be matched with the server log. */
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: ValidSession | null;
		}
		interface PageData {
			/** The signed-in person as the client may see them. */
			viewer: {
				username: string | null;
				role: 'learner' | 'teacher' | 'admin';
				isGuest: boolean;
				/** What the role allows, as access.ts decides it: pages never compare roles. */
				teaches: boolean;
				administers: boolean;
			} | null;
		}
	}
}

export {};

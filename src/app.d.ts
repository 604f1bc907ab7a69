// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown on the error page so a report can be matched with the server log. */
			id?: string;
		}
	}
}

export {};

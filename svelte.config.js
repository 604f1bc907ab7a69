import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter(),
		// The server tells the client which route a path is, so pages do not ship the table of
		// every route (teacher pages included) to each visitor. A path costs one small request
		// the first time it is visited, and link preloading on hover usually hides that.
		router: { resolution: 'server' },
		// Scripts only from this origin or SvelteKit's own inline bootstrap, allowed by its hash;
		// nothing a teacher or learner writes can become a script. A hash, not a per-response
		// nonce, so that a page kept as rendered (src/lib/server/page-cache.ts) stays valid.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Svelte and SvelteKit set a few style attributes (the route announcer); style
				// attributes cannot run script, and style elements still need to come from here.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

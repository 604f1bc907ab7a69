import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Property tests run thousands of cases; on a shared, loaded machine 5 s is not enough,
		// and no test here measures time.
		testTimeout: 30_000
	}
});

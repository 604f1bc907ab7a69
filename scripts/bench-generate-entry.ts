// What bench-generate times, built by Vite the way the app's server build compiles it.
export { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
export { questionBank } from '../src/lib/domain/generate-questions';
export { syntheticFactBase } from '../src/lib/domain/synthetic-facts';

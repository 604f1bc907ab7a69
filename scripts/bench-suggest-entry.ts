// What bench-suggest times, built by Vite the way the app's server build compiles it.
export { xiMoscow } from '../src/lib/content/xi-moscow-2023-03-21';
export { suggest } from '../src/lib/domain/suggest';
export { score } from '../src/lib/domain/suggest/score';
export { benchText, wordCount } from './suggest-corpus';

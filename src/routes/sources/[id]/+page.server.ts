import type { PageServerLoad } from './$types';

// The article is read, not used: plain HTML, without a second copy of it as hydration data.
export const csr = false;

/** The fact a link asked to show (?fact=), highlighted in the article and the list. */
export const load: PageServerLoad = ({ url }) => ({ selected: url.searchParams.get('fact') });

import type { PageServerLoad } from './$types';

/** The fact a link asked to show (?fact=), highlighted in the article and the list. */
export const load: PageServerLoad = ({ url }) => ({ selected: url.searchParams.get('fact') });

import { getDb } from '$lib/server/app-db';
import { listSources } from '$lib/server/sources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ sources: listSources(getDb()) });

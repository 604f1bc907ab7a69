// How the source page names each kind of suggestion a teacher may accept all of at once.
import type { SuggestionKind } from '$lib/domain/suggest/types';

export const kindLabels: Record<SuggestionKind, { one: string; many: string; title: string }> = {
	role: { one: 'role', many: 'roles', title: 'Roles and titles' },
	meeting: { one: 'meeting', many: 'meetings', title: 'Meetings and talks' },
	travel: { one: 'visit or journey', many: 'visits and journeys', title: 'Visits and travel' },
	quote: { one: 'quotation', many: 'quotations', title: 'What people said' },
	date: { one: 'date', many: 'dates', title: 'Dates of events' },
	number: { one: 'number', many: 'numbers', title: 'Numbers' }
};

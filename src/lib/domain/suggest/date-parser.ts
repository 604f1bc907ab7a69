// The one door to the date library (chrono-node): dates written in a text, resolved
// against a reference day. The dates stage reads only these types.
import * as chrono from 'chrono-node';

/** A calendar day; month 1-12. */
export interface Day {
	year: number;
	month: number;
	day: number;
}

export interface ParsedDate {
	/** Offsets into the parsed text, punctuation after the date left out. */
	start: number;
	end: number;
	text: string;
	/** The day the text names or implies, resolved against the reference day. */
	resolved: Day;
	/** What the wording states: a weekday ("on Monday") counts as a day. */
	stated: { year: boolean; month: boolean; day: boolean; weekday: boolean };
	/** Counted from the reference day ("last week", "two days later"), not named. */
	relative: boolean;
}

/** Dates in a text; `reference` is the day it was written (noon UTC, so no zone shifts a day). */
export function parseDates(text: string, reference: Day): ParsedDate[] {
	const instant = new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12));
	return chrono.parse(text, { instant, timezone: 0 }).flatMap((r) => {
		const wording = r.text.replace(/[\s,.;:!?"”’)]+$/u, '');
		if (!wording) return [];
		const s = r.start;
		return [
			{
				start: r.index,
				end: r.index + wording.length,
				text: wording,
				resolved: { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 },
				stated: {
					year: s.isCertain('year'),
					month: s.isCertain('month'),
					day: s.isCertain('day'),
					weekday: s.isCertain('weekday')
				},
				relative: [...r.tags()].some((t) => t.startsWith('result/relative'))
			}
		];
	});
}

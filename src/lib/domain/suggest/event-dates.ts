// Dating events through one another: "Xi's three-day visit began a day after Putin traveled
// to Mariupol" dates one from the other, whichever the text dates; "A coincides with B" dates B
// by A's days.
import { addDays, factDate, parseDay, spanDate } from './calendar';
import type { Clauses, Span } from './clauses';
import type { DateStage } from './dates';
import type { EventDraft, Registry } from './event-registry';
import type { Relation } from './relations';

export function distance(a: Span, b: Span): number {
	if (a.start < b.end && b.start < a.end) return 0;
	return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

export function cover(a: Span, b: Span): Span {
	return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * "Xi's three-day visit began a day after Putin traveled to Mariupol": the event before the
 * wording is dated from the one after it, or the other way round, whichever is known.
 */
export function resolveAnchors(
	reg: Registry,
	dates: DateStage,
	ofRelation: ReadonlyMap<Relation, EventDraft>
): void {
	const anchoredIn = new Set(dates.anchored.map((a) => a.sentence));
	const relations = [...ofRelation.entries()].filter(([r]) => anchoredIn.has(r.sentence));
	for (let round = 0; round < 3; round++) {
		for (const a of dates.anchored) {
			const anchorEvent = relations.find(
				([r]) =>
					r.sentence === a.sentence && r.start >= a.anchor.start - 1 && r.start < a.anchor.end
			)?.[1];
			const dated = reg
				.inSentence(a.sentence)
				.filter((x) => x.e !== anchorEvent && x.s.end <= a.start)
				.sort((x, y) => y.s.end - x.s.end)[0]?.e;
			if (!anchorEvent || !dated) continue;
			const wordingOf = (e: EventDraft) => e.spans.find((s) => s.sentence === a.sentence);
			const evidence = {
				start: Math.min(...[dated, anchorEvent].map((e) => wordingOf(e)?.start ?? a.start)),
				end: a.end
			};
			const anchorDay =
				anchorEvent.start ??
				(anchorEvent.date?.precision === 'day' ? parseDay(anchorEvent.date.date) : undefined);
			const datedDay =
				dated.start ?? (dated.date?.precision === 'day' ? parseDay(dated.date.date) : undefined);
			if (datedDay && !dated.date) {
				dated.date = factDate(datedDay, 'day', a.wording);
				dated.dateEvidence = evidence;
			}
			if (anchorDay && !datedDay) {
				dated.start = addDays(anchorDay, a.days);
				dated.date = factDate(dated.start, 'day', a.wording);
				dated.dateEvidence = evidence;
			} else if (datedDay && !anchorDay) {
				anchorEvent.start = addDays(datedDay, -a.days);
				const before = a.days > 0 ? 'before' : 'after';
				const count = Math.abs(a.days) === 1 ? 'a day' : `${Math.abs(a.days)} days`;
				anchorEvent.date = factDate(
					anchorEvent.start,
					'day',
					`${count} ${before} ${dated.name} began`
				);
				anchorEvent.dateEvidence = evidence;
			}
		}
	}
}

/** "Xi's trip coincides with a surprise visit to Kyiv": the second is dated by the first's days. */
export function coincide(c: Clauses, reg: Registry): void {
	const text = c.doc.text;
	for (const m of text.matchAll(/\bcoincides? with\b/g)) {
		const at = m.index;
		const sentence = c.doc.sentences.findIndex((s) => s.start <= at && at < s.end);
		const here = reg.inSentence(sentence);
		const before = here.filter((x) => x.s.end <= at).sort((a, b) => b.s.end - a.s.end)[0];
		const after = here.filter((x) => x.s.start >= at).sort((a, b) => a.s.start - b.s.start)[0];
		if (!before || !after || after.e.date) continue;
		const first =
			before.e.start ??
			(before.e.date?.precision === 'day' ? parseDay(before.e.date.date) : undefined);
		if (!first) continue;
		const last = addDays(first, (before.e.lengthDays ?? 1) - 1);
		const date = spanDate(first, last, `coinciding with ${before.e.name}`);
		if (!date) continue;
		after.e.date = date;
		after.e.dateEvidence = { start: before.s.start, end: after.s.end };
	}
}

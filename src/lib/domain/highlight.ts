// Splits an article into paragraphs of segments, marking which facts' evidence covers each
// segment, so the reader can highlight quotes (which may overlap) without any HTML strings.

export interface EvidenceSpan {
	factId: string;
	start: number;
	end: number;
}

export interface Segment {
	text: string;
	/** Facts whose quote covers this segment. */
	factIds: string[];
	/** Facts whose quote starts here (an anchor to link to). */
	starts: string[];
	/** Facts whose quote ends here (a reference to the fact list follows). */
	ends: string[];
}

export interface Paragraph {
	/** A short line with no closing punctuation: a subheading in the article. */
	heading: boolean;
	/** Where the paragraph's text starts in the body (its segments follow on from there). */
	start: number;
	segments: Segment[];
}

const closing = /[.!?"”’)]$/;

export function segmentArticle(body: string, spans: readonly EvidenceSpan[]): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	const splitter = /\n\s*\n/g;
	let from = 0;
	const ranges: [number, number][] = [];
	for (const match of body.matchAll(splitter)) {
		ranges.push([from, match.index]);
		from = match.index + match[0].length;
	}
	ranges.push([from, body.length]);

	for (const [pStart, pEnd] of ranges) {
		const text = body.slice(pStart, pEnd).trim();
		if (!text) continue;
		const lead = body.slice(pStart, pEnd).indexOf(text);
		const start = pStart + lead;
		const end = start + text.length;
		const inside = spans.filter((s) => s.start < end && s.end > start);
		const cuts = new Set([start, end]);
		for (const s of inside) {
			cuts.add(Math.max(s.start, start));
			cuts.add(Math.min(s.end, end));
		}
		const points = [...cuts].sort((a, b) => a - b);
		const segments: Segment[] = [];
		for (let i = 0; i < points.length - 1; i++) {
			const a = points[i]!;
			const b = points[i + 1]!;
			const covering = inside.filter((s) => s.start <= a && s.end >= b);
			segments.push({
				text: body.slice(a, b),
				factIds: covering.map((s) => s.factId),
				starts: covering.filter((s) => s.start === a).map((s) => s.factId),
				ends: covering.filter((s) => s.end === b).map((s) => s.factId)
			});
		}
		paragraphs.push({
			heading: text.length < 60 && !closing.test(text) && !text.includes('\n'),
			start,
			segments
		});
	}
	return paragraphs;
}

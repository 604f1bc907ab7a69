// The events the pipeline finds, and a registry that looks them up by class and agent and
// by sentence without a scan (a 20,000-word text has thousands).
import type { FactDate } from '../fact-base';
import type { Span } from './clauses';
import type { Day } from './date-parser';

export interface EventDraft {
	name: string;
	aliases: Set<string>;
	cls: string;
	agent?: string;
	object?: string;
	/** Where the text tells of it: clauses and noun phrases. */
	spans: Array<Span & { sentence: number }>;
	date?: FactDate;
	/** The sentence span that dates it, for the happened_on quote. */
	dateEvidence?: Span;
	start?: Day;
	lengthDays?: number;
	/** The text names it with a noun ("a surprise visit to Kyiv"), not only with a verb. */
	nominal: boolean;
}

export type Placed = Span & { sentence: number };

/** The events found so far, looked up by class and agent and by sentence without a scan. */
export class Registry {
	private readonly all: EventDraft[] = [];
	private readonly removed = new Set<EventDraft>();
	private readonly byKey = new Map<string, EventDraft[]>();
	private readonly byClass = new Map<string, EventDraft[]>();
	private readonly bySentence = new Map<number, Array<{ e: EventDraft; s: Placed }>>();

	add(e: EventDraft): EventDraft {
		this.all.push(e);
		push(this.byKey, `${e.cls}|${e.agent ?? ''}`, e);
		push(this.byClass, e.cls, e);
		for (const s of e.spans) push(this.bySentence, s.sentence, { e, s });
		return e;
	}

	span(e: EventDraft, s: Placed): void {
		e.spans.push(s);
		push(this.bySentence, s.sentence, { e, s });
	}

	remove(e: EventDraft): void {
		this.removed.add(e);
	}

	keyed(cls: string, agent: string | undefined): EventDraft[] {
		return (this.byKey.get(`${cls}|${agent ?? ''}`) ?? []).filter((e) => !this.removed.has(e));
	}

	ofClass(cls: string): EventDraft[] {
		return (this.byClass.get(cls) ?? []).filter((e) => !this.removed.has(e));
	}

	/** The last event of a class, without copying the list (a text says "the talks" often). */
	lastOfClass(cls: string): EventDraft | undefined {
		const list = this.byClass.get(cls) ?? [];
		for (let i = list.length - 1; i >= 0; i--)
			if (!this.removed.has(list[i] as EventDraft)) return list[i];
		return undefined;
	}

	/** The first event of a class with an agent ("Russia's assault"), for a bare "the assault". */
	firstOwned(cls: string, not: EventDraft): EventDraft | undefined {
		return (this.byClass.get(cls) ?? []).find((e) => e !== not && e.agent && !this.removed.has(e));
	}

	inSentence(sentence: number): Array<{ e: EventDraft; s: Placed }> {
		return (this.bySentence.get(sentence) ?? []).filter((x) => !this.removed.has(x.e));
	}

	live(): EventDraft[] {
		return this.all.filter((e) => !this.removed.has(e));
	}
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

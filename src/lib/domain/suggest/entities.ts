// Stage 2b: mentions merged into entities. A surname joins the full name it belongs to, a
// country's other names join it ("U.S."), a capital used only as an actor joins its country
// ("Beijing has called for" -> China) when the text never uses it as a place, and a title
// with no name ("the Chinese leader") joins the one entity the text gave that title.
import { entityKinds, type Entity, type EntityKind } from '../fact-base';
import { IdPool } from './ids';
import { leaderTitles } from './lexicon';
import type { Mention, Role, Votes } from './mentions';
import { countryNamed, countryOfCapital } from './world';

export interface SuggestedEntity extends Entity {
	/** The title and where the text gives it, for a role_of suggestion. */
	roleEvidence?: Role;
	/** Where the text names it, first to last. */
	mentions: Array<{ start: number; end: number }>;
}

/** A mention and the entity it names. */
export interface Resolved extends Mention {
	entity: string;
}

export interface EntityStage {
	entities: SuggestedEntity[];
	mentions: Resolved[];
}

interface Group {
	key: string;
	mentions: Mention[];
	votes: Votes;
	kind?: EntityKind;
	name: string;
	forms: Set<string>;
	mergedInto?: Group;
}

/** Ties go to the first kind in the fact base's own order: person, country, organisation ... */
const kindOrder = entityKinds;

/** The kind with the most votes; one weak clue (a single "in X") is not enough. */
function kindOf(votes: Votes): EntityKind | undefined {
	let best: EntityKind | undefined;
	for (const k of kindOrder) if ((votes[k] ?? 0) > (best ? (votes[best] ?? 0) : 0)) best = k;
	return best && (votes[best] ?? 0) >= 2 ? best : undefined;
}

const keyOf = (m: Mention) => {
	if (m.key.startsWith('bloc:')) return m.key;
	const country = countryNamed(m.key);
	return (country?.name ?? m.key).toLowerCase().replace(/^the /, '');
};

function root(g: Group): Group {
	let r = g;
	while (r.mergedInto) r = r.mergedInto;
	return r;
}

function merge(from: Group, into: Group): void {
	const a = root(from);
	const b = root(into);
	if (a === b) return;
	a.mergedInto = b;
	b.mentions.push(...a.mentions);
	for (const f of a.forms) b.forms.add(f);
	b.forms.add(a.name);
	for (const [k, n] of Object.entries(a.votes)) {
		b.votes[k as EntityKind] = (b.votes[k as EntityKind] ?? 0) + (n ?? 0);
	}
}

/** "The Chinese leader" at a sentence's start is still "the Chinese leader". */
const asAlias = (text: string) => text.replace(/^The /, 'the ');

function groupMentions(mentions: readonly Mention[]): Map<string, Group> {
	const groups = new Map<string, Group>();
	for (const m of mentions) {
		if (m.description) continue;
		const key = keyOf(m);
		let g = groups.get(key);
		if (!g) {
			const country = m.key.startsWith('bloc:') ? undefined : countryNamed(m.text);
			g = { key, mentions: [], votes: {}, name: country?.name ?? m.text, forms: new Set() };
			groups.set(key, g);
		}
		g.mentions.push(m);
		g.forms.add(m.text);
		if (m.role) g.forms.add(`${m.role.text} ${m.text}`);
		for (const [k, n] of Object.entries(m.votes)) {
			g.votes[k as EntityKind] = (g.votes[k as EntityKind] ?? 0) + (n ?? 0);
		}
	}
	return groups;
}

/** Phrases inside a longer phrase ("senior Russian officials" in "a delegation of ..."). */
function mergeNested(groups: Map<string, Group>): void {
	const all = [...groups.values()];
	for (const inner of all) {
		if (inner.mentions.some((m) => /^\p{Lu}/u.test(m.text))) continue;
		const outer = all.find(
			(o) =>
				o !== inner &&
				inner.mentions.every((m) =>
					o.mentions.some(
						(x) => x.start <= m.start && x.end >= m.end && x.end - x.start > m.end - m.start
					)
				)
		);
		if (outer) merge(inner, outer);
	}
}

function mergeNames(groups: Map<string, Group>): void {
	const all = [...groups.values()];
	const multi = all.filter((g) => g.key.includes(' ') && !g.key.startsWith('bloc:'));
	for (const g of all) {
		if (g.key.includes(' ') || g.key.startsWith('bloc:')) continue;
		// A surname or a family name written first ("Putin", "Xi"): the one person it ends or starts.
		const people = multi.filter(
			(p) => kindOf(p.votes) === 'person' && p.key.split(' ').includes(g.key)
		);
		if (people.length === 1 && !g.votes.country) {
			merge(g, people[0] as Group);
			continue;
		}
		// "Power of Siberia" and "Power of Siberia pipeline", not "Berlin" and "Berlin Wall"
		const longer = multi.filter(
			(p) =>
				p.key.startsWith(`${g.key} `) &&
				p.key.split(' ').length === g.key.split(' ').length + 1 &&
				/^\p{Ll}/u.test(p.name.split(' ').at(-1) ?? '')
		);
		if (longer.length === 1) merge(g, longer[0] as Group);
	}
	for (const g of multi) {
		const longer = multi.filter(
			(p) =>
				p !== g &&
				p.key.startsWith(`${g.key} `) &&
				p.key.split(' ').length === g.key.split(' ').length + 1 &&
				/^[a-z]/.test(p.key.split(' ').at(-1) ?? '')
		);
		if (longer.length === 1 && kindOf(g.votes) === kindOf((longer[0] as Group).votes))
			merge(g, longer[0] as Group);
	}
	// "the West" belongs with "Western powers"
	for (const [word, bloc] of [
		['west', 'bloc:western'],
		['east', 'bloc:eastern']
	] as const) {
		const g = groups.get(word);
		const b = groups.get(bloc);
		if (g && b) {
			merge(g, b);
			root(b).forms.add(`the ${g.name}`);
			root(b).forms.delete(g.name);
		}
	}
}

/** A capital that only ever acts stands for its country, if the text names that country. */
function mergeMetonyms(groups: Map<string, Group>): void {
	for (const g of groups.values()) {
		if (g.mergedInto) continue;
		const country = countryOfCapital(g.key);
		const target = country && groups.get(country.toLowerCase());
		if (!target || root(target) === g) continue;
		if (g.mentions.some((m) => m.locative) || !g.mentions.some((m) => m.agent)) continue;
		merge(g, target);
	}
}

function blocName(g: Group): string {
	const forms = [...g.forms];
	return forms.find((f) => / countries$/i.test(f)) ?? forms[0] ?? g.name;
}

/** "Beijing's 12-point position paper" is China's: the owner's entity names the document. */
function nameDocuments(groups: Map<string, Group>, mentions: readonly Mention[]): void {
	for (const g of new Set([...groups.values()].map(root))) {
		if (kindOf(g.votes) !== 'document') continue;
		const m = g.mentions[0] as Mention;
		const owner = mentions.find(
			(n) => n !== m && n.start === m.start && n.possessive && !n.description
		);
		const ownerGroup = owner && groups.get(keyOf(owner));
		if (!owner || !ownerGroup) continue;
		const ownerName = root(ownerGroup).name;
		const rest = m.text.slice(owner.end - m.start).replace(/^['’]s?/, '');
		g.forms.add(m.text);
		g.name = `${ownerName}'s${rest}`;
		if (rest.trim().includes(' ')) g.forms.add(rest.trim());
	}
}

/** Entities from mentions; every mention that names one is returned with its entity's id. */
export function findEntities(mentions: readonly Mention[]): EntityStage {
	const groups = groupMentions(mentions);
	mergeNested(groups);
	mergeNames(groups);
	mergeMetonyms(groups);
	nameDocuments(groups, mentions);
	const roots = [...new Set([...groups.values()].map(root))].filter((g) => kindOf(g.votes));
	roots.sort(
		(a, b) =>
			Math.min(...a.mentions.map((m) => m.start)) - Math.min(...b.mentions.map((m) => m.start))
	);

	const ids = new IdPool();
	const entities: SuggestedEntity[] = [];
	const byGroup = new Map<Group, SuggestedEntity>();
	for (const g of roots) {
		const kind = kindOf(g.votes) as EntityKind;
		const name = g.key.startsWith('bloc:') ? blocName(g) : g.name;
		const roleMention = g.mentions.find((m) => m.role);
		const e: SuggestedEntity = {
			id: ids.claim(name),
			kind,
			name,
			aliases: [],
			mentions: g.mentions
				.map((m) => ({ start: m.start, end: m.end }))
				.sort((a, b) => a.start - b.start)
		};
		if (roleMention?.role) {
			e.role = roleMention.role.text;
			e.roleEvidence = roleMention.role;
		}
		const country = countryNamed(name);
		const forms = new Set([...g.forms, ...(country?.aliases ?? [])].map(asAlias));
		e.aliases = [...forms].filter((f) => f.toLowerCase() !== name.toLowerCase());
		entities.push(e);
		byGroup.set(g, e);
	}

	const resolved: Resolved[] = [];
	for (const m of mentions) {
		if (m.description) {
			const holder = holderOf(entities, m.description);
			if (holder) {
				holder.aliases.push(asAlias(m.text));
				holder.mentions.push({ start: m.start, end: m.end });
				resolved.push({ ...m, entity: holder.id });
			}
			continue;
		}
		const g = groups.get(keyOf(m));
		const e = g && byGroup.get(root(g));
		if (e) resolved.push({ ...m, entity: e.id });
	}
	uniqueAliases(entities);
	for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
	return { entities, mentions: resolved.sort((a, b) => a.start - b.start) };
}

/** The one entity holding a title of that country and kind ("the Russian leader"). */
function holderOf(
	entities: readonly SuggestedEntity[],
	d: { country: string; head: string }
): SuggestedEntity | undefined {
	const holders = entities.filter((e) => {
		const role = e.roleEvidence;
		if (!role || role.country !== d.country) return false;
		const title = role.text.toLowerCase();
		if (title.endsWith(d.head)) return true;
		return leaderTitles.has(d.head) && [...leaderTitles].some((t) => title.endsWith(t));
	});
	return holders.length === 1 ? holders[0] : undefined;
}

/** No form may name two entities, or another entity's name: it would make answers ambiguous. */
function uniqueAliases(entities: SuggestedEntity[]): void {
	const owners = new Map<string, Set<string>>();
	for (const e of entities) {
		for (const form of [e.name, ...e.aliases]) {
			const k = form.toLowerCase();
			owners.set(k, (owners.get(k) ?? new Set()).add(e.id));
		}
	}
	for (const e of entities) {
		const seen = new Set([e.name.toLowerCase()]);
		e.aliases = e.aliases.filter((a) => {
			const k = a.toLowerCase();
			if (seen.has(k) || (owners.get(k)?.size ?? 0) > 1) return false;
			seen.add(k);
			return true;
		});
	}
}

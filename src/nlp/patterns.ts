import type { Dictionary } from '../dict/types';
import type { Script } from '../types';
import type { AliasHit } from './aliases';
import { chromeSpans } from './chrome';
import { anySet } from './cues';
import { findCredits, sourceContext } from './credits';
import type { FieldWork } from './field';
import { curatedHits, orgList, resolveOrg } from './orglist';
import { findOrgsBySuffix } from './orgs';
import { findPeople } from './people';
import { matchKey } from '../text/fold';
import { wordTag } from '../text/jieba-words';

/**
 * People and organisations the dictionary lacks, found in an article's
 * fields by the curated organisation list (orglist.ts) and by patterns
 * (orgs.ts, credits.ts, people.ts), as names with normalised spans. The
 * tagger makes them `org:<name>` and `person:<name>` entities with
 * `via: "pattern"` mentions, names as printed.
 */
export interface PatternName {
  kind: 'person' | 'org';
  /** Normalised offsets. */
  start: number;
  end: number;
  id: string;
  name: string;
}

export interface PatternField {
  fw: FieldWork;
  /** The field's dictionary hits, in text order. */
  hits: readonly AliasHit[];
  /** Spans the inline-code rules took (names before codes, the codes), normalised offsets. */
  codes: ReadonlyArray<[number, number]>;
}

export interface OrgResult {
  names: Map<FieldWork, PatternName[]>;
  /** Dictionary hits inside a longer organisation name (國泰 in 國泰人壽, 香港 in 香港高等法院): not tagged on their own. */
  covered: Set<AliasHit>;
}

interface Candidate {
  start: number;
  end: number;
  rank: number;
  id?: string;
  /** Candidates of one group are spellings of one body (a name and its abbreviation, 赫伯羅特 and Hapag-Lloyd). */
  group: number;
  /** The spelling that names the group (not an abbreviation of another). */
  head: boolean;
}

const KINDS = [null, 'company', 'place', 'person', 'other'] as const;

// An index or a futures contract is no organisation: 標普500, 日經指數.
const INDEX_AFTER = /^\s*(?:(?:500|225|100|300|50|30)(?!\d)|指数|综指|成指|期指)/;

function original(fw: FieldWork, s: number, e: number): string {
  return fw.text.original.slice(fw.text.toOriginal(s), fw.text.toOriginalEnd(e));
}

/**
 * Organisation names of every field. `sourceIds`: listed companies the
 * article only quotes or uses (a broker, a paper): their dictionary hits
 * give way to the organisation of the same spelling. `codedNames`: matching
 * keys of names the article prints with a ticker code (a listed company's,
 * wherever else they stand).
 */
export function orgNames(dict: Dictionary, script: Script, fields: readonly PatternField[], sourceIds: ReadonlySet<string>, codedNames: ReadonlySet<string> = new Set()): OrgResult {
  const list = orgList();
  const perField = fields.map((f) => ({ f, hits: curatedHits(list, f.fw.text.normalised, f.fw.key, f.fw.boundary) }));
  // Entries the article names by a spelling no other entry has: they win shared spellings (央行, 證監會).
  const named = new Set<string>();
  for (const { f, hits } of perField) for (const h of hits) {
    const c = list.byKey.get(f.fw.key.slice(h.start, h.end));
    if (c?.length === 1) named.add(c[0]!.id);
  }
  // 中國平安 printed in the article makes 平安 a brand there (平安人壽): a listed company's name less its country or province (貴州茅台 … 茅台集團).
  const brands = new Set<string>();
  for (const { f } of perField) for (const h of f.hits) {
    const k = f.fw.key.slice(h.start, h.end);
    if (k.length >= 4 && (PLACE_HEAD.test(k.slice(0, 2)) || wordTag(k.slice(0, 2)) === 'ns') && h.ids.some((id) => dict.byId.get(id)?.ticker && !h.ambiguous.has(id))) brands.add(k.slice(2));
  }
  const result: OrgResult = { names: new Map(), covered: new Set() };
  for (const { f, hits: curated } of perField) {
    const { fw } = f;
    const text = fw.text.normalised;
    const key = fw.key;
    // What the dictionary matched at each offset, by KINDS index (0: nothing).
    const kindAt = new Uint8Array(text.length + 1);
    const taken = new Uint8Array(text.length + 1);
    for (const h of f.hits) {
      const kinds = h.ids.map((id) => dict.byId.get(id)).filter(Boolean);
      // A company spelling that needs evidence (生物, 晨鳴) is no brand inside a longer name: just a word of it.
      const kind = kinds.some((e) => e!.ticker && !h.ambiguous.has(e!.id)) ? 'company' : kinds.some((e) => e!.ticker) ? 'other' : kinds.some((e) => e!.kind === 'place') ? 'place' : kinds.some((e) => e!.kind === 'person') ? 'person' : 'other';
      kindAt.fill(KINDS.indexOf(kind), h.start, h.end);
      // A dictionary organisation whose spelling needs evidence it rarely gets (財政部, Fed) leaves the name to the list.
      const weakOrg = kind === 'other' && h.ids.every((id) => h.ambiguous.has(id) && dict.byId.get(id)?.kind === 'org');
      if (!h.ids.every((id) => sourceIds.has(id)) && !weakOrg) taken.fill(1, h.start, h.end);
    }
    const coded = new Uint8Array(text.length + 1);
    for (const [s, e] of f.codes) coded.fill(1, s, e);
    // Names only in navigation, app or disclaimer lines are not the article's.
    for (const [s, e] of chromeSpans(text)) coded.fill(1, s, e);
    const cands: Candidate[] = [];
    let group = 0;
    for (const h of curated) {
      const k = key.slice(h.start, h.end);
      if (list.needsContext.has(k) && !sourceContext(key, h.start, h.end)) continue;
      if (INDEX_AFTER.test(text.slice(h.end, h.end + 3))) continue;
      const org = resolveOrg(list, k, named, script);
      if (org) cands.push({ start: h.start, end: h.end, rank: 0, id: org.id, group: group++, head: true });
    }
    const suffixed = findOrgsBySuffix({
      text,
      key,
      boundary: fw.boundary,
      spans: fw.spans,
      hitKind: (s, e) => {
        const k = kindAt[s]!;
        for (let i = s + 1; i < e; i++) if (kindAt[i] !== k) return null;
        return KINDS[k] ?? null;
      },
      coded: (s, e) => anySet(coded, s, e),
      brands,
    });
    const base = group;
    suffixed.forEach((o, i) => {
      const org = o.abbreviates === undefined ? resolveOrg(list, key.slice(o.start, o.end), named, script) : undefined;
      cands.push({ start: o.start, end: o.end, rank: 1, group: base + (o.abbreviates ?? i), head: o.abbreviates === undefined, ...(org ? { id: org.id } : {}) });
    });
    group = base + suffixed.length;
    for (const c of findCredits({ text, key, boundary: fw.boundary, taken: (s, e) => anySet(taken, s, e) || anySet(coded, s, e) })) {
      const org = resolveOrg(list, key.slice(c.start, c.end), named, script);
      cands.push({ start: c.start, end: c.end, rank: 2, group: c.pairedWithPrevious ? group - 1 : group++, head: !c.pairedWithPrevious, ...(org ? { id: org.id } : {}) });
    }
    // The longest name wins where names overlap; of equal ones, the curated entry.
    cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
    const used = new Uint8Array(text.length + 1);
    const kept: Candidate[] = [];
    for (const c of cands) {
      if (anySet(used, c.start, c.end) || anySet(coded, c.start, c.end) || codedNames.has(key.slice(c.start, c.end))) continue;
      // A dictionary name the same length or crossing this one wins; one inside it gives way.
      const inside: AliasHit[] = [];
      let lose = false;
      // Hits come in text order and never overlap: start from the first that ends after c.start.
      let lo = 0;
      let hi = f.hits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (f.hits[mid]!.end <= c.start) lo = mid + 1;
        else hi = mid;
      }
      for (let hk = lo; hk < f.hits.length && f.hits[hk]!.start < c.end; hk++) {
        const h = f.hits[hk]!;
        const within = h.start >= c.start && h.end <= c.end;
        const same = h.start === c.start && h.end === c.end;
        if (!within || (same && taken[h.start] === 1)) lose = true;
        else inside.push(h);
      }
      if (lose) continue;
      for (const h of inside) result.covered.add(h);
      used.fill(1, c.start, c.end);
      kept.push(c);
    }
    // One id per group: the head's (its curated entry, or its name as printed).
    const idOf = new Map<number, { id: string; name: string }>();
    const names: PatternName[] = [];
    kept.sort((a, b) => Number(b.head) - Number(a.head) || a.start - b.start);
    for (const c of kept) {
      let named = idOf.get(c.group);
      if (!named) {
        if (!c.head) continue;
        const printed = original(fw, c.start, c.end);
        named = c.id ? { id: c.id, name: list.byId.get(c.id)!.name } : { id: `org:${printed}`, name: printed };
        idOf.set(c.group, named);
      }
      names.push({ kind: 'org', start: c.start, end: c.end, id: named.id, name: named.name });
    }
    result.names.set(fw, names.sort((a, b) => a.start - b.start));
  }
  mergeVariants([...result.names.values()].flat());
  return result;
}

const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
};

/**
 * Two spellings of one body in one article become one entity: a place
 * dropped in front (香港高等法院 … 高等法院), or a contraction with the same
 * last word (深圳地鐵集團 … 深鐵集團, its characters in order).
 */
function mergeVariants(names: PatternName[]): void {
  const orgs = names.filter((n) => n.kind === 'org');
  const longFirst = [...orgs].sort((a, b) => b.name.length - a.name.length);
  const idOf = new Map<string, { id: string; name: string }>();
  for (const a of longFirst) {
    if (idOf.has(a.name)) continue;
    for (const b of longFirst) {
      if (b.name.length >= a.name.length || b.id === a.id || idOf.has(b.name)) continue;
      const head = a.name.slice(0, a.name.length - b.name.length);
      const tail = a.name.endsWith(b.name) && b.name.length >= 3 && (wordTag(matchKey(head)) === 'ns' || PLACE_HEAD.test(head));
      const last = a.name.slice(-2);
      const contraction = b.name.length >= 3 && b.name.endsWith(last) && b.name[0] === a.name[0] && isSubsequence(b.name.slice(0, -2), a.name.slice(0, -2));
      if (tail || contraction) idOf.set(b.name, { id: a.id, name: a.name });
    }
  }
  for (const n of orgs) {
    const to = idOf.get(n.name);
    if (to) {
      n.id = to.id;
      n.name = to.name;
    }
  }
}

const PLACE_HEAD = /^(?:美國|美国|中國|中国|香港|台灣|台湾|大陸|大陆|日本|英國|英国|歐洲|欧洲)$/;

/**
 * Person names of one field, and the outlets its bylines name (時報 in
 * 【時報記者…】) as organisations. `taken`: spans of every name already
 * tagged; `companyKeys`: matching keys of every company name the article
 * prints (no person has one).
 */
export function personNames(dict: Dictionary, script: Script, f: PatternField, taken: ReadonlyArray<[number, number]>, companyKeys: ReadonlySet<string>): PatternName[] {
  const { fw } = f;
  const text = fw.text.normalised;
  const used = new Uint8Array(text.length + 1);
  const place = new Uint8Array(text.length + 1);
  for (const h of f.hits) if (h.ids.some((id) => dict.byId.get(id)?.kind === 'place')) place.fill(1, h.start, h.end);
  for (const [s, e] of taken) used.fill(1, s, e);
  // Every place the field prints a company's name is no person's.
  for (const k of companyKeys) for (let i = fw.key.indexOf(k); i >= 0 && k.length > 0; i = fw.key.indexOf(k, i + k.length)) used.fill(1, i, i + k.length);
  for (const [s, e] of chromeSpans(text)) used.fill(1, s, e);
  const { people, outlets } = findPeople({
    text,
    key: fw.key,
    boundary: fw.boundary,
    taken: (s, e) => anySet(used, s, e),
    isPlace: (s, e) => place[s] === 1 && place[e - 1] === 1,
  });
  const out: PatternName[] = [];
  for (const p of people) {
    const name = original(fw, p.start, p.end);
    out.push({ kind: 'person', start: p.start, end: p.end, id: `person:${name}`, name });
  }
  const list = orgList();
  for (const [s, e] of outlets) {
    if (anySet(used, s, e)) continue;
    const org = resolveOrg(list, fw.key.slice(s, e), new Set(), script);
    const name = org?.name ?? original(fw, s, e);
    out.push({ kind: 'org', start: s, end: e, id: org?.id ?? `org:${name}`, name });
  }
  return out;
}

import type { DictEntry, Dictionary } from '../dict/types';
import type { Entity, EntityKind, Mention, MentionVia, Script, Ticker } from '../types';
import type { AliasHit, AliasIndex } from './aliases';
import { findCodeSpans } from './codes';
import { chromeSpans } from './chrome';
import { anySet } from './cues';
import { englishPersons } from './english';
import { hasLocalEvidence, listedWithCompany, standsApart } from './evidence';
import type { FieldWork } from './field';
import { type CodeResolution, hitLookup, type InlineContext, resolveCode } from './inline';
import { orgNames, personNames } from './patterns';
import { sourceRoleIds } from './roles';
import { chooseListings, type ListingIndex } from './listings';
import { hongKongMarket } from './market';
import { leadEnd, relevance } from './relevance';
import { printedName } from './display';
import { hanCount } from '../text/han';

/**
 * Entity tagging over the prepared fields: dictionary names (alias index),
 * inline codes (codes.ts, inline.ts), evidence for ambiguous names,
 * English person names the dictionary lacks; then one Entity per id with
 * its mentions in original offsets, relevance and the ticker list.
 */
export interface TagInput {
  dict: Dictionary;
  aliases: AliasIndex;
  /** Second listings of the dictionary's companies (listings.ts). */
  listings: ListingIndex;
  script: Script;
  fields: FieldWork[];
}

// A market word right before a second listing's code: 在香港股市 (02359-HK).
const MARKET_BEFORE = /(?:股市|市场|港股|a股|h股|美股|台股|交易所)\s*\(?\s*$/;

interface Found {
  id: string;
  kind: EntityKind;
  name: string;
  ticker?: Ticker;
}

interface Pending {
  fw: FieldWork;
  start: number;
  end: number;
  id: string;
}

// A long alias (東台精機, Uranium Energy) is not the ordinary word its short form is.
function selfEvident(alias: string): boolean {
  const han = hanCount(alias);
  return han >= 4 || /^[A-Za-z]+(?:[ -][A-Za-z]+)+$/.test(alias);
}

const picked = { Hant: new Map<readonly string[], DictEntry | null>(), Hans: new Map<readonly string[], DictEntry | null>() };
const PICKED_MAX = 200_000;

// The same alias nodes come up in every article: choose once per id list and script.
function pick(dict: Dictionary, ids: readonly string[], script: Script): DictEntry | undefined {
  const memo = picked[script];
  const known = memo.get(ids);
  if (known !== undefined) return known ?? undefined;
  const e = choose(dict, ids, script);
  // Keyed by the trie's own id lists; a rebuilt dictionary brings new ones, so bound it.
  if (memo.size >= PICKED_MAX) memo.clear();
  memo.set(ids, e ?? null);
  return e;
}

function choose(dict: Dictionary, ids: readonly string[], script: Script): DictEntry | undefined {
  const entries = ids.map((id) => dict.byId.get(id)).filter((e): e is DictEntry => Boolean(e));
  const home = script === 'Hant' ? ['TW:'] : ['CN:', 'HK:'];
  const rank = (e: DictEntry): number => (e.ambiguous ? 2 : 0) + (home.some((p) => e.id.startsWith(p)) ? 0 : 1);
  return entries.sort((a, b) => rank(a) - rank(b))[0];
}

// Between `from` and `to` only spaces and one "(", and a ")" after `end` (spaces allowed).
function bracketed(text: string, from: number, to: number, end: number): boolean {
  let open = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) open++;
    else if (c !== 0x20) return false;
  }
  if (open !== 1) return false;
  let i = end;
  while (text.charCodeAt(i) === 0x20) i++;
  return text.charCodeAt(i) === 0x29;
}

/**
 * Hits that come as a pair of two spellings of one entity, the second in
 * brackets right after the first: 甲骨文（Oracle）, 超微（AMD）. Each
 * spelling may be an ordinary word on its own; together they name the company.
 */
function pairedHits(text: string, hits: readonly AliasHit[]): Set<AliasHit> {
  const out = new Set<AliasHit>();
  for (let k = 0; k + 1 < hits.length; k++) {
    const a = hits[k]!;
    const b = hits[k + 1]!;
    if (!bracketed(text, a.end, b.start, b.end)) continue;
    if (!a.ids.some((id) => b.ids.includes(id))) continue;
    out.add(a);
    out.add(b);
  }
  return out;
}

/** Tag entities in the fields (title first, then body). */
export function tagEntities(input: TagInput): { entities: Entity[]; tickers: string[] } {
  const { dict, aliases, script } = input;
  const found = new Map<string, Found>();
  const mentions = new Map<string, Map<number, Mention>>();
  const deferred: Pending[] = [];

  const addEntity = (f: Found): void => {
    if (!found.has(f.id)) found.set(f.id, f);
  };
  const addMention = (fw: FieldWork, id: string, s: number, e: number, via: MentionVia, flag?: string): void => {
    const os = fw.text.toOriginal(s);
    const oe = fw.text.toOriginalEnd(e);
    let list = mentions.get(id);
    if (!list) {
      list = new Map<number, Mention>();
      mentions.set(id, list);
    }
    // One mention per span and field; a number key, as there are hundreds a text.
    const k = ((os * 2 + (fw.text.field === 'title' ? 1 : 0)) * 65536) + Math.min(oe - os, 65535);
    const prev = list.get(k);
    if (prev && !(prev.via === 'dictionary' && via === 'inline-code')) return;
    const m: Mention = { text: fw.text.original.slice(os, oe), start: os, end: oe, field: fw.text.field, via };
    if (flag) m.flag = flag;
    list.set(k, m);
  };
  // No conditional spread: objects built that way are slow to read and copy.
  const fromEntry = (e: DictEntry): Found => {
    const f: Found = { id: e.id, kind: e.kind, name: e.name };
    if (e.ticker) f.ticker = e.ticker;
    return f;
  };

  const preferHk = script === 'Hant' && hongKongMarket(input.fields.map((fw) => fw.text.normalised));
  const prepared = input.fields.map((fw) => {
    const text = fw.text.normalised;
    // Names in navigation, app and disclaimer lines are not the article's (the corpus guide).
    const chrome = chromeSpans(text, false);
    const hits = aliases.find(text, fw.key, fw.boundary).filter((h) => !chrome.some(([s, e]) => h.start >= s && h.end <= e));
    const ctx: InlineContext = { dict, script, normalised: text, key: fw.key, spans: fw.spans, hitByEnd: hitLookup(hits, 'end'), hitByStart: hitLookup(hits, 'start'), preferHk };
    return { fw, text, hits, ctx, codes: findCodeSpans(text) };
  });
  // Which market the article's known codes are in decides how a Simplified
  // article's unknown four-digit codes read (see InlineContext.preferTw).
  let tw = 0;
  let hk = 0;
  const first = prepared.map((p) =>
    p.codes.map((span) => {
      const r = resolveCode(span, p.ctx);
      const id = r?.entry?.id ?? '';
      if (id.startsWith('TW:')) tw++;
      else if (id.startsWith('HK:')) hk++;
      return r;
    }),
  );
  // Organisations first: a longer name (國泰人壽, 高盛證券) takes the dictionary names inside it.
  const codedIds = new Set<string>();
  const codeSpans = new Map<FieldWork, Array<[number, number]>>();
  // Names printed with a code anywhere in the article: a listed company's, so no organisation's elsewhere.
  const codedNames = new Set<string>();
  prepared.forEach((p, pi) => {
    const list: Array<[number, number]> = [];
    for (const r of first[pi]!) {
      if (!r) continue;
      if (r.entry) codedIds.add(r.entry.id);
      list.push([r.span.start, r.span.end]);
      if (r.nameSpan) {
        list.push(r.nameSpan);
        codedNames.add(p.fw.key.slice(r.nameSpan[0], r.nameSpan[1]).replace(/-[a-z]{1,2}$/, ''));
      }
    }
    codeSpans.set(p.fw, list);
  });
  const sourceIds = sourceRoleIds(dict, prepared, codedIds);
  const orgs = orgNames(dict, script, prepared.map((p) => ({ fw: p.fw, hits: p.hits, codes: codeSpans.get(p.fw)! })), sourceIds, codedNames);
  const accepted = new Map<FieldWork, Array<[number, number]>>();
  // Names and codes the inline-code rules took: neither a person nor an organisation.
  const codeNames: Array<[FieldWork, number, number]> = [];
  const placesIn = new Map<FieldWork, Array<[number, number]>>();
  for (const [pi, { fw, text, hits, ctx: base, codes }] of prepared.entries()) {
    const ctx: InlineContext = { ...base, preferTw: tw > hk };
    const spansOf = accepted.get(fw) ?? [];
    accepted.set(fw, spansOf);
    const placesOf = placesIn.get(fw) ?? [];
    placesIn.set(fw, placesOf);
    // Only a code the dictionary does not know can read differently now.
    const resolved = codes.map((span, ci) => {
      const r = first[pi]![ci] ?? null;
      return r?.entry ? r : resolveCode(span, ctx);
    }).filter((r): r is CodeResolution => r !== null);
    const namedBy = new Map<AliasHit, CodeResolution>();
    // The last company a code named: a second listing printed after a market
    // word in the same sentence is its (藥明康德 (603259-SHA)…在香港股市 (02359-HK)).
    let prev: { name: string; end: number } | null = null;
    for (const r of resolved) {
      if (r.nameHit) namedBy.set(r.nameHit, r);
      if (r.entry) {
        addEntity(fromEntry(r.entry));
        prev = { name: r.entry.name, end: r.span.end };
      } else if (r.reading) {
        const ns = r.nameSpan;
        const between = prev ? fw.key.slice(prev.end, r.span.start) : '';
        const sameSentence: boolean = prev !== null && between.length < 80 && !/[。！？!?\n]/.test(between) && MARKET_BEFORE.test(between);
        const name: string = ns ? fw.text.original.slice(fw.text.toOriginal(ns[0]), fw.text.toOriginalEnd(ns[1])) : sameSentence ? prev!.name : r.reading.code;
        prev = { name, end: r.span.end };
        addEntity({ id: r.id, kind: r.reading.kind, name, ticker: { code: r.reading.code, market: r.reading.market } });
        if (ns && !ctx.hitByEnd.has(ns[1])) {
          addMention(fw, r.id, ns[0], ns[1], 'inline-code');
          codeNames.push([fw, ns[0], ns[1]]);
        }
      }
      addMention(fw, r.id, r.span.start, r.span.end, 'inline-code', r.flag);
      codeNames.push([fw, r.span.start, r.span.end]);
    }
    const paired = pairedHits(text, hits);
    for (const o of orgs.names.get(fw) ?? []) {
      addEntity({ id: o.id, kind: 'org', name: o.name });
      addMention(fw, o.id, o.start, o.end, 'pattern');
    }
    for (const h of hits) {
      if (orgs.covered.has(h)) continue;
      const byCode = namedBy.get(h);
      const entry = byCode?.entry ?? (byCode ? undefined : pick(dict, h.ids, script));
      if (byCode && !byCode.entry) continue;
      if (!entry) continue;
      if (h.ambiguous.has(entry.id) && !byCode && !paired.has(h) && !selfEvident(text.slice(h.start, h.end)) && !hasLocalEvidence(fw.key, h.start, h.end)) {
        deferred.push({ fw, start: h.start, end: h.end, id: entry.id });
        continue;
      }
      addEntity(fromEntry(entry));
      addMention(fw, entry.id, h.start, h.end, 'dictionary');
      if (entry.ticker) spansOf.push([h.start, h.end]);
      else if (entry.kind === 'place') placesOf.push([h.start, h.end]);
    }
    const taken = new Uint8Array(text.length + 1);
    for (const h of hits) taken.fill(1, h.start, h.end);
    for (const p of englishPersons(text, (ps, pe) => anySet(taken, ps, pe))) {
      const id = `person:${p.name}`;
      addEntity({ id, kind: 'person', name: p.name });
      addMention(fw, id, p.start, p.end, 'english-ner');
    }
  }
  // An ambiguous name listed next to a company (華新、國巨), repeatedly so
  // that a list of several ambiguous names resolves from its known end.
  let pending = deferred;
  for (let changed = true; changed; ) {
    changed = false;
    const rest: Pending[] = [];
    for (const d of pending) {
      const spans = accepted.get(d.fw) ?? [];
      if (!listedWithCompany(d.fw.text.normalised, d.start, d.end, spans, placesIn.get(d.fw))) {
        rest.push(d);
        continue;
      }
      const entry = dict.byId.get(d.id);
      if (entry) addEntity(fromEntry(entry));
      addMention(d.fw, d.id, d.start, d.end, 'dictionary');
      spans.push([d.start, d.end]);
      changed = true;
    }
    pending = rest;
  }
  // An ambiguous name the article has established elsewhere, standing apart here.
  // One that stays without evidence is no name there: it does not keep a person out (志強 of 李志強).
  const unnamed = new Set<string>();
  for (const d of pending) {
    if (!found.has(d.id) || !standsApart(d.fw.text.normalised, d.start, d.end)) {
      unnamed.add(`${d.fw.text.field}:${d.start}:${d.end}`);
      continue;
    }
    addMention(d.fw, d.id, d.start, d.end, 'dictionary');
  }

  // People and organisations by pattern, once every company of the article is known.
  const companyKeys = new Set<string>();
  for (const [fw, s, e] of codeNames) companyKeys.add(fw.key.slice(s, e));
  for (const { fw, hits } of prepared) {
    for (const h of hits) if (h.ids.some((id) => found.get(id)?.ticker)) companyKeys.add(fw.key.slice(h.start, h.end));
  }
  for (const { fw, hits } of prepared) {
    const taken = codeNames.filter(([f]) => f === fw).map(([, s, e]): [number, number] => [s, e]);
    for (const h of hits) if (!unnamed.has(`${fw.text.field}:${h.start}:${h.end}`)) taken.push([h.start, h.end]);
    for (const o of orgs.names.get(fw) ?? []) taken.push([o.start, o.end]);
    for (const p of personNames(dict, script, { fw, hits, codes: [] }, taken, companyKeys)) {
      addEntity({ id: p.id, kind: p.kind, name: p.name });
      addMention(fw, p.id, p.start, p.end, 'pattern');
    }
  }

  const body = input.fields.find((f) => f.text.field === 'body');
  const lead = body ? leadEnd(body.text.original) : 0;
  const entities: Entity[] = [];
  for (const f of found.values()) {
    const ms = [...(mentions.get(f.id)?.values() ?? [])].sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
    if (ms.length === 0) continue;
    // Built field by field in the record's key order: a spread of \`f\` here
    // was the costliest line of the tagger.
    const ent: Entity = { id: f.id, kind: f.kind, name: f.name } as Entity;
    if (f.ticker) ent.ticker = f.ticker;
    ent.mentions = ms;
    ent.relevance = relevance(ms, lead);
    ent.sentiment = 0;
    entities.push(ent);
  }
  entities.sort((a, b) => b.relevance - a.relevance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Dual listings: the one the text points at, or all when it names no market.
  const title = input.fields.find((f) => f.text.field === 'title')?.text.original ?? '';
  const choice = chooseListings(input.listings, entities, { title, body: body?.text.original ?? '' });
  for (const ent of entities) {
    const more = choice.listings.get(ent.id);
    if (more) ent.listings = more;
    const base = input.listings.baseName.get(ent.id);
    // A market line is named after its company (中國平安H股 → 中國平安), and a company as the article prints it.
    if (base) ent.name = base;
    const printed = printedName(ent, { title, body: body?.text.original ?? '' });
    if (printed) ent.name = printed;
  }
  return { entities, tickers: choice.tickers };
}

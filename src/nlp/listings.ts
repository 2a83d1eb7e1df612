import { foldAlias } from '../dict/load';
import { tickerString } from '../dict/markets';
import type { Dictionary } from '../dict/types';
import type { Entity, Market, Ticker } from '../types';

/**
 * One company listed in two places (the corpus guide, issue 12): A+H
 * (中國平安 601318 and 02318), US+HK (阿里巴巴 BABA and 09988), a Taiwanese
 * company and its ADR (台積電 2330 and TSM). The dictionary writes the
 * second listing either in `listings` or as an entity of its own whose
 * name is the company's with a market mark (中國平安H股, 台積電ADR).
 *
 * An article gets the listing it points at — a code printed for it, or a
 * market word beside a mention (港股, H股, A股, 美股, ADR …) — and every
 * dual listing when it names the company without a market. An ADR is
 * never implied: it counts only where the text writes it (台積電ADR, which
 * the dictionary matches as the ADR's own entity).
 */
interface Twin {
  /** The listing's own dictionary entry, when it has one. */
  id?: string;
  ticker: Ticker;
  /** Implied by an unmarked mention of the company (A+H, US+HK); an ADR is not. */
  dual: boolean;
}

export interface ListingIndex {
  /** Entity id → the company's other listings. */
  twins: ReadonlyMap<string, readonly Twin[]>;
  /** Display name of an entry that is a market line of a company (中國平安H股 → 中國平安). */
  baseName: ReadonlyMap<string, string>;
  /** Entries that are a company's ADR (台積電ADR). */
  adr: ReadonlySet<string>;
}

type Zone = 'CN' | 'HK' | 'US' | 'TW' | 'JP' | 'KR';
const ZONE: Record<Market, Zone> = { SSE: 'CN', SZSE: 'CN', BSE: 'CN', HKEX: 'HK', NASDAQ: 'US', NYSE: 'US', TWSE: 'TW', TPEx: 'TW', TSE: 'JP', KRX: 'KR' };
const MARK = /^(.+?)\s*(H股|A股|-H|ADR|ADS|美國存託憑證|美国存托凭证)$/;

/** The twins of every listed entry of the dictionary (built once per dictionary). */
export function buildListingIndex(dict: Dictionary): ListingIndex {
  const twins = new Map<string, Twin[]>();
  const baseName = new Map<string, string>();
  const adr = new Set<string>();
  const add = (id: string, t: Twin): void => {
    const list = twins.get(id) ?? [];
    if (!list.some((x) => x.ticker.code === t.ticker.code && x.ticker.market === t.ticker.market)) list.push(t);
    twins.set(id, list);
  };
  for (const e of dict.entries) {
    if (!e.ticker) continue;
    // Another listing in the same market is another share class (GOOG beside GOOGL): printed, not implied.
    for (const l of e.listings ?? []) add(e.id, { ticker: l, dual: ZONE[l.market] !== ZONE[e.ticker.market] });
    const m = MARK.exec(e.name);
    if (!m) continue;
    const dual = !/ADR|ADS|存[託托]/.test(m[2]!);
    for (const id of dict.aliases.get(foldAlias(m[1]!)) ?? []) {
      const y = dict.byId.get(id);
      if (!y?.ticker || y.id === e.id) continue;
      add(y.id, { id: e.id, ticker: e.ticker, dual });
      add(e.id, { id: y.id, ticker: y.ticker, dual: true });
      if (dual) baseName.set(e.id, y.name);
      else adr.add(e.id);
    }
  }
  return { twins, baseName, adr };
}

const WORDS: Array<[Zone, RegExp]> = [
  ['CN', /A股|沪市|滬市|深市|沪深|滬深|上交所|深交所|科创板|科創板|创业板|創業板/],
  ['HK', /H股|港股|港交所|联交所|聯交所|在港|香港上市|恒指|港元|港幣|港币/],
  ['US', /美股|美國上市|美国上市|纳斯达克|納斯達克|那斯達克|纽交所|紐交所|ADR|ADS|中概股/],
  ['TW', /台股|臺股/],
];
const NEAR = 6;

/** The markets a mention's surroundings name (港股騰訊, 中國平安H股). */
function zonesNear(text: string, start: number, end: number): Zone[] {
  const around = text.slice(Math.max(0, start - NEAR), start) + '\u0000' + text.slice(end, end + NEAR);
  return WORDS.filter(([, re]) => re.test(around)).map(([z]) => z);
}

const SENTENCE_END = /[。！？!?\n]/;

/** Per market, offsets in `title\nbody` of market words that stand in a sentence naming a company listed only in that market. */
function ownedMarketWords(index: ListingIndex, entities: readonly Entity[], fields: { title: string; body: string }): Map<Zone, Set<number>> {
  const whole = `${fields.title}\n${fields.body}`;
  const out = new Map<Zone, Set<number>>();
  for (const e of entities) {
    if (!e.ticker || (index.twins.get(e.id) ?? []).some((t) => t.dual)) continue;
    const zone = ZONE[e.ticker.market];
    const re = WORDS.find(([z]) => z === zone)?.[1];
    if (!re) continue;
    for (const m of e.mentions) {
      const at = m.field === 'title' ? m.start : fields.title.length + 1 + m.start;
      let s = at;
      while (s > 0 && !SENTENCE_END.test(whole[s - 1]!)) s--;
      let t = at;
      while (t < whole.length && !SENTENCE_END.test(whole[t]!)) t++;
      const set = out.get(zone) ?? new Set<number>();
      for (const w of whole.slice(s, t).matchAll(new RegExp(re.source, 'g'))) set.add(s + w.index);
      out.set(zone, set);
    }
  }
  return out;
}

export interface ListingChoice {
  /** The record's `tickers`, sorted. */
  tickers: string[];
  /** Per entity: the other listings the article points at or implies (not entities of their own here). */
  listings: Map<string, Ticker[]>;
}

/**
 * Which listings the article's companies get. `fields` are the original
 * texts mentions point into.
 */
export function chooseListings(index: ListingIndex, entities: readonly Entity[], fields: { title: string; body: string }): ListingChoice {
  const present = new Map(entities.filter((e) => e.ticker).map((e) => [e.id, e]));
  const whole = `${fields.title}\n${fields.body}`;
  // The article's market: words of one market at least twice, of no other (a 滬市 report, 港股 news).
  // A market word in the sentence of a company listed only there is that company's (紫金黃金國際於港交所上市), not the article's.
  const own = ownedMarketWords(index, entities, fields);
  const counts = WORDS.map(([z, re]) => [z, [...whole.matchAll(new RegExp(re.source, 'g'))].filter((m) => !own.get(z)?.has(m.index)).length] as const).filter(([, n]) => n > 0);
  const articleZones = new Set(counts.length === 1 && counts[0]![1] >= 2 ? [counts[0]![0]] : []);
  const done = new Set<string>();
  const out = new Set<string>();
  const listings = new Map<string, Ticker[]>();
  for (const e of present.values()) {
    if (done.has(e.id)) continue;
    const twins = index.twins.get(e.id) ?? [];
    const group = [e.id, ...twins.map((t) => t.id ?? '')].filter(Boolean);
    if (twins.length === 0) {
      out.add(tickerString(e.ticker!));
      done.add(e.id);
      continue;
    }
    for (const id of group) done.add(id);
    // Every listing of the company; an ADR counts only where its marked name is printed.
    const all: Array<{ ticker: Ticker; dual: boolean; entity?: Entity }> = [
      { ticker: e.ticker!, dual: !index.adr.has(e.id), entity: e },
      ...twins.map((t) => ({ ticker: t.ticker, dual: t.id ? !index.adr.has(t.id) : t.dual, ...(t.id && present.has(t.id) ? { entity: present.get(t.id)! } : {}) })),
    ];
    // A listing that is not implied (an ADR, another share class) counts where it is printed: its own entity, or its code.
    const printed = (t: Ticker): boolean => e.mentions.some((m) => m.via === 'inline-code' && m.text.replace(/^0+/, '') === t.code.replace(/^0+/, ''));
    for (const l of all) {
      if (l.dual || !(l.entity || printed(l.ticker))) continue;
      out.add(tickerString(l.ticker));
      if (!l.entity) listings.set(e.id, [...(listings.get(e.id) ?? []), l.ticker]);
    }
    const duals = all.filter((l) => l.dual);
    if (!duals.some((l) => l.entity)) continue;
    const pointed = new Set<string>();
    const zones = new Set<Zone>();
    for (const l of duals) {
      for (const m of l.entity?.mentions ?? []) {
        const text = m.field === 'title' ? fields.title : fields.body;
        if (m.via === 'inline-code') {
          // A printed code points at the listing it is (09988 of 阿里巴巴, not BABA).
          const bare = m.text.replace(/^0+/, '');
          const hit = duals.find((x) => x.ticker.code.replace(/^0+/, '') === bare);
          if (hit) pointed.add(tickerString(hit.ticker));
        } else for (const z of zonesNear(text, m.start, m.end)) zones.add(z);
      }
    }
    for (const l of duals) if (zones.has(ZONE[l.ticker.market])) pointed.add(tickerString(l.ticker));
    // No mention points: the article's market does.
    if (pointed.size === 0) for (const l of duals) if (articleZones.has(ZONE[l.ticker.market])) pointed.add(tickerString(l.ticker));
    const chosen = pointed.size ? duals.filter((l) => pointed.has(tickerString(l.ticker))) : duals;
    for (const l of chosen) {
      out.add(tickerString(l.ticker));
      if (!l.entity) listings.set(e.id, [...(listings.get(e.id) ?? []), l.ticker]);
    }
  }
  return { tickers: [...out].sort(), listings };
}

import { tickerString } from '../../dict/markets';
import { matchKey } from '../../text/fold';
import type { Entity, EventRecord } from '../../types';
import { formsOf, type CorpusGold, type GoldName, type ResolvedEvent } from './gold';
import { passageOffset, sentenceAt, sentenceText, type Passage } from './passage';

/**
 * Scoring one passage against its gold, by the rules of the corpus guide's
 * Scoring section: tickers as a set compared by code and market (TWSE and
 * TPEx folded together, since the text rarely says which board); people
 * and organisations as sets of names equal after folding Traditional and
 * Simplified; events matched by type and sentence (the gold's evidence
 * sentence or one of its `also`), each gold event at most once; optional
 * gold events count neither for recall nor, when matched, against precision.
 */
export interface Tally {
  gold: number;
  found: number;
  hit: number;
}

export interface ScoreError {
  article: string;
  kind: string;
  /** `missed`, `false`, or for company names `fragment` / `glued` / `other`. */
  error: string;
  item: string;
  quote: string;
}

export interface ArticleScore {
  kinds: Record<'ticker' | 'company' | 'person' | 'org' | 'event', Tally>;
  byType: Record<string, Tally>;
  /** Matched (non-optional) events: entity sets exactly equal, summed Jaccard, polarity equal. */
  matched: number;
  entityExact: number;
  entityJaccard: number;
  polarityAgree: number;
  errors: ScoreError[];
}

const QUOTE = 40;
const clip = (s: string): string => (s.length > QUOTE ? `${s.slice(0, QUOTE)}…` : s);
/** Name key: NFKC, scripts folded, ASCII lower-cased, spaces dropped. */
export const nameKey = (s: string): string => matchKey(s.normalize('NFKC')).replace(/\s+/g, '');
const tickerKey = (t: string): string => t.replace(/\.TWO$/, '.TW');

/** The produced entity's forms: its name and every mention as printed. */
const formsOfEntity = (e: Entity): Set<string> => new Set([nameKey(e.name), ...e.mentions.map((m) => nameKey(m.text))]);

/** Entities of the record scored as organisations: orgs, and companies without a listing. */
const isOrgLike = (e: Entity): boolean => e.kind === 'org' || ((e.kind === 'company' || e.kind === 'etf') && !e.ticker);

/**
 * Match produced entities to gold names (each at most once): a produced
 * entity matches an entry when one of its forms equals one of the entry's.
 * Returns the gold index each produced entity took (or -1).
 */
function matchNames(gold: readonly GoldName[], produced: readonly Entity[]): number[] {
  const keys = gold.map((g) => new Set(formsOf(g).map(nameKey)));
  const taken = new Set<number>();
  return produced.map((e) => {
    const forms = formsOfEntity(e);
    const i = keys.findIndex((k, j) => !taken.has(j) && [...forms].some((f) => k.has(f)));
    if (i >= 0) taken.add(i);
    return i;
  });
}

function mentionQuote(p: Passage, e: Entity): string {
  const m = e.mentions[0];
  if (!m) return e.name;
  const at = passageOffset(p, m.field, m.start);
  return clip(sentenceText(p, sentenceAt(p.sentenceStarts, at)));
}

const tally = (): Tally => ({ gold: 0, found: 0, hit: 0 });

/** Score one passage's record against its gold. */
export function scoreArticle(passage: Passage, gold: CorpusGold, goldEvents: readonly ResolvedEvent[], record: EventRecord): ArticleScore {
  const art = passage.file;
  const out: ArticleScore = {
    kinds: { ticker: tally(), company: tally(), person: tally(), org: tally(), event: tally() },
    byType: {},
    matched: 0,
    entityExact: 0,
    entityJaccard: 0,
    polarityAgree: 0,
    errors: [],
  };
  const err = (kind: string, error: string, item: string, quote: string) => out.errors.push({ article: art, kind, error, item, quote });

  // Tickers and the display names of the companies behind them.
  const byTicker = new Map<string, Entity>();
  for (const e of record.entities) for (const t of [...(e.ticker ? [e.ticker] : []), ...(e.listings ?? [])]) byTicker.set(tickerKey(tickerString(t)), e);
  const goldT = new Map(gold.tickers.map((t) => [tickerKey(t.ticker), t]));
  const gotT = new Set(record.tickers.map(tickerKey));
  const k = out.kinds;
  k.ticker.gold = k.company.gold = goldT.size;
  k.ticker.found = k.company.found = gotT.size;
  for (const [key, t] of goldT) {
    if (!gotT.has(key)) {
      err('ticker', 'missed', t.ticker, t.names[0]!);
      continue;
    }
    k.ticker.hit++;
    const e = byTicker.get(key);
    const name = e ? nameKey(e.name) : '';
    const names = t.names.map(nameKey);
    if (names.includes(name)) k.company.hit++;
    else {
      const kind = names.some((n) => n.includes(name)) ? 'fragment' : names.some((n) => name.includes(n)) ? 'glued' : 'other';
      err('company', kind, `${t.ticker} named ${JSON.stringify(e?.name ?? '')}`, t.names.join('/'));
    }
  }
  for (const key of gotT) {
    if (goldT.has(key)) continue;
    const e = byTicker.get(key);
    err('ticker', 'false', e ? `${key} ${e.name}` : key, e ? mentionQuote(passage, e) : '');
  }

  // People and organisations.
  const people = record.entities.filter((e) => e.kind === 'person');
  const orgs = record.entities.filter(isOrgLike);
  for (const [kind, goldList, got] of [
    ['person', gold.people, people],
    ['org', gold.orgs, orgs],
  ] as const) {
    const m = matchNames(goldList, got);
    const row = k[kind];
    row.gold = goldList.length;
    row.found = got.length;
    row.hit = m.filter((i) => i >= 0).length;
    const hitGold = new Set(m);
    goldList.forEach((g, i) => {
      if (!hitGold.has(i)) err(kind, 'missed', formsOf(g).join('/'), '');
    });
    got.forEach((e, j) => {
      if (m[j]! < 0) err(kind, 'false', e.name, mentionQuote(passage, e));
    });
  }

  scoreEvents(passage, gold, goldEvents, record, out, err);
  return out;
}

/** Gold entity keys: `t:` + ticker, `p:`/`o:` + index of the person or organisation entry. */
function goldEntityKeys(gold: CorpusGold, ids: readonly string[]): string[] {
  return ids.map((x) => {
    if (gold.tickers.some((t) => t.ticker === x)) return `t:${tickerKey(x)}`;
    const p = gold.people.findIndex((n) => formsOf(n).includes(x));
    if (p >= 0) return `p:${p}`;
    return `o:${gold.orgs.findIndex((n) => formsOf(n).includes(x))}`;
  });
}

/**
 * The produced event's entities in the gold's keys (unknown ones by folded
 * name). A company counts with every listing the record gives it, as in the
 * ticker kind: the guide lists both listings of a dual-listed company that
 * the text names without a market, and the tagger puts the second in
 * `listings` exactly then.
 */
function producedEntityKeys(gold: CorpusGold, record: EventRecord, ids: readonly string[]): string[] {
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  const peopleKeys = gold.people.map((n) => new Set(formsOf(n).map(nameKey)));
  const orgKeys = gold.orgs.map((n) => new Set(formsOf(n).map(nameKey)));
  return ids.flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [`x:${id}`];
    if (e.ticker) return [e.ticker, ...(e.listings ?? [])].map((t) => `t:${tickerKey(tickerString(t))}`);
    const forms = [...formsOfEntity(e)];
    const p = peopleKeys.findIndex((s) => forms.some((f) => s.has(f)));
    if (p >= 0 && e.kind === 'person') return [`p:${p}`];
    const o = orgKeys.findIndex((s) => forms.some((f) => s.has(f)));
    if (o >= 0) return [`o:${o}`];
    return [`x:${nameKey(e.name)}`];
  });
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  if (!A.size && !B.size) return 1;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

interface Produced {
  type: string;
  sentences: Set<number>;
  keys: string[];
  polarity: number;
  quote: string;
}

function scoreEvents(passage: Passage, gold: CorpusGold, goldEvents: readonly ResolvedEvent[], record: EventRecord, out: ArticleScore, err: (kind: string, error: string, item: string, quote: string) => void): void {
  const produced: Produced[] = record.events.map((ev) => {
    const field = ev.evidence.field ?? 'body';
    const a = passageOffset(passage, field, ev.evidence.start);
    const b = passageOffset(passage, field, Math.max(ev.evidence.start, ev.evidence.end - 1));
    const sentences = new Set<number>();
    for (let s = sentenceAt(passage.sentenceStarts, a); s <= sentenceAt(passage.sentenceStarts, b); s++) sentences.add(s);
    return { type: ev.type, sentences, keys: producedEntityKeys(gold, record, ev.entities), polarity: ev.polarity, quote: clip(ev.evidence.text.trim()) };
  });
  const goldKeys = goldEvents.map((g) => goldEntityKeys(gold, g.entities));
  const counted = goldEvents.map((_, i) => i).filter((i) => !goldEvents[i]!.optional);
  const candidates = (p: Produced, i: number): boolean => goldEvents[i]!.type === p.type && [...p.sentences].some((s) => goldEvents[i]!.sentences.has(s));

  // Maximum matching of produced to counted gold (Kuhn), trying for each
  // produced event first the gold whose evidence sentence it names and whose
  // entities it shares most, so that agreement is measured on the best pairs.
  const pref = produced.map((p) =>
    counted
      .filter((i) => candidates(p, i))
      .sort((x, y) => rank(p, goldEvents[y]!, goldKeys[y]!) - rank(p, goldEvents[x]!, goldKeys[x]!)),
  );
  const goldTo = new Map<number, number>();
  const tryAssign = (pi: number, seen: Set<number>): boolean => {
    for (const gi of pref[pi]!) {
      if (seen.has(gi)) continue;
      seen.add(gi);
      const cur = goldTo.get(gi);
      if (cur === undefined || tryAssign(cur, seen)) {
        goldTo.set(gi, pi);
        return true;
      }
    }
    return false;
  };
  produced.forEach((_, pi) => tryAssign(pi, new Set()));
  const producedTo = new Map([...goldTo].map(([g, p]) => [p, g]));

  const row = (t: string): { gold: number; found: number; hit: number } => (out.byType[t] ??= tally());
  for (const i of counted) {
    const g = goldEvents[i]!;
    row(g.type).gold++;
    out.kinds.event.gold++;
    const pi = goldTo.get(i);
    if (pi === undefined) {
      err('event', 'missed', `${g.type} [${g.entities.join(', ')}]`, clip(sentenceText(passage, g.sentence)));
      continue;
    }
    const p = produced[pi]!;
    row(g.type).hit++;
    out.kinds.event.hit++;
    out.matched++;
    const j = jaccard(p.keys, goldKeys[i]!);
    out.entityJaccard += j;
    if (j === 1) out.entityExact++;
    if (p.polarity === g.polarity) out.polarityAgree++;
  }
  produced.forEach((p, pi) => {
    if (producedTo.has(pi)) {
      row(p.type).found++;
      out.kinds.event.found++;
      return;
    }
    // Produced where the gold has only an optional event: neither hit nor false.
    if (goldEvents.some((g, i) => g.optional && candidates(p, i))) return;
    row(p.type).found++;
    out.kinds.event.found++;
    err('event', 'false', p.type, p.quote);
  });
}

function rank(p: Produced, g: ResolvedEvent, keys: readonly string[]): number {
  return (p.sentences.has(g.sentence) ? 2 : 0) + jaccard(p.keys, keys);
}

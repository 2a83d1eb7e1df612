import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BadInputError } from '../errors';
import type { EventLabel } from '../types';
import { EVENT_TYPES, isEventType, type EventType } from './taxonomy';

/** One hand-written gold event (fixtures/gold/<article>.events.json). */
export interface GoldEvent {
  type: EventType;
  /** Entity ids the event concerns; empty when the text names none (an index, "memory makers"). */
  entities: string[];
  polarity: -1 | 0 | 1;
  /** The words in the article that show the event, for the reader of the gold file. */
  evidence: string;
}

export interface GoldFile {
  article: string;
  events: GoldEvent[];
}

/** Counts and ratios for one event type (or all of them). */
export interface TypeScore {
  gold: number;
  produced: number;
  matched: number;
  /** Matched events whose polarity also agrees with the gold. */
  polarityAgrees: number;
  precision: number;
  recall: number;
}

export interface EventEval {
  perType: Record<EventType, TypeScore>;
  overall: TypeScore;
  /** Articles that had a gold file. */
  articles: string[];
  /** Articles given without a gold file (not counted). */
  unscored: string[];
  /** The table as printable lines. */
  lines: string[];
}

/** Gold file path for an article file name or path (`002-foxconn-openai.txt`). */
export function goldPath(goldDir: string, article: string): string {
  return join(goldDir, `${basename(article).replace(/\.[^.]+$/, '')}.events.json`);
}

/** Read and check one gold file; a bad file is an error naming it and the bad event. */
export function readGold(file: string): GoldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BadInputError(`${file}: not readable JSON: ${(err as Error).message}`, { cause: err });
  }
  const g = raw as Partial<GoldFile>;
  if (typeof g.article !== 'string' || !Array.isArray(g.events)) throw new BadInputError(`${file}: expected {"article": string, "events": [...]}`);
  g.events.forEach((e: Partial<GoldEvent>, i) => {
    const where = `${file}: events[${i}]`;
    if (typeof e.type !== 'string' || !isEventType(e.type)) throw new BadInputError(`${where}: unknown type ${JSON.stringify(e.type)} (known: ${EVENT_TYPES.join(', ')})`);
    if (!Array.isArray(e.entities) || e.entities.some((x) => typeof x !== 'string')) throw new BadInputError(`${where}: entities must be an array of entity ids`);
    if (e.polarity !== -1 && e.polarity !== 0 && e.polarity !== 1) throw new BadInputError(`${where}: polarity must be -1, 0 or 1`);
    if (typeof e.evidence !== 'string' || !e.evidence) throw new BadInputError(`${where}: evidence (the words that show the event) is required`);
  });
  return g as GoldFile;
}

const overlaps = (g: GoldEvent, p: EventLabel) => g.entities.length === 0 || g.entities.some((id) => p.entities.includes(id));

/**
 * Match one article's events to its gold, per type: a gold event and a
 * produced event of its type match when they share an entity (any event of
 * the type when the gold names no entity), the pairs sharing most first. Unmatched produced
 * events count against precision, unmatched gold against recall.
 */
export function matchArticle(gold: readonly GoldEvent[], produced: readonly EventLabel[]): Array<{ type: EventType; gold: number; produced: number; matched: number; polarityAgrees: number }> {
  const used = new Set<number>();
  const rows = new Map<EventType, { gold: number; produced: number; matched: number; polarityAgrees: number }>();
  const row = (t: EventType) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { gold: 0, produced: 0, matched: 0, polarityAgrees: 0 }));
    return r;
  };
  for (const p of produced) if (isEventType(p.type)) row(p.type).produced++;
  // Pairs sharing the most entities are matched first, so a gold event is
  // not left without its match because a less specific one took it; gold
  // naming no entity comes last and takes any event of its type.
  const pairs: Array<{ g: number; p: number; shared: number }> = [];
  gold.forEach((g, gi) => {
    row(g.type).gold++;
    produced.forEach((p, pi) => {
      if (p.type === g.type && overlaps(g, p)) pairs.push({ g: gi, p: pi, shared: g.entities.length ? g.entities.filter((id) => p.entities.includes(id)).length : 0 });
    });
  });
  pairs.sort((a, b) => b.shared - a.shared || a.g - b.g || a.p - b.p);
  const goldUsed = new Set<number>();
  for (const { g, p } of pairs) {
    if (goldUsed.has(g) || used.has(p)) continue;
    goldUsed.add(g);
    used.add(p);
    const r = row(gold[g]!.type);
    r.matched++;
    if (produced[p]!.polarity === gold[g]!.polarity) r.polarityAgrees++;
  }
  return [...rows].map(([type, r]) => ({ type, ...r }));
}

function finish(s: Omit<TypeScore, 'precision' | 'recall'>): TypeScore {
  return { ...s, precision: s.produced ? s.matched / s.produced : s.gold ? 0 : 1, recall: s.gold ? s.matched / s.gold : 1 };
}

/**
 * Event-type precision and recall of produced records against the gold
 * files in `goldDir`, for `newsflow eval`. `records` pairs each article's file
 * name (or path) with the events produced for it.
 */
export function evaluateEvents(records: ReadonlyArray<{ article: string; events: readonly EventLabel[] }>, goldDir: string): EventEval {
  const acc = new Map<EventType, Omit<TypeScore, 'precision' | 'recall'>>(EVENT_TYPES.map((t) => [t, { gold: 0, produced: 0, matched: 0, polarityAgrees: 0 }]));
  const articles: string[] = [];
  const unscored: string[] = [];
  for (const r of records) {
    const file = goldPath(goldDir, r.article);
    if (!existsSync(file)) {
      unscored.push(basename(r.article));
      continue;
    }
    articles.push(basename(r.article));
    for (const row of matchArticle(readGold(file).events, r.events)) {
      const a = acc.get(row.type)!;
      a.gold += row.gold;
      a.produced += row.produced;
      a.matched += row.matched;
      a.polarityAgrees += row.polarityAgrees;
    }
  }
  const perType = Object.fromEntries([...acc].map(([t, s]) => [t, finish(s)])) as Record<EventType, TypeScore>;
  const sum = [...acc.values()].reduce((a, s) => ({ gold: a.gold + s.gold, produced: a.produced + s.produced, matched: a.matched + s.matched, polarityAgrees: a.polarityAgrees + s.polarityAgrees }), { gold: 0, produced: 0, matched: 0, polarityAgrees: 0 });
  const overall = finish(sum);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const line = (name: string, s: TypeScore) => `${name.padEnd(18)} ${String(s.gold).padStart(5)} ${String(s.produced).padStart(8)} ${String(s.matched).padStart(7)} ${pct(s.precision)} ${pct(s.recall)} ${String(s.polarityAgrees).padStart(8)}`;
  const lines = [
    `events: ${articles.length} article(s) with gold${unscored.length ? `, ${unscored.length} without (not scored)` : ''}`,
    `${'type'.padEnd(18)} ${'gold'.padStart(5)} ${'produced'.padStart(8)} ${'matched'.padStart(7)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'polarity'.padStart(8)}`,
    ...EVENT_TYPES.filter((t) => perType[t].gold || perType[t].produced).map((t) => line(t, perType[t])),
    line('all', overall),
  ];
  return { perType, overall, articles, unscored, lines };
}

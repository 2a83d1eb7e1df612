import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BadInputError } from '../errors';
import type { Entity, EntityKind, Mention } from '../types';

/**
 * Scoring the tagger against hand-written gold files
 * (`fixtures/gold/<article>.entities.json`): precision, recall and F1 per
 * entity kind and for tickers, with the misses and false hits named, and a
 * check that no ticker came from an acronym, a date or a year.
 *
 * Taiwanese tickers are compared by code: whether a company trades on TWSE
 * (`.TW`) or TPEx (`.TWO`) is not in the text but in the dictionary, so a
 * disagreement there is reported as a board note, not as a miss and a false
 * hit.
 */
export interface EntityGold {
  article?: string;
  /** Kinds annotated in full for this article; others are not scored here. */
  kinds?: EntityKind[];
  tickers: string[];
  entities: Array<{ id: string; kind: EntityKind }>;
}

export interface Score {
  gold: number;
  found: number;
  hit: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityEval {
  /** `ticker` plus one row per entity kind. */
  rows: Record<string, Score>;
  misses: string[];
  falseHits: string[];
  boardNotes: string[];
  /** Tickers taken from an acronym, a date or a year: each is a failure. */
  violations: string[];
  articles: string[];
  unscored: string[];
}

export const TARGETS = { tickerPrecision: 0.98, tickerRecall: 0.97 } as const;

const KINDS: EntityKind[] = ['company', 'etf', 'person', 'org', 'place', 'product', 'theme'];

/** Gold file path for an article file name or path. */
export function entityGoldPath(goldDir: string, article: string): string {
  return join(goldDir, `${basename(article).replace(/\.[^.]+$/, '')}.entities.json`);
}

/** Read and check one gold file; a bad file is an error that names it and what is wrong. */
export function readEntityGold(file: string): EntityGold {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BadInputError(`${file}: not readable JSON: ${(err as Error).message}`, { cause: err });
  }
  const g = raw as Partial<EntityGold>;
  if (!Array.isArray(g.tickers) || g.tickers.some((t) => typeof t !== 'string' || !/^[0-9A-Z]+\.[A-Z]+$/.test(t))) throw new BadInputError(`${file}: "tickers" must be an array of CODE.SUFFIX strings`);
  if (!Array.isArray(g.entities)) throw new BadInputError(`${file}: "entities" must be an array`);
  g.entities.forEach((e, i) => {
    if (typeof e?.id !== 'string' || !KINDS.includes(e.kind)) throw new BadInputError(`${file}: entities[${i}] needs an id and a kind (${KINDS.join(', ')})`);
  });
  if (g.kinds !== undefined && (!Array.isArray(g.kinds) || g.kinds.some((k) => !KINDS.includes(k)))) throw new BadInputError(`${file}: "kinds" must list entity kinds`);
  return g as EntityGold;
}

// Taiwanese board is a dictionary fact, not a text one (see module comment).
const tickerKey = (t: string): string => t.replace(/\.TWO$/, '.TW');

const ACRONYM_OR_DATE = /^(?:\d{1,3}|(?:19|20)\d\d|AI|PSU|HBM|CSP|EPS|TEEMA|AIDC|CTCI|IEA|EMC|BMC|PPA|FSD|CPO|OSAT|ODM|ASIC|GPU|CPU|IP|ESG|EMS|TCO|TAM|DEI|CPI|ETF|CEO)$/;

/**
 * Tickers that only an inline code reading as an acronym, a date or a year
 * supports (a flagged mismatch is the dictionary's company, so not one).
 */
export function tickerViolations(entities: readonly Entity[]): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (!e.ticker) continue;
    const bad = (m: Mention): boolean => m.via === 'inline-code' && !m.flag && ACRONYM_OR_DATE.test(m.text.normalize('NFKC').trim());
    // Named in the text as well, the company does not come from the number.
    if (!e.mentions.every(bad)) continue;
    for (const m of e.mentions) out.push(`${e.id} from "${m.text}" at ${m.field}:${m.start}`);
  }
  return out;
}

function score(gold: number, found: number, hit: number): Score {
  const precision = found ? hit / found : gold ? 0 : 1;
  const recall = gold ? hit / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, found, hit, precision, recall, f1 };
}

/** Score produced records against the gold files in `goldDir`. */
export function evaluateEntities(records: ReadonlyArray<{ article: string; tickers: readonly string[]; entities: readonly Entity[] }>, goldDir: string): EntityEval {
  const acc = new Map<string, { gold: number; found: number; hit: number }>();
  const bump = (row: string, k: 'gold' | 'found' | 'hit'): void => {
    const r = acc.get(row) ?? { gold: 0, found: 0, hit: 0 };
    r[k]++;
    acc.set(row, r);
  };
  const out: EntityEval = { rows: {}, misses: [], falseHits: [], boardNotes: [], violations: [], articles: [], unscored: [] };
  for (const rec of records) {
    const name = basename(rec.article);
    const file = entityGoldPath(goldDir, rec.article);
    if (!existsSync(file)) {
      out.unscored.push(name);
      continue;
    }
    out.articles.push(name);
    const gold = readEntityGold(file);
    const goldT = new Map(gold.tickers.map((t) => [tickerKey(t), t]));
    const gotT = new Map(rec.tickers.map((t) => [tickerKey(t), t]));
    for (const [k, t] of goldT) {
      bump('ticker', 'gold');
      const got = gotT.get(k);
      if (got) {
        bump('ticker', 'hit');
        if (got !== t) out.boardNotes.push(`${name}: gold ${t}, tagged ${got}`);
      } else out.misses.push(`${name}: ticker ${t}`);
    }
    for (const [k, t] of gotT) {
      bump('ticker', 'found');
      if (!goldT.has(k)) out.falseHits.push(`${name}: ticker ${t}`);
    }
    const kinds = new Set<EntityKind>(gold.kinds ?? gold.entities.map((e) => e.kind));
    const goldE = new Map(gold.entities.filter((e) => kinds.has(e.kind)).map((e) => [e.id, e.kind]));
    const gotE = new Map(rec.entities.filter((e) => kinds.has(e.kind)).map((e) => [e.id, e.kind]));
    for (const [id, kind] of goldE) {
      bump(kind, 'gold');
      if (gotE.has(id)) bump(kind, 'hit');
      else out.misses.push(`${name}: ${kind} ${id}`);
    }
    for (const [id, kind] of gotE) {
      bump(kind, 'found');
      if (!goldE.has(id)) out.falseHits.push(`${name}: ${kind} ${id}`);
    }
    out.violations.push(...tickerViolations(rec.entities).map((v) => `${name}: ${v}`));
  }
  for (const [row, r] of acc) out.rows[row] = score(r.gold, r.found, r.hit);
  return out;
}

/** Whether the ticker targets hold (and no ticker came from an acronym, date or year). */
export function meetsTargets(e: EntityEval): boolean {
  const t = e.rows.ticker;
  return Boolean(t) && t!.precision >= TARGETS.tickerPrecision && t!.recall >= TARGETS.tickerRecall && e.violations.length === 0;
}

/** The evaluation as printable lines. */
export function formatEntityEval(e: EntityEval): string[] {
  const num = (x: number): string => x.toFixed(3).padStart(6);
  const head = `${'kind'.padEnd(8)} ${'gold'.padStart(5)} ${'found'.padStart(5)} ${'hit'.padStart(5)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)}`;
  const order = ['ticker', ...KINDS].filter((k) => e.rows[k]);
  const t = e.rows.ticker;
  return [
    `entities: ${e.articles.length} article(s) with gold${e.unscored.length ? `, ${e.unscored.length} without (not scored): ${e.unscored.join(', ')}` : ''}`,
    head,
    ...order.map((k) => {
      const r = e.rows[k]!;
      return `${k.padEnd(8)} ${String(r.gold).padStart(5)} ${String(r.found).padStart(5)} ${String(r.hit).padStart(5)} ${num(r.precision)} ${num(r.recall)} ${num(r.f1)}`;
    }),
    '',
    `misses (${e.misses.length}):`,
    ...e.misses.map((m) => `  ${m}`),
    `false hits (${e.falseHits.length}):`,
    ...e.falseHits.map((m) => `  ${m}`),
    ...(e.boardNotes.length ? [`Taiwanese board differs from gold (not counted) (${e.boardNotes.length}):`, ...e.boardNotes.map((m) => `  ${m}`)] : []),
    `tickers from an acronym, date or year (${e.violations.length}):`,
    ...e.violations.map((m) => `  ${m}`),
    '',
    `targets: ticker precision ${t ? t.precision.toFixed(3) : '-'} (≥ ${TARGETS.tickerPrecision}), recall ${t ? t.recall.toFixed(3) : '-'} (≥ ${TARGETS.tickerRecall}), none from acronyms/dates/years: ${meetsTargets(e) ? 'met' : 'NOT MET'}`,
  ];
}

import type { Hit } from './lexicon';
import type { Clause, SentenceView } from './views';

/**
 * How far (in UTF-16 units of text between them) a negator or degree word
 * reaches forward to the sentiment word it modifies: 不看好 (0), 並未明顯成長 (2).
 */
export const MODIFIER_REACH = 4;

/** Positive and negative mass of a span; kept apart so scores can be normalised. */
export interface Mass {
  pos: number;
  neg: number;
}

/**
 * Sentiment of one clause. Each sentiment word counts its lexicon score,
 * times the degree word just before it (大幅 ×1.6, 小幅 ×0.5), negated by
 * each negator just before it (不、未、沒有、並非 …; two negators cancel).
 * Modifiers only reach forward within the clause.
 */
export function clauseMass(hits: readonly Hit[]): Mass {
  const m: Mass = { pos: 0, neg: 0 };
  let negs = 0;
  let negEnd = -Infinity;
  let degree = 1;
  let degreeEnd = -Infinity;
  for (const h of hits) {
    const e = h.entry;
    if (e.neg) {
      negs = h.start - negEnd <= MODIFIER_REACH ? negs + 1 : 1;
      negEnd = h.end;
    } else if (e.degree !== undefined) {
      degree = e.degree;
      degreeEnd = h.end;
    }
    if (e.senti === undefined) continue;
    let v = e.senti;
    if (h.start - degreeEnd <= MODIFIER_REACH) v *= degree;
    if (negs % 2 === 1 && h.start - negEnd <= MODIFIER_REACH) v = -v;
    if (v > 0) m.pos += v;
    else m.neg -= v;
    negs = 0;
    negEnd = -Infinity;
    degree = 1;
    degreeEnd = -Infinity;
  }
  return m;
}

/** Mass to a score in -1..1; the +1 keeps a single weak word from reading as certainty. */
export function score(m: Mass): number {
  return Math.round(((m.pos - m.neg) / (m.pos + m.neg + 1)) * 1000) / 1000;
}

export function sign(m: Mass): -1 | 0 | 1 {
  const d = m.pos - m.neg;
  return d > 1e-9 ? 1 : d < -1e-9 ? -1 : 0;
}

/** Scores at or beyond ±LABEL_THRESHOLD get a positive/negative label. */
export const LABEL_THRESHOLD = 0.15;

export interface SentimentResult {
  article: { score: number; label: 'positive' | 'negative' | 'neutral' };
  entities: Record<string, number>;
  clauseMass: Map<Clause, Mass>;
}

function mentionsId(c: Clause, id: string): boolean {
  for (const m of c.mentions) if (m.id === id) return true;
  return false;
}

/**
 * Article and per-entity sentiment. The title counts twice. An entity gets
 * the full mass of the clauses that mention it and half the mass of the other
 * clauses of those sentences, so "鴻海大漲，台積電重挫" scores the two apart.
 */
export function sentiment(views: readonly SentenceView[]): SentimentResult {
  const total: Mass = { pos: 0, neg: 0 };
  const byEntity = new Map<string, Mass>();
  const cm = new Map<Clause, Mass>();
  for (const v of views) {
    const w = v.field === 'title' ? 2 : 1;
    // Plain loops, no closures: this runs for every sentence.
    const masses: Mass[] = [];
    for (const c of v.clauses) {
      const m = clauseMass(c.hits);
      cm.set(c, m);
      total.pos += w * m.pos;
      total.neg += w * m.neg;
      masses.push(m);
    }
    if (!v.mentions.length) continue;
    const ids = new Set<string>();
    for (const m of v.mentions) ids.add(m.id);
    for (const id of ids) {
      const acc = byEntity.get(id) ?? { pos: 0, neg: 0 };
      for (let i = 0; i < v.clauses.length; i++) {
        const k = mentionsId(v.clauses[i]!, id) ? 1 : 0.5;
        acc.pos += k * masses[i]!.pos;
        acc.neg += k * masses[i]!.neg;
      }
      byEntity.set(id, acc);
    }
  }
  const s = score(total);
  const entities: Record<string, number> = {};
  for (const [id, m] of [...byEntity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) entities[id] = score(m);
  return {
    article: { score: s, label: s >= LABEL_THRESHOLD ? 'positive' : s <= -LABEL_THRESHOLD ? 'negative' : 'neutral' },
    entities,
    clauseMass: cm,
  };
}

import type { EntityKind, EventLabel } from '../types';
import type { Hit } from './lexicon';
import { isReporter, MEDIA } from './media';
import { sign, type Mass } from './sentiment';
import type { EventType } from './taxonomy';
import type { Clause, MentionRef, SentenceView } from './views';

/** A negator this close before a trigger (UTF-16 units between) cancels the event: 沒有承諾向鴻海下單. */
export const NEGATION_REACH = 6;

const PRIMARY: ReadonlySet<EntityKind> = new Set(['company', 'etf', 'org']);
const COMPANY: ReadonlySet<EntityKind> = new Set(['company', 'etf']);

// Per type, the kinds tried after companies/ETFs/organisations come up empty.
const FALLBACK: Partial<Record<EventType, ReadonlySet<EntityKind>>> = {
  regulation: new Set(['place', 'person']),
  product_launch: new Set(['product']),
  capex: new Set(['product']),
  supply_pricing: new Set(['product']),
};
// A rule names the regulator in one clause and the companies it hits in
// another (美國商務部宣布擴大…出口管制，輝達股價應聲重挫): take the sentence.
const SENTENCE_WIDE: ReadonlySet<EventType> = new Set(['regulation']);
const TWO_SIDED: ReadonlySet<EventType> = new Set(['m_and_a', 'partnership']);
const DEFAULT_FALLBACK: ReadonlySet<EntityKind> = new Set(['person']);
// A management change concerns a person and a company at once, so both are
// taken together there.
const WITH_PRIMARY: Partial<Record<EventType, ReadonlySet<EntityKind>>> = {
  management_change: new Set(['company', 'etf', 'org', 'person']),
};

function ids(ms: readonly MentionRef[], kinds: ReadonlySet<EntityKind>, source: string): string[] {
  const out: string[] = [];
  for (const m of ms) {
    if (!kinds.has(m.kind) || out.includes(m.id)) continue;
    if (m.kind === 'org' && MEDIA.test(m.name)) continue;
    if (m.kind === 'person' && isReporter(source, m.start)) continue;
    out.push(m.id);
  }
  return out;
}

/**
 * The entities an event concerns: the trigger's clause first, then its
 * sentence; companies/ETFs/organisations first, then the type's fallback
 * kinds. For deals (m_and_a, partnership) found in a later clause, the
 * companies of the sentence's first clause (its subject) are added. Never
 * the whole article.
 */
export function resolveEntities(type: EventType, clause: Clause, sentence: SentenceView): { ids: string[]; concrete: boolean } {
  const tiers = WITH_PRIMARY[type] ? [WITH_PRIMARY[type]] : [PRIMARY, FALLBACK[type] ?? DEFAULT_FALLBACK];
  const scopes = SENTENCE_WIDE.has(type) ? [sentence.mentions] : [clause.mentions, sentence.mentions];
  for (const [i, kinds] of tiers.entries()) {
    for (const ms of scopes) {
      const found = ids(ms, kinds, sentence.source);
      if (!found.length) continue;
      // Deals have two sides and the acquirer or partner is usually the
      // sentence's subject: 日月光投控…,收購…穩懋…廠房.
      if (i === 0 && ms === clause.mentions && TWO_SIDED.has(type)) {
        const subject = ids(sentence.clauses[0]?.mentions ?? [], PRIMARY, sentence.source).filter((id) => !found.includes(id));
        return { ids: [...subject, ...found], concrete: true };
      }
      return { ids: found, concrete: i === 0 || kinds.has('product') };
    }
  }
  return { ids: [], concrete: false };
}

const DIGIT = /[0-9０-９]/;
// An amount, a share or a count (15%, 1,500 億美元, 75,000 片), not a year or a date.
const FIGURE = /[0-9０-９][0-9０-９,.]*\s*(%|％|億|萬|兆|千|百|元|美元|片|倍|張|點|家|座|個)/;

// Negated (沒有承諾向鴻海下單) or hedged (台灣應投資…, 如果…收購) triggers report
// no event.
function negated(hit: Hit, clause: Clause): boolean {
  let negs = 0;
  for (const [i, h] of clause.hits.entries()) {
    if (h.start >= hit.start) break;
    if (!h.entry.hedge && !h.entry.neg) continue;
    // Trigger words and names in between do not use up the reach:
    // 並未與任何客戶簽署MOU negates MOU as much as 簽署, 沒有足夠的 CoWoS 產能
    // negates 產能.
    // A sentiment word in between takes the negation for itself: in
    // 不看好英業達下半年展望 the outlook exists, it is the view that is negative.
    let gap = hit.start - h.end;
    let consumed = false;
    for (let j = i + 1; j < clause.hits.length && clause.hits[j]!.start < hit.start; j++) {
      const w = clause.hits[j]!;
      if (w.entry.trigger) gap -= w.end - w.start;
      else if (w.entry.senti !== undefined) consumed = true;
    }
    if (consumed) continue;
    for (const m of clause.mentions) if (m.start >= h.end && m.end <= hit.start) gap -= m.end - m.start;
    if (gap > NEGATION_REACH) continue;
    if (h.entry.hedge) return true;
    negs++;
  }
  return negs % 2 === 1;
}

/** One trigger occurrence that passed the rules, before merging. */
interface Candidate extends EventLabel {
  order: number;
  /** `field:paragraph`, for merging entity-less events only with their neighbours. */
  para: string;
}

function hasTrigger(c: Clause): boolean {
  for (const h of c.hits) if (h.entry.trigger !== undefined) return true;
  return false;
}

/**
 * Event rules over one sentence (see docs/labels.md, "Rules"):
 * 1. every trigger word found in a clause is a candidate of its type;
 * 2. a negated or hedged trigger is dropped (the event did not happen);
 * 3. `yield` triggers give way to any non-yielding trigger in their clause,
 *    `yield-sentence` ones to any in their sentence (營收…創歷年同期新高 is
 *    earnings, not a price move);
 * 4. `object` triggers need a company/organisation after them (投資OpenAI),
 *    `money` triggers a figure after them (投入 6,250 萬美元), `figure`
 *    triggers a figure or a sentiment word in the clause (營收創新高);
 * 5. `veto` words after the trigger cancel it (推出…政策 is not a launch);
 * 6. entities come from the clause, then the sentence (resolveEntities),
 *    then the subject of the previous sentence in the paragraph;
 *    `weak` triggers without a company, ETF, organisation or product are
 *    dropped (a person or a place alone is not enough); a management change
 *    needs a company in its sentence;
 * 7. polarity is the trigger's own, or the sign of the clause's sentiment,
 *    then of the sentence's; confidence is the trigger weight, +0.05 when the
 *    entities are in the clause itself, +0.05 in the title.
 */
/**
 * For each sentence, the companies a subject-less sentence right after it
 * would refer to: those of its first clause, else all of its companies
 * (台灣的「機電四雄」,如 東元、士電…。它們…). Carried one sentence only;
 * carrying further reached the wrong companies more often than the right.
 */
export function carriedSubjects(views: readonly SentenceView[]): string[][] {
  return views.map((v) => {
    const first = ids(v.clauses[0]?.mentions ?? [], COMPANY, v.source);
    return first.length ? first : ids(v.mentions, COMPANY, v.source);
  });
}

export function sentenceEvents(v: SentenceView, mass: (c: Clause) => Mass, order: number, carried: readonly string[] = []): Candidate[] {
  const out: Candidate[] = [];
  // Most sentences hold no trigger at all: nothing to build for them.
  if (!v.clauses.some(hasTrigger)) return out;
  const sentenceMass = v.clauses.reduce((acc, c) => {
    const m = mass(c);
    return { pos: acc.pos + m.pos, neg: acc.neg + m.neg };
  }, { pos: 0, neg: 0 });
  // Yielding triggers give way to any other trigger of their clause (or, for
  // record words, of their sentence), even a negated one: in 廣達股價未見重挫
  // the clause is about the (negated) drop, so 股價 alone must not report a move.
  // Forecast words (預估, 展望) frame another event rather than replace it:
  // in 報告預估 CoWoS 產能…將成長 89% the capacity growth is still reported.
  const isStrong = (h: Hit) => h.entry.trigger !== undefined && !h.entry.trigger.yields && h.entry.trigger.type !== 'guidance';
  const strongInSentence = v.clauses.some((c) => c.hits.some(isStrong));
  for (const c of v.clauses) {
    const strongInClause = c.hits.some(isStrong);
    const live = c.hits.filter((h) => h.entry.trigger && !negated(h, c));
    for (const h of live) {
      const t = h.entry.trigger!;
      if (t.yields === 'clause' && strongInClause) continue;
      if (t.yields === 'sentence' && strongInSentence) continue;
      if (t.object && !c.mentions.some((m) => m.start >= h.end && PRIMARY.has(m.kind))) continue;
      if (t.money && !DIGIT.test(v.source.slice(h.end, c.end))) continue;
      if (t.figure && !DIGIT.test(v.source.slice(c.start, c.end)) && sign(mass(c)) === 0) continue;
      if (t.veto.length && t.veto.some((w) => v.source.slice(h.end, c.end).includes(w))) continue;
      let { ids: entities, concrete } = resolveEntities(t.type, c, v);
      // Chinese drops a subject an earlier sentence named (廣達正雙線並進。
      // 一方面,公司持續擴大…生產基地): a sentence with no company of its own
      // takes the subject of the sentence before it in the paragraph.
      if (!concrete && carried.length && !v.mentions.some((m) => PRIMARY.has(m.kind))) [entities, concrete] = [[...carried], true];
      if (t.weak && !concrete) continue;
      // A company's management, not a minister's appointment (郭智輝出任經濟部長).
      if (t.type === 'management_change' && !v.mentions.some((m) => COMPANY.has(m.kind))) continue;
      const polarity = t.polarity !== 0 ? t.polarity : sign(mass(c)) || sign(sentenceMass);
      const inClause = entities.length > 0 && c.mentions.some((m) => entities.includes(m.id));
      const confidence = Math.min(0.95, t.weight + (inClause ? 0.05 : 0) + (v.field === 'title' ? 0.05 : 0));
      out.push({
        type: t.type,
        entities,
        polarity,
        confidence: Math.round(confidence * 100) / 100,
        evidence: { text: v.source.slice(v.start, v.end), start: v.start, end: v.end, field: v.field },
        order: order * 1000 + out.length,
        para: `${v.field}:${v.para}`,
      });
    }
  }
  return out;
}

/**
 * One event per happening: a candidate of the same type whose entities are
 * a subset or a superset of an earlier event's is the same event told again
 * (鴻海 … 鴻海與OpenAI). Of the occurrences, the one whose evidence carries a
 * figure (15%, 1,500 億美元) wins, then the one naming more entities, then
 * the most confident, then the first (news leads with the fact and comes
 * back to it in vaguer words); it gives the event its
 * evidence, entities and polarity (when it has none, the first occurrence
 * that has one gives it: 除息…配息). Each repeat adds 0.05 confidence (capped
 * at 0.95). An entity-less event is dropped when the article has an event
 * of the same type that names entities; two entity-less ones merge only
 * within a paragraph.
 */
export function mergeEvents(cands: readonly Candidate[]): EventLabel[] {
  const merged: Array<{ best: Candidate; polarity: -1 | 0 | 1; confidence: number; n: number }> = [];
  // Entity-less events say too little to be told apart: one is dropped when
  // the article has a named event of its type, and two merge only within a
  // paragraph (a teaser list holds many stories).
  const named = new Set(cands.filter((c) => c.entities.length).map((c) => c.type));
  const nested = (a: Candidate, b: Candidate) =>
    a.entities.length === 0 || b.entities.length === 0
      ? a.entities.length === b.entities.length && a.para === b.para
      : a.entities.every((x) => b.entities.includes(x)) || b.entities.every((x) => a.entities.includes(x));
  const rank = (c: Candidate) => (FIGURE.test(c.evidence.text) ? 100 : 0) + c.entities.length + c.confidence;
  for (const c of cands) {
    if (!c.entities.length && named.has(c.type)) continue;
    const cur = merged.find((m) => m.best.type === c.type && nested(m.best, c));
    if (!cur) {
      merged.push({ best: c, polarity: c.polarity, confidence: c.confidence, n: 1 });
      continue;
    }
    cur.n++;
    cur.confidence = Math.max(cur.confidence, c.confidence);
    if (rank(c) > rank(cur.best)) cur.best = c;
    if (cur.polarity === 0) cur.polarity = c.polarity;
  }
  return merged
    .sort((a, b) => a.best.order - b.best.order)
    .map(({ best, polarity, confidence, n }) => {
      const { order: _order, para: _para, ...ev } = best;
      return { ...ev, polarity: best.polarity || polarity, confidence: Math.round(Math.min(0.95, confidence + 0.05 * (n - 1)) * 100) / 100 };
    });
}

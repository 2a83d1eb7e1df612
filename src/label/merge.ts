import type { EventLabel } from '../types';
import { AUTHORITY_NAME } from './authority';
import type { Candidate } from './events';
import type { EventModality } from './modality';
import type { EventType } from './taxonomy';

/**
 * Events per fact (corpus GUIDE.md, "Repeats" and "One release, one
 * claim"). First, within one sentence of the guide, the facts of one type
 * are one event (several subjects sharing a fact: one event listing them
 * all), except that results are one per company and forecasts and prices
 * one per claim. Then, across sentences, a sentence that retells a fact
 * already found (the headline, the lead, a later paragraph) adds itself to
 * that event's `mentions` instead of making a new one.
 */

// An amount, a share or a count (15%, 1,500 億美元, 75,000 片), not a year or a date.
const FIGURE = /[0-9０-９][0-9０-９,.]*\s*(%|％|億|亿|萬|万|兆|千|百|元|美元|片|倍|張|张|點|点|家|座|個|个|輛|辆|噸|吨|股)/g;

function figures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(FIGURE)) out.add(m[0].replace(/[,\s]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return out;
}

interface Group {
  type: EventType;
  claim: string;
  /** The quarter or half named (第3季, 上半年), for facts that are one period's. */
  period: string;
  members: Candidate[];
  entities: string[];
  sent: string;
  view: number;
  metric: string;
}

const isOrg = (id: string) => id.startsWith('org:');
const subset = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));
const nested = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && (subset(a, b) || subset(b, a));
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && subset(a, b);

// Within one sentence: is candidate `c` part of group `g`?
function oneInSentence(g: Group, c: Candidate): boolean {
  if (g.sent !== c.sent || g.type !== c.type) return false;
  const either = !g.entities.length || !c.entities.length;
  switch (c.type) {
    case 'earnings':
      // Results are one per company; a brand or unit that is no listed
      // company (旗下品牌FILA收入升8.6%) is a segment of the release beside it.
      return either || same(g.entities, c.entities) || g.entities.every(isOrg) || c.entities.every(isOrg);
    case 'guidance':
    case 'supply_pricing':
      return g.view === c.view && (either || same(g.entities, c.entities)) && (!g.metric || !c.metric || g.metric === c.metric);
    case 'analyst_rating':
      return either || nested(g.entities, c.entities);
    case 'm_and_a':
    case 'partnership':
      // Two deals in one sentence (A向B下單，C與B達成協議) are two facts.
      return either || nested(g.entities, c.entities);
    default:
      return true;
  }
}

// Figures of a group, computed once per group (the merge asks for them often).
const groupFigures = new WeakMap<Group, Set<string>>();
function figuresOfGroup(g: Group): Set<string> {
  let f = groupFigures.get(g);
  if (!f) {
    f = new Set();
    for (const m of g.members) for (const x of figures(m.evidence.text)) f.add(x);
    groupFigures.set(g, f);
  }
  return f;
}
const figuresOf = (gs: readonly Group[]): Set<string> => {
  if (gs.length === 1) return figuresOfGroup(gs[0]!);
  const out = new Set<string>();
  for (const g of gs) for (const x of figuresOfGroup(g)) out.add(x);
  return out;
}
const paraOf = (g: Group) => g.members[0]!.para;
// 台股加權指數 and 加權指數 name one index; 恒生科技指數 and 恒生中國企業指數 two.
const sameIndex = (a: string, b: string) => a.endsWith(b) || b.endsWith(a);
const keyOverlap = (a: string, b: string) => !!a && !!b && (a.includes(b) || b.includes(a));

// Across sentences: does group `g` retell the fact gathered in `fact`?
function retells(fact: readonly Group[], g: Group): boolean {
  const a = fact[0]!;
  if (a.type !== g.type) return false;
  const entities = fact.flatMap((x) => x.entities);
  const bothEmpty = !entities.length && !g.entities.length;
  const either = !entities.length || !g.entities.length;
  switch (a.type) {
    case 'earnings':
      // One company's one release, however many sentences give its figures.
      return either || nested(entities, g.entities);
    case 'guidance': {
      // One claim about one metric: told again with the same figures, or
      // about the same period and metric (第4季|營收) in vaguer words.
      if (!either && !nested(entities, g.entities)) return false;
      if (shareFigure(fact, g)) return true;
      return !!g.claim && fact.some((x) => x.claim === g.claim);
    }
    case 'supply_pricing':
      // The price of one thing: another product, or other figures, is another claim.
      if (!either && !nested(entities, g.entities)) return false;
      if (fact.every((x) => x.metric && g.metric && !keyOverlap(x.metric, g.metric))) return false;
      return !conflicting(fact, g);
    case 'price_move':
      // An index move is told apart by its index; a stock's by its stock.
      if (bothEmpty) return fact.some((x) => (x.metric && g.metric ? sameIndex(x.metric, g.metric) : paraOf(x) === paraOf(g)));
      // A stock the tagger missed in a headline, told again with the same figure.
      if (either) return shareFigure(fact, g);
      return nested(entities, g.entities);
    case 'management_change':
      // One person's appointment or departure: without a person named, a
      // company's changes are told apart by paragraph.
      if (bothEmpty) return fact.some((x) => paraOf(x) === paraOf(g));
      // A headline that names only the company (茅台董事長交棒) is the change
      // the body tells with its person.
      if (fact.every((x) => !hasPerson(x.entities) && x.members.every((m) => m.evidence.field === 'title')) && nested(entities, g.entities)) return true;
      return fact.some((x) => nested(x.entities, g.entities) && (paraOf(x) === paraOf(g) || x.entities.some((id) => id.startsWith('person:') && g.entities.includes(id))));
    case 'legal': {
      // The authority is the same in every retelling of a case; the case is
      // told apart by whom it concerns (銀行局開出罰單 … 對王道銀行糾正).
      const a = entities.filter((id) => !isAuthority(id));
      const b = g.entities.filter((id) => !isAuthority(id));
      if (!a.length || !b.length) return either ? !conflicting(fact, g) : nested(entities, g.entities) || shareFigure(fact, g);
      return nested(a, b);
    }
    case 'analyst_rating':
    case 'credit_rating':
      return bothEmpty ? fact.some((x) => paraOf(x) === paraOf(g)) : fact.some((x) => nested(x.entities, g.entities));
    case 'regulation':
      // Policies are told apart by what they are: a rule with no party named
      // joins another only in its paragraph or with its figures.
      if (either) return !conflicting(fact, g);
      return nested(entities, g.entities);
    case 'dividend':
      // A dividend is one period's (第二季現金股利, 第三季每股現金股利 are two).
      if (fact.some((x) => x.period && g.period && x.period !== g.period)) return false;
      if (bothEmpty) return true;
      if (either) return !conflicting(fact, g);
      return nested(entities, g.entities);
    case 'fund_flow':
      // Flows of different investors or days come with their own figures.
      if (either) return shareFigure(fact, g) || (!figuresOf([g]).size && fact.some((x) => paraOf(x) === paraOf(g)));
      return nested(entities, g.entities);
    default:
      // A fact whose party the tagger did not name is mostly the article's
      // one story told again, unless it comes with figures of its own next
      // to a named one (報告預估 CoWoS 產能…成長 89% beside 台積電…資本支出).
      if (bothEmpty) return true;
      if (either) return !conflicting(fact, g);
      return nested(entities, g.entities);
  }
}

const hasPerson = (ids: readonly string[]) => ids.some((id) => id.startsWith('person:'));
const isAuthority = (id: string) => id.startsWith('org:') && AUTHORITY_NAME.test(id.slice(4));

function conflicting(fact: readonly Group[], g: Group): boolean {
  const ff = figuresOf(fact);
  const fg = figuresOf([g]);
  return ff.size > 0 && fg.size > 0 && ![...fg].some((x) => ff.has(x));
}

function shareFigure(fact: readonly Group[], g: Group): boolean {
  const ff = figuresOf(fact);
  return [...figuresOf([g])].some((x) => ff.has(x));
}

const HAS_FIGURE = /[0-9０-９][0-9０-９,.]*\s*(%|％|億|亿|萬|万|兆|元|美元|點|点|倍)/;
const evidenceRank = (c: Candidate) => (HAS_FIGURE.test(c.evidence.text) ? 100 : 0) + (c.evidence.field === 'body' ? 10 : 0) + c.entities.length + c.confidence;

function modalityOf(ms: readonly Candidate[]): EventModality {
  if (ms.some((m) => m.modality === 'reported')) return 'reported';
  return ms.some((m) => m.modality === 'forecast') ? 'forecast' : 'rumour';
}

function addEntities(into: string[], more: readonly string[]): void {
  for (const id of more) if (!into.includes(id)) into.push(id);
}

/** Merge the candidates of an article (in text order) into its events. */
export function mergeEvents(cands: readonly Candidate[]): EventLabel[] {
  const groups: Group[] = [];
  for (const c of cands) {
    // Groups of the candidate's sentence are the last ones made: look back only that far.
    let g: Group | undefined;
    for (let i = groups.length - 1; i >= 0 && groups[i]!.sent === c.sent; i--) if (oneInSentence(groups[i]!, c)) g = groups[i];
    if (g) {
      g.members.push(c);
      // A segment's unit joins its company's release, not its parties.
      const segment = (a: readonly string[], b: readonly string[]) => c.type === 'earnings' && a.length > 0 && a.every(isOrg) && b.some((id) => !isOrg(id));
      if (segment(g.entities, c.entities)) g.entities.length = 0;
      if (!segment(c.entities, g.entities)) addEntities(g.entities, c.entities);
      if (!g.metric) g.metric = c.metric;
      if (!g.claim) g.claim = c.claim;
      if (!g.period) g.period = c.period;
    } else groups.push({ type: c.type, members: [c], entities: [...c.entities], sent: c.sent, view: c.view, metric: c.metric, claim: c.claim, period: c.period });
  }
  const facts: Group[][] = [];
  for (const g of groups) {
    const f = facts.find((x) => retells(x, g));
    if (f) f.push(g);
    else facts.push([g]);
  }
  return facts.map((gs) => {
    const members = gs.flatMap((g) => g.members);
    const best = members.reduce((a, b) => (evidenceRank(b) > evidenceRank(a) ? b : a));
    const entities: string[] = [];
    for (const g of gs) addEntities(entities, g.entities);
    // Polarity: the strongest signal, the first of equals (a release
    // follows its headline profit; a price move its close).
    const pol = members.reduce((a, b) => (b.rank > a.rank || (a.polarity === 0 && b.polarity !== 0 && b.rank >= a.rank) ? b : a));
    const spans = new Map<string, EventLabel['evidence']>();
    for (const m of members) {
      const k = `${m.evidence.field}:${m.evidence.start}`;
      if (m !== best && k !== `${best.evidence.field}:${best.evidence.start}` && !spans.has(k)) spans.set(k, m.evidence);
    }
    const sentences = new Set(members.map((m) => m.sent)).size;
    const confidence = Math.round(Math.min(0.95, Math.max(...members.map((m) => m.confidence)) + 0.05 * (sentences - 1)) * 100) / 100;
    const ev: EventLabel = { type: best.type, entities, polarity: pol.polarity, confidence, evidence: best.evidence, modality: modalityOf(members) };
    if (spans.size) ev.mentions = [...spans.values()];
    return ev;
  });
}

import type { EntityKind } from '../types';
import { inByline, isReporter, MEDIA } from './media';
import type { EventType } from './taxonomy';
import type { Clause, MentionRef, SentenceView } from './views';

/**
 * Whom an event is about (corpus GUIDE.md, "Entities of an event"): the
 * subject of its trigger, and for deals the counterparty; not every name in
 * the sentence. Brokers, research houses and media quoted as sources are
 * never parties, nor are the people who speak.
 */

const PRIMARY: ReadonlySet<EntityKind> = new Set(['company', 'etf', 'org']);
const WITH_PERSON: ReadonlySet<EntityKind> = new Set(['company', 'etf', 'org', 'person']);
// Types whose parties include people: an executive appointed, a person
// accused, an insider trading, a buyer.
const KINDS: Partial<Record<EventType, ReadonlySet<EntityKind>>> = {
  management_change: WITH_PERSON,
  legal: WITH_PERSON,
  stake_change: WITH_PERSON,
  m_and_a: WITH_PERSON,
};
// Deals have two sides: the subject before the trigger and the counterparty after it.
const TWO_SIDED: ReadonlySet<EventType> = new Set(['m_and_a', 'partnership', 'offering', 'stake_change']);
// A rule names the regulator in one clause and the companies it hits in
// another (美國商務部宣布擴大…出口管制，輝達股價應聲重挫): the whole sentence.
const SENTENCE_WIDE: ReadonlySet<EventType> = new Set(['regulation']);
// Types whose party may follow the trigger (調升台積電目標價, 起訴X, 重挫中國生技股);
// a company's own results, plans and launches are told with the company first.
const OBJECT_PARTY: ReadonlySet<EventType> = new Set(['analyst_rating', 'credit_rating', 'fund_flow', 'legal', 'regulation', 'm_and_a', 'partnership', 'offering', 'stake_change', 'buyback', 'price_move', 'management_change']);
// Claims made by someone about someone else: the source is never the subject.
const CLAIMS: ReadonlySet<EventType> = new Set(['analyst_rating', 'guidance', 'credit_rating']);

// Brokers, banks' research arms, research firms and agencies by the shape of
// their names (高盛證券, 摩根士丹利, 中金公司, TrendForce …).
const SOURCE_NAME = /(證券|证券|投顧|投顾|期貨|期货|研究|研調|研调|顧問|顾问|資本市場|资本市场|Research|信評|信评|評級|评级|高盛|摩根|大摩|小摩|花旗|瑞銀|瑞银|野村|美銀|美银|匯豐環球|汇丰环球|中金|晨星|德意志銀行|德意志银行|巴克萊|巴克莱|麥格理|麦格理|富邦投|TrendForce|集邦|Gartner|IDC|Counterpoint|Omdia|彭博|路透|Bloomberg|Reuters|Wind|穆迪|標普|标普|惠譽|惠誉|Moody|Fitch|S&P)/i;
// Words of speech and attribution right after a name: it is quoting, not acting.
const SPEECH_AFTER = /^[\s（(）)A-Za-z0-9.\-:：、]{0,10}?(表示|指出|認為|认为|稱|称|說|说|透露|強調|强调|分析|預估|预估|預期|预期|預計|预计|估計|估计|報告|报告|報導|报导|引述|研判|看好|觀察|观察|統計|统计|數據|数据|調查|调查|提到|直言|坦言)/;
// Attribution before a name (據彭博, 根據TrendForce).
const SOURCE_BEFORE = /(據|据|根據|根据|依據|依据|引述|援引)[\s「『《]*$/;
const VENUE_TYPES: ReadonlySet<EventType> = new Set(['offering', 'stake_change', 'm_and_a', 'price_move', 'fund_flow']);
const EXCHANGE = /(交易所|證交所|证交所|港交所|聯交所|联交所|上交所|深交所|北交所|櫃買中心|柜买中心|Nasdaq|NASDAQ|那斯達克|纳斯达克|紐交所|纽交所|NYSE)/;
// Authorities act in legal matters; the parties are the ones accused.
const AUTHORITY = /(監管|监管|委員會|委员会|證監|证监|金管|法院|法庭|檢察|检察|警|政府|總局|总局|交易所|[部局署廳厅]$)/;
// Joins the names of one subject (台積電、聯電及世界先進).
// The whole gap between two names: an optional code in brackets, then a joiner.
const JOINER = /^[\s）)]*(?:[（(][^（()）]{0,14}[）)])?\s*(?:、|及|和|與|与|跟|暨|以及|\/)?[\s（(]*$/;

/** True when the mention at `m` quotes: a source, not a party. */
function isSource(v: SentenceView, m: MentionRef): boolean {
  const after = v.source.slice(m.end, Math.min(v.end, m.end + 16));
  const before = v.source.slice(Math.max(v.start, m.start - 4), m.start);
  if (m.kind === 'person') return SPEECH_AFTER.test(after);
  const sourceLike = m.kind === 'org' || SOURCE_NAME.test(m.name);
  return sourceLike && (SPEECH_AFTER.test(after) || SOURCE_BEFORE.test(before));
}

/** Mentions that may be parties of an event of `type`, in text order. */
function candidates(v: SentenceView, ms: readonly MentionRef[], type: EventType): MentionRef[] {
  const kinds = KINDS[type] ?? PRIMARY;
  return ms.filter((m) => {
    if (!kinds.has(m.kind)) return false;
    if (m.kind === 'org' && (MEDIA.test(m.name) || inByline(v.source, m.start, m.end))) return false;
    if (m.kind === 'person' && isReporter(v.source, m.start)) return false;
    // Brokers rate, forecast and underwrite: in a claim or an offering they are not the subject.
    if ((CLAIMS.has(type) || type === 'offering') && SOURCE_NAME.test(m.name)) return false;
    // An exchange is where a listing or a trade happens, not a side of it
    // (向港交所遞表, 通過深圳證券交易所交易系統增持).
    if (VENUE_TYPES.has(type) && EXCHANGE.test(m.name)) return false;
    return !isSource(v, m);
  });
}

/** The mention nearest before `pos` and those joined to it (A、B及C), in text order. */
function groupBefore(v: SentenceView, ms: readonly MentionRef[], pos: number): MentionRef[] {
  const before = ms.filter((m) => m.end <= pos);
  if (!before.length) return [];
  const out = [before[before.length - 1]!];
  let start = out[0]!.start;
  for (let i = before.length - 2; i >= 0; i--) {
    const m = before[i]!;
    // The same name again (a code printed after it), or a name joined to the group.
    if (m.end > start || out.some((x) => x.id === m.id) || JOINER.test(v.source.slice(m.end, start))) {
      out.unshift(m);
      start = Math.min(start, m.start);
    } else break;
  }
  return out;
}

/** The first mention and those joined to it: a clause's subject. */
function firstGroup(v: SentenceView, ms: readonly MentionRef[]): MentionRef[] {
  return ms.length ? groupAfter(v, ms, ms[0]!.start) : [];
}

/** The mention nearest after `pos` and those joined to it. */
function groupAfter(v: SentenceView, ms: readonly MentionRef[], pos: number): MentionRef[] {
  const after = ms.filter((m) => m.start >= pos);
  if (!after.length) return [];
  const out = [after[0]!];
  let end = out[0]!.end;
  for (let i = 1; i < after.length; i++) {
    const m = after[i]!;
    if (m.start < end || out.some((x) => x.id === m.id) || JOINER.test(v.source.slice(end, m.start))) {
      out.push(m);
      end = Math.max(end, m.end);
    } else break;
  }
  return out;
}

const idsOf = (ms: readonly MentionRef[]): string[] => [...new Set(ms.map((m) => m.id))];

/** Parties found for one event, and whether a company, ETF or organisation is among them. */
export interface Parties {
  ids: string[];
  /**
   * The ids grouped by the name they were found under: one company listed
   * twice (A and H shares) is one group, two companies are two.
   */
  groups: string[][];
  /** Whether the parties include a company, ETF or organisation (a person alone is not enough for a weak trigger). */
  concrete: boolean;
}

/**
 * The parties of an event of `type` whose trigger starts at `pos` in clause
 * `ci` of `v`: the subject named before the trigger in its clause, else the
 * object after it, else the subject of the sentence's first clause, else any
 * party of the sentence. Deals add the counterparty (and the sentence's
 * subject); a regulation takes the whole sentence; a management change
 * takes the people of its clause with the company.
 */
export function partiesOf(type: EventType, v: SentenceView, ci: number, pos: number, index = false, shareWord = false): Parties {
  // An index moves on its own: 恒指全日跌384點 has no parties.
  if (index && type === 'price_move') return { ids: [], groups: [], concrete: false };
  const c: Clause = v.clauses[ci]!;
  const inClause = candidates(v, c.mentions, type);
  const inSentence = candidates(v, v.mentions, type);
  let found: MentionRef[];
  if (SENTENCE_WIDE.has(type)) found = inSentence;
  else if (type === 'management_change') {
    const people = inClause.filter((m) => m.kind === 'person');
    const orgs = groupBefore(v, inSentence.filter((m) => m.kind !== 'person'), pos);
    found = [...orgs, ...people];
    if (!orgs.length) found.push(...inSentence.filter((m) => m.kind !== 'person').slice(0, 1));
  } else {
    const before = groupBefore(v, inClause, pos);
    const after = OBJECT_PARTY.has(type) ? groupAfter(v, inClause, pos) : [];
    found = before.length ? before : after;
    // Both sides of a deal: the parties of the sentence's opening clause
    // (鴻海…與OpenAI共同宣布，雙方合作…) and those around the trigger.
    if (TWO_SIDED.has(type)) found = [...(ci > 0 ? candidates(v, v.clauses[0]!.mentions, type) : firstGroup(v, inClause)), ...before, ...after];
    // The subject of the sentence: the first clause before this one that
    // names a party. For a price move only the clause just before, when its
    // head is a share word with no company of its own (看好力成…，股價因而
    // 飆高): a stock that moves is named with its move, or reached through
    // the head it moves.
    if (type !== 'price_move') for (let k = 0; k < ci && !found.length; k++) found = firstGroup(v, candidates(v, v.clauses[k]!.mentions, type));
    else if (shareWord && ci > 0) found = firstGroup(v, candidates(v, v.clauses[ci - 1]!.mentions, type));
    // Any party of the sentence, but not for a price move: a stock that
    // moves is named with its move (美股…英偉達業績強勁…，恒指…跌384點).
    if (!found.length && type !== 'price_move') found = nearest(inSentence, pos);
  }
  if (type === 'legal') {
    // The accused, not the authority: 美國商務部…提到台積電，…是因為違反DEI條款.
    if (found.length && found.every((m) => AUTHORITY.test(m.name))) {
      const accused = nearest(inSentence.filter((m) => !AUTHORITY.test(m.name)), pos);
      if (accused.length) found = accused;
    }
    if (found.some((m) => !AUTHORITY.test(m.name))) found = found.filter((m) => !AUTHORITY.test(m.name));
  }
  const ids = idsOf(found);
  const bySpan = new Map<string, string[]>();
  for (const m of found) {
    const k = `${m.start}:${m.end}`;
    const g = bySpan.get(k) ?? [];
    if (!g.includes(m.id)) g.push(m.id);
    bySpan.set(k, g);
  }
  const groups: string[][] = [];
  for (const g of bySpan.values()) if (!groups.some((x) => x.some((id) => g.includes(id)))) groups.push(g);
  return { ids, groups, concrete: found.some((m) => m.kind !== 'person') };
}

function nearest(ms: readonly MentionRef[], pos: number): MentionRef[] {
  let best: MentionRef | undefined;
  for (const m of ms) if (!best || Math.abs(m.start - pos) < Math.abs(best.start - pos)) best = m;
  return best ? [best] : [];
}

/** True when a product mention is in the clause (a launch or a capacity with something concrete to be about). */
export function hasProduct(c: Clause): boolean {
  return c.mentions.some((m) => m.kind === 'product');
}

const COMPANY: ReadonlySet<EntityKind> = new Set(['company', 'etf']);

/**
 * The companies a sentence is about, for a next sentence that drops its
 * subject: those of its first clause, else all of its companies; sources
 * (高盛證券預估…) are not subjects.
 */
export function subjectOf(v: SentenceView): string[] {
  const ok = (m: MentionRef) => COMPANY.has(m.kind) && !isSource(v, m) && !SOURCE_NAME.test(m.name);
  const first = (v.clauses[0]?.mentions ?? []).filter(ok);
  return idsOf(first.length ? first : v.mentions.filter(ok));
}

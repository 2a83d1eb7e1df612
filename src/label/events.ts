import type { EntityKind } from '../types';
import type { Hit } from './lexicon';
import { clauseModalities, eventModality, type ClauseModality, type EventModality, type ModalityCarry } from './modality';
import { sign, type Mass } from './sentiment';
import { creditInSentence, figureAfter, HEAD_TYPE, headFor, headKey, periodAt, senseType, type HeadRef } from './sense';
import { authorityIn } from './authority';
import { causes, inName, notYet, sourceDocument } from './frames';
import { hasProduct, partiesOf, subjectOf } from './subjects';
import type { EventType } from './taxonomy';
import type { Clause, SentenceView } from './views';

/** A negator this close before a trigger (UTF-16 units between) cancels the event: 沒有承諾向鴻海下單. */
export const NEGATION_REACH = 6;

const PRIMARY: ReadonlySet<EntityKind> = new Set(['company', 'etf', 'org']);
const COMPANY: ReadonlySet<EntityKind> = new Set(['company', 'etf']);
const DIGIT = /[0-9０-９]/;
// An amount or a share (3,790億元, 15%, 五○五七點四億元, 每股3.9元), not a date or a count of days.
const AMOUNT = /[0-9０-９〇○零一二三四五六七八九十百千][0-9０-９〇○零一二三四五六七八九十百千,.．點点]*\s*(?:%|％|億|亿|萬|万|兆|元|美元|港元|倍|成|輛|辆|台|支|件|片)/;
const LISTING = /(A股|H股|港股|美股|科創板|科创板|創業板|创业板|主板|北交所|交易所|港交所|上交所|深交所|聯交所|联交所|那斯達克|纳斯达克|紐交所|纽交所|IPO|掛牌|挂牌|招股|遞表|递表)/;
// Facts that happen once rather than report a period.
const ONE_OFF: ReadonlySet<EventType> = new Set(['management_change', 'm_and_a', 'partnership', 'product_launch', 'legal', 'offering', 'regulation', 'stake_change']);
const QUARTER = /第[1-4一二三四]季|[1-4一二三四]季度|Q[1-4]|上半年|下半年|中期|末期/;
const CORPORATE_OFFICE = /(董事長|董事长|副董事長|副董事长|董事會|董事会|總經理|总经理|執行長|执行长|首席執行官|首席执行官|財務長|财务长|財務總監|财务总监|總裁|总裁|CEO|CFO|監事|监事|高管)/;
const COMPANY_COUNT = /[0-9０-９]+\s*(?:家|檔|档|只)(?:[^，,。；;]*?(?:公司|企業|企业|個股|个股|業者|业者)|[^。；;]*?(?:佔比|占比))/;
const MONEY = /[0-9０-９][0-9０-９,.]*\s*(?:[萬万億亿兆千百]\s*)?(?:美元|港元|港幣|港币|人民幣|人民币|新台幣|新台币|台幣|台币|日圓|日元|歐元|欧元|元)|[0-9０-９][0-9０-９,.]*\s*[億亿兆](?![個个家人股輛辆台張张座片])/;
// A counterparty the tagger may not know, by the shape of the sentence:
// 與X簽署, 和X合作, 向X下單, 授權給X, X的訂單.
const COUNTERPARTY = /(?:雙方|双方|兩家|两家)|(?:與|与|和|跟|同|向|獲|获|替)[^，,。；;]{1,24}?(?:簽|签|合作|牽上線|牵上线|成立|結盟|结盟|達成|达成|攜手|携手|下單|下单|採購|采购|訂單|订单|合約|合约|大單|大单)|(?:授權|授权|出售|供貨|供货)給|(?:授權|授权)予|打入[^，,。；;]{1,16}?(?:供應鏈|供应链|計畫|计划)|(?:拿下|取得|獲得|获得|接獲|接获|斬獲|斩获|贏得|赢得)[^，,。；;]{0,16}?(?:訂單|订单|合約|合约|大單|大单|標案|标案)/;
const DEAL: ReadonlySet<EventType> = new Set(['m_and_a', 'partnership', 'offering']);
const PROHIBIT = /(?:禁止|阻止|不得|不准|不準|嚴禁|严禁|限制)/;
const LOSS = /虧損|亏损|淨損|净损|虧蝕|亏蚀/;

// Negated (沒有承諾向鴻海下單) or hedged (台灣應投資…, 如果…收購) words report
// no event.
export function negated(hit: Hit, clause: Clause): boolean {
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
      if (w.entry.trigger || w.entry.head || w.entry.dir) gap -= w.end - w.start;
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

/** One fact found in one clause, before merging (src/label/merge.ts). */
export interface Candidate {
  type: EventType;
  entities: string[];
  polarity: -1 | 0 | 1;
  /** How much the polarity says: 2 a profit's or a close's direction, 1 another direction or the trigger's own, 0 sentiment. */
  rank: number;
  modality: EventModality;
  confidence: number;
  evidence: { text: string; start: number; end: number; field: 'title' | 'body' };
  order: number;
  /** `field:paragraph` and `field:sentence` (the guide's sentence, src/label/views.ts). */
  para: string;
  sent: string;
  /** What the fact is about within its type: the head (恒生科技指數, 手機晶片營收), else ''. */
  metric: string;
  /** Index of the view (a sentence part between ；) within the article. */
  view: number;
  /** For forecasts: the period and the metric word (第4季|營收), what one claim is about; '' when unknown. */
  claim: string;
  /** A quarter or half named in the sentence (第3季, 上半年), else ''. */
  period: string;
}

interface Fact {
  type: EventType;
  pos: number;
  /** Where each word behind the fact stands: each may have its own subject (鴻海營收衝破8兆、廣達翻倍成長). */
  positions: number[];
  weight: number;
  /** Every word behind the fact is weak: it needs a party. */
  weak: boolean;
  /** Every word behind the fact is a deal word that needs its other side or an amount (訂單, 合作, 授權 …). */
  twoSided: boolean;
  polarity: -1 | 0 | 1;
  rank: number;
  metric: string;
  /** The head word itself (營收, 毛利率), '' when none. */
  word: string;
  /** A launch, capacity or price fact with a product to be about. */
  product: boolean;
  /** An index's move: it has no parties. */
  index: boolean;
  /** Companies a share-price word was found to be about through its head (寒武纪的涨幅…，最终收盘上涨5.14%). */
  stocks: string[];
  /** The move is of a share word with no company before it (股價因而飆高): the sentence's subject. */
  shareWord: boolean;
}

// Results expected or planned are guidance; so is an expected price move.
// Other events that only may happen (可能, 有望) have not: null.
const FIGURES: ReadonlySet<EventType> = new Set(['guidance', 'supply_pricing', 'capex']);
function underModality(type: EventType, m: ClauseModality): EventType | null {
  if (type === 'earnings' && (m.forecast || m.maybe || m.plan)) return 'guidance';
  if (type === 'price_move' && (m.forecast || m.maybe)) return 'guidance';
  if (m.maybe && !FIGURES.has(type)) return null;
  return type;
}

// Facts of a type are kept apart by what they are about only where one
// claim is about one metric (guidance, prices); elsewhere one per type.
const BY_METRIC: ReadonlySet<EventType> = new Set(['guidance', 'supply_pricing']);

/** The product or theme named in the clause, nearest before `pos` (else the first after it), as a key. */
function productOf(c: Clause, pos: number): string {
  let best = '';
  for (const m of c.mentions) {
    if (m.kind !== 'product' && m.kind !== 'theme') continue;
    if (m.start < pos || !best) best = `product:${m.id}`;
    if (m.start >= pos) break;
  }
  return best;
}

function closing(h: HeadRef | null): boolean {
  return !!h && (h.kind === 'stock' || h.kind === 'index') && (!!h.close || /收|終場|终场/.test(h.key));
}

/** The facts of clause `ci`: every trigger and every direction word with a head, by type. */
function clauseFacts(v: SentenceView, ci: number, m: ClauseModality, mass: Mass, mods: readonly ClauseModality[] = []): Fact[] {
  const c = v.clauses[ci]!;
  const facts: Fact[] = [];
  const add = (type: EventType, h: Hit, f: Omit<Fact, 'type' | 'pos' | 'positions' | 'product' | 'index' | 'stocks' | 'shareWord'>, index = false, stock = '', shareWord = false, mod = m) => {
    const t2 = underModality(type, mod);
    if (!t2) return;
    type = t2;
    if (type === 'analyst_rating' && creditInSentence(v)) type = 'credit_rating';
    // A price is the price of something: the product named in the clause
    // tells two price claims apart (DRAM 價格 … 鋼價 …).
    const product = type === 'supply_pricing' ? productOf(c, h.start) || v.clauses.map((x) => productOf(x, h.start)).find(Boolean) || '' : '';
    const metric = BY_METRIC.has(type) ? product || f.metric : type === 'price_move' && index ? f.metric : '';
    const cur = facts.find((x) => x.type === type && (x.metric === metric || !x.metric || !metric));
    if (!cur) {
      facts.push({ type, pos: h.start, positions: [h.start], product: hasProduct(c), index, stocks: stock ? [stock] : [], shareWord, ...f, metric });
      return;
    }
    cur.positions.push(h.start);
    if (stock && !cur.stocks.includes(stock)) cur.stocks.push(stock);
    cur.shareWord ||= shareWord;
    cur.index &&= index;
    cur.weak &&= f.weak;
    cur.twoSided &&= f.twoSided;
    cur.weight = Math.max(cur.weight, f.weight);
    if (!cur.metric) [cur.metric, cur.word] = [metric, f.word];
    if (f.rank > cur.rank) [cur.polarity, cur.rank] = [f.polarity, f.rank];
  };
  // Yielding triggers give way to any other trigger of their clause (or, for
  // record words, of their sentence), even a negated one: in 廣達股價未見重挫
  // the clause is about the (negated) drop.
  const isStrong = (h: Hit) => h.entry.trigger !== undefined && !h.entry.trigger.yields && h.entry.trigger.type !== 'guidance';
  const strongInClause = c.hits.some(isStrong);
  const strongInSentence = v.clauses.some((x) => x.hits.some(isStrong));
  const cause = causes(v, ci);
  for (const h of c.hits) {
    const t = h.entry.trigger;
    const d = h.entry.dir;
    if (!t && !d) continue;
    if (negated(h, c) || inName(v, h) || notYet(v, c, h) || sourceDocument(v, c, h)) continue;
    if (cause.some(([a, b]) => h.start >= a && h.end <= b)) continue;
    if (t) {
      if (t.yields === 'clause' && strongInClause) continue;
      // A deal word right before a result names the kind of figure
      // (合併營業利益, 合併稅後純益: consolidated), not a deal.
      if (DEAL.has(t.type) && c.hits.some((x) => x.start === h.end && (x.entry.head === 'metric' || x.entry.head === 'profit'))) continue;
      if (t.yields === 'sentence' && strongInSentence) continue;
      // 投資 of a company is a stake (輝達又投資OpenAI); of a place or with
      // an amount it is capital spending (投資美國1千億美元).
      let objectType: EventType | null = null;
      if (t.object && !c.mentions.some((x) => x.start >= h.end && PRIMARY.has(x.kind))) {
        const place = c.mentions.some((x) => x.start >= h.end && x.kind === 'place');
        if (!place || !DIGIT.test(v.source.slice(h.end, c.end))) continue;
        objectType = 'capex';
      }
      if (t.authority && !authorityIn(v)) continue;
      // A deal that is forbidden (禁止聯邦單位與X簽約, 不得與…簽約) is not made.
      if ((t.type === 'partnership' || t.type === 'm_and_a') && PROHIBIT.test(v.source.slice(c.start, h.start))) continue;
      if (t.money && !DIGIT.test(v.source.slice(h.end, c.end))) continue;
      if (t.figure && !DIGIT.test(v.source.slice(c.start, c.end)) && sign(mass) === 0) continue;
      // The thing released may stand after the word (發布財報) or, for a
      // launch word, before it (該消息一經發布, 計劃文件發布).
      if (t.veto.length && t.veto.some((w) => v.source.slice(h.end, c.end).includes(w) || (t.type === 'product_launch' && v.source.slice(Math.max(c.start, h.start - 8), h.start).includes(w)))) continue;
      const type = objectType ?? (t.sense ? senseType(t.type, v, ci, h.start) : t.type);
      // A market or an exchange makes a listing word unambiguous (準備在A股上市).
      const weak = t.weak && !(type === 'offering' && LISTING.test(v.source.slice(c.start, c.end)));
      const metric = h.entry.head ? headKey(v, c, h) : '';
      add(type, h, { weight: t.weight, weak, twoSided: t.counterparty, polarity: t.polarity, rank: t.polarity ? 1 : 0, metric, word: h.entry.head ? v.source.slice(h.start, h.end) : '' });
      continue;
    }
    if (d!.figure && !figureAfter(v, h)) continue;
    const head = headFor(v, ci, h);
    let type = head ? HEAD_TYPE[head.kind] : d!.strong ? 'price_move' : null;
    if (!type) continue;
    // 北水持股比例升至… is the investors' flow, not a shareholder's stake.
    if (type === 'stake_change' && c.hits.some((x) => x.entry.head === 'fund' && x.start < head!.start)) type = 'fund_flow';
    const rank = head?.kind === 'profit' || closing(head) ? 2 : 1;
    // A policy rate is set (上調基準利率, 降息一碼), it does not drift (利率走低).
    if (type === 'regulation' && head?.kind === 'rate' && !d!.obj && !/碼|码|基點|基点|bp/i.test(v.source.slice(h.end, c.end))) continue;
    // …and set by an authority (低利率使得… is a condition, not a decision).
    if (type === 'regulation' && !authorityIn(v)) continue;
    // A loss that grows is bad news (虧損擴大), one that shrinks good.
    const polarity = head && LOSS.test(head.word) ? (-d!.sign as -1 | 1) : d!.sign;
    const stock = head && head.kind === 'stock' ? (head.word ? (head.owner ?? '') : head.key) : '';
    // A change that reaches back to its head in an earlier clause is said
    // under that clause's modality (工业富联预计上半年的净利润上限为56亿元，同比增长5%).
    const hk = head && head.start < c.start ? v.clauses.findIndex((x) => head.start >= x.start && head.start < x.end) : -1;
    const hm = hk >= 0 && mods[hk] ? mods[hk]! : m;
    const mod = hm.forecast || hm.maybe || hm.plan ? { ...m, forecast: m.forecast || hm.forecast, maybe: m.maybe || hm.maybe, plan: m.plan || hm.plan } : m;
    add(type, h, { weight: d!.strong ? 0.75 : 0.6, weak: false, twoSided: false, polarity, rank, metric: head?.key ?? '', word: head?.word ?? '' }, head?.kind === 'index', stock, !!head && head.kind === 'stock' && !!head.word && !head.owner, mod);
  }
  for (const f of facts) if (f.polarity === 0) f.polarity = sign(mass);
  return facts;
}

/**
 * For each sentence, the companies a subject-less sentence right after it
 * would refer to: those of its first clause, else all of its companies
 * (台灣的「機電四雄」,如 東元、士電…。它們…). Carried one sentence only;
 * carrying further reached the wrong companies more often than the right.
 */
export function carriedSubjects(views: readonly SentenceView[]): string[][] {
  return views.map(subjectOf);
}

// Results and forecasts are one company's own (two companies' results in
// one sentence are two releases); other facts shared by several subjects
// are one event listing them all.
const PER_COMPANY: ReadonlySet<EventType> = new Set(['earnings', 'guidance']);

/** What the label stage needs to know about the article around a sentence. */
export interface SentenceContext {
  /** The view's index in the article. */
  index: number;
  /** The companies of the sentence before, in the same paragraph. */
  carried: readonly string[];
  /** The year the article speaks from (src/label/modality.ts). */
  refYear: number | null;
  /** What the previous part of the same sentence passes on. */
  modality: ModalityCarry;
  /** The company the article is about, when one stands out (mainCompany), else null. */
  main?: string | null;
}

// Facts a company has of its own, that an article about it may state without naming it.
const OWN_FACTS: ReadonlySet<EventType> = new Set(['earnings', 'guidance', 'capex', 'dividend', 'buyback', 'product_launch', 'price_move', 'offering']);

/**
 * The company an article is about: the only company it names, or the one
 * named most often, at least three times and at least twice as often as
 * any other; else null (a market report names many).
 */
export function mainCompany(mentions: ReadonlyArray<{ id: string; kind: EntityKind; count: number }>): string | null {
  const cs = mentions.filter((m) => COMPANY.has(m.kind)).sort((a, b) => b.count - a.count);
  const [a, b] = cs;
  if (!a) return null;
  if (!b) return a.id;
  return a.count >= 3 && a.count >= 2 * b.count ? a.id : null;
}

/**
 * Event rules over one sentence part (see docs/labels.md, "Rules"): the
 * modality of each clause (questions and history report nothing; results
 * expected are guidance), the facts of each clause from triggers and from
 * direction words through their heads, their parties, polarity and
 * confidence. Returns the candidates and the modality passed on.
 */
export function sentenceEvents(v: SentenceView, mass: (c: Clause) => Mass, ctx: SentenceContext): { candidates: Candidate[]; carry: ModalityCarry } {
  const out: Candidate[] = [];
  const { clauses: mods, carry } = clauseModalities(v, ctx.refYear, ctx.modality);
  if (v.chrome || !v.clauses.some((c) => c.hits.some((h) => h.entry.trigger || h.entry.dir))) return { candidates: out, carry };
  const sentenceMass = v.clauses.reduce((acc, c) => {
    const m = mass(c);
    return { pos: acc.pos + m.pos, neg: acc.neg + m.neg };
  }, { pos: 0, neg: 0 });
  v.clauses.forEach((c, ci) => {
    const m = mods[ci]!;
    if (m.question || m.past) return;
    const cm = mass(c);
    for (const f of clauseFacts(v, ci, m, sign(cm) ? cm : sentenceMass, mods)) {
      // Last year's appointment or deal is history; last year's results are reported now.
      if (m.lastYear && ONE_OFF.has(f.type)) continue;
      let { ids, groups, concrete } = partiesOf(f.type, v, ci, f.pos, f.index, f.shareWord);
      for (const p of f.positions.slice(1)) {
        const more = partiesOf(f.type, v, ci, p, f.index, f.shareWord);
        for (const g of more.groups) if (!groups.some((x) => x.some((id) => g.includes(id)))) groups.push(g);
        for (const id of more.ids) if (!ids.includes(id)) ids.push(id);
        concrete ||= more.concrete;
      }
      // Chinese drops a subject already named (廣達正雙線並進。一方面,公司持續
      // 擴大…生產基地): a sentence with no party of its own takes the
      // companies of the sentence before it in the paragraph.
      if (!ids.length && f.stocks.length) [ids, groups] = [[...f.stocks], f.stocks.map((id) => [id])];
      // The carried companies are one subject (它們…營收創新高): not split.
      if (!concrete && !f.index && ctx.carried.length && !v.mentions.some((x) => PRIMARY.has(x.kind))) {
        ids = [...ctx.carried];
        groups = [ids];
        concrete = true;
      }
      // An article about one company drops its name where the reader knows
      // it (公司…, 該行…, its chief executive speaking): a company fact with
      // no party in a sentence that names no company is the article's
      // company's. Index moves and market facts keep none.
      if (!ids.length && ctx.main && OWN_FACTS.has(f.type) && !f.index && !v.mentions.some((x) => PRIMARY.has(x.kind) && x.kind !== 'org')) {
        if (f.type !== 'price_move' || f.shareWord) {
          ids = [ctx.main];
          groups = [ids];
          concrete = true;
        }
      }
      if (f.weak && !concrete && !f.product) continue;
      // A deal has two sides or a value: an order, a licence or a
      // cooperation names its counterparty or an amount (與MUSINSA成立合資公司, 交易總價值可達120億美元);
      // an order or a licence talked of alone (訂單沒問題, IP授權及軟件) is none.
      if (f.twoSided && ids.length < 2 && !MONEY.test(v.source.slice(v.start, v.end)) && !COUNTERPARTY.test(v.source.slice(v.start, v.end))) continue;
      // A forecast about no one and without a figure is commentary (這意味著…成長率將高於…).
      if (f.type === 'guidance' && !ids.length && !DIGIT.test(v.source.slice(v.start, v.end))) continue;
      // A count of companies (業績預增5家，佔比8%; 23家公司業績預虧) is a
      // statistic over a market, not one company's results or forecast.
      if (PER_COMPANY.has(f.type) && !v.mentions.some((x) => COMPANY.has(x.kind)) && COMPANY_COUNT.test(v.source.slice(v.start, v.end))) continue;
      // Results are figures: a metric named with no figure in its sentence
      // and no change of its own (影響集團收益, 維持穩定的盈利水平) is talk
      // about the business, unless the word says the result itself (虧損).
      if (f.type === 'earnings' && f.rank === 0 && !AMOUNT.test(v.source.slice(v.start, v.end))) continue;
      // A company's management, not a minister's appointment (郭智輝出任經濟部長):
      // a company named, or a company's office (董事長, 總經理 …).
      if (f.type === 'management_change' && !v.mentions.some((x) => COMPANY.has(x.kind)) && !CORPORATE_OFFICE.test(v.source.slice(v.start, v.end))) continue;
      const inClause = ids.length > 0 && c.mentions.some((x) => ids.includes(x.id));
      const confidence = Math.round(Math.min(0.95, f.weight + (inClause ? 0.05 : 0) + (v.field === 'title' ? 0.05 : 0)) * 100) / 100;
      const base = {
        type: f.type,
        polarity: f.polarity,
        rank: f.rank,
        modality: eventModality(m),
        confidence,
        evidence: { text: v.source.slice(v.start, v.end), start: v.start, end: v.end, field: v.field },
        para: `${v.field}:${v.para}`,
        sent: `${v.field}:${v.sent}`,
        metric: f.metric,
        view: ctx.index,
        claim: f.type === 'guidance' && (f.word || periodAt(v, f.pos)) ? `${periodAt(v, f.pos)}|${f.word}` : '',
        period: QUARTER.exec(periodAt(v, f.pos))?.[0] ?? '',
      };
      const split = PER_COMPANY.has(f.type) && groups.length > 1 ? groups : [ids];
      for (const entities of split) out.push({ ...base, entities, order: ctx.index * 1000 + out.length });
    }
  });
  return { candidates: out, carry };
}

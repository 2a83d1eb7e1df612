import type { Hit } from './lexicon';
import type { Clause, SentenceView } from './views';

/**
 * Frames around a word that say it reports no fact of its own: the word is
 * part of a name the tagger did not know, it names a cause given for
 * another fact, a benchmark compared against, a risk, or a time before
 * something (docs/labels.md, "Rules").
 */

// A trigger inside a name the tagger did not know: 全球半導體聯盟（GSA）,
// …合作協會, …聯盟主席. What follows the word shows the name.
const NAME_AFTER = /^(?:[（(][A-Za-z]{2,}[）)]|協會|协会|學會|学会|基金會|基金会|委員會|委员会|研究院|大學|大学|組織|组织|主席|會長|会长|理事長|理事长|秘書長|秘书长|成員|成员|會員|会员)/;
export function inName(v: SentenceView, h: Hit): boolean {
  return NAME_AFTER.test(v.source.slice(h.end, h.end + 6));
}

// A cause named to explain another fact is no fact of its own (corpus
// GUIDE.md: a background cause is at most optional): 受光學零組件供給吃緊影響,
// 受惠於ＡＩ晶片客戶訂單湧入，….
const CAUSE_SPAN = /受到?[^，,。；;]{1,30}?(?:影響|影响|衝擊|冲击|拖累|帶動|带动|推動|推动|波及|打擊|打击|激勵|激励)|(?:因|由於|由于)[^，,。；;]{1,30}?(?:等原因|等因素|所致)/g;
const CAUSE_CLAUSE = /^[\s「『“"]*(?:受惠於|受惠于|受惠|得益於|得益于|受益於|受益于|在[^，,]{1,20}(?:帶動|带动|推動|推动)下)/;
// A clause that sets up a comparison (相對今年5月上市的…寧德時代，…) names a
// benchmark, not the fact.
// A time since which something holds (自2024年9月新任CEO上任以來, 金管會去年
// 公布新制以來) or a time counted from (距離…在港交所上市不到一年) names a
// reference point, not the news.
const SINCE_SPAN = /(?:自從|自从|自|從|从)?[^，,。；;]{1,30}?(?:以來|以来)|(?:距離|距离)[^，,。；;]{1,30}/g;
// Topics listed as examples (挑戰不少，包含同業合併、寬頻競爭、電價上漲等)
// are named, not reported.
const LIST_SPAN = /(?:包含|包括|諸如|诸如|例如)[^，,。；;]{1,40}?等/g;
const COMPARE_CLAUSE = /^[\s「『“"]*(?:相對於|相对于|相對|相对|相比|相較於|相较于|相較|相较|對比|对比|比起|較之|较之)/;
// A word followed by these names a risk or a time before it, not a fact:
// 監管風險, 公布業績前.
const NOT_YET_AFTER = /^(?:風險|风险|疑慮|疑虑|隱憂|隐忧|陰霾|阴霾|之前|前[^0-9０-９一二三四五六七八九十兩两]|前$)/;

/** The spans of clause `ci` that only give a cause or a benchmark. */
export function causes(v: SentenceView, ci: number): Array<[number, number]> {
  const c = v.clauses[ci]!;
  const text = v.source.slice(c.start, c.end);
  if (ci < v.clauses.length - 1 && (CAUSE_CLAUSE.test(text) || COMPARE_CLAUSE.test(text))) return [[c.start, c.end]];
  const out: Array<[number, number]> = [];
  for (const re of [CAUSE_SPAN, SINCE_SPAN, LIST_SPAN]) for (const m of text.matchAll(re)) out.push([c.start + m.index, c.start + m.index + m[0].length]);
  return out;
}

// A metric taken as the base of a share (分配金額不少於淨利潤的75%) is a
// reference, not a result reported.
const SHARE_OF = /^的?\s*[0-9０-９.]+\s*[%％]/;

// A document given as the source (据招股书, 根据协议内容, 根據雙方披露的重組預案)
// is where the facts are read, not a fact of its own.
const SOURCE_BEFORE = /(?:據|据|根據|根据|依據|依据|按照|依照)(?:[^，,。；;]{0,6}?的)?\s*[「『《“"]?$/;

/** True when `h` names the document a clause cites as its source. */
export function sourceDocument(v: SentenceView, c: Clause, h: Hit): boolean {
  return SOURCE_BEFORE.test(v.source.slice(Math.max(c.start, h.start - 12), h.start));
}

/** True when what follows `h` makes it a risk, a time before it or the base of a share (監管風險, 公布業績前, 淨利潤的75%). */
export function notYet(v: SentenceView, c: Clause, h: Hit): boolean {
  const after = v.source.slice(h.end, Math.min(c.end, h.end + 12));
  return NOT_YET_AFTER.test(after) || (h.entry.trigger?.type === 'earnings' && SHARE_OF.test(after));
}

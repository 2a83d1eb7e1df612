import type { SentenceView } from './views';

/**
 * Who makes rules: a regulation is a decision of an authority (corpus
 * GUIDE.md: "decisions and plans that were announced"). Words for a policy
 * as a topic (政策, 監管, 新制, 關稅, 降息) report a decision only when an
 * authority acts in their sentence: 金管會公布新制, 央行降息; 低利率使得…,
 * 台美關稅談判結果優於預期 or an ETF's 降息 (a smaller payout) are no rule.
 */

// The names of authorities as organisations (證監會, 商務部, 廣東監管局, 高等法院 …).
export const AUTHORITY_NAME = /(監管|监管|委員會|委员会|證監|证监|金管|法院|法庭|檢察|检察|警|政府|總局|总局|交易所|[部局署廳厅院]$)/;
// Authorities named by a common word or a title rather than a tagged name.
const AUTHORITY_WORD = /(政府|官方|當局|当局|央行|中央銀行|中央银行|人民銀行|人民银行|人行|聯準會|联准会|聯儲|联储|國會|国会|參議院|参议院|眾議院|众议院|議會|议会|立法院|國務院|国务院|行政院|商務部|商务部|財政部|财政部|經濟部|经济部|工信部|發改委|发改委|金管會|金管会|證監會|证监会|證管會|证管会|銀保監|银保监|監管局|监管局|監管機構|监管机构|白宮|白宫|總統|总统|川普|特朗普|拜登|歐盟|欧盟|歐洲央行|欧洲央行|交易所|證交所|证交所|櫃買中心|柜买中心|FDA|衛福部|卫福部|藥監局|药监局|海關|海关|稅務局|税务局)/;

/** True when an authority is named in the sentence part `v`, as a tagged organisation or by a word for one. */
export function authorityIn(v: SentenceView): boolean {
  if (v.mentions.some((m) => m.kind === 'org' && AUTHORITY_NAME.test(m.name))) return true;
  return AUTHORITY_WORD.test(v.source.slice(v.start, v.end));
}

import { foldedList, isHan, nameLike } from './cues';

/**
 * Where the name of a company the dictionary lacks begins, before an
 * inline code (issue 12: never a fragment, never a word glued on). Going
 * back over the segmenter's tokens from the one before the code, a name is
 * industry words at its end (國際, 資源, 製藥, 科技, 集團 …) after a brand:
 * tokens jieba does not know or tags as names, single characters (中生製藥,
 * 藥華藥), or one ordinary word (中國移動: 移動, then the place). It stops at
 * punctuation, function words (及萬海, 給鴻華先進), and descriptors in front
 * of the name (供應商摯達科技, 新藥公司藥華藥, 散熱模組廠雙鴻). An ETF's name
 * runs back to its issuer (群益台灣精選高息ETF).
 */
const MAX = 8;
const MAX_ETF = 12;
const BRAND_MAX = 4;

let industry: Set<string> | null = null;
const industryWords = (): Set<string> => (industry ??= new Set([...foldedList('org-words.txt'), ...foldedList('name-industry.txt')]));

// One character that is no part of a name: conjunctions, prepositions, particles, descriptors, dates.
const STOP_CHAR = /^[厂商股业者等的及和与跟或在于由向对给将把被为是让使以从至到今昨年月日周季之其该本这那各每约达逾近共计系类型族群派获令据比较如像若即乃同]$/;
// Words that end in what describes a company rather than names it: 供應商, 大廠, 業者, 概念股.
const DESCRIPTOR = /(?:厂|商|者|股|企|公司|集团旗下|旗下|龙头|大厂|巨头|品牌|平台|业务|子公司|母公司)$/;
const TAKES_COMPANY = new Set(['收购', '并购', '入股', '持有', '包括', '新增', '删除', '剔除', '纳入', '调入', '调出', '看好', '推荐', '买进', '卖出', '加码', '减码', '成为', '宣布', '公布', '投资', '合并', '联手', '携手']);
const DIRECTION = /^(?:[东西南北中][部方]|东南|东北|西南|西北)$/;
const QUANTITY_VERBS = new Set(['增加', '减少', '下降', '上升', '成长', '增长', '达到', '超过', '减持', '增持', '买超', '卖超', '持股', '回购', '共计', '合计', '约为', '降至', '升至', '跌至', '涨至', '报价', '收盘']);
const LEADING = /^[及和与跟或在于由向对给将把被为是让使以从的]$/;
const FUNCTION_TAG = /^(?:v|vd|vi|p|c|u|uj|ul|uz|ud|ug|uv|d|ad|r|m|mq|q|t|f|y|e|o)$/;

function isFunctionWord(w: string, tag: string | null): boolean {
  return tag !== null && FUNCTION_TAG.test(tag) && !industryWords().has(w);
}

export interface NameCutInput {
  key: string;
  /** Token spans, flat `[s0, e0, …]`, normalised offsets. */
  spans: Int32Array;
  /** jieba's tag of a folded word, or null. */
  tag(word: string): string | null;
  /** Whether a folded word names an ETF issuer (元大, 群益 …). */
  issuer(word: string): boolean;
}

/**
 * Start of the name whose last token is token `k` (ending at `coreEnd`),
 * or -1 when that token cannot end a name.
 */
export function companyNameStart(input: NameCutInput, k: number, coreEnd: number, etf: boolean, plain = false): number {
  const { key, spans } = input;
  const max = etf ? MAX_ETF : MAX;
  let start = spans[2 * k]!;
  const last = key.slice(start, coreEnd);
  // With the market printed (大同 (2371-TW)) the word before the code is the name, whatever jieba calls it.
  // A verb jieba reads in a name (廣達, 安踏) may end one; a verb of quantity does not (減少（1200）).
  const lastTag = input.tag(last);
  const verbName = last.length === 2 && /^v/.test(lastTag ?? '') && !TAKES_COMPANY.has(last) && !QUANTITY_VERBS.has(last);
  if (STOP_CHAR.test(last) || (!plain && !verbName && last.length > 1 && isFunctionWord(last, lastTag))) return -1;
  let brand = !industryWords().has(last);
  let ordinaryBrand = brand && !nameLike(last) && last.length > 1;
  let brandLen = brand ? last.length : 0;
  for (let j = k - 1; j >= 0; j--) {
    const s = spans[2 * j]!;
    const e = spans[2 * j + 1]!;
    const w = key.slice(s, e);
    if (e !== start || ![...w].every((ch) => isHan(ch)) || coreEnd - s > max) break;
    if (etf) {
      // An ETF's name: back to its issuer, which starts it (精選 is a verb to jieba, here a word of the name).
      if (STOP_CHAR.test(w) || /^(?:p|c|u|uj|ul|r|m|q)$/.test(input.tag(w) ?? '')) break;
      start = s;
      if (input.issuer(w)) break;
      continue;
    }
    // Before industry words the brand slot takes a verb jieba misreads (安踏體育) but not one that takes a company (收購華力科技).
    const verbAsBrand = !brand && w.length === 2 && /^v/.test(input.tag(w) ?? '') && !TAKES_COMPANY.has(w);
    if (w.length === 1 ? STOP_CHAR.test(w) : DESCRIPTOR.test(w) || (!verbAsBrand && !DIRECTION.test(w) && isFunctionWord(w, input.tag(w)))) break;
    // Directions lead names as places do (西部礦業, 東方航空, 南方電網), whatever jieba tags them.
    const place = input.tag(w) === 'ns' || DIRECTION.test(w);
    if (!brand && industryWords().has(w)) {
      start = s;
      continue;
    }
    // A generic word before the brand describes it (同業金沙, 巨型碧桂園); a place may lead it (中國恒大).
    if (brand && w.length > 1 && industryWords().has(w) && !place) break;
    if (w.length === 1 || nameLike(w) || place) {
      // A brand is short: unknown words further back are the sentence's (財困內房碧桂園).
      if (!place && brandLen + w.length > BRAND_MAX) break;
      start = s;
      if (!place) brandLen += w.length;
      brand = true;
      continue;
    }
    // One ordinary word may be the brand, or lead a one-character one (世紀鋼).
    if (brand && (brandLen >= 2 || ordinaryBrand)) break;
    start = s;
    brand = true;
    ordinaryBrand = true;
    brandLen += w.length;
  }
  // 及萬海 as one token: the function word in front is no part of the name.
  while (coreEnd - start > 2 && LEADING.test(key[start]!)) start++;
  return start;
}

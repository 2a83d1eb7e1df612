/**
 * Page chrome inside an article's text: navigation rows (每日明報 要聞 港聞
 * 經濟 …), breadcrumbs (首頁 > 科技頻道 > 正文), app and disclaimer lines
 * (下載…APP, 聲明：…), and the related-story list after a heading such as
 * 延伸閱讀. The corpus guide leaves names found only there out of the
 * article; the person and organisation patterns skip them. Offsets are
 * those of the text given (normalised).
 */
const RELATED = /^\s*(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關閱讀|相关阅读|推薦閱讀|推荐阅读|更多新聞|更多新闻|熱門新聞|热门新闻|你可能也想看|猜你喜歡|猜你喜欢|看更多|相關文章|相关文章|熱門文章|热门文章)\s*[:：]?\s*$/;
// Short lines about the site rather than the news; a disclaimer of any length.
const PROMO = /(?:下載|下载|客戶端|客户端|官方微信|公眾號|公众号|訂閱|订阅|請繼續往下閱讀|请继续往下阅读|廣告|广告|掃碼|扫码|手機看|手机看|查看精彩圖片|查看精彩图片|打開.{1,6}APP|打开.{1,6}APP)/;
// A site's note that what it prints is not its position (本文僅代表作者觀點，不代表本站立場): the site names itself.
const NOT_OURS = /(?:不代表|不表明|不表示)[^。\n]{0,12}(?:立場|立场|觀點|观点)/;
const DISCLAIMER = /^\s*(?:(?:免責聲明|免责声明|聲明|声明|風險提示|风险提示)\s*[:：]|下載|下载|關注|关注|掃碼|扫码)/;

function navigation(line: string): boolean {
  if (/[>»]{1,2}/.test(line) && /(?:首頁|首页|正文|頻道|频道|位置)/.test(line)) return true;
  if (/[，,。；;！？!?]/.test(line)) return false;
  const segs = line.trim().split(/[\s|｜·•]+/).filter(Boolean);
  return segs.length >= 5 && segs.filter((s) => s.length <= 5).length >= 0.7 * segs.length;
}

/**
 * Spans of `text` that are page chrome, line by line, in text order.
 * `tailToo: false` leaves out the related-story list (the seed gold counts
 * names there; the corpus guide does not): for dictionary names.
 */
export function chromeSpans(text: string, tailToo = true): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  let tail = false;
  for (const line of text.split('\n')) {
    const end = at + line.length;
    if (navigation(line) || (line.length <= 40 && PROMO.test(line)) || DISCLAIMER.test(line) || (line.length <= 80 && NOT_OURS.test(line))) out.push([at, end]);
    else if (tail) {
      if (tailToo) out.push([at, end]);
    } else if (RELATED.test(line)) {
      tail = true;
      out.push([at, end]);
    }
    at = end + 1;
  }
  return out;
}

/**
 * Site chrome inside an article's text: navigation bars, tag lists,
 * "continue reading" and loading notices, related-story and promo lines,
 * share buttons. They are not the article (corpus GUIDE.md: "navigation and
 * promo lines … teasers" are no events), so the event rules skip them.
 * Decided per line, by the shape of the line, never by a story's words.
 */

// A line that opens with one of these labels is a list or a notice, not
// a sentence of the story (标签:业绩预告|沪市, 正在阅读:…, 延伸閱讀…).
const LABELS = [
  '标签', '標籤', '关键词', '關鍵字', '关键字', '正在阅读', '正在閱讀', '相关阅读', '相關閱讀', '相关新闻', '相關新聞', '相关文章', '相關文章',
  '延伸閱讀', '延伸阅读', '推荐阅读', '推薦閱讀', '热门', '熱門', '看更多', '更多新聞', '更多新闻', '責任編輯', '责任编辑', '核稿編輯', '核稿编辑',
  '免責聲明', '免责声明', '本期封面故事', '封面故事', '點我看', '点我看', '點擊', '点击', '訂閱', '订阅', '下載', '下载', '分享', '立即', '了解更多',
  '為你推荐', '为你推荐', '猜你喜欢', '猜你喜歡', '今日焦点', '今日焦點', '原标题', '原標題', '来源', '來源', '声明', '聲明', '网友评论', '網友評論',
  '廣告', '广告',
  // Captions of pictures and charts (圖：…, 图/…, 圖片來源): a caption retells at most.
  '圖：', '图：', '圖:', '图:', '圖／', '图／', '圖/', '图/', '圖片', '图片', '資料來源', '资料来源',
];
const LABEL_RE = new RegExp(`^[\\s【\\[（(《「]*(${LABELS.join('|')})`);
// Notices anywhere in the line.
const NOTICE = /(請繼續往下閱讀|请继续往下阅读|加载中|加載中|載入中|请稍候|請稍候|我是廣告|\[廣告\]|\[广告\]|APP下載|APP下载|打开网易新闻|開啟JavaScript|开启JavaScript)/;
// Promo bullets: ▶ 👉 ➤ ► → at the start of a line.
const BULLET = /^[\s]*[▶►➤👉→☞]/u;
// A navigation bar: several short items separated by spaces, pipes, bullets
// or arrows, and no sentence punctuation at all.
const NAV_SEP = /[\s|｜•·>＞›»]+/u;
const SENTENCE_MARK = /[，,。！？!?；;：:]/;

/** True when `line` (one line of a field, as printed) is site chrome. */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (LABEL_RE.test(t) || NOTICE.test(t) || BULLET.test(t)) return true;
  if (SENTENCE_MARK.test(t)) return false;
  const items = t.split(NAV_SEP).filter(Boolean);
  return items.length >= 4 && items.every((x) => x.length <= 8);
}

/**
 * For a field's text, a per-offset lookup: `chrome(offset)` is true when the
 * line holding the offset is chrome. Lines are tested once each.
 */
export function chromeLines(text: string): (offset: number) => boolean {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (isChromeLine(text.slice(from, nl))) ranges.push([from, nl]);
    from = nl + 1;
  }
  return (offset) => {
    for (const [a, b] of ranges) if (offset >= a && offset <= b) return true;
    return false;
  };
}

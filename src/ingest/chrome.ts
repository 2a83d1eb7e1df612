import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanText, NEVER_TEXT, textWeight } from './html-text';

/**
 * Class and id words that mark page furniture rather than the article:
 * navigation, ads, share bars, related lists, subscription pitches, footers.
 * Matched against whole class names and against their `-`/`_` parts.
 */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'gnb', 'topbar', 'footer', 'sidebar', 'widget', 'rail', 'aside',
  'ad', 'ads', 'advert', 'advertisement', 'adsbygoogle', 'sinaads', 'sponsor', 'sponsored', 'promo', 'promotion', 'banner',
  'share', 'sharing', 'sharedaddy', 'social', 'sns', 'related', 'recommend', 'recommended', 'readmore', 'popular', 'trending', 'hot',
  'tags', 'tag', 'comment', 'comments', 'subscribe', 'subscription', 'newsletter', 'cta', 'bio', 'copyright', 'login', 'search', 'guess',
]);

const DECOR = String.raw`[\s►▶▷▲△▼■□●◆◇★☆※➤→【\[〔（(]*`;
const DECOR_END = String.raw`[\s】\]〕）)]*`;
const RELATED = '其他人也在看|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|相關報導|相关报道|熱門新聞|热门新闻|熱門文章|热门文章|熱門推薦|热门推荐|編輯推薦|编辑推荐|看更多|更多新聞|更多新闻|猜你喜歡|猜你喜欢|你可能也喜歡|你可能也喜欢|最新新聞|最新新闻|精選文章|今日熱門|大家都在看|網友都在看|更多相關|更多相关|相關連結|相关链接|延伸報導|延伸报道|同場加映|相關影音';

/** Headings of blocks that list other articles. */
export const RELATED_HEADINGS = new RegExp(`^${DECOR}(${RELATED})${DECOR_END}[:：]?\\s*$`);

/** A paragraph that is only a pointer to another article or an editor's credit. */
export const POINTER_PARAGRAPH = new RegExp(`^${DECOR}(${RELATED}|責任編輯|责任编辑|編輯|编辑|核稿編輯|核稿编辑)${DECOR_END}\\s*[:：]`);

/**
 * Short app, newsletter and follow-us pitches that sites drop into the
 * article text. Only short paragraphs are tested, so an article that
 * discusses subscriptions keeps its paragraphs.
 */
const PITCH = /(下載\s*APP|下载\s*APP|用APP看新聞|天天中獎|點我訂閱|点我订阅|立即訂閱|立即订阅|訂閱電子報|订阅电子报|免費訂閱|加入.{0,10}LINE|追蹤我們|关注我们|按讚|點讚|尽在新浪财经APP|打開APP|打开APP|掃描二維碼|扫描二维码|看更多精彩)/i;

/** True for a short paragraph that only sells an app, a newsletter or a follow. */
export function isPitch(paragraph: string): boolean {
  return paragraph.length <= 80 && PITCH.test(paragraph);
}

const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar', 'dialog']);

function isChromeByName(el: Element): boolean {
  const tag = el.name.toLowerCase();
  if (tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
  const role = (el.attribs.role ?? '').toLowerCase();
  if (ROLES.has(role)) return true;
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
  return names.some((n) => CHROME_WORDS.has(n) || n.split(/[-_]/).some((part) => CHROME_WORDS.has(part)));
}

/** The text of an element if it is at most `limit` characters, else null; stops reading early. */
function shortText(el: AnyNode, limit: number): string | null {
  let out = '';
  const walk = (n: AnyNode): boolean => {
    if (n.type === 'text') {
      out += (n as unknown as { data: string }).data;
      return out.length <= limit;
    }
    if (n.type === 'tag') for (const c of (n as Element).children) if (!walk(c)) return false;
    return true;
  };
  return walk(el) ? out : null;
}

/** Text weight of an element, and how much of it sits inside links. */
export function weights($: CheerioAPI, el: Cheerio<AnyNode>): { text: number; links: number } {
  const text = textWeight(cleanText(el.text()));
  let links = 0;
  el.find('a').each((_, a) => {
    links += textWeight(cleanText($(a).text()));
  });
  return { text, links };
}

/** Remove what is never text (scripts, styles, forms, the head). */
export function removeNonText($: CheerioAPI): void {
  $([...NEVER_TEXT].join(',')).remove();
  $('head').remove();
}

/**
 * Remove the page furniture in place. `keep` is where the main text was
 * found before anything was removed: it and its ancestors are never removed,
 * however they are named (sites wrap whole pages in `<div class="wrap
 * has-sidebar">`), and neither is an element holding most of the text.
 */
export function removeChrome($: CheerioAPI, keep: Element | null): void {
  const total = Math.max(1, textWeight(cleanText($('body').text())));
  const holdsArticle = (el: Cheerio<AnyNode>) => {
    const node = el.get(0);
    if (keep && node && (node === keep || (node.type === 'tag' && $.contains(node as Element, keep)))) return true;
    return textWeight(cleanText(el.text())) > total * 0.5;
  };

  $('body *').each((_, el) => {
    if (!el.parent) return; // already removed with an ancestor
    if (isChromeByName(el) && !holdsArticle($(el))) $(el).remove();
  });

  // Blocks introduced by a related-articles heading: drop the block around
  // the heading when it is small, else the heading and the links after it.
  $('h1, h2, h3, h4, h5, h6, p, div, span, strong, b, dt, header, li').each((_, el) => {
    if (!el.parent) return;
    const node = $(el);
    if (el.children.filter((c) => c.type === 'tag').length > 1) return;
    const raw = shortText(el, 60);
    if (raw === null) return;
    const heading = cleanText(raw);
    if (!RELATED_HEADINGS.test(heading)) return;
    // Climb through wrappers that hold nothing but the heading.
    let top = node;
    while (top.parent().length && !top.parent().is('body') && textWeight(cleanText(top.parent().text())) <= textWeight(heading) + 2) top = top.parent();
    const block = top.parent();
    if (block.length && !block.is('body') && !holdsArticle(block) && weights($, block).text < total * 0.3) {
      block.remove();
      return;
    }
    top.nextAll('ul, ol, dl, div, section, p').filter((_, sib) => {
      const w = weights($, $(sib));
      return w.text > 0 && w.links / w.text >= 0.5;
    }).remove();
    top.remove();
  });
}

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

/** Headings of blocks that list other articles. */
export const RELATED_HEADINGS = /^(其他人也在看|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|相關報導|相关报道|熱門新聞|热门新闻|熱門文章|热门文章|熱門推薦|热门推荐|編輯推薦|编辑推荐|看更多|更多新聞|更多新闻|猜你喜歡|猜你喜欢|你可能也喜歡|你可能也喜欢|最新新聞|最新新闻|精選文章|今日熱門|大家都在看|網友都在看|更多相關|更多相关)\s*[:：]?\s*$/;

/** A paragraph that is only a pointer to another article or an editor's credit. */
export const POINTER_PARAGRAPH = /^(延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻|更多新聞|更多新闻|看更多|責任編輯|责任编辑|編輯|编辑)\s*[:：]/;

const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar', 'dialog']);

function isChromeByName(el: Element): boolean {
  const tag = el.name.toLowerCase();
  if (tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
  const role = (el.attribs.role ?? '').toLowerCase();
  if (ROLES.has(role)) return true;
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
  return names.some((n) => CHROME_WORDS.has(n) || n.split(/[-_]/).some((part) => CHROME_WORDS.has(part)));
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

/**
 * Remove the page furniture in place. An element that holds most of the
 * page's text is never removed, however it is named (some sites put the
 * article in `<div class="main-share-wrap">`).
 */
export function removeChrome($: CheerioAPI): void {
  $([...NEVER_TEXT].join(',')).remove();
  $('head').remove();
  const total = Math.max(1, textWeight(cleanText($('body').text())));
  const holdsArticle = (el: Cheerio<AnyNode>) => textWeight(cleanText(el.text())) > total * 0.5;

  $('body *').each((_, el) => {
    if (!el.parent) return; // already removed with an ancestor
    if (isChromeByName(el) && !holdsArticle($(el))) $(el).remove();
  });

  // Blocks introduced by a related-articles heading: drop the heading's
  // container when it is small, else the heading and the list after it.
  $('h1, h2, h3, h4, h5, h6, p, div, span, strong, b, dt, header').each((_, el) => {
    if (!el.parent) return;
    const node = $(el);
    if (node.children().length > 1 || !RELATED_HEADINGS.test(cleanText(node.text()))) return;
    const parent = node.parent();
    if (parent.length && !parent.is('body') && !holdsArticle(parent) && weights($, parent).text < total * 0.3) {
      parent.remove();
      return;
    }
    node.nextAll('ul, ol, dl, div, section').filter((_, sib) => {
      const w = weights($, $(sib));
      return w.text > 0 && w.links / w.text >= 0.5;
    }).remove();
    node.remove();
  });
}

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanText, NEVER_TEXT, paragraphsOf, shortText, textWeight } from './html-text';
import { isRelatedHeading } from './lines';

/**
 * Class and id words that mark page furniture rather than the article.
 * Strong words (navigation, footers, ads, share bars, comment threads,
 * search and login) name furniture whatever is inside; weak ones (related,
 * tags, author, widget …) also name the article's own wrapper on some sites
 * (WordPress gives the post `tag-news author-jane`), so an element named by
 * them stays when it holds prose. Matched against whole class names and ids
 * and against the `-`/`_` parts of short ones (a slug id such as
 * `sharing-with-a-single-developer` names a section, not a share bar).
 */
const STRONG_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'crumb', 'gnb', 'topbar', 'footer', 'sidebar',
  'ad', 'ads', 'advert', 'advertisement', 'adsbygoogle', 'sinaads', 'sponsor', 'sponsored', 'banner',
  'share', 'sharing', 'sharedaddy', 'social', 'sns', 'comment', 'comments', 'subscribe', 'subscription', 'newsletter', 'cta',
  'copyright', 'login', 'search', 'qrcode', 'qr', 'ewm', 'reward', 'toolbar', 'download', 'vote', 'digg',
]);
const WEAK_WORDS = new Set([
  'widget', 'rail', 'aside', 'promo', 'promotion', 'related', 'relate', 'recommend', 'recommended', 'readmore', 'popular', 'trending', 'hot',
  'tags', 'tag', 'bio', 'guess', 'author', 'disclaimer', 'statement', 'rank', 'follow',
]);
/** A line that may be another article's headline (or its date, or a count) in a related list. */
const isHeadlineLike = (line: string) => textWeight(line) <= 40 && !/[。.]$/.test(line);
/** Unlinked letters an element named by a weak word may hold and still be furniture. */
const WEAK_PROSE = 200;

const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar', 'dialog']);

/** Whether an element's tag, role, class or id names it as furniture, and how surely. */
export function chromeByName(el: Element): 'strong' | 'weak' | null {
  const tag = el.name.toLowerCase();
  if (tag === 'nav' || tag === 'footer' || tag === 'aside') return 'strong';
  // The article's own element is judged by its content, never by its class names.
  if (tag === 'article' || tag === 'main' || tag === 'body') return null;
  const role = (el.attribs.role ?? '').toLowerCase();
  if (ROLES.has(role)) return 'strong';
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
  let weak = false;
  for (const n of names) {
    const parts = n.split(/[-_]/);
    const words = parts.length <= 3 ? [n, ...parts] : [n];
    if (words.some((w) => STRONG_WORDS.has(w))) return 'strong';
    if (words.some((w) => WEAK_WORDS.has(w))) weak = true;
  }
  return weak ? 'weak' : null;
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
 * Remove what is never text (scripts, styles, controls, the head) and the
 * forms that do not hold most of the page's text: a search or login form
 * goes, a form wrapping the whole page (ASP.NET's `aspnetForm`) stays.
 */
export function removeNonText($: CheerioAPI): void {
  $([...NEVER_TEXT].join(',')).remove();
  $('head').remove();
  const total = textWeight(cleanText($.root().text()));
  $('form').each((_, el) => {
    if (textWeight(cleanText($(el).text())) <= total * 0.5) $(el).remove();
  });
}

/**
 * Remove the page furniture in place. `keep` is where the main text was
 * found before anything was removed: it and its ancestors are never removed,
 * however they are named (sites wrap whole pages in `<div class="wrap
 * has-sidebar">`), and neither is an element holding most of the text.
 */
export function removeChrome($: CheerioAPI, keep: Element | null): void {
  // A whole page has a body; an article fragment (Readability's candidate) is scoped by its root.
  const body = $('body').first();
  const scope: Cheerio<AnyNode> = body.length ? body : $.root();
  const atTop = (el: Cheerio<AnyNode>) => el.is('body') || el.parent().length === 0;
  const total = Math.max(1, textWeight(cleanText(scope.text())));
  const holdsArticle = (el: Cheerio<AnyNode>) => {
    const node = el.get(0);
    if (keep && node && (node === keep || (node.type === 'tag' && $.contains(node as Element, keep)))) return true;
    return textWeight(cleanText(el.text())) > total * 0.5;
  };

  scope.find('*').each((_, el) => {
    if (!el.parent) return; // already removed with an ancestor
    const named = chromeByName(el);
    if (!named || holdsArticle($(el))) return;
    if (named === 'weak') {
      const w = weights($, $(el));
      if (w.text - w.links >= WEAK_PROSE && w.links < w.text * 0.5) return;
    }
    $(el).remove();
  });

  // Blocks introduced by a related-articles heading.
  scope.find('h1, h2, h3, h4, h5, h6, p, div, span, strong, b, dt, header, li').each((_, el) => {
    if (!el.parent) return;
    const node = $(el);
    if (el.children.filter((c) => c.type === 'tag').length > 1) return;
    const raw = shortText(el, 60);
    if (raw === null) return;
    const heading = cleanText(raw);
    if (!isRelatedHeading(heading)) return;
    // Climb through wrappers that hold nothing but the heading.
    let top = node;
    while (top.parent().length && !atTop(top.parent()) && textWeight(cleanText(top.parent().text())) <= textWeight(heading) + 2) top = top.parent();
    // The block around the heading goes when it is a list of links; a block
    // that also holds prose (the article, with 延伸閱讀 at its end) keeps its
    // prose, and only the heading and the link lists after it go.
    const block = top.parent();
    const w = weights($, block);
    if (block.length && !atTop(block) && !holdsArticle(block) && w.links >= (w.text - textWeight(heading)) * 0.5) {
      block.remove();
      return;
    }
    // After the heading, up to the first prose: lists of links, and blocks
    // of headline-like lines (short, no full stop), dates and counts.
    for (const sib of top.nextAll().toArray()) {
      const w = weights($, $(sib));
      const lines = paragraphsOf(sib);
      const listy = (w.text > 0 && w.links / w.text >= 0.5) || (lines.length > 0 && lines.every(isHeadlineLike));
      if (!listy) break;
      $(sib).remove();
    }
    top.remove();
  });
}

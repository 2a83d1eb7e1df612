import type { CheerioAPI } from 'cheerio';
import { cleanText, textWeight } from './html-text';

/** Elements whose content a browser shows only without scripts, or a script renders from. */
const HIDDEN = 'noscript, template, textarea, script[type="text/template"], script[type="text/html"], script[type="text/x-template"]';
/** Letters a hidden fragment needs to be taken for the article. */
const MIN_LETTERS = 50;

/**
 * The HTML a page keeps out of its rendered markup: the `<noscript>`
 * version of a script-rendered article, an article template, the editor's
 * `<textarea>`. Read before these elements are removed as never-text; the
 * largest one with some prose is used only when the page's markup gave no
 * article at all. Null when there is none.
 */
export function hiddenArticleHtml($: CheerioAPI): string | null {
  let best: { html: string; weight: number } | null = null;
  $(HIDDEN).each((_, el) => {
    const node = $(el);
    // Raw-text elements (textarea, script) hold their HTML as text; noscript and template as markup.
    const html = el.name === 'textarea' || el.name === 'script' ? node.text() : (node.html() ?? '');
    const weight = textWeight(cleanText(html.replace(/<[^>]*>/g, ' ')));
    if (weight >= MIN_LETTERS && (!best || weight > best.weight)) best = { html, weight };
  });
  const found = best as { html: string } | null;
  return found ? `<html><body>${found.html}</body></html>` : null;
}

/** JSON-LD `articleBody` as paragraphs, when it holds some prose. */
export function jsonLdParagraphs(articleBody: string | null): string[] {
  if (!articleBody) return [];
  const paragraphs = articleBody.split(/\r?\n+/).map((p) => cleanText(p)).filter((p) => textWeight(p) > 0);
  return textWeight(paragraphs.join('')) >= MIN_LETTERS ? paragraphs : [];
}

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { removeChrome, removeNonText, weights } from './chrome';
import { isDateLine } from './dates';
import { cleanText, paragraphsOf, shortText, textWeight } from './html-text';
import { isEditorCredit, isFurnitureLine, isMemberBox, isPitch, MEMBER_BOX_MAX, POINTER_PARAGRAPH, stripGluedTail } from './lines';

const squash = (s: string) => s.replace(/\s+/g, '');
const HEADLINE_LABEL = /^(?:原创|原創|独家|獨家|快讯|快訊)/;
/**
 * What a site puts after the editor's credit inside the article container is
 * a teaser of another article, a tag line or a related list. Only once the
 * body has begun, since some sites print the credit above the text.
 */
const BODY_BEFORE_CREDIT = 2;

/**
 * The article's paragraphs from its container (the candidate Readability
 * chose, or the container our own scoring found): the chrome still inside
 * it goes (class-named furniture, related-article blocks, login and paywall
 * boxes, link lists, links that only navigate or sell an app), then the
 * lines that are furniture (pointers, credits, pitches, counters, date
 * stamps, the repeated headline), and
 * furniture glued to the end of a paragraph. Every other paragraph is kept,
 * however short: a two-character Chinese line can carry the news.
 */
export function articleParagraphs($: CheerioAPI, roots: AnyNode[], title: string): string[] {
  removeNonText($);
  removeChrome($, null);
  const scope = $(roots);
  scope.find('div, section, aside, ul, ol, table, form, p, dl').each((_, el) => {
    if (!el.parent) return;
    // Only short blocks can be login boxes; the text is read no further than that.
    const text = shortText(el, MEMBER_BOX_MAX);
    if (text !== null && isMemberBox(cleanText(text))) $(el).remove();
  });
  // Link lists inside the article (headline lists, tag clouds) go; a sentence with a link in it stays.
  scope.find('p, li, div, ul, ol, dl, table').each((_, el) => {
    if (!el.parent) return;
    const w = weights($, $(el));
    if (w.text > 0 && w.links / w.text >= 0.8) $(el).remove();
  });
  scope.find('a').each((_, el) => {
    const t = cleanText($(el).text());
    if (t && (isPitch(t) || isFurnitureLine(t))) $(el).remove();
  });
  const headline = squash(title);
  const out: string[] = [];
  for (const raw of paragraphsOf(roots, (el: Element) => el.name === 'h1')) {
    const p = stripGluedTail(raw);
    const key = squash(p);
    // Lines without a letter or digit (rules, arrows, a row of U+FFFD) are never the news.
    if (!key || textWeight(p) === 0) continue;
    if (out.length >= BODY_BEFORE_CREDIT && isEditorCredit(p)) break;
    if (POINTER_PARAGRAPH.test(p) || isPitch(p) || isDateLine(p) || isFurnitureLine(p)) continue;
    // The headline again, also behind a label (原创, 独家, 快讯).
    if (out.length < 3 && (key === headline || key.replace(HEADLINE_LABEL, '') === headline)) continue;
    out.push(p);
  }
  return out;
}

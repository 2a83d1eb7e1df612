import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { cleanText, shortText, textWeight } from './html-text';

/**
 * Separators between a headline and the site's name in `<title>`:
 * `標題 | 站名`, `標題 - 站名`, `標題_新浪财经_新浪网`, `標題 :: 痞客邦`,
 * `栏目--标题`. A bare `-` is not one: `1-10月`, `Wi-Fi`, `COVID-19`.
 */
export const TITLE_SEPARATOR = /\s+[|｜\-–—]\s+|[｜_]|\s[|]\s|\s*::\s*|\s*--\s*|\s*——\s*/;

/** `標題 | 站名` → the headline (the longest part) and the site parts. */
export function splitTitle(title: string): { headline: string; site: string[] } {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  const headline = parts.reduce((a, b) => (textWeight(b) > textWeight(a) ? b : a), parts[0] ?? title);
  return { headline, site: parts.filter((p) => p !== headline) };
}

/** og:title often repeats the site name of `<title>`; drop those trailing parts. */
export function stripSite(title: string, site: string[]): string {
  let t = title;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of site) {
      const m = new RegExp(`(?:${TITLE_SEPARATOR.source})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).exec(t);
      if (m) {
        t = t.slice(0, m.index).trim();
        changed = true;
      }
    }
  }
  return t;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const HEADING = new Set(['h1', 'h2', 'h3', 'h4']);


/** Where `part` ends in `full` when `full` starts with it, spaces aside; -1 when it does not. */
function prefixEnd(full: string, part: string): number {
  let i = 0;
  for (const ch of part) {
    if (/\s/.test(ch)) continue;
    while (i < full.length && /\s/.test(full[i]!)) i++;
    if (full[i] !== ch) return -1;
    i++;
  }
  return i;
}

const reverse = (s: string) => [...s].reverse().join('');
/** What may stand between a headline and the rest of `<title>`: a separator or a space. */
const JOINT = /^(?:\s|[|｜\-–—_:：·•/])/;

/**
 * Whether `full` (a `<title>` or og:title) names `text` as its headline: the
 * two are equal, or `full` starts (or ends) with `text` and a separator or a
 * space follows (or precedes) it, or, for a heading element, `full`
 * contains it.
 */
function confirms(full: string, text: string, heading: boolean): boolean {
  const f = squash(full);
  const t = squash(text);
  if (!f || !t) return false;
  if (f === t) return true;
  const head = prefixEnd(full, text);
  if (head > 0 && JOINT.test(full.slice(head))) return true;
  const tail = prefixEnd(reverse(full), reverse(text));
  if (tail > 0 && JOINT.test(reverse(full).slice(tail))) return true;
  return heading && f.includes(t);
}

/** A headline and the element of the page that shows it, when there is one. */
export interface TitlePick {
  title: string | null;
  element: Element | null;
}

/**
 * The page's headline. A JSON-LD headline wins; then the longest element of
 * the page (a heading, a `div.title`, a styled `span`) that `<title>` or
 * og:title confirms as its headline, as long as it is not shorter than half
 * the headline part of `<title>` (a section name such as 国内新闻 is
 * confirmed too, but short); then og:title without the site's name; then the
 * headline part of a `<title>` that has a separator; then a first `<h1>` that
 * is not the site's logo; then `<title>` itself.
 */
export function pickTitle($: CheerioAPI, jsonLdHeadline: string | null, og: string): TitlePick {
  if (jsonLdHeadline) return { title: jsonLdHeadline, element: null };
  const docTitle = cleanText($('head > title').first().text() || $('title').first().text());
  const { headline: fromTitle, site } = splitTitle(docTitle);
  const siteNames = new Set(site.map(squash));
  const minWeight = Math.min(textWeight(fromTitle), textWeight(og)) * 0.5;
  let best: { text: string; el: Element; heading: boolean } | null = null;
  $('body *').each((_, el) => {
    const raw = shortText(el, 200);
    if (raw === null) return;
    const text = cleanText(raw);
    const weight = textWeight(text);
    if (weight < 2 || weight < minWeight || siteNames.has(squash(text))) return;
    const heading = HEADING.has(el.name);
    if (!confirms(docTitle, text, heading) && !confirms(og, text, heading)) return;
    const better = !best || weight > textWeight(best.text) || (weight === textWeight(best.text) && heading && !best.heading);
    if (better) best = { text, el, heading };
  });
  const found = best as { text: string; el: Element } | null;
  if (found) return { title: found.text, element: found.el };
  if (og) return { title: stripSite(og, site) || og, element: null };
  if (site.length && fromTitle) return { title: fromTitle, element: null };
  const h1 = $('h1').toArray().find((el) => {
    const t = cleanText($(el).text());
    return textWeight(t) > 0 && !siteNames.has(squash(t));
  });
  if (h1) return { title: cleanText($(h1).text()), element: h1 };
  return { title: docTitle || null, element: null };
}

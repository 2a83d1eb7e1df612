import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ExtractError } from '../errors';
import { isPitch, POINTER_PARAGRAPH, removeChrome, removeNonText, weights } from './chrome';
import { isDateLine } from './dates';
import { cleanText, paragraphsOf, textWeight } from './html-text';
import { readMeta } from './meta';

/** What `newsflow extract` prints and `ingest:page` turns into an Article. */
export interface Extracted {
  title: string;
  author: string | null;
  publishedAt: string | null;
  /** Canonical URL of the page. */
  url: string;
  /** Main text, one paragraph per line. */
  text: string;
}

const CONTAINERS = new Set(['div', 'article', 'section', 'main', 'td', 'body', 'font', 'center']);
/** Inline and paragraph elements: their text belongs to the container around them. */
const PARAGRAPHS = new Set(['p', 'li', 'blockquote', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'ul', 'ol', 'figcaption', 'b', 'strong', 'em', 'i', 'u', 'a', 'font', 'span', 'small', 'sup', 'sub', 'time', 'label', 'q', 'cite', 'code', 'mark']);
const BLOCKISH = new Set(['div', 'p', 'section', 'article', 'table', 'ul', 'ol', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'main', 'header', 'footer', 'li', 'dl', 'figure']);

/** A `<div>` holding one paragraph of text and nothing block-like is a paragraph, not a container. */
function isParagraphDiv(el: Element): boolean {
  return el.name === 'div' && !el.children.some((c) => c.type === 'tag' && BLOCKISH.has((c as Element).name.toLowerCase()));
}

/**
 * Score containers by the text directly inside them: every text node counts
 * fully for the container holding its paragraph and half for the one above.
 * All text counts, however short, so a page of two-line Chinese paragraphs
 * scores like one of long ones; text inside links counts nothing, so link
 * lists never win. When the text is split over sibling containers (an ad
 * between two halves), their common parent is taken.
 */
function bestContainer($: cheerio.CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, w: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + w);
  };
  const walk = (node: AnyNode, inLink: boolean) => {
    if (node.type === 'text') {
      const w = inLink ? 0 : textWeight((node as unknown as { data: string }).data);
      if (w === 0) return;
      let holder = node.parent as Element | null;
      while (holder && holder.parent && holder.parent.type === 'tag' && (PARAGRAPHS.has(holder.name?.toLowerCase()) || isParagraphDiv(holder))) holder = holder.parent as Element;
      add(holder, w);
      add((holder?.parent as Element | null) ?? null, w / 2);
      return;
    }
    if (node.type === 'tag') for (const c of (node as Element).children) walk(c, inLink || (node as Element).name === 'a');
  };
  const body = $('body').get(0);
  if (!body) return null;
  walk(body, false);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (!el.name || !CONTAINERS.has(el.name.toLowerCase())) continue;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  const parent = best?.parent as Element | null | undefined;
  if (parent && parent.type === 'tag' && (scores.get(parent) ?? 0) >= bestScore * 0.75) return parent;
  return best;
}

/**
 * Extract the article from a decoded HTML page: metadata first (from the
 * untouched page); then the main container is located, the chrome around
 * and inside it removed (never the container itself), the container located
 * again, and its paragraphs kept minus link lists, the repeated headline,
 * pointer lines, pitches and date stamps.
 */
export function extractArticle(html: string, pageUrl: string): Extracted {
  const $ = cheerio.load(html);
  const meta = readMeta($, pageUrl);
  removeNonText($);
  removeChrome($, bestContainer($));
  const container = bestContainer($);
  if (!container) throw new ExtractError(pageUrl, 'the page has no text');
  const node = $(container);
  // Link lists inside the article (headline lists, tag clouds) go; a sentence with a link in it stays.
  node.find('p, li, div, ul, ol').each((_, el) => {
    if (!el.parent) return;
    const w = weights($, $(el));
    if (w.text > 0 && w.links / w.text >= 0.8) $(el).remove();
  });
  const title = meta.title ?? '';
  const paragraphs = paragraphsOf(node.toArray(), (el) => el.name === 'h1').filter(
    (p, i) => !POINTER_PARAGRAPH.test(p) && !isPitch(p) && !isDateLine(p) && !(i === 0 && cleanText(p) === title),
  );
  if (paragraphs.length === 0 || textWeight(paragraphs.join('')) === 0) throw new ExtractError(pageUrl, 'no article text found');
  if (!title) throw new ExtractError(pageUrl, 'no title found');
  return { title, author: meta.author, publishedAt: meta.publishedAt, url: meta.url, text: paragraphs.join('\n') };
}

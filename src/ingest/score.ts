import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textWeight } from './html-text';

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
export function bestContainer($: cheerio.CheerioAPI): Element | null {
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

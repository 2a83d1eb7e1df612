import type { AnyNode, Element } from 'domhandler';

/** Elements that end a paragraph: text on either side of them is not run together. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Elements whose content is never article text. `form` is not one of them:
 * ASP.NET sites wrap the whole page in `<form id="aspnetForm">`; small forms
 * (search, login) go as chrome (src/ingest/chrome.ts).
 */
export const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'select', 'option', 'input', 'textarea', 'object', 'embed', 'video', 'audio', 'map']);

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F';
const CJK_GAP = new RegExp(`([${CJK}])\\s*\\n\\s*([${CJK}])`, 'g');

/** Collapse HTML whitespace; a source line break between two CJK characters is not a space in Chinese. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(CJK_GAP, '$1$2')
    .replace(/[ \t\n\f\u00A0]+/g, ' ')
    .trim();
}

/**
 * The text of a DOM subtree as paragraphs: each block element (and each
 * `<br>`) ends one. No paragraph is dropped for being short: a two-character
 * Chinese line can carry the news.
 */
export function paragraphsOf(nodes: AnyNode | AnyNode[], skip?: (el: Element) => boolean): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = cleanText(current);
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      current += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style' && node.type !== 'root' && node.type !== 'cdata') return;
    if (node.type === 'cdata' || node.type === 'root') {
      for (const c of (node as unknown as { children: AnyNode[] }).children) walk(c);
      return;
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (NEVER_TEXT.has(name) || skip?.(el)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) walk(n);
  flush();
  return out;
}

/** Length of a text in characters that count for reading: letters, digits and CJK, not spaces or punctuation. */
export function textWeight(s: string): number {
  return s.replace(NOT_LETTER, '').length;
}
const NOT_LETTER = /[^\p{L}\p{N}]+/gu;

/** The text of an element when it is at most `limit` characters, else null; stops reading early. */
export function shortText(el: AnyNode, limit: number): string | null {
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

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticleText } from '../src/article';
import { expandPaths } from '../src/cli/files';
import type { Article } from '../src/types';

/** The five fixture articles every benchmark input is cut from. */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/articles', import.meta.url));

export function fixtureArticles(): Article[] {
  return expandPaths([FIXTURE_DIR]).map((f) => parseArticleText(readFileSync(f, 'utf8'), f));
}

/** Characters (UTF-16 units, which is one per Han character) and UTF-8 bytes of title + body. */
export function textSize(articles: readonly Article[]): { chars: number; bytes: number } {
  let chars = 0;
  let bytes = 0;
  for (const a of articles) {
    chars += a.title.length + a.body.length;
    bytes += Buffer.byteLength(a.title) + Buffer.byteLength(a.body);
  }
  return { chars, bytes };
}

function make(title: string, body: string, source: string, name: string): Article {
  return parseArticleText(`---\ntitle: ${title}\nsource: ${source}\n---\n${body}`, name);
}

/**
 * Full-length articles: the fixtures again and again, each copy with a
 * numbered title (so every article has its own id) and the whole body,
 * until the title and body text reach `minBytes` of UTF-8.
 */
export function fullArticles(minBytes: number, tag = 'full'): Article[] {
  const base = fixtureArticles();
  const out: Article[] = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes && i < 1_000_000; i++) {
    const a = base[i % base.length]!;
    const copy = make(`${a.title}（${tag} ${i + 1}）`, a.body, a.source, `${tag}-${i}`);
    bytes += Buffer.byteLength(copy.title) + Buffer.byteLength(copy.body);
    out.push(copy);
  }
  return out;
}

/** `n` full-length articles (numbered copies of the fixtures). */
export function fullArticleCount(n: number, tag = 'full'): Article[] {
  const base = fixtureArticles();
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length]!;
    return make(`${a.title}（${tag} ${i + 1}）`, a.body, a.source, `${tag}-${i}`);
  });
}

/** A news-flash body: consecutive non-empty paragraphs of one fixture from `start`, at least `min` characters. */
function flashBodies(min: number, max: number): Array<{ source: string; title: string; body: string }> {
  const out: Array<{ source: string; title: string; body: string }> = [];
  for (const a of fixtureArticles()) {
    const paras = a.body.split('\n').map((p) => p.trim()).filter(Boolean);
    for (let s = 0; s < paras.length; s++) {
      let body = '';
      for (let e = s; e < paras.length && body.length < min; e++) body += `${paras[e]}\n`;
      if (body.length < min || body.length > max) continue;
      // A flash's headline: the first clause of its lead, as wire services write them.
      const first = paras[s]!.split(/[，。；：！？]/)[0]!.slice(0, 28);
      out.push({ source: a.source, title: first.length >= 6 ? first : a.title.slice(0, 28), body });
    }
  }
  return out;
}

/**
 * `n` distinct news-flash items cut from the fixtures: a short headline and
 * one or a few consecutive paragraphs of real article text (at least `min`,
 * at most `max` characters of body), numbered so each has its own id.
 * `tag` keeps separate runs (saturation, fixed rate) from sharing ids.
 */
export function flashItems(n: number, tag: string, min = 150, max = 600): Article[] {
  const bodies = flashBodies(min, max);
  if (bodies.length === 0) throw new Error('no fixture paragraphs fit a news flash');
  return Array.from({ length: n }, (_, i) => {
    const b = bodies[i % bodies.length]!;
    return make(`${b.title}（${tag} ${i + 1}）`, b.body, b.source, `${tag}-${i}`);
  });
}

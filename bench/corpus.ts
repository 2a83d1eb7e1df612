import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticleText } from '../src/article';
import { expandPaths } from '../src/cli/files';
import type { Article } from '../src/types';
import { rng } from '../src/dict/synthetic';

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

/** Every sentence of the fixture bodies (at least 12 characters), with its source. */
function fixtureSentences(): Array<{ source: string; text: string }> {
  const out: Array<{ source: string; text: string }> = [];
  for (const a of fixtureArticles()) {
    for (const m of a.body.matchAll(/[^。！？\n]+[。！？]?/g)) {
      const text = m[0].trim();
      if (text.length >= 12) out.push({ source: a.source, text });
    }
  }
  return out;
}

/**
 * `n` distinct news-flash items made from the fixtures: sentences drawn at
 * random (seeded) from all five, joined until the body has at least `min`
 * characters (at most `max`), under a headline made from the first clause
 * of the first sentence and a number. Drawing sentences rather than cutting
 * consecutive paragraphs keeps the items from being near-duplicates of one
 * another, which a replay of real news mostly is not (the novelty check in
 * the analyse worker does far more work on a corpus of near-duplicates).
 * `tag` keeps separate runs (saturation, fixed rate) from sharing ids.
 */
export function flashItems(n: number, tag: string, min = 150, max = 600, seed = 8): Article[] {
  const sentences = fixtureSentences();
  if (sentences.length === 0) throw new Error('no fixture sentences to make news flashes from');
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const first = sentences[Math.floor(rand() * sentences.length)]!;
    let body = first.text;
    // Bounded: at most 50 draws per item.
    for (let k = 0; k < 50 && body.length < min; k++) {
      const next = sentences[Math.floor(rand() * sentences.length)]!.text;
      if (body.length + next.length <= max) body += next;
    }
    const clause = first.text.split(/[，。；：！？]/)[0]!.slice(0, 28);
    return make(`${clause}（${tag} ${i + 1}）`, `${body}\n`, first.source, `${tag}-${i}`);
  });
}

import { BadInputError } from './errors';
import { articleId } from './ids';
import type { Article } from './types';

/** The size of an article's text as NEWSFLOW_ARTICLE_MAX_CHARS counts it: UTF-16 units of title and body. */
export function articleChars(a: Pick<Article, 'title' | 'body'>): number {
  return a.title.length + a.body.length;
}

/**
 * Parse an article file.
 *
 * A plain `.txt` article: the first non-empty line is the title, the rest the
 * body. A file may start with a front-matter block between two `---` lines of
 * `key: value` pairs (title, source, url, publishedAt, fetchedAt); then the
 * title comes from there and everything after the block is the body,
 * verbatim, so mention offsets refer to the text as the source printed it.
 *
 * The article id is the hash of the URL when one is given, else of the text.
 */
export function parseArticleText(text: string, name = 'article'): Article {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let meta: Record<string, string> = {};
  let rest = src;
  if (src.startsWith('---\n')) {
    const end = src.indexOf('\n---\n', 3);
    if (end < 0) throw new BadInputError(`${name}: front matter opened with --- but never closed`);
    meta = parseFrontMatter(src.slice(4, end + 1), name);
    rest = src.slice(end + 5);
  }
  let title = meta.title?.trim() ?? '';
  let body = rest;
  if (!title) {
    const m = /^\s*([^\n]*\S[^\n]*)\n?/.exec(rest);
    if (!m) throw new BadInputError(`${name}: empty article (no title line)`);
    title = m[1]!.trim();
    body = rest.slice(m[0].length);
  }
  if (!body.trim() && !title) throw new BadInputError(`${name}: empty article`);
  const url = meta.url?.trim() || null;
  return {
    id: articleId(url ?? `${title}\n${body}`),
    url,
    source: meta.source?.trim() || 'file',
    title,
    body,
    publishedAt: normaliseDate(meta.publishedAt ?? meta.date, name),
    fetchedAt: meta.fetchedAt ? normaliseDate(meta.fetchedAt, name) : null,
  };
}

function parseFrontMatter(block: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  block.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const m = /^([A-Za-z][A-Za-z0-9_]*):\s?(.*)$/.exec(line);
    if (!m) throw new BadInputError(`${name}:${i + 2}: front matter line is not "key: value": ${JSON.stringify(line)}`);
    out[m[1]!] = m[2]!;
  });
  return out;
}

/** A bare date is taken as midnight Taiwan/China time (UTC+8), where these sources publish. */
function normaliseDate(raw: string | undefined, name: string): string | null {
  if (!raw || !raw.trim()) return null;
  const s = raw.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) return `${s}T00:00:00+08:00`;
  if (Number.isNaN(Date.parse(s))) throw new BadInputError(`${name}: unreadable date ${JSON.stringify(s)}`);
  return s;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parseArticleText } from '../article';
import { BadInputError } from '../errors';
import type { Article } from '../types';

/** Expand files and directories (their `*.txt`, sorted) into file paths, in order. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new BadInputError(`no such file or directory: ${p}`);
    }
    if (st.isDirectory()) {
      out.push(...readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}

export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

/** Read article files (or `-` for stdin) in the order given. */
export async function readArticles(paths: string[], stdin: Readable): Promise<Array<{ name: string; article: Article }>> {
  const out: Array<{ name: string; article: Article }> = [];
  for (const p of paths) {
    if (p === '-') out.push({ name: 'stdin', article: parseArticleText(await readStdin(stdin), 'stdin') });
    else for (const f of expandPaths([p])) out.push({ name: f, article: parseArticleText(readFileSync(f, 'utf8'), f) });
  }
  return out;
}

export const DEFAULT_FIXTURES = 'fixtures/articles';

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parseArticleText } from '../article';
import { BadInputError, BinaryInputError } from '../errors';
import type { Article } from '../types';

/** One input of a command: the article read from it, or why it could not be. */
export type ArticleInput = { name: string; article: Article; error?: undefined } | { name: string; article?: undefined; error: Error };

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
    if (st.isDirectory()) out.push(...readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

export async function readStdin(stdin: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an article file: UTF-8 without NUL bytes. Anything else (an
 * executable, an image, a file in another encoding) is refused with a
 * BinaryInputError rather than analysed into an event of gibberish.
 */
export function articleText(bytes: Buffer, name: string): string {
  if (bytes.subarray(0, 65_536).includes(0)) throw new BinaryInputError(name, 'it contains NUL bytes');
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BinaryInputError(name, 'it is not valid UTF-8');
  }
}

/** Read and parse one article file. */
function readOne(name: string, bytes: () => Buffer): ArticleInput {
  try {
    return { name, article: parseArticleText(articleText(bytes(), name), name) };
  } catch (err) {
    return { name, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

/**
 * Read article files (or `-` for stdin) in the order given, each on its
 * own: a missing, empty, binary or malformed file is an entry with its
 * error, and the files beside it are read all the same.
 */
export async function readArticleInputs(paths: string[], stdin: Readable): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  for (const p of paths) {
    if (p === '-') {
      const bytes = await readStdin(stdin);
      out.push(readOne('stdin', () => bytes));
      continue;
    }
    let files: string[];
    try {
      files = expandPaths([p]);
    } catch (err) {
      out.push({ name: p, error: err as Error });
      continue;
    }
    for (const f of files) out.push(readOne(f, () => readFileSync(f)));
  }
  return out;
}

/** Write one line per input that could not be read; returns how many there were. */
export function reportBadInputs(inputs: ArticleInput[], stderr: NodeJS.WritableStream, command: string): number {
  let bad = 0;
  for (const i of inputs) {
    if (!i.error) continue;
    bad++;
    stderr.write(`newsflow ${command}: ${i.error.message.startsWith(i.name) ? '' : `${i.name}: `}${i.error.message} (${i.error.name})\n`);
  }
  return bad;
}

export const DEFAULT_FIXTURES = 'fixtures/articles';

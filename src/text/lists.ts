import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WordListError } from '../errors';

/**
 * A word list shipped as data (one entry a line; blank lines and lines
 * starting with `#` skipped; surrounding spaces trimmed), read once per
 * call: the callers keep what they build from it. `unit` asks for entries of
 * exactly one UTF-16 unit (a character list).
 */
export function readWordList(url: URL, opts: { unit?: boolean } = {}): string[] {
  const { file, text } = readDataFile(url);
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const w = raw.trim();
    if (!w || w.startsWith('#')) return;
    if (opts.unit && w.length !== 1) throw new WordListError(file, i + 1, `expected one character, got ${JSON.stringify(w)}`);
    out.push(w);
  });
  return out;
}

/** `s` with the characters that mean something in a regular expression escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A shipped data file's text and path; a missing one is a WordListError naming it. */
export function readDataFile(url: URL): { file: string; text: string } {
  const file = fileURLToPath(url);
  try {
    return { file, text: readFileSync(url, 'utf8') };
  } catch (err) {
    throw new WordListError(file, 0, `cannot read: ${(err as Error).message}`);
  }
}

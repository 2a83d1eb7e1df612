import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError } from '../errors';
import type { DictEntry } from './types';
import { entryProblems } from './validate';

/** One problem in a dictionary file, with where it is. */
export interface DictProblem {
  file: string;
  line: number;
  message: string;
}

/** An entry with the file and line it was read from. */
export interface LocatedEntry {
  entry: DictEntry;
  file: string;
  line: number;
}

/** Everything read from one file: valid entries, and the problems of the lines that are not. */
export interface ParsedFile {
  file: string;
  text: string;
  entries: LocatedEntry[];
  problems: DictProblem[];
}

/**
 * Parse one JSON Lines dictionary text. Blank lines and lines starting with
 * `//` are skipped; every other line must be one valid entry. Never throws:
 * bad lines become problems so that `dict check` can report all of them.
 */
export function parseDictText(text: string, file: string): ParsedFile {
  const entries: LocatedEntry[] = [];
  const problems: DictProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      problems.push({ file, line: i + 1, message: `not JSON: ${(err as Error).message}` });
      return;
    }
    const ps = entryProblems(value);
    if (ps.length) for (const message of ps) problems.push({ file, line: i + 1, message });
    else entries.push({ entry: value as DictEntry, file, line: i + 1 });
  });
  return { file, text, entries, problems };
}

/** The dictionary files of one directory, sorted by name so load order is stable. */
export function dictFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new DictionaryError(`cannot read dictionary directory: ${(err as Error).message}`, dir);
  }
  return names.filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
}

/** The bytes of every dictionary file of `dir`, in load order (enough to hash them). */
export function readDictBytes(dir: string): Array<{ file: string; bytes: Buffer }> {
  return dictFiles(dir).map((file) => {
    try {
      return { file, bytes: readFileSync(file) };
    } catch (err) {
      throw new DictionaryError(`cannot read: ${(err as Error).message}`, file);
    }
  });
}

/** The text of every dictionary file of `dir`, in load order. */
export function readDictDir(dir: string): Array<{ file: string; text: string }> {
  return dictFiles(dir).map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (err) {
      throw new DictionaryError(`cannot read: ${(err as Error).message}`, file);
    }
  });
}

/** Read and parse every dictionary file of `dir`. */
export function parseDictDir(dir: string): ParsedFile[] {
  return readDictDir(dir).map(({ file, text }) => parseDictText(text, file));
}

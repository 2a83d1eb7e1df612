import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DictEntry } from '../../../src/dict/types';
import { loadDictionary } from '../../../src/dict/load';
import { createNlp } from '../../../src/nlp/index';
import type { Nlp, Tagged } from '../../../src/nlp/types';

/**
 * An NLP core over a small dictionary of the test's own, so a rule is
 * tested whatever the shipped dictionary holds; `dispose` removes its files.
 */
export function ownNlp(entries: ReadonlyArray<Omit<DictEntry, 'source'> & { source?: string }>): { nlp: Nlp; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-own-'));
  writeFileSync(join(dir, 'test.jsonl'), entries.map((e) => JSON.stringify({ source: 'curated', ...e })).join('\n'));
  const nlp = createNlp(loadDictionary([dir]));
  return { nlp, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Names of the tagged entities of `kind`, sorted. */
export function namesOf(r: Tagged, kind: string): string[] {
  return r.entities.filter((e) => e.kind === kind).map((e) => e.name).sort();
}

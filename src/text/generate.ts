import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCharTables, releaseConverters } from './opencc';

/**
 * Generate `data/script-fold.txt`, the character tables of fold.ts, from the
 * installed opencc-js. Regenerate after upgrading it:
 * `npx tsx src/text/generate.ts --write`.
 */
export const SCRIPT_FOLD_FILE = fileURLToPath(new URL('./data/script-fold.txt', import.meta.url));

/** The file's text: a header, then one `K XY` line per character that changes. */
export function generateScriptFold(): string {
  const { tw, hk, cn } = generateCharTables();
  releaseConverters();
  const lines = ['# Character tables of src/text/fold.ts, generated from opencc-js by `npx tsx src/text/generate.ts --write`; do not edit.', '# s XY: X (Taiwan Traditional) folds to Y (Simplified); h XY: the same from Hong Kong forms, where s has nothing; t XY: X (Simplified) to Y (Taiwan Traditional).'];
  const emit = (k: string, m: Map<number, number>) => {
    for (const [from, to] of [...m].sort((a, b) => a[0] - b[0])) lines.push(`${k} ${String.fromCharCode(from)}${String.fromCharCode(to)}`);
  };
  emit('s', tw);
  emit('h', new Map([...hk].filter(([from]) => !tw.has(from))));
  emit('t', cn);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(SCRIPT_FOLD_FILE, generateScriptFold());
}

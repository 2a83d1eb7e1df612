import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldScript } from '../text/fold';
import { toTaiwanese } from '../text/opencc';

/**
 * Taiwanese vocabulary for the segmenter, in folded (Simplified-character)
 * form: jieba's shipped dictionary converted with OpenCC's Taiwanese phrase
 * tables (cn → twp: 软件 → 軟體, 内存 → 記憶體), folded back character by
 * character, keeping the words that come out different (软体, 记忆体) with
 * the frequency and tag of the word they came from.
 *
 * Generating it takes about a second of CPU and a burst of memory (the whole
 * dictionary as strings), so it is generated once, kept in
 * `data/taiwanese-words.txt` and read from there; a test checks the file
 * against a fresh generation. Regenerate after upgrading @node-rs/jieba or
 * opencc-js with `npx tsx src/nlp/taiwanese.ts --write`.
 */
const require = createRequire(import.meta.url);
export const TAIWANESE_WORDS_FILE = fileURLToPath(new URL('./data/taiwanese-words.txt', import.meta.url));

/** Generate the word list (`word freq tag` lines) from jieba's dictionary. */
export function generateTaiwaneseWords(): string {
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const lines = text.split('\n');
  const words = lines.map((l) => l.slice(0, l.indexOf(' ')));
  const converted = toTaiwanese(words.join('\n')).split('\n');
  const out: string[] = [];
  if (converted.length === lines.length) {
    for (let i = 0; i < lines.length; i++) {
      const w = words[i]!;
      const back = foldScript(converted[i]!);
      if (back !== w && back.length > 1) out.push(`${back}${lines[i]!.slice(w.length)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

let cached: string | null = null;

/** The shipped word list; read once per process. */
export function taiwaneseWords(): string {
  cached ??= readFileSync(TAIWANESE_WORDS_FILE, 'utf8');
  return cached;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(TAIWANESE_WORDS_FILE, generateTaiwaneseWords());
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readabilityExtract } from '../src/eval/pages/readability';
import { decodeBody } from '../src/ingest/charset';
import { extractArticle } from '../src/ingest/extract';

/**
 * `npm run bench:pages [-- --pages DIR] [--baseline REF] [--rounds N]`:
 * extraction time per page of the current extractor beside the extractor of
 * commit REF (default: the last commit before the Readability-based design,
 * "today's" extractor of issue 14) and beside Readability alone, measured in
 * the same run on the same decoded pages, interleaved so that machine load
 * hits all three alike. Prints the median and p90 per page and the ratio to
 * the baseline. Pages: every .html under DIR (recursively), default
 * fixtures/pages. Nothing is asserted: the machine is shared.
 */
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: 'fixtures/pages' },
    baseline: { type: 'string', default: 'c21ea91' },
    rounds: { type: 'string', default: '5' },
  },
});
const root = resolve(import.meta.dirname, '..');

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/.test(e) && e !== 'expected.html') out.push(p);
  }
  return out;
}

/** The baseline's sources, unpacked where its imports resolve against this checkout's node_modules. */
async function baselineExtractor(ref: string): Promise<(html: string, url: string) => unknown> {
  const dir = join(root, 'node_modules', '.cache', `newsflow-baseline-${ref}`);
  if (!existsSync(join(dir, 'src', 'ingest', 'extract.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['-C', root, 'archive', ref, 'src'], { maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  const mod = (await import(pathToFileURL(join(dir, 'src', 'ingest', 'extract.ts')).href)) as { extractArticle: (html: string, url: string) => unknown };
  return mod.extractArticle;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;

const files = htmlFiles(resolve(values.pages));
const pages = files.map((f) => ({ file: f, html: decodeBody(readFileSync(f), null).text, url: pathToFileURL(f).href }));
const rounds = Math.max(1, Number(values.rounds));
const baseline = await baselineExtractor(values.baseline);
const extractors: Record<string, (html: string, url: string) => unknown> = {
  [`baseline ${values.baseline}`]: baseline,
  current: extractArticle,
  'readability alone': readabilityExtract,
};
const times: Record<string, number[][]> = Object.fromEntries(Object.keys(extractors).map((k) => [k, pages.map(() => [])]));
const names = Object.keys(extractors);
for (let r = 0; r < rounds; r++) {
  pages.forEach((p, i) => {
    // Rotate the order each round so that none of them always runs first (cold caches) or last.
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r + i) % names.length]!;
      const t0 = performance.now();
      try {
        extractors[name]!(p.html, p.url);
      } catch {
        // a page an extractor cannot read still took its time
      }
      times[name]![i]!.push(performance.now() - t0);
    }
  });
}
const perPage = Object.fromEntries(names.map((n) => [n, times[n]!.map(median)]));
const base = median(perPage[names[0]!]!);
process.stdout.write(`extraction time per page: ${pages.length} pages under ${values.pages}, ${rounds} rounds, median of rounds per page\n\n`);
process.stdout.write(`${'extractor'.padEnd(22)}${'median ms'.padStart(11)}${'p90 ms'.padStart(9)}${'× baseline'.padStart(12)}\n`);
for (const n of names) {
  const m = median(perPage[n]!);
  process.stdout.write(`${n.padEnd(22)}${m.toFixed(1).padStart(11)}${pct(perPage[n]!, 0.9).toFixed(1).padStart(9)}${(m / base).toFixed(2).padStart(12)}\n`);
}

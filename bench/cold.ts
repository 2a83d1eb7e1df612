import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/newsflow.mjs', import.meta.url));
const ARTICLE = fileURLToPath(new URL('../fixtures/articles/000-foxconn-power-alliance.txt', import.meta.url));
const TIME = '/usr/bin/time';

/** Cold `newsflow tag` runs: wall seconds and peak RSS of each, as /usr/bin/time reports them. */
export interface ColdTag {
  article: string;
  runs: Array<{ wallSec: number; maxRssMb: number | null }>;
  worstWallSec: number;
  worstRssMb: number | null;
  /** How it was measured (`/usr/bin/time -f "%e %M"`, or wall clock only). */
  how: string;
}

/**
 * `node bin/newsflow.mjs tag ARTICLE` in `runs` fresh processes, one after
 * another, as a user would time it (issue 15: "cold newsflow tag of one
 * article"), with the shipped dictionary (compiled beforehand: a load after
 * a dictionary change also compiles, and that cost is reported separately).
 */
export function coldTag(env: NodeJS.ProcessEnv, runs = 3): ColdTag {
  const out: ColdTag['runs'] = [];
  const timed = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    if (timed) {
      const r = spawnSync(TIME, ['-f', '%e %M', process.execPath, BIN, 'tag', ARTICLE], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
      const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr ?? '');
      if (r.status !== 0 || !m) throw new Error(`newsflow tag failed (${r.status}): ${(r.stderr ?? '').slice(-500)}`);
      out.push({ wallSec: Number(m[1]), maxRssMb: Math.round(Number(m[2]) / 1024) });
    } else {
      const t0 = performance.now();
      execFileSync(process.execPath, [BIN, 'tag', ARTICLE], { env, stdio: 'ignore', timeout: 60_000 });
      out.push({ wallSec: Math.round((performance.now() - t0) / 10) / 100, maxRssMb: null });
    }
  }
  const rss = out.map((r) => r.maxRssMb).filter((x): x is number => x !== null);
  return {
    article: 'fixtures/articles/000-foxconn-power-alliance.txt',
    runs: out,
    worstWallSec: Math.max(...out.map((r) => r.wallSec)),
    worstRssMb: rss.length ? Math.max(...rss) : null,
    how: timed ? '/usr/bin/time -f "%e %M"' : 'wall clock only (no /usr/bin/time)',
  };
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index';
import { createLogger } from '../src/logger';
import { createRuntime } from '../src/runtime/runtime';
import { flashItems } from './corpus';
import { saturation } from './e2e';
import { dropPrefix, killAll, startWorkerProc, stopWorkerProc } from './procs';
import { summarise } from './profile';
import { hotList } from './report';

/**
 * `tsx bench/profile-worker.ts [--items 2000]`: one `newsflow workers`
 * process under `node --cpu-prof`, fed news flashes at saturation; prints
 * where that worker process spent its time. For finding what dominates end
 * to end (the in-process analyse profile is in `npm run bench`).
 */
const { values } = parseArgs({ options: { items: { type: 'string', default: '2000' } } });
const config = loadConfig(process.env, { LOG_LEVEL: 'silent' });
const prefix = `bench-prof-${randomUUID().slice(0, 8)}`;
const dir = mkdtempSync(join(tmpdir(), 'newsflow-prof-'));
try {
  const w = await startWorkerProc({ NEWSFLOW_PREFIX: prefix, REDIS_URL: config.redisUrl }, dir, 0, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const rt = createRuntime(loadConfig(process.env, { NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    const s = await saturation(rt, flashItems(Number(values.items), `prof${prefix}`), 180_000, [w.pid]);
    process.stdout.write(`${s.published}/${s.articles} published, ${s.articlesPerSec} articles/s (one worker process); CPU ms per article ${JSON.stringify(s.cpuMsPerArticle)}\n`);
  } finally {
    await stopWorkerProc(w);
    await rt.close();
  }
  // The main thread writes the largest profile; the loader thread of tsx writes another.
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const sum = files.map((f) => summarise(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Parameters<typeof summarise>[0], 30));
  const main = sum.sort((a, b) => (b.total[0]?.totalPct ?? 0) - (a.total[0]?.totalPct ?? 0)).find((s) => s.self.some((h) => h.fn.includes('[src/')));
  if (!main) throw new Error('no profile of the worker main thread was written');
  process.stdout.write(`garbage collection ${main.gcPct}% of samples\nself time:\n${hotList(main.self)}\nwith callees:\n${hotList(main.total)}\n`);
} finally {
  killAll();
  await dropPrefix(config.redisUrl, prefix);
  rmSync(dir, { recursive: true, force: true });
}

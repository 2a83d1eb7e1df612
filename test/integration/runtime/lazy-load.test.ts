import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, spawnLogged, type Proc } from '../../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../../helpers/redis';
import { FIXTURE_DIR } from '../../helpers/articles';

/**
 * What a process loads (issue 15): the CLI imports only the command it runs,
 * and a worker process only the queues it serves. Every module a process
 * loads is recorded by a module hook (test/helpers/trace-modules.mjs).
 */
const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'newsflow-trace-'));
const prefix = testPrefix('lazy');
const procs: Proc[] = [];
afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await dropPrefix(prefix);
});

/** A module of the precompiled build (bin/build.mjs) as the source file it was made from; a vendored package as that package. */
function sourceOf(path: string): string {
  const m = /^node_modules\/\.cache\/newsflow\/build-[^/]+\/(.*)$/.exec(path);
  if (!m) return path;
  const vendored = /^vendor\/(.+)\.js$/.exec(m[1]!);
  return vendored ? `node_modules/${vendored[1]}` : m[1]!.replace(/\.js$/, '.ts');
}

let n = 0;
/** Run `newsflow ARGS` with the module trace; `stop` ends a long-running one once it is up. Returns the loaded modules, relative to the repository (`src/…`, `node_modules/<pkg>`). */
async function loaded(args: string[], stop?: (p: Proc) => Promise<void>): Promise<string[]> {
  const file = join(dir, `trace-${n++}.txt`);
  const p = spawnLogged(process.execPath, ['--import', join(root, 'test/helpers/trace-modules.mjs'), BIN, ...args], {
    ...process.env,
    NEWSFLOW_TEST_TRACE_MODULES: file,
    REDIS_URL: TEST_REDIS_URL,
    NEWSFLOW_PREFIX: prefix,
    LOG_LEVEL: 'info',
  });
  procs.push(p);
  if (stop) await stop(p);
  expect((await p.exited).code, JSON.stringify(p.logs.slice(-3))).toBe(0);
  const urls = readFileSync(file, 'utf8').trim().split('\n');
  return [...new Set(urls.map((u) => sourceOf(decodeURIComponent(u).replace(`file://${root}/`, '')).replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*$/, '$1')))];
}

const untilStarted = async (p: Proc) => {
  await p.waitForLog((l) => l.msg === 'workers started');
  p.child.kill('SIGTERM');
};
const under = (mods: string[], ...dirs: string[]) => mods.filter((m) => dirs.some((d) => m.startsWith(d)));

describe('lazy loading', () => {
  it('`config` loads its command and the config, nothing of Redis, BullMQ, NLP or fetching', async () => {
    const mods = await loaded(['config']);
    expect(mods).toContain('src/cli/commands/config.ts');
    expect(under(mods, 'src/cli/commands/')).toEqual(['src/cli/commands/index.ts', 'src/cli/commands/config.ts']);
    expect(under(mods, 'src/redis/', 'src/runtime/', 'src/nlp/', 'src/dict/', 'src/ingest/', 'workers/', 'node_modules/bullmq', 'node_modules/ioredis')).toEqual([]);
  });

  it('`tag` loads the NLP, not Redis, BullMQ or the fetcher', async () => {
    const mods = await loaded(['tag', FIXTURE_DIR]);
    expect(under(mods, 'src/nlp/').length).toBeGreaterThan(0);
    expect(under(mods, 'src/redis/', 'src/ingest/', 'workers/', 'node_modules/bullmq', 'node_modules/ioredis', 'node_modules/undici', 'node_modules/cheerio')).toEqual([]);
  });

  it('`workers --only ingest:feed` loads no dictionary or tagger; `--only analyse` no fetcher', async () => {
    const feed = await loaded(['workers', '--only', 'ingest:feed'], untilStarted);
    expect(feed).toContain('workers/ingest-feed.ts');
    expect(under(feed, 'workers/analyse', 'workers/ingest-page', 'src/nlp/', 'src/dict/', 'src/label/index', 'node_modules/@node-rs', 'node_modules/opencc-js')).toEqual([]);
    const analyse = await loaded(['workers', '--only', 'analyse'], untilStarted);
    expect(analyse).toContain('workers/analyse.ts');
    expect(under(analyse, 'workers/ingest', 'src/ingest/', 'node_modules/undici', 'node_modules/cheerio', 'node_modules/rss-parser')).toEqual([]);
  }, 90_000);
});

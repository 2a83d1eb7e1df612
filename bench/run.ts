import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index';
import { loadDictionary, SHIPPED_DICT_DIR } from '../src/dict/load';
import { noNovelty } from '../src/label/index';
import { createLogger } from '../src/logger';
import { loadNlp } from '../src/runtime/nlp';
import { createRuntime, defaultJobOptions } from '../src/runtime/runtime';
import { analyse } from '../src/stages/analyse';
import { benchAnalyse } from './analyse';
import { flashItems, fullArticleCount, fullArticles, textSize } from './corpus';
import { bareBullmq, type Bare } from './bare';
import { coldTag } from './cold';
import { compileThenLoad, syntheticDictDirs } from './dictionary';
import { clearBacklog, fixedRate, saturation, type FixedRate, type Saturation } from './e2e';
import { dropPrefix, killAll, rssOf, sleep, startWorkerProc, stopWorkerProc, type WorkerProc } from './procs';
import { profile } from './profile';
import { hotList, judge, markdown, type Results } from './report';

/**
 * `npm run bench`: analyse in-process against raw jieba, dictionary load,
 * end to end through Redis with real worker processes, worker memory.
 * Prints a Markdown table and writes bench/results.json. See docs/performance.md.
 */
const { values: opt } = parseArgs({
  options: {
    workers: { type: 'string', default: String(availableParallelism()) },
    flash: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '300' },
    'rate-seconds': { type: 'string', default: '10' },
    full: { type: 'string', default: '50' },
    'corpus-mb': { type: 'string', default: '5' },
    budget: { type: 'string', default: '265' },
    flash50k: { type: 'string', default: '200' },
    out: { type: 'string', default: fileURLToPath(new URL('./results.json', import.meta.url)) },
  },
});
const num = (name: keyof typeof opt) => {
  const v = Number(opt[name]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number, got ${String(opt[name])}`);
  return v;
};

const started = Date.now();
const config = loadConfig(process.env, { LOG_LEVEL: 'silent' });
const log = createLogger('silent');
const runId = randomUUID().slice(0, 8);
const tmp = mkdtempSync(join(tmpdir(), 'newsflow-bench-'));
const prefixes: string[] = [];
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);

/**
 * Waiting phases share one time budget (seconds, whole run) so that a slow
 * machine gives incomplete figures, marked as such, instead of a run that
 * never ends: each wait is cut to what is left, keeping `reserveMs` for the
 * phases after it.
 */
const budgetEnd = () => started + num('budget') * 1000;
const within = (wantMs: number, reserveMs: number) => Math.max(3_000, Math.min(wantMs, budgetEnd() - Date.now() - reserveMs));

// If this process is killed outright (tsx escalates to SIGKILL when a
// signal is not acknowledged in time), the janitor still removes the keys.
const janitor = spawn(process.execPath, [fileURLToPath(new URL('./janitor.mjs', import.meta.url)), String(process.pid), config.redisUrl, `bench-${runId}-*`, tmp], { stdio: 'ignore', detached: true });
janitor.unref();

async function cleanup(): Promise<void> {
  killAll();
  for (const p of prefixes) await dropPrefix(config.redisUrl, p).catch((err: Error) => say(`could not drop ${p}: ${err.message}`));
  rmSync(tmp, { recursive: true, force: true });
  janitor.kill();
}
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: a repeated signal must not find this process without a handler.
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** The environment of a child process: this one's, with logs off and the bench's Redis. */
function childEnvFor(): NodeJS.ProcessEnv {
  return { ...process.env, LOG_LEVEL: 'silent', REDIS_URL: config.redisUrl };
}

/** Start `count` worker processes on a fresh prefix; measure load time and RSS. */
async function workers(name: string, count: number, extraEnv: Record<string, string> = {}) {
  const prefix = `bench-${runId}-${name}`;
  prefixes.push(prefix);
  const env = { NEWSFLOW_PREFIX: prefix, REDIS_URL: config.redisUrl, ...extraEnv };
  const procs: WorkerProc[] = await Promise.all(Array.from({ length: count }, (_, i) => startWorkerProc(env, tmp, i)));
  await sleep(500);
  const rt = createRuntime(loadConfig(process.env, { NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'silent' }), log);
  const rss = () => procs.map((p) => rssOf(p.pid));
  const pids = procs.map((p) => p.pid);
  return {
    prefix,
    rt,
    readyMs: procs.map((p) => p.readyMs),
    rssAfterLoad: rss().map((r) => r?.rssMb ?? NaN),
    rss,
    pids,
    async stop() {
      await Promise.all(procs.map((p) => stopWorkerProc(p)));
      await rt.close();
    },
  };
}

async function main(): Promise<Results> {
  const nWorkers = num('workers');
  const machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
    memTotalMb: Math.round(totalmem() / 1048576),
  };
  say(`machine: ${machine.nproc} cores, ${machine.cpu}, load ${machine.loadAvgAtStart.join(' ')}`);

  say('analyse in-process vs raw jieba');
  const corpus = fullArticles(num('corpus-mb') * 1048576);
  const analyseResult = await benchAnalyse(corpus);
  say(`analyse ${analyseResult.analyse.charsPerSec} chars/s, raw ${analyseResult.rawPlain.charsPerSec} chars/s`);

  // Profiled separately from the timed loop: sampling costs time.
  const { nlp, dictionaryVersion } = loadNlp({ dictPath: '' });
  const profArticles = corpus.slice(0, 50);
  const analyseProfile = await profile(async () => {
    for (const a of profArticles) await analyse(a, { nlp, dictionaryVersion, novelty: noNovelty });
  }, 25, 'analyse [src/stages/analyse.ts]');

  say('dictionary load (fresh processes)');
  const synthDirs = syntheticDictDirs(join(tmp, 'dict50k'), 50_000);
  const shipped = compileThenLoad([SHIPPED_DICT_DIR]);
  const synthetic50k = compileThenLoad(synthDirs);
  const synthetic50kProfile = await profile(async () => {
    loadDictionary(synthDirs);
  }, 15, 'loadDictionary [src/dict/load.ts]');

  say('cold newsflow tag of one article (3 fresh processes)');
  const cold = coldTag(childEnvFor());

  say(`bare BullMQ, one queue, ${nWorkers} worker processes`);
  const barePrefix = `bench-${runId}-bare`;
  prefixes.push(barePrefix);
  const bare: Bare = await bareBullmq(config.redisUrl, barePrefix, nWorkers, config.concurrencyAnalyse, num('flash'), within(60_000, 150_000), defaultJobOptions(config));
  say(`${bare.jobsPerSec} jobs/s (${bare.completed}/${bare.jobs})`);

  say(`end to end: ${nWorkers} worker processes`);
  const flash = flashItems(num('flash'), `快訊${runId}`);
  const rateItems = flashItems(Math.ceil(num('rate') * num('rate-seconds')), `定速${runId}`, 150, 600, 9);
  const full = fullArticleCount(num('full'), `全文${runId}`);
  const w = await workers('e2e', nWorkers);
  let saturationFlash: Saturation;
  let saturationFull: Saturation;
  let fixed: FixedRate;
  let fixedBelow: FixedRate;
  let rssAfterRun: Array<{ rssMb: number; peakMb: number } | null>;
  try {
    say(`saturation: ${flash.length} news flashes`);
    saturationFlash = await saturation(w.rt, flash, within(150_000, 75_000), w.pids);
    await clearBacklog(w.rt);
    // Below capacity first, while the queues are empty: the latency floor,
    // offered at half of what saturation reached.
    const below = Math.max(1, Math.floor(saturationFlash.articlesPerSec / 2));
    say(`${saturationFlash.articlesPerSec} articles/s; fixed rate ${below}/s (half of saturation) for ${num('rate-seconds')} s`);
    fixedBelow = await fixedRate(w.rt, flashItems(Math.ceil(below * num('rate-seconds')), `半速${runId}`, 150, 600, 11), below, num('rate-seconds') * 1000, within(30_000, 65_000));
    await clearBacklog(w.rt);
    say(`p50 ${fixedBelow.latencyMs.p50} p99 ${fixedBelow.latencyMs.p99} ms; saturation: ${full.length} full-length articles`);
    saturationFull = await saturation(w.rt, full, within(60_000, 55_000), w.pids);
    await clearBacklog(w.rt);
    // Last, because above capacity it leaves a backlog behind.
    say(`${saturationFull.articlesPerSec} articles/s; fixed rate ${num('rate')}/s for ${num('rate-seconds')} s`);
    fixed = await fixedRate(w.rt, rateItems, num('rate'), num('rate-seconds') * 1000, within(60_000, 45_000));
    say(`p50 ${fixed.latencyMs.p50} p99 ${fixed.latencyMs.p99} ms`);
    rssAfterRun = w.rss();
  } finally {
    await w.stop();
  }

  // One process is enough for its memory and load time; it leaves the CPU to itself.
  say('one worker process with the 50k-entry dictionary');
  const w50 = await workers('e2e50k', 1, { NEWSFLOW_DICT_PATH: synthDirs[1]! });
  let sat50: Saturation;
  let rss50: Array<{ rssMb: number; peakMb: number } | null>;
  try {
    sat50 = await saturation(w50.rt, flashItems(Math.min(num('flash50k'), num('flash')), `五萬${runId}`, 150, 600, 10), within(60_000, 3_000), w50.pids);
    rss50 = w50.rss();
  } finally {
    await w50.stop();
  }

  const partial: Omit<Results, 'targets'> = {
    generatedAt: new Date().toISOString(),
    durationSec: Math.round((Date.now() - started) / 1000),
    machine: { ...machine, loadAvgAtEnd: loadavg().map((x) => Math.round(x * 10) / 10) },
    setup: { workerProcesses: nWorkers, concurrencyAnalyse: config.concurrencyAnalyse, logLevel: 'info' },
    coldTag: cold,
    bare,
    analyse: analyseResult,
    analyseProfile: { articles: profArticles.length, ...analyseProfile },
    dictionary: { shipped, synthetic50k, synthetic50kProfile },
    e2e: {
      flash: { description: 'a headline and 150–600 chars of body: fixture sentences drawn at random (seeded) from all five fixtures, numbered', avgChars: Math.round(textSize(flash).chars / flash.length) },
      full: { description: 'a whole fixture article with a numbered title', avgChars: Math.round(textSize(full).chars / full.length) },
      saturationFlash,
      fixedRateFlash: fixed,
      fixedRateBelowFlash: fixedBelow,
      saturationFull,
      workerReadyMs: w.readyMs,
      rssAfterLoadMb: w.rssAfterLoad,
      rssAfterRunMb: rssAfterRun.map((r) => r?.rssMb ?? NaN),
      peakRssMb: rssAfterRun.map((r) => r?.peakMb ?? NaN),
    },
    e2e50k: {
      workerProcesses: 1,
      workerReadyMs: w50.readyMs,
      rssAfterLoadMb: w50.rssAfterLoad,
      rssAfterRunMb: rss50.map((r) => r?.rssMb ?? NaN),
      peakRssMb: rss50.map((r) => r?.peakMb ?? NaN),
      saturationFlash: sat50,
    },
  };
  return { ...partial, targets: judge(partial) };
}

let code = 0;
try {
  const results = await main();
  const p = results.analyseProfile;
  const src = (h: { fn: string }) => !h.fn.includes('[bench/') && !h.fn.startsWith('analyse [');
  process.stdout.write(
    `\n${markdown(results)}\n\nWhere analyse spends its time (${p.articles} full-length articles under the V8 sampling profiler; shares of analyse()):\n` +
      `with callees:\n${hotList(p.total.filter(src).slice(0, 12))}\nself:\n${hotList(p.self.filter(src).slice(0, 8))}\n`,
  );
  writeFileSync(opt.out, `${JSON.stringify(results, null, 2)}\n`);
  say(`wrote ${opt.out}`);
  // Keep the file honest: what was printed is what was written.
  JSON.parse(readFileSync(opt.out, 'utf8'));
} catch (err) {
  say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { round1 } from './analyse';
import { cpuMsOf, sleep } from './procs';

const SCRIPT = fileURLToPath(new URL('./bare-worker.ts', import.meta.url));

/** What the bare one-queue BullMQ pipeline managed in this run. */
export interface Bare {
  workerProcesses: number;
  concurrency: number;
  jobs: number;
  completed: number;
  /** First addBulk call to the last job's finishedOn. */
  wallMs: number;
  jobsPerSec: number;
  cpuMsPerJob: { workers: number; redis: number; total: number };
}

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare BullMQ worker not ready after 30 s')), 30_000);
    child.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`bare BullMQ worker exited with ${code}`)));
  });
}

async function redisCpuMs(r: Redis): Promise<number> {
  const info = await r.info('cpu');
  const sec = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (sec('used_cpu_user') + sec('used_cpu_sys')) * 1000;
}

/**
 * `jobs` jobs of the analyse job's shape (an article id) into one queue with
 * the runtime's job options, taken by `workers` processes at `concurrency`
 * that do nothing with them: the most any one-queue BullMQ pipeline can do
 * here, now. Keys under `prefix`; the caller drops them.
 */
export async function bareBullmq(redisUrl: string, prefix: string, workers: number, concurrency: number, jobs: number, timeoutMs: number, jobOptions: object): Promise<Bare> {
  const children = await Promise.all(Array.from({ length: workers }, () => startChild({ REDIS_URL: redisUrl, BARE_PREFIX: prefix, BARE_QUEUE: 'bare', BARE_CONCURRENCY: String(concurrency) })));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bare', { connection: redis, prefix, defaultJobOptions: jobOptions });
  try {
    const pids = children.map((c) => c.pid!);
    const cpu0 = { workers: pids.reduce((s, p) => s + cpuMsOf(p), 0), redis: await redisCpuMs(redis) };
    const t0 = Date.now();
    for (let i = 0; i < jobs; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'analyse', data: { articleId: `art_bare${i + k}` }, opts: { jobId: `art_bare${i + k}` } })));
    }
    const deadline = Date.now() + timeoutMs;
    let completed = 0;
    while (Date.now() < deadline) {
      completed = await queue.getCompletedCount();
      if (completed >= jobs) break;
      await sleep(50);
    }
    const [last] = await queue.getCompleted(0, 0);
    const wallMs = Math.max(1, (last?.finishedOn ?? Date.now()) - t0);
    const cpu1 = { workers: pids.reduce((s, p) => s + cpuMsOf(p), 0), redis: await redisCpuMs(redis) };
    const per = (a: number, b: number) => Math.round(((b - a) / Math.max(1, completed)) * 1000) / 1000;
    const w = per(cpu0.workers, cpu1.workers);
    const r = per(cpu0.redis, cpu1.redis);
    return { workerProcesses: workers, concurrency, jobs, completed, wallMs, jobsPerSec: round1((completed / wallMs) * 1000), cpuMsPerJob: { workers: w, redis: r, total: Math.round((w + r) * 1000) / 1000 } };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise<void>((res) => (c.exitCode !== null ? res() : c.once('exit', () => res())))));
    await queue.close();
    redis.disconnect();
  }
}

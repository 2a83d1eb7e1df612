import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/index';
import { keys } from '../src/keys';
import { simhash } from '../src/label/simhash';
import { RedisNoveltyStore } from '../src/redis/novelty';
import { flashItems } from './corpus';
import { dropPrefix } from './procs';

/**
 * `tsx bench/novelty.ts [--n 10000]`: the Redis novelty check on its own,
 * for news flashes that are not near-duplicates of one another, in steps of
 * a thousand: Redis CPU per check (INFO cpu) as the store fills up. This is
 * the part of the end-to-end cost that grows with the number of articles
 * remembered (NEWSFLOW_NOVELTY_TTL).
 */
const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' } } });
const n = Math.max(1000, Number(values.n));
const config = loadConfig(process.env, { LOG_LEVEL: 'silent' });
const redis = new Redis(config.redisUrl);
const prefix = `bench-novelty-${randomUUID().slice(0, 8)}`;
const store = new RedisNoveltyStore(redis, keys(prefix), { ttlMs: config.noveltyTtl });
const items = flashItems(n, prefix);
const hashes = items.map((a) => simhash(`${a.title}\n${a.body}`));
const redisCpuMs = async () => {
  const info = await redis.info('cpu');
  const sec = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (sec('used_cpu_user') + sec('used_cpu_sys')) * 1000;
};
try {
  process.stdout.write('| Articles already stored | Redis CPU per check (ms) | Wall time per 1,000 checks (ms) |\n| --- | --- | --- |\n');
  for (let k = 0; k * 1000 < n; k++) {
    const slice = items.slice(k * 1000, (k + 1) * 1000);
    const c0 = await redisCpuMs();
    const t0 = Date.now();
    await Promise.all(slice.map((a, i) => store.check(a.id, hashes[k * 1000 + i]!)));
    const cpu = ((await redisCpuMs()) - c0) / slice.length;
    process.stdout.write(`| ${(k * 1000).toLocaleString('en-US')} | ${cpu.toFixed(2)} | ${Date.now() - t0} |\n`);
  }
} finally {
  redis.disconnect();
  await dropPrefix(config.redisUrl, prefix);
}

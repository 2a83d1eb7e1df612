import { readFileSync } from 'node:fs';
import type { RedisClient } from './cluster';

const cache = new Map<string, string>();

/**
 * Run one of the Lua scripts in `src/redis/lua/` (the file name ends with
 * its key count, bullmq's convention: `publish-4n.lua` takes 4 + n keys).
 * The script is defined once per connection; ioredis then sends EVALSHA and
 * falls back to EVAL when the server does not know it yet (after a restart).
 */
export function runScript<T>(redis: RedisClient, file: string, keys: string[], args: string[]): Promise<T> {
  const name = `newsflow_${file.replace(/\W/g, '_')}`;
  const r = redis as RedisClient & Record<string, unknown>;
  if (typeof r[name] !== 'function') {
    let lua = cache.get(file);
    if (lua === undefined) {
      lua = readFileSync(new URL(`./lua/${file}`, import.meta.url), 'utf8');
      cache.set(file, lua);
    }
    redis.defineCommand(name, { lua });
  }
  return (r[name] as (n: number, ...a: string[]) => Promise<T>)(keys.length, ...keys, ...args);
}

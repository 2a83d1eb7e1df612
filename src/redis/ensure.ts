import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors';

export interface RedisHandle {
  url: string;
  /** True when this process started a private redis-server for the run. */
  private: boolean;
  stop(): Promise<void>;
}

/** One PING with a short timeout and no reconnects. */
export async function pingRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

const HOW_TO_GET_REDIS = [
  'No Redis answered at %URL% and no redis-server binary is on PATH. Any one of these works:',
  '  - Docker:  docker compose up -d redis       (uses docker-compose.yml in this repo)',
  '  - Debian/Ubuntu:  sudo apt-get install redis-server',
  '  - macOS:  brew install redis',
  '  - or point REDIS_URL at a Redis you have, e.g. REDIS_URL=redis://host:6379',
].join('\n');

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Find Redis for a run: `url` if it answers; otherwise a private
 * redis-server on a free port in a temporary directory, stopped by `stop()`
 * (and on process exit); otherwise a RedisUnavailableError that says exactly
 * how to get one.
 */
export async function ensureRedis(url: string): Promise<RedisHandle> {
  if (await pingRedis(url)) return { url, private: false, stop: async () => {} };
  if (!redisServerOnPath()) throw new RedisUnavailableError(HOW_TO_GET_REDIS.replace('%URL%', url));
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const privateUrl = `redis://127.0.0.1:${port}`;
  const cleanup = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await pingRedis(privateUrl, 500)) {
      return {
        url: privateUrl,
        private: true,
        stop: async () => {
          process.removeListener('exit', cleanup);
          if (child.exitCode === null) {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  cleanup();
  throw new RedisUnavailableError(`could not start a private redis-server on port ${port}\n${HOW_TO_GET_REDIS.replace('%URL%', url)}`);
}

// Cleans up after a benchmark run that was killed before it could do so
// itself: started by bench/run.ts, it waits for that process to end, then
// deletes the run's Redis keys and its temporary directory. Plain JS so that
// it runs without tsx; it ignores SIGINT so that Ctrl-C on the terminal,
// which reaches the whole process group, does not stop it first.
//
// usage: node bench/janitor.mjs PARENT_PID REDIS_URL KEY_PATTERN TMP_DIR
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

const [ppid, url, pattern, tmp] = process.argv.slice(2);
process.on('SIGINT', () => {});

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// A run lasts minutes; never outlive it by more than half an hour.
const deadline = Date.now() + 30 * 60_000;
while (alive(Number(ppid)) && Date.now() < deadline) await sleep(500);

const redis = new Redis(url, { maxRetriesPerRequest: 1 });
try {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (batch.length) await redis.unlink(...batch);
  } while (cursor !== '0');
} finally {
  redis.disconnect();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

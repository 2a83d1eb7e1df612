import { spawn } from 'node:child_process';
import { childEnv } from '../../config/index';
import { ensureRedis } from '../../redis/ensure';
import { usageError, type Command } from '../command';

/**
 * `newsflow with-redis -- CMD ARGS…`: run a command with Redis available:
 * REDIS_URL if it answers, else a private redis-server for the duration of
 * the command (the test and bench scripts use this).
 */
export const withRedisCommand: Command = {
  name: 'with-redis',
  summary: 'run a command with Redis available (REDIS_URL, or a private redis-server for the run)',
  usage: 'newsflow with-redis -- COMMAND [ARGS...]',
  async run(argv, ctx) {
    const args = argv[0] === '--' ? argv.slice(1) : argv;
    if (args.length === 0) return usageError(ctx, this, 'no command given');
    const redis = await ensureRedis(ctx.config.redisUrl);
    if (redis.private) ctx.stderr.write(`newsflow: no Redis at ${ctx.config.redisUrl}; started a private redis-server at ${redis.url} for this run\n`);
    try {
      const child = spawn(args[0]!, args.slice(1), { stdio: 'inherit', shell: process.platform === 'win32', env: childEnv({ REDIS_URL: redis.url }) });
      const forward = (s: NodeJS.Signals) => child.kill(s);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      const code = await new Promise<number>((resolve) => {
        child.once('error', (err) => {
          ctx.stderr.write(`newsflow with-redis: cannot run ${args[0]}: ${err.message}\n`);
          resolve(127);
        });
        child.once('exit', (c, sig) => resolve(c ?? (sig ? 128 + 15 : 1)));
      });
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      return code;
    } finally {
      await redis.stop();
    }
  },
};

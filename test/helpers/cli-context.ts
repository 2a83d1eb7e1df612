import { PassThrough } from 'node:stream';
import type { CliContext } from '../../src/cli/command';
import { loadConfig } from '../../src/config/index';
import { createLogger } from '../../src/logger';

/** A CLI context whose stdout and stderr are collected, for running a command's `run` in a test. */
export function cliContext(env: Record<string, string> = {}): CliContext & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (b: Buffer) => (o += b.toString()));
  stderr.on('data', (b: Buffer) => (e += b.toString()));
  return { config: loadConfig(env), log: createLogger('silent'), stdout, stderr, stdin: new PassThrough(), out: () => o, err: () => e };
}

import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config/index';
import type { Logger } from '../logger';

/** What every command gets: the parsed config, the root logger and the std streams. */
export interface CliContext {
  config: Config;
  log: Logger;
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

/**
 * One `newsflow <name>` command. `run` returns the exit code; it throws only
 * for errors the CLI should print and exit on (FatalError → 2, others → 1).
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** Print a usage error and return the exit code for it. */
export function usageError(ctx: CliContext, cmd: Command, message: string): number {
  ctx.stderr.write(`newsflow ${cmd.name}: ${message}\nusage: ${cmd.usage}\n`);
  return 64;
}

import { loadConfig } from '../config/index';
import { FatalError, NewsflowError } from '../errors';
import { createLogger } from '../logger';
import type { CliContext } from './command';
import { commands } from './commands/index';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: newsflow <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'newsflow <command> --help shows the options of one command.',
  ].join('\n');
}

/** Entry point of the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 64;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`newsflow: unknown command "${name}"\n\n${help()}\n`);
    return 64;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${cmd.usage}\n\n${cmd.summary}\n`);
    return 0;
  }
  try {
    const config = loadConfig();
    // Logs go to stderr so that stdout stays clean for JSON lines and tables.
    const log = createLogger(config.logLevel, { fd: 2 });
    const ctx: CliContext = { config, log, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
    return await cmd.run(rest, ctx);
  } catch (err) {
    const msg = err instanceof NewsflowError ? `${err.message}` : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`newsflow ${name}: ${msg}\n`);
    return err instanceof FatalError ? 2 : 1;
  }
}

import { loadConfig } from '../config/index';
import { FatalError, NewsflowError } from '../errors';
import { createLogger } from '../logger';
import type { CliContext } from './command';
import { commands } from './commands/index';

/** The list of commands; the only place that loads every command module. */
async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return [
    'usage: newsflow <command> [options]',
    '',
    'commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'newsflow <command> --help shows the options of one command.',
  ].join('\n');
}

/** One line for an error that ends a command: the message, or for an unexpected error its first stack line too. */
export function errorLine(err: unknown): string {
  if (err instanceof NewsflowError) return err.message.replace(/\s*\n\s*/g, '; ');
  if (err instanceof Error) return `${err.name}: ${err.message}`.replace(/\s*\n\s*/g, '; ');
  return String(err);
}

/** Entry point of the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`);
    return name ? 0 : 64;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`newsflow: unknown command "${name}"\n\n${await help()}\n`);
    return 64;
  }
  try {
    const cmd = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`usage: ${cmd.usage}\n\n${cmd.summary}\n`);
      return 0;
    }
    const config = loadConfig();
    // Logs go to stderr so that stdout stays clean for JSON lines and tables.
    const log = createLogger(config.logLevel, { fd: 2 });
    const ctx: CliContext = { config, log, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
    return await cmd.run(rest, ctx);
  } catch (err) {
    process.stderr.write(`newsflow ${name}: ${errorLine(err)}\n`);
    return err instanceof FatalError ? 2 : 1;
  }
}

import { configTable } from '../../config/index';
import type { Command } from '../command';

export const configCommand: Command = {
  name: 'config',
  summary: 'print the effective settings as JSON (--markdown: the table of all settings)',
  usage: 'newsflow config [--markdown]',
  async run(argv, ctx) {
    if (argv.includes('--markdown')) ctx.stdout.write(`${configTable()}\n`);
    else ctx.stdout.write(`${JSON.stringify(ctx.config, null, 2)}\n`);
    return 0;
  },
};

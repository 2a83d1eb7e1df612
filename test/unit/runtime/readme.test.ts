import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable } from '../../../src/config/index';
import { commands } from '../../../src/cli/commands/index';

const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

describe('README stays in step with the code', () => {
  it('holds the settings table exactly as the config schema prints it (newsflow config --markdown)', () => {
    const m = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme);
    expect(m?.[1]).toBe(configTable());
  });

  it('lists every command', () => {
    for (const c of commands) expect(readme).toContain(`newsflow ${c.name}`);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const imports = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('layers', () => {
  it('src/runtime and the other src/ modules below the CLI never import workers/ (issue 15)', () => {
    const offenders = sources('src')
      .filter((f) => !f.startsWith('src/cli/'))
      .flatMap((f) => imports(f).filter((i) => /(^|\/)workers(\/|$)/.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the stages never import bullmq, ioredis or pino', () => {
    const offenders = sources('src')
      .filter((f) => /^src\/(stages|nlp|label|dict|ingest)\//.test(f))
      .flatMap((f) => imports(f).filter((i) => /^(bullmq|ioredis|pino)/.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (it runs before anything is compiled)
import { compiledMain } from '../../../bin/build.mjs';

/** The JavaScript build that `newsflow` runs (bin/build.mjs, docs/performance.md). */
const root = join(import.meta.dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? tsFiles(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : []));
}

describe('the build of the sources', () => {
  it('holds a .js twin of every source file, in a directory named by the hash of the sources, and its CLI module loads', async () => {
    const url = (await compiledMain()) as string | null;
    expect(url).not.toBeNull();
    const main = fileURLToPath(url!);
    const dir = dirname(dirname(dirname(main)));
    expect(relative(root, dir)).toMatch(/^node_modules\/\.cache\/newsflow\/build-[0-9a-f]{20}$/);
    for (const f of [...tsFiles('src'), ...tsFiles('workers')]) expect(existsSync(join(dir, f.replace(/\.ts$/, '.js'))), f).toBe(true);
    // A second call finds the same build rather than making another.
    expect(await compiledMain()).toBe(url);
    const mod = (await import(url!)) as { main?: unknown };
    expect(typeof mod.main).toBe('function');
  });

  it('keeps each module’s own import.meta.url (data files resolve next to the source) and imports zod from one bundled module', async () => {
    const dir = dirname(dirname(dirname(fileURLToPath((await compiledMain()) as string))));
    const fold = readFileSync(join(dir, 'src/text/fold.js'), 'utf8');
    expect(fold).toContain(JSON.stringify(new URL('../../../src/text/fold.ts', import.meta.url).href));
    expect(fold).not.toContain('import.meta.url');
    expect(readFileSync(join(dir, 'src/config/field.js'), 'utf8')).toContain('"../../vendor/zod.js"');
  });
});

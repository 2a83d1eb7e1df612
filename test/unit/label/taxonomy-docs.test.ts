import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../src/label/taxonomy';

const root = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const labels = readFileSync(join(root, 'docs/labels.md'), 'utf8');
const schema = readFileSync(join(root, 'schema/event.schema.json'), 'utf8');

// The event table of the README: rows of `| `type` | meaning | wording |`.
function tableTypes(md: string): string[] {
  return [...md.matchAll(/^\| `([a-z_]+)` \| [^|]+\| ([^|]+) \|$/gm)].filter((m) => m[2]!.includes('/')).map((m) => m[1]!);
}

describe('the taxonomy is documented where consumers read it', () => {
  it('lists every type in the README table, with wording in both scripts', () => {
    expect(tableTypes(readme).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('names every type in docs/labels.md', () => {
    for (const t of EVENT_TYPES) expect(labels).toContain(`\`${t}\``);
  });

  it('documents the modality field in the README record and the schema', () => {
    expect(readme).toContain('"modality": "reported"');
    expect(schema).toContain('"modality"');
  });
});

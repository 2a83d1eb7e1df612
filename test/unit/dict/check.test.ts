import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDictionary } from '../../../src/dict/check';
import { loadDictionary, SHIPPED_DICT_DIR } from '../../../src/dict/load';
import { DictionaryError } from '../../../src/errors';

const dirs: string[] = [];
function dictDir(files: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-dict-'));
  dirs.push(dir);
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ok = (o: Record<string, unknown>): string => JSON.stringify({ kind: 'company', aliases: [], source: 'curated', ...o });

describe('dict check', () => {
  it('finds no errors in the shipped dictionary', () => {
    const r = checkDictionary([SHIPPED_DICT_DIR]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.entries).toBeGreaterThan(250);
  });

  it('refuses a 1 MB alias with a named limit (issue 17), naming file and line', () => {
    const dir = dictDir({ 'a.jsonl': [ok({ id: 'org:x', kind: 'org', name: '某機構', aliases: ['短名', '長'.repeat(1 << 20)] })] });
    const { problems } = checkDictionary([dir]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: join(dir, 'a.jsonl'), line: 1, severity: 'error' });
    expect(problems[0]?.message).toContain('alias #2 is 1,048,576 characters long; the limit is 100 (MAX_NAME_CHARS)');
    expect(() => loadDictionary([dir])).toThrow(DictionaryError);
  });

  it('names file and line of a duplicate id', () => {
    const dir = dictDir({
      'a.jsonl': ['// comment', ok({ id: 'TW:2330', name: '台積電', ticker: { code: '2330', market: 'TWSE' } })],
      'b.jsonl': ['', ok({ id: 'TW:2330', name: '台積', ticker: { code: '2330', market: 'TWSE' } })],
    });
    const [p, ...rest] = checkDictionary([dir]).problems;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: join(dir, 'b.jsonl'), line: 2, severity: 'error' });
    expect(p?.message).toContain(`duplicate id "TW:2330" (first defined at ${join(dir, 'a.jsonl')}:2)`);
  });

  it('flags one alias on two entities unless both mark it ambiguous', () => {
    const bad = dictDir({
      'a.jsonl': [
        ok({ id: 'TW:2374', name: '佳能', ticker: { code: '2374', market: 'TWSE' } }),
        ok({ id: 'JP:7751', name: 'Canon', aliases: ['佳能'], ticker: { code: '7751', market: 'TSE' }, ambiguousAliases: ['佳能'] }),
      ],
    });
    const ps = checkDictionary([bad]).problems;
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(ps[0]?.message).toContain('"佳能" names both "JP:7751" and "TW:2374"');
    expect(ps[0]?.message).toContain('mark it ambiguous on TW:2374');

    const good = dictDir({
      'a.jsonl': [
        ok({ id: 'TW:2374', name: '佳能', ticker: { code: '2374', market: 'TWSE' }, ambiguous: true }),
        ok({ id: 'JP:7751', name: 'Canon', aliases: ['佳能'], ticker: { code: '7751', market: 'TSE' }, ambiguousAliases: ['佳能'] }),
      ],
    });
    expect(checkDictionary([good]).problems).toEqual([]);
  });

  it('reports malformed codes, unknown markets, bad ids and bad JSON with their lines', () => {
    const dir = dictDir({
      'x.jsonl': [
        ok({ id: 'TW:677', name: '力積電', ticker: { code: '677', market: 'TWSE' } }),
        ok({ id: 'XX:1', name: '某', ticker: { code: '1', market: 'OTC' } }),
        ok({ id: 'TW:2330', name: '台積電', ticker: { code: '2317', market: 'TWSE' } }),
        '{"id": "person:x", ',
        JSON.stringify({ id: 'org:OpenAI', kind: 'org', name: 'OpenAI', aliases: [], source: '001_x.txt' }),
      ],
    });
    const ps = checkDictionary([dir]).problems.map((p) => `${p.line}: ${p.message}`);
    expect(ps[0]).toMatch(/^1: "ticker": malformed TWSE code "677"/);
    expect(ps[1]).toMatch(/^2: "ticker": unknown market "OTC"/);
    expect(ps[2]).toMatch(/^3: id "TW:2330" does not match its ticker: expected "TW:2317"/);
    expect(ps[3]).toMatch(/^4: not JSON/);
    expect(ps[4]).toMatch(/^5: "evidence" .* is required with a seed source/);
    expect(ps).toHaveLength(5);
  });
});

describe('loading', () => {
  it('throws a DictionaryError naming file and line for a bad line', () => {
    const dir = dictDir({ 'a.jsonl': ['', ok({ id: 'US:nvda', name: 'NVIDIA', ticker: { code: 'nvda', market: 'NASDAQ' } })] });
    expect(() => loadDictionary([dir])).toThrow(DictionaryError);
    expect(() => loadDictionary([dir])).toThrow(`${join(dir, 'a.jsonl')}:2: "ticker": malformed NASDAQ code "nvda"`);
  });

  it('expands aliases into the other script, keeping only same-length spellings', () => {
    const d = loadDictionary([SHIPPED_DICT_DIR]);
    expect(d.forms?.get('台积电')).toEqual(['TW:2330']);
    expect(d.forms?.get('黄仁勋')).toEqual(['person:黃仁勳']);
    expect(d.aliases.get('hon hai')).toEqual(['TW:2317']);
    // Every generated spelling has the length of a spelling written for that entity.
    for (const [form, ids] of d.forms ?? []) {
      for (const id of ids) {
        const e = d.byId.get(id)!;
        expect([e.name, ...e.aliases].some((w) => w.length === form.length), `${form} of ${id}`).toBe(true);
      }
    }
    expect(d.ambiguousForms?.has('大量')).toBe(true);
    expect(d.ambiguousForms?.has('meta')).toBe(true);
    expect(d.ambiguousForms?.has('鴻海')).toBe(false);
  });
});

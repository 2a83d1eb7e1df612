import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateEntities, formatEntityEval, meetsTargets, readEntityGold } from '../../../src/nlp/eval';
import type { Entity } from '../../../src/types';

const dir = mkdtempSync(join(tmpdir(), 'nlp-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'a.entities.json'),
  JSON.stringify({ kinds: ['company'], tickers: ['2330.TW', '5274.TWO', 'NVDA.US'], entities: [{ id: 'TW:2330', kind: 'company' }, { id: 'TW:5274', kind: 'company' }, { id: 'US:NVDA', kind: 'company' }] }),
);

const company = (id: string, code: string, text = code): Entity => ({
  id,
  kind: 'company',
  name: id,
  ticker: { code, market: id.startsWith('US:') ? 'NASDAQ' : 'TWSE' },
  mentions: [{ text, start: 0, end: text.length, field: 'body', via: 'inline-code' }],
  relevance: 0.5,
  sentiment: 0,
});

describe('entity evaluation', () => {
  it('counts hits, misses and false hits per kind and for tickers; Taiwanese board is a note', () => {
    const e = evaluateEntities(
      [
        { article: 'x/a.txt', tickers: ['2330.TW', '5274.TW', 'AI.US'], entities: [company('TW:2330', '2330'), company('TW:5274', '5274'), company('US:AI', 'AI')] },
        { article: 'x/b.txt', tickers: ['9999.TW'], entities: [] },
      ],
      dir,
    );
    expect(e.rows.ticker).toMatchObject({ gold: 3, found: 3, hit: 2 });
    expect(e.rows.ticker!.precision).toBeCloseTo(2 / 3);
    expect(e.misses).toEqual(['a.txt: ticker NVDA.US', 'a.txt: company US:NVDA']);
    expect(e.falseHits).toEqual(['a.txt: ticker AI.US', 'a.txt: company US:AI']);
    expect(e.boardNotes).toEqual(['a.txt: gold 5274.TWO, tagged 5274.TW']);
    expect(e.violations).toEqual(['a.txt: US:AI from "AI" at body:0']);
    expect(e.unscored).toEqual(['b.txt']);
    expect(meetsTargets(e)).toBe(false);
    expect(formatEntityEval(e).join('\n')).toContain('NOT MET');
  });

  it('meets the targets on a perfect run', () => {
    const e = evaluateEntities([{ article: 'a.txt', tickers: ['2330.TW', '5274.TWO', 'NVDA.US'], entities: [company('TW:2330', '2330', '台積電'), company('TW:5274', '5274'), company('US:NVDA', 'NVDA')] }], dir);
    expect(e.rows.ticker!.f1).toBe(1);
    expect(meetsTargets(e)).toBe(true);
  });

  it('rejects a malformed gold file with its name', () => {
    const bad = join(dir, 'bad.entities.json');
    writeFileSync(bad, JSON.stringify({ tickers: ['2330'], entities: [] }));
    expect(() => readEntityGold(bad)).toThrow(/bad\.entities\.json.*CODE\.SUFFIX/);
  });
});

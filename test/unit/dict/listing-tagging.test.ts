import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importListing, listingFileName, writeDictFile } from '../../../src/dict/import';
import { loadDictionary, SHIPPED_DICT_DIR } from '../../../src/dict/load';
import { createNlp } from '../../../src/nlp/index';

const LISTINGS = join(import.meta.dirname, '../../../fixtures/listings');
const dir = mkdtempSync(join(tmpdir(), 'newsflow-listing-tag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an imported listing feeds the tagger', () => {
  it('tags listed companies by name in an article that prints no code', () => {
    for (const [f, fmt] of [['tw-cn-hk.csv', 'csv'], ['twse-t187ap03_L.csv', 'twse']] as const) {
      writeDictFile(dir, listingFileName(f), importListing(readFileSync(join(LISTINGS, f), 'utf8'), f, fmt).entries, []);
    }
    const nlp = createNlp(loadDictionary([SHIPPED_DICT_DIR, dir]));
    const r = nlp.tag({
      title: '聯發科與宁德时代財報亮眼',
      body: '聯發科技今天公布營收，貴州茅臺股價上漲，比亚迪與中華電信也受關注。台積電表示產能滿載。',
    });
    // Gold, from reading the text: 聯發科 (twice), 宁德时代, 貴州茅臺 (Traditional
    // spelling of an imported Simplified name), 比亚迪, 中華電信, 台積電 (shipped);
    // 財報 is a theme, not a company.
    expect(r.entities.filter((e) => e.kind === 'company').map((e) => e.id).sort()).toEqual(['CN:002594', 'CN:300750', 'CN:600519', 'TW:2330', 'TW:2412', 'TW:2454']);
    // 比亚迪 and 宁德时代 are also listed in Hong Kong (the shipped dictionary's H
    // lines); named without a market, a company listed twice gets both (the
    // corpus guide; src/nlp/listings.ts).
    expect(r.tickers).toEqual(['002594.SZ', '01211.HK', '03750.HK', '2330.TW', '2412.TW', '2454.TW', '300750.SZ', '600519.SH']);
    expect(r.entities.find((e) => e.id === 'CN:600519')?.mentions.map((m) => m.text)).toEqual(['貴州茅臺']);
  });
});

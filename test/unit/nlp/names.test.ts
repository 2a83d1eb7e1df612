import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../src/dict/load';
import { createNlp } from '../../../src/nlp/index';
import type { Tagged } from '../../../src/nlp/types';
import { sharedNlp } from './shared';

// A small dictionary of our own, so these rules are tested whatever the shipped one holds.
const dir = mkdtempSync(join(tmpdir(), 'nlp-names-'));
writeFileSync(
  join(dir, 'test.jsonl'),
  [
    { id: 'TW:2330', kind: 'company', name: '台積電', aliases: ['TSMC'], ticker: { code: '2330', market: 'TWSE' }, source: 'curated' },
    { id: 'US:TSM', kind: 'company', name: '台積電ADR', aliases: ['TSMC ADR'], ticker: { code: 'TSM', market: 'NYSE' }, source: 'curated' },
    { id: 'TW:3167', kind: 'company', name: '大量', aliases: ['大量科技'], ticker: { code: '3167', market: 'TWSE' }, ambiguous: true, source: 'curated' },
    { id: 'person:Sam Altman', kind: 'person', name: 'Sam Altman', aliases: ['奧特曼'], source: 'curated' },
    { id: 'TW:2308', kind: 'company', name: '台達電', aliases: ['Delta'], ambiguousAliases: ['Delta'], ticker: { code: '2308', market: 'TWSE' }, source: 'curated' },
    { id: 'US:ORCL', kind: 'company', name: '甲骨文', aliases: ['Oracle'], ambiguous: true, ticker: { code: 'ORCL', market: 'NYSE' }, source: 'curated' },
    { id: 'JP:6503', kind: 'company', name: '三菱電機', aliases: ['三菱'], ambiguousAliases: ['三菱'], ticker: { code: '6503', market: 'TSE' }, source: 'curated' },
    { id: 'place:日本', kind: 'place', name: '日本', aliases: [], source: 'curated' },
    { id: 'TW:1216', kind: 'company', name: '統一', aliases: ['統一企業'], ticker: { code: '1216', market: 'TWSE' }, source: 'import:listing.csv' },
    { id: 'TW:2454', kind: 'company', name: '聯發科', aliases: ['MediaTek'], ticker: { code: '2454', market: 'TWSE' }, source: 'import:listing.csv' },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n'),
);
const nlp = createNlp(loadDictionary([dir]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ids(r: Tagged): string[] {
  return r.entities.map((e) => e.id).sort();
}

describe('names without codes', () => {
  it('takes the longest alias first (台積電ADR before 台積電)', () => {
    const r = nlp.tag({ title: '', body: '台積電ADR昨夜大漲，台積電今日跟漲。' });
    expect(ids(r)).toEqual(['TW:2330', 'US:TSM']);
    const adr = r.entities.find((e) => e.id === 'US:TSM')!;
    expect(adr.mentions.map((m) => m.text)).toEqual(['台積電ADR']);
  });

  it('matches a Traditional alias in Simplified text, with offsets into the Simplified original', () => {
    const body = '消息指出，台积电今日股价走高。';
    const r = nlp.tag({ title: '', body });
    const m = r.entities.find((e) => e.id === 'TW:2330')!.mentions[0]!;
    expect(m.text).toBe('台积电');
    expect(body.slice(m.start, m.end)).toBe('台积电');
  });

  it('matches Latin aliases only as whole words; short upper-case ones only in upper case', () => {
    const r = nlp.tag({ title: '', body: 'TSMC 與 TSMCX 不同' });
    expect(r.entities.map((e) => [e.id, e.mentions.map((m) => m.text)])).toEqual([['TW:2330', ['TSMC']]]);
    expect(nlp.tag({ title: '', body: 'TSMCX 與 tsmc 不是公司' }).entities).toEqual([]);
    expect(ids(nlp.tag({ title: '', body: 'tsmc adr 下跌' }))).toEqual(['US:TSM']);
  });

  it('tags an ambiguous name only with evidence', () => {
    expect(nlp.tag({ title: '', body: '由大量伺服器引起的問題。' }).entities).toEqual([]);
    expect(ids(nlp.tag({ title: '', body: '大量股價今日漲停。' }))).toEqual(['TW:3167']);
    expect(ids(nlp.tag({ title: '', body: '大量（3167）營收創高。' }))).toEqual(['TW:3167']);
    expect(ids(nlp.tag({ title: '', body: '大量科技今年擴產。' }))).toEqual(['TW:3167']);
  });

  it('demands evidence only for the spellings the dictionary marks (ambiguousAliases)', () => {
    expect(nlp.tag({ title: '', body: '這是Delta變種病毒。' }).entities).toEqual([]);
    expect(ids(nlp.tag({ title: '', body: '台達電今日走高。' }))).toEqual(['TW:2308']);
  });

  it('treats short imported names that are ordinary words as ambiguous (統一), not the others (聯發科)', () => {
    expect(nlp.tag({ title: '', body: '兩岸和平統一是他的主張。' }).entities).toEqual([]);
    expect(ids(nlp.tag({ title: '', body: '統一股價今日上漲。' }))).toEqual(['TW:1216']);
    expect(ids(nlp.tag({ title: '', body: '統一企業今年展店。' }))).toEqual(['TW:1216']);
    expect(ids(nlp.tag({ title: '', body: '聯發科推出新晶片。' }))).toEqual(['TW:2454']);
  });

  it('takes a name listed next to a company as evidence, also behind a country (台積電及日本三菱)', () => {
    expect(nlp.tag({ title: '', body: '三菱是一種圖案。' }).entities).toEqual([]);
    expect(ids(nlp.tag({ title: '', body: '台積電及日本三菱都會出席。' }))).toEqual(['JP:6503', 'TW:2330', 'place:日本']);
  });

  it('takes two spellings of one company together as evidence: 甲骨文（Oracle）', () => {
    expect(nlp.tag({ title: '', body: '甲骨文是古代文字。' }).entities).toEqual([]);
    const r = nlp.tag({ title: '', body: '輝達投資甲骨文（Oracle）。' });
    expect(r.entities.find((e) => e.id === 'US:ORCL')?.mentions.map((m) => m.text)).toEqual(['甲骨文', 'Oracle']);
  });

  it('does not take an ordinary use as a further mention once the company is established', () => {
    const r = nlp.tag({ title: '', body: '大量（3167）營收創高，由大量伺服器帶動。' });
    expect(r.entities.find((e) => e.id === 'TW:3167')!.mentions.map((m) => m.text)).toEqual(['大量', '3167']);
  });

  it('finds a name in the title and ranks it above one only in the body', () => {
    const r = nlp.tag({ title: '台積電法說會', body: '台積電今日法說會。另外，奧特曼訪台。' });
    expect(r.entities.map((e) => e.id)).toEqual(['TW:2330', 'person:Sam Altman']);
    expect(r.entities[0]!.relevance).toBeGreaterThan(r.entities[1]!.relevance);
    for (const e of r.entities) expect(e.relevance).toBeGreaterThan(0);
    for (const e of r.entities) expect(e.relevance).toBeLessThanOrEqual(1);
  });
});

describe('English names', () => {
  it('prefers the dictionary, and adds English person names it lacks as english-ner', () => {
    const r = nlp.tag({ title: '', body: 'OpenAI執行長Sam Altman與AMD執行長Lisa Su同台。' });
    const sam = r.entities.find((e) => e.id === 'person:Sam Altman')!;
    expect(sam.mentions.map((m) => m.via)).toEqual(['dictionary']);
    const lisa = r.entities.find((e) => e.id === 'person:Lisa Su');
    expect(lisa?.kind).toBe('person');
    expect(lisa?.mentions.map((m) => m.via)).toEqual(['english-ner']);
  });

  it('finds Satya Nadella and CoreWeave with the shipped dictionary', () => {
    const r = sharedNlp().tag({ title: '', body: '微軟執行長Satya Nadella表示，CoreWeave 是重要夥伴。' });
    const got = r.entities.map((e) => e.id);
    expect(got).toContain('person:Satya Nadella');
    expect(got).toContain('US:CRWV');
    expect(got).toContain('US:MSFT');
  });
});

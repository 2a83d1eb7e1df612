import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/article';
import type { Tagged } from '../../../src/nlp/types';
import { sharedNlp } from './shared';

// Codes each seed prints next to a name, listed by hand from the text (677 is
// 力積電's code as the seed misprints it; the company is 6770).
const PRINTED: Record<string, string[]> = {
  '000-foxconn-power-alliance.txt': ['00881', '00927', '00878', '3044', '5274', '6239', '6770'],
  '001-ai-chip-geopolitics.txt': [
    'NVDA', 'AMD', '3661', '8227', '2330', '3711', 'AMKR', '2646', '2382', '3231', '2356', '2376', 'CRWV', '3706', '3653', '8996', '6831',
    '2308', '2301', '2428', '8358', '3167', '4958', '5274', '6840', '6667', '4977', 'AVGO', '1504', '1503', '1513', '1519', '2317', 'OKLO',
    'LTBR', 'UEC', 'TSLA', '2374', '4526', '2049', '4576',
  ],
  '002-foxconn-openai.txt': ['2317', '1504'],
  '003-taiwan-us-investment.txt': ['PLTR', 'ANET', 'VRT'],
  '004-ai-capex-memory.txt': [],
};
const NEVER = ['AI', 'PSU', 'HBM', 'CSP', 'EPS', 'TEEMA', 'AIDC', 'CTCI', 'IEA', 'EMC', 'BMC', 'FSD', 'PPA', 'TCO', '2024', '2025', '2026', '2027', '2030', '12', '21'];

const dirs = ['fixtures/articles', 'fixtures/passages'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
const tagged = new Map<string, Tagged>();
function tagFile(file: string): Tagged {
  let r = tagged.get(file);
  if (!r) {
    r = sharedNlp().tag(parseArticleText(readFileSync(file, 'utf8'), file));
    tagged.set(file, r);
  }
  return r;
}

describe('seed articles', () => {
  it.each(Object.entries(PRINTED))('%s: every printed code is found, no acronym, date or year is a ticker', (name, codes) => {
    const r = tagFile(join('fixtures/articles', name));
    const got = r.tickers.map((t) => t.split('.')[0]);
    for (const c of codes) expect(got, c).toContain(c);
    for (const c of NEVER) expect(got).not.toContain(c);
  });
});

describe('offsets', () => {
  it.each(files)('%s: every mention, token and sentence slices back to its text', (file) => {
    const r = tagFile(file);
    const text = { title: r.title.original, body: r.body.original };
    for (const e of r.entities) for (const m of e.mentions) expect(text[m.field].slice(m.start, m.end)).toBe(m.text);
    for (const f of [r.title, r.body]) {
      for (const t of f.tokens) expect(f.original.slice(t.start, t.end)).toBe(t.text);
      for (const s of f.sentences) expect(f.original.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

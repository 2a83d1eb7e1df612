import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPages } from '../../../src/eval/pages/load';
import { htmlToText, readabilityExtract } from '../../../src/eval/pages/readability';
import { missedTargets, summarise } from '../../../src/eval/pages/report';
import { evaluatePages, scorePage } from '../../../src/eval/pages/score';
import { charF1, lcsLength, normaliseText } from '../../../src/eval/pages/text';

function naiveLcs(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = a[i - 1] === b[j - 1] ? d[i - 1]![j - 1]! + 1 : Math.max(d[i - 1]![j]!, d[i]![j - 1]!);
  return d[a.length]![b.length]!;
}

describe('text comparison', () => {
  it('computes the longest common subsequence exactly, across word boundaries', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 200; t++) {
      const s = (n: number) => Array.from({ length: Math.floor(rnd() * n) }, () => 'ab台積c電'[Math.floor(rnd() * 6)]).join('');
      const a = s(90);
      const b = s(90);
      expect(lcsLength(a, b), `${a} / ${b}`).toBe(naiveLcs(a, b));
    }
  });
  it('scores character F1 on the normal form (width, case and spacing do not count)', () => {
    expect(normaliseText('ＡＢＣ　台積電\n 漲')).toBe('abc台積電漲');
    expect(charF1('台積電今天上漲', '台積電 今天 上漲').f1).toBe(1);
    const half = charF1('台積電', '台積電今天上漲');
    expect(half.precision).toBe(1);
    expect(half.recall).toBeCloseTo(3 / 7);
  });
});

describe('page scoring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const longTitle = '一個超過三十個字的很長很長很長很長很長很長很長的新聞標題測試';
  const sha = createHash('sha256').update(normaliseText(longTitle)).digest('hex');
  mkdirSync(join(dir, 'zh'));
  mkdirSync(join(dir, 'ref', 'one'), { recursive: true });
  writeFileSync(join(dir, 'zh', 'a.html'), '<html><head><title>央行升息半碼 | 新聞</title><meta property="article:published_time" content="2026-03-19T09:00:00+08:00"></head><body><nav><a href="/">首頁</a></nav><article><h1>央行升息半碼</h1><p>中央銀行今天宣布升息半碼，市場早已預期。</p><p>總裁表示將持續觀察通膨。</p></article><footer>新聞版權所有</footer></body></html>');
  writeFileSync(join(dir, 'zh', 'b.html'), `<html><head><title>${longTitle}</title></head><body><p>只有一句話。</p></body></html>`);
  writeFileSync(join(dir, 'ref', 'one', 'source.html'), '<html><body><article><p>The quick brown fox jumps over the lazy dog, again and again.</p></article></body></html>');
  writeFileSync(join(dir, 'ref', 'one', 'expected.html'), '<div><p>The quick brown fox jumps over the lazy dog, again and again.</p></div>');
  const gold = {
    pages: {
      'zh/a': { script: 'Hant', title: '央行升息半碼', date: '2026-03-19', first: '中央銀行今天宣布升息半碼', last: '總裁表示將持續觀察通膨。', middle: ['市場早已預期'], boilerplate: ['首頁', '版權所有'] },
      'zh/b': { script: 'Hant', titleSha256: sha, date: null, first: '只有一句話', last: '只有一句話', middle: [], boilerplate: [] },
      'zh/gone': { script: 'Hant', title: 'x', date: null, first: 'x', last: 'x', middle: [], boilerplate: [] },
    },
  };
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold));
  writeFileSync(join(dir, 'split.json'), JSON.stringify({ test: { zh: ['b'], ref: [] } }));

  it('finds gold pages and reference pages, splits them and names gold without a page', () => {
    const { pages, missing } = loadPages(dir, join(dir, 'gold.json'), join(dir, 'split.json'));
    expect(pages.map((p) => [p.name, p.split, p.gold ? 'gold' : 'ref'])).toEqual([['ref/one', 'dev', 'ref'], ['zh/a', 'dev', 'gold'], ['zh/b', 'test', 'gold']]);
    expect(missing).toEqual(['zh/gone']);
  });

  it('scores title (also by hash), date, sentences, leaks and F1', () => {
    const { pages } = loadPages(dir, join(dir, 'gold.json'), join(dir, 'split.json'));
    const a = pages.find((p) => p.name === 'zh/a')!;
    const good = scorePage(a, 'x', { title: '央行升息半碼', publishedAt: '2026-03-19T09:00:00+08:00', text: '中央銀行今天宣布升息半碼，市場早已預期。\n總裁表示將持續觀察通膨。' }, null, 1);
    expect(good).toMatchObject({ title: true, date: true, first: true, last: true, middle: 1, leaked: [] });
    const bad = scorePage(a, 'x', { title: '新聞', publishedAt: null, text: '首頁\n中央銀行今天宣布升息半碼' }, null, 1);
    expect(bad).toMatchObject({ title: false, date: false, first: true, last: false, middle: 0, leaked: ['首頁'] });
    const b = pages.find((p) => p.name === 'zh/b')!;
    expect(scorePage(b, 'x', { title: longTitle, publishedAt: null, text: '只有一句話。' }, null, 1)).toMatchObject({ title: true, date: null });
    const ref = pages.find((p) => p.name === 'ref/one')!;
    expect(scorePage(ref, 'x', { title: '', publishedAt: null, text: 'The quick brown fox' }, null, 1, htmlToText(ref.reference!)).f1).toBeLessThan(0.6);
  });

  it('runs extractors side by side, counts a throw as a failed page, and checks the targets against the baseline', () => {
    const { pages } = loadPages(dir, join(dir, 'gold.json'), join(dir, 'split.json'));
    const scores = evaluatePages(pages, {
      readability: (h, u) => readabilityExtract(h, u),
      broken: () => {
        throw new Error('boom');
      },
    }, htmlToText);
    const r = summarise(scores, 'readability');
    const broken = summarise(scores, 'broken');
    expect(r.f1Mean).toBeGreaterThan(0.95);
    expect(broken).toMatchObject({ failures: 3, firstAndLast: 0, f1Mean: 0 });
    expect(missedTargets(broken, r).join(' ')).toMatch(/firstAndLast .* behind readability/);
  });
});

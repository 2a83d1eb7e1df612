import { describe, expect, it } from 'vitest';
import { keywords } from '../../../src/label/keywords';
import { FOXCONN, TSMC, tagged } from './build';

describe('keywords', () => {
  const body = '我們認為，台積電先進封裝產能持續擴充，先進封裝需求強勁，我們看好先進封裝。目前市場認為需求持續。';
  const tokens = ['我們', '認為', '台積電', '先進封裝', '產能', '持續', '擴充', '先進封裝', '需求', '強勁', '我們', '看好', '先進封裝', '目前', '市場', '認為', '需求', '持續'];

  it('ranks a repeated domain term above common words and leaves out stop words', () => {
    const kw = keywords(tagged(body, [], { tokens }));
    expect(kw[0]).toBe('先進封裝');
    expect(kw).not.toContain('我們');
    expect(kw).not.toContain('目前');
    expect(kw.indexOf('產能')).toBeGreaterThan(-1);
  });

  it('weighs Traditional tokens with the background table under their Simplified spelling', () => {
    // 產能 (rarer in general text) must outrank 市場 (common) at equal counts.
    const kw = keywords(tagged('產能市場', [], { tokens: ['產能', '市場'] }));
    expect(kw).toEqual(['產能', '市場']);
  });

  it('leaves out news outlets named in bylines', () => {
    const kw = keywords(tagged('[FTNN新聞網]記憶體需求回溫，FTNN新聞網報導記憶體。', [], { tokens: ['FTNN新聞網', '記憶體', '需求', '回溫', 'FTNN新聞網', '報導', '記憶體'] }));
    expect(kw).not.toContain('FTNN新聞網');
    expect(kw[0]).toBe('記憶體');
  });

  it('falls back to entity names when there are no tokens', () => {
    expect(keywords(tagged('鴻海與台積電，鴻海。', [FOXCONN, TSMC]))).toEqual(['鴻海', '台積電']);
  });
});

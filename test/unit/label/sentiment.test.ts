import { describe, expect, it } from 'vitest';
import { label } from '../../../src/label/index';
import { FOXCONN, TSMC, tagged } from './build';

const score = (body: string) => label(tagged(body)).sentiment.score;

describe('sentiment', () => {
  it('signs plain positive and negative finance wording in both scripts', () => {
    expect(score('營收大增，獲利創新高。')).toBeGreaterThan(0);
    expect(score('营收大增，获利创新高。')).toBeGreaterThan(0);
    expect(score('需求疲軟，獲利衰退。')).toBeLessThan(0);
    expect(score('需求疲软，获利衰退。')).toBeLessThan(0);
    expect(score('公司今日召開股東會。')).toBe(0);
  });

  it('flips a sentiment word after a negator (不、未、沒有、並非)', () => {
    expect(score('分析師看好後市。')).toBeGreaterThan(0);
    expect(score('分析師不看好後市。')).toBeLessThan(0);
    expect(score('營收並非衰退。')).toBeGreaterThan(0);
    expect(score('营收并非衰退。')).toBeGreaterThan(0);
    expect(score('股價未見重挫。')).toBeGreaterThan(0);
    expect(score('市場沒有擔憂。')).toBeGreaterThan(0);
  });

  it('cancels two negators and keeps a negator from reaching past its clause', () => {
    expect(score('不會不看好。')).toBeGreaterThan(0);
    expect(score('沒有人預料到，營收成長。')).toBeGreaterThan(0);
  });

  it('scales by degree words (大幅 > plain > 小幅)', () => {
    const big = score('營收大幅成長。');
    const plain = score('營收成長。');
    const small = score('營收小幅成長。');
    expect(big).toBeGreaterThan(plain);
    expect(plain).toBeGreaterThan(small);
    expect(small).toBeGreaterThan(0);
    expect(score('獲利略微下滑。')).toBeGreaterThan(score('獲利大幅下滑。'));
    expect(score('獲利大幅下滑。')).toBeLessThan(0);
  });

  it('keeps the sentiment of words inside a compound event word', () => {
    // 放緩擴產 and 削減資本支出 are capex triggers that hide 放緩 and 削減 from the scan.
    expect(score('三星宣布放緩擴產。')).toBeLessThan(0);
    expect(score('三星削减资本支出。')).toBeLessThan(0);
  });

  it('labels by threshold', () => {
    expect(label(tagged('營收大幅成長，獲利創新高。')).sentiment.label).toBe('positive');
    expect(label(tagged('獲利大幅衰退，股價重挫。')).sentiment.label).toBe('negative');
    expect(label(tagged('董事會通過議案。')).sentiment.label).toBe('neutral');
  });

  it('scores each entity from the clauses that mention it', () => {
    const s = label(tagged('鴻海股價大漲，台積電則重挫。', [FOXCONN, TSMC])).entitySentiment;
    expect(s['TW:2317']).toBeGreaterThan(0);
    expect(s['TW:2330']).toBeLessThan(0);
  });

  it('counts the title twice', () => {
    const withTitle = label(tagged('股價下跌。', [], { title: '營收創新高' })).sentiment.score;
    expect(withTitle).toBeGreaterThan(0);
  });
});

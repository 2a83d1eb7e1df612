import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectScript, foldAlias, foldScript, foldWidth, matchKey } from '../../../src/text/fold';
import { generateScriptFold, SCRIPT_FOLD_FILE } from '../../../src/text/generate';
import { allHan, isHanChar } from '../../../src/text/han';
import { buildIdfTable } from '../../../src/label/idf';

describe('text folding (src/text)', () => {
  it('folds Traditional to Simplified one unit for one, Hong Kong forms too, and leaves Simplified alone', () => {
    expect(foldScript('臺積電與鴻海')).toBe('台积电与鸿海');
    expect(foldScript('台积电')).toBe('台积电');
    expect(foldScript('僞')).toBe('伪');
    const t = '輝達（NVDA）財報優於預期';
    expect(foldScript(t)).toHaveLength(t.length);
  });

  it('matching keys fold script and ASCII case; alias keys fold width and case only', () => {
    expect(matchKey('台積電ADR')).toBe('台积电adr');
    expect(foldAlias('ＴＳＭＣ')).toBe('tsmc');
    expect(foldAlias('台積電')).toBe('台積電');
    expect(foldWidth('ＡＢｃ')).toBe('abc');
  });

  it('tells the scripts apart', () => {
    expect(detectScript('國際貨幣基金預測經濟成長')).toBe('Hant');
    expect(detectScript('国际货币基金预测经济增长')).toBe('Hans');
  });

  it('has one Han range: unified, extension A and compatibility ideographs, nothing else', () => {
    expect(isHanChar('㐀')).toBe(true);
    expect(isHanChar('鿿')).toBe(true);
    expect(isHanChar('\uf900')).toBe(true);
    expect(isHanChar('ア')).toBe(false);
    expect(isHanChar('A')).toBe(false);
    expect(allHan('台積電')).toBe(true);
    expect(allHan('世芯-KY')).toBe(false);
  });

  it('data/script-fold.txt is what opencc-js gives now (regenerate: npx tsx src/text/generate.ts --write)', () => {
    expect(readFileSync(SCRIPT_FOLD_FILE, 'utf8')).toBe(generateScriptFold());
  });
});

describe('compact IDF table', () => {
  it('looks words up, gives the last value of a repeated word and the median', () => {
    const t = buildIdfTable(new TextEncoder().encode('台积电 9.5\n芯片 7.25\n的 1\n芯片 8\n坏行\n'));
    expect(t.get('台积电')).toBe(9.5);
    expect(t.get('芯片')).toBe(8);
    expect(t.get('台积')).toBeUndefined();
    expect(t.get('坏行')).toBeUndefined();
    expect(t.size).toBe(4);
    expect(t.median).toBe(8);
  });
});

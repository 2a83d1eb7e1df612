import { describe, expect, it } from 'vitest';
import { foldScript, detectScript } from '../../../src/text/fold';
import { normalise, toOriginalEndOffset, toOriginalOffset } from '../../../src/text/normalise';
import { splitSentences } from '../../../src/nlp/sentences';

describe('normalise', () => {
  it('turns full-width ASCII, ideographic spaces and 【】 into half-width forms, keeping length', () => {
    const s = '台積電（２３３０）　ＮＶＩＤＩＡ【快訊】';
    const n = normalise(s);
    expect(n.text).toBe('台積電(2330) NVIDIA[快訊]');
    expect(n.map.length).toBe(s.length + 1);
  });

  it('drops zero-width characters and still maps every offset back to the same character', () => {
    const s = 'a\u200b鴻海\ufeff（2317）';
    const n = normalise(s);
    expect(n.text).toBe('a鴻海(2317)');
    const i = n.text.indexOf('鴻海');
    expect(s.slice(toOriginalOffset(n.map, i), toOriginalEndOffset(n.map, i + 2))).toBe('鴻海');
    expect(toOriginalOffset(n.map, n.text.length)).toBe(s.length);
  });

  it('replaces Kangxi radicals with the unified ideograph (⾧期 → 長期)', () => {
    expect(normalise('⾧期').text).toBe('長期');
  });
});

describe('script folding', () => {
  it('folds Traditional to Simplified character by character, same length', () => {
    const t = '台積電董事長魏哲家與鴻海劉揚偉';
    const f = foldScript(t);
    expect(f).toBe('台积电董事长魏哲家与鸿海刘扬伟');
    expect(f.length).toBe(t.length);
    expect(foldScript('臺灣')).toBe('台湾');
  });

  it('detects the script of an article', () => {
    expect(detectScript('鴻海今年營收創新高，董事長劉揚偉表示')).toBe('Hant');
    expect(detectScript('鸿海今年营收创新高，董事长刘扬伟表示')).toBe('Hans');
  });
});

describe('sentences', () => {
  it('splits at 。！？； and line breaks, keeps closing quotes, offsets into the original', () => {
    const original = '他說「好。」然後走了！\n第二行；第三句';
    const n = normalise(original);
    const ss = splitSentences(n.text, original, (i) => toOriginalOffset(n.map, i));
    expect(ss.map((s) => s.text)).toEqual(['他說「好。」', '然後走了！', '第二行；', '第三句']);
    for (const s of ss) expect(original.slice(s.start, s.end)).toBe(s.text);
  });
});

import { describe, expect, it } from 'vitest';
import { generateTaiwaneseWords, taiwaneseWords } from '../../../src/nlp/taiwanese';
import type { FieldText } from '../../../src/nlp/types';
import { sharedNlp } from './shared';

function tokenTexts(f: FieldText): string[] {
  return f.tokens.map((t) => t.text);
}

function expectOffsetsFaithful(f: FieldText): void {
  for (const t of f.tokens) expect(f.original.slice(t.start, t.end)).toBe(t.text);
  for (const s of f.sentences) expect(f.original.slice(s.start, s.end)).toBe(s.text);
}

describe('segmentation (real jieba)', () => {
  it('keeps dictionary words and product codes whole in Traditional text', () => {
    const r = sharedNlp().tag({ title: '', body: '台積電與世芯-KY合作CoWoS，鴻海董事長劉揚偉談GB300、2nm與800G。' });
    const toks = tokenTexts(r.body);
    for (const w of ['台積電', '世芯-KY', 'CoWoS', '鴻海', 'GB300', '2nm', '800G']) expect(toks).toContain(w);
    expectOffsetsFaithful(r.body);
  });

  it('knows Taiwanese vocabulary the Simplified dictionary lacks (軟體, 網路, 記憶體)', () => {
    const r = sharedNlp().tag({ title: '', body: '軟體、網路、記憶體與伺服器都在漲價。' });
    const toks = tokenTexts(r.body);
    for (const w of ['軟體', '網路', '記憶體', '伺服器']) expect(toks).toContain(w);
  });

  it('segments Simplified text with the same words, offsets into the Simplified original', () => {
    const r = sharedNlp().tag({ title: '台积电扩产', body: '台积电董事长魏哲家表示，鸿海与台达电也受惠。' });
    expect(tokenTexts(r.body)).toContain('台积电');
    expect(tokenTexts(r.body)).toContain('鸿海');
    expect(tokenTexts(r.title)).toContain('台积电');
    expectOffsetsFaithful(r.body);
    expectOffsetsFaithful(r.title);
  });

  it('gives tokens and sentences offsets into full-width original text', () => {
    const body = '鴻海（２３１７）今日公告；台達電（２３０８）　營收創高！';
    const r = sharedNlp().tag({ title: '', body });
    expectOffsetsFaithful(r.body);
    expect(r.body.sentences.map((s) => s.text)).toEqual(['鴻海（２３１７）今日公告；', '台達電（２３０８）　營收創高！']);
    expect(tokenTexts(r.body)).toContain('２３１７');
    expect(r.body.normalised).toBe('鴻海(2317)今日公告;台達電(2308) 營收創高!');
  });

  it('leaves out white-space tokens but keeps punctuation', () => {
    const r = sharedNlp().tag({ title: '', body: 'NVIDIA  與 AMD。' });
    expect(tokenTexts(r.body)).toEqual(['NVIDIA', '與', 'AMD', '。']);
  });
});

describe('Taiwanese vocabulary file', () => {
  it('is what generateTaiwaneseWords() makes from the installed jieba and OpenCC (regenerate: npx tsx src/nlp/taiwanese.ts --write)', () => {
    const shipped = taiwaneseWords();
    expect(shipped.split('\n').length).toBeGreaterThan(1000);
    expect(generateTaiwaneseWords()).toBe(shipped);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, documentCharset, headerCharset, normaliseCharset } from '../../../src/ingest/charset';

const FIX = join(import.meta.dirname, '../../../fixtures');

describe('charset labels', () => {
  it('maps the GB and Big5 families to their supersets', () => {
    expect(normaliseCharset('GB2312')).toBe('gb18030');
    expect(normaliseCharset('gbk')).toBe('gb18030');
    expect(normaliseCharset('"big5"')).toBe('big5hkscs');
    expect(normaliseCharset('UTF8')).toBe('utf-8');
    expect(normaliseCharset('no-such-charset')).toBeNull();
  });
  it('reads the header, the XML declaration and both meta forms', () => {
    expect(headerCharset('text/html; charset="Big5"')).toBe('Big5');
    expect(headerCharset('text/html')).toBeNull();
    expect(documentCharset(Buffer.from('<?xml version="1.0" encoding="gb2312"?><rss/>'))).toBe('gb2312');
    expect(documentCharset(Buffer.from('<html><head><meta charset=big5></head>'))).toBe('big5');
    expect(documentCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'))).toBe('GBK');
  });
});

describe('decodeBody', () => {
  it('decodes Hong Kong characters in Big5 (HKSCS)', () => {
    // 咗 = 9D F7, 嘅 = FB 48 in Big5-HKSCS.
    const bytes = Buffer.from([0x9d, 0xf7, 0xfb, 0x48]);
    expect(decodeBody(bytes, 'text/plain; charset=big5').text).toBe('咗嘅');
  });
  it('decodes GB18030 four-byte characters in a page labelled gb2312', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="gb2312"?><t>'), iconv.encode('王䶮', 'gb18030'), Buffer.from('</t>')]);
    const d = decodeBody(bytes, null);
    expect(d.text).toContain('王䶮');
    expect(d.charset).toBe('gb18030');
  });
  it('takes UTF-8 bytes as UTF-8 although the header says gb2312', () => {
    const d = decodeBody(Buffer.from('<p>台積電法說會</p>', 'utf8'), 'text/html; charset=gb2312');
    expect(d).toMatchObject({ text: '<p>台積電法說會</p>', charset: 'utf-8', source: 'sniff', overruled: 'gb2312' });
  });
  it('sniffs GBK bytes labelled UTF-8, and unlabelled Big5 bytes', () => {
    const gbk = iconv.encode('<p>中国人民银行宣布降准，市场资金面将更加宽松。</p>', 'gbk');
    expect(decodeBody(gbk, 'text/html; charset=utf-8')).toMatchObject({ charset: 'gb18030', text: '<p>中国人民银行宣布降准，市场资金面将更加宽松。</p>' });
    const big5 = iconv.encode('<p>中央銀行宣布升息半碼，市場資金面轉趨緊縮。</p>', 'big5');
    expect(decodeBody(big5, 'text/html')).toMatchObject({ charset: 'big5hkscs', text: '<p>中央銀行宣布升息半碼，市場資金面轉趨緊縮。</p>' });
  });
  it('reads Big5 labelled gb2312, and GBK labelled big5, in the family that fits', () => {
    const big5 = iconv.encode('<p>台積電董事會今日通過資本預算，將擴大在台灣與美國的先進製程產能。</p>', 'big5');
    expect(decodeBody(big5, 'text/html; charset=gb2312')).toMatchObject({ charset: 'big5hkscs', source: 'sniff', overruled: 'gb2312' });
    const gbk = iconv.encode('<p>中国证监会今日发布新规，进一步规范上市公司的信息披露行为。</p>', 'gbk');
    expect(decodeBody(gbk, 'text/html; charset=big5').text).toBe('<p>中国证监会今日发布新规，进一步规范上市公司的信息披露行为。</p>');
  });
  it('reads Big5 served with a server default of iso-8859-1 as Big5', () => {
    const big5 = iconv.encode('<p>台積電董事會今日通過資本預算，將擴大在台灣與美國的先進製程產能。</p>', 'big5');
    expect(decodeBody(big5, 'text/html; charset=ISO-8859-1')).toMatchObject({ charset: 'big5hkscs', overruled: 'ISO-8859-1' });
  });
  it('keeps a Latin-1 page Latin-1', () => {
    const latin = iconv.encode(`<p>${'Les résultats trimestriels dépassent les prévisions des analystes; la société prévoit une hausse. '.repeat(20)}</p>`, 'latin1');
    expect(decodeBody(latin, 'text/html; charset=iso-8859-1').text).toContain('Les résultats trimestriels dépassent');
  });
  it('keeps a correct legacy label', () => {
    const gbk = iconv.encode('<p>央行宣布降准，释放长期资金。</p>', 'gbk');
    expect(decodeBody(gbk, 'text/html; charset=gbk')).toMatchObject({ charset: 'gb18030', source: 'header', text: '<p>央行宣布降准，释放长期资金。</p>' });
    const big5 = iconv.encode('<p>金管會宣布放寬投資限制。</p>', 'big5');
    expect(decodeBody(big5, 'text/html; charset=big5')).toMatchObject({ charset: 'big5hkscs', source: 'header', text: '<p>金管會宣布放寬投資限制。</p>' });
  });
  it('reads a UTF-8 page with one stray byte as UTF-8, replacing only that byte', () => {
    const text = '台積電今日公布財報，營收與獲利雙創新高，法人看好後市表現。';
    const bytes = Buffer.concat([Buffer.from(`<p>${text}`, 'utf8'), Buffer.from([0xff]), Buffer.from(`${text}</p>`, 'utf8')]);
    const d = decodeBody(bytes, 'text/html; charset=utf-8');
    expect(d.charset).toBe('utf-8');
    expect(d.text).toBe(`<p>${text}\uFFFD${text}</p>`);
  });
  it('keeps a right UTF-8 label over a few stray bytes: they become U+FFFD where they are, nothing else changes', () => {
    // The case of issue 17: a 132-character feed labelled UTF-8 with 3 stray bytes was read as GB18030 ("good 榇绘捣").
    const xml = '<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>good 鴻海</title><description>營收</description></item></channel></rss>';
    expect([...xml].length).toBe(132);
    const b = Buffer.from(xml, 'utf8');
    const at = [40, 90, 130];
    const bytes = Buffer.concat([b.subarray(0, at[0]), Buffer.from([0xff]), b.subarray(at[0], at[1]), Buffer.from([0xc3]), b.subarray(at[1], at[2]), Buffer.from([0x80]), b.subarray(at[2])]);
    const d = decodeBody(bytes, 'application/rss+xml; charset=utf-8');
    expect(d).toMatchObject({ charset: 'utf-8', source: 'header' });
    expect(d.text).toContain('<title>good 鴻海</title>');
    const expected = [b.subarray(0, at[0]), b.subarray(at[0], at[1]), b.subarray(at[1], at[2]), b.subarray(at[2])].map((p) => p.toString('utf8')).join('\uFFFD');
    expect(d.text).toBe(expected);
  });
  it('keeps UTF-8 for a short unlabelled text with a high share of stray bytes', () => {
    const bytes = Buffer.concat([Buffer.from('<p>台積電', 'utf8'), Buffer.from([0xa0, 0xff]), Buffer.from('今日上漲', 'utf8'), Buffer.from([0xfe, 0x81, 0x80]), Buffer.from('。</p>', 'utf8')]);
    expect(decodeBody(bytes, null)).toMatchObject({ charset: 'utf-8', text: '<p>台積電\uFFFD\uFFFD今日上漲\uFFFD\uFFFD\uFFFD。</p>' });
  });
  it('keeps a right GBK or Big5 label over an invalid byte, which becomes U+FFFD in place', () => {
    const gbk = Buffer.concat([iconv.encode('<p>中国人民银行宣布降准，', 'gbk'), Buffer.from([0xff]), iconv.encode('市场资金面将更加宽松。</p>', 'gbk')]);
    expect(decodeBody(gbk, 'text/html; charset=gbk')).toMatchObject({ charset: 'gb18030', source: 'header', text: '<p>中国人民银行宣布降准，\uFFFD市场资金面将更加宽松。</p>' });
    const big5 = Buffer.concat([iconv.encode('<p>中央銀行宣布升息半碼，', 'big5'), Buffer.from([0xff]), iconv.encode('市場資金面轉趨緊縮。</p>', 'big5')]);
    expect(decodeBody(big5, 'text/html; charset=big5')).toMatchObject({ charset: 'big5hkscs', source: 'header', text: '<p>中央銀行宣布升息半碼，\uFFFD市場資金面轉趨緊縮。</p>' });
  });
  it('still overrides a UTF-8 label on GBK bytes that carry a stray byte', () => {
    const gbk = Buffer.concat([iconv.encode('<p>中国证监会今日发布新规，', 'gbk'), Buffer.from([0x80]), iconv.encode('进一步规范上市公司的信息披露行为。</p>', 'gbk')]);
    expect(decodeBody(gbk, 'text/html; charset=utf-8')).toMatchObject({ charset: 'gb18030', source: 'sniff', overruled: 'utf-8' });
  });
  it('lets a BOM win over any label', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('鴻海', 'utf8')]);
    expect(decodeBody(bytes, 'text/html; charset=big5')).toMatchObject({ text: '鴻海', source: 'bom' });
  });
  it('decodes the fixture feeds without replacement characters', () => {
    const big5 = decodeBody(readFileSync(join(FIX, 'feeds/rss-big5.xml')), 'application/rss+xml');
    expect(big5.charset).toBe('big5hkscs');
    expect(big5.text).toContain('科技股嘅成交急增');
    const gb = decodeBody(readFileSync(join(FIX, 'feeds/rss-gb18030.xml')), 'text/xml; charset=gb2312');
    expect(gb.text).toContain('记者 王䶮 报道');
    for (const d of [big5, gb]) expect(d.text).not.toContain('\uFFFD');
  });
});

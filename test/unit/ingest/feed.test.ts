import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../../src/errors';
import { decodeBody } from '../../../src/ingest/charset';
import { parseFeed } from '../../../src/ingest/feed';

const FIX = join(import.meta.dirname, '../../../fixtures/feeds');
const BASE = 'http://news.example.com/feeds/';
const opts = { fullTextMinChars: 400 };

/** Read a fixture feed as the server would serve it, with __HOST__ filled in. */
function feed(name: string, contentType: string | null = null): string {
  const bytes = Buffer.from(readFileSync(join(FIX, name)).toString('latin1').replaceAll('__HOST__', 'news.example.com'), 'latin1');
  return decodeBody(bytes, contentType).text;
}

describe('parseFeed', () => {
  it('reads RSS 2.0 in UTF-8, canonicalises links and spots the full-text item', async () => {
    const f = await parseFeed(feed('rss-utf8.xml'), BASE + 'rss-utf8.xml', opts);
    expect(f.title).toBe('財經新聞 - 測試頻道');
    expect(f.items.map((i) => i.url)).toEqual([
      'http://news.example.com/pages/p000-utf8.html',
      'http://news.example.com/pages/p004-utf8.html',
      'http://news.example.com/full-text-only/openai-foxconn.html',
    ]);
    expect(f.items.map((i) => i.hasFullText)).toEqual([false, false, true]);
    expect(f.items[0]!.author).toBe('George Kuo');
    expect(f.items[0]!.publishedAt).toBe('2026-01-12T10:30:00+08:00');
    expect(f.items[2]!.text).toContain('鴻海（2317）董事長劉揚偉表示');
    expect(f.items[2]!.text.split('\n').length).toBe(6);
  });
  it('reads RSS in Big5 with Hong Kong characters', async () => {
    const f = await parseFeed(feed('rss-big5.xml', 'application/rss+xml'), BASE, opts);
    expect(f.items.map((i) => i.title)).toEqual(['地緣政治風險如何改寫 AI 晶片格局', '港股收市：恒指升 200 點，科技股嘅成交急增']);
    expect(f.items[0]!.url).toBe('http://news.example.com/pages/p001-big5.html');
    expect(f.items[0]!.publishedAt).toBe('2026-01-12T10:30:00+08:00');
  });
  it('reads RSS in GB18030 labelled gb2312, dropping the fragment of the link', async () => {
    const f = await parseFeed(feed('rss-gb18030.xml', 'text/xml; charset=gb2312'), BASE, opts);
    expect(f.items[0]!.title).toBe('OpenAI估值达5000亿美元，放在台股是市值第二大公司');
    expect(f.items[0]!.text).toContain('记者 王䶮 报道');
    expect(f.items[0]!.url).toBe('http://news.example.com/pages/p002-gb18030.html');
  });
  it('reads Atom and RDF', async () => {
    const atom = await parseFeed(feed('atom.atom'), BASE, opts);
    expect(atom.items.map((i) => [i.title, i.url, i.publishedAt])).toEqual([
      ['AI資本支出一飛衝天 定期定額是王道', 'http://news.example.com/pages/p004-utf8.html', '2026-01-21T08:00:00+08:00'],
      ['2,500億美元對美授信的底層邏輯', 'http://news.example.com/pages/p003-mislabelled.html', '2026-01-12T09:00:00+08:00'],
    ]);
    const rdf = await parseFeed(feed('rdf.rdf'), BASE, opts);
    expect(rdf.items).toHaveLength(1);
    expect(rdf.items[0]!.publishedAt).toBe('2026-01-12T10:30:00+08:00');
  });
  it('repairs a bare &, HTML entities and control characters, leaving CDATA alone', async () => {
    const f = await parseFeed(feed('broken-amp.xml'), BASE, opts);
    expect(f.repaired).toBe(true);
    expect(f.title).toBe('鉅亨速報 & 台股焦點');
    expect(f.items[0]!.title).toBe('AT&T與台積電 合作 5G 晶片');
    expect(f.items[0]!.url).toBe('http://news.example.com/pages/p004-utf8.html?a=1&b=2');
    expect(f.items[0]!.text).toBe('控制字元出現在摘要中，但不影響閱讀 © 鉅亨');
    expect(f.items[1]!.title).toBe('外資買超 2330 & 2317');
    expect(f.items[1]!.text).toBe('CDATA 內的 & 與 標籤 原樣保留');
  });
  it('treats __proto__ and constructor elements as data', async () => {
    const f = await parseFeed(feed('proto.xml'), BASE, opts);
    expect(f.items).toHaveLength(1);
    expect(f.items[0]!.title).toBe('台積電法說會前瞻');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(f.items[0])).toBe(Object.prototype);
  });
  it('names malformed XML and an HTML page as FeedParseError', async () => {
    await expect(parseFeed(feed('malformed.xml'), BASE + 'malformed.xml', opts)).rejects.toThrow(FeedParseError);
    await expect(parseFeed(feed('html-not-feed.xml'), BASE + 'x', opts)).rejects.toThrow(/HTML page where a feed was expected/);
    await expect(parseFeed('{"items": []}', BASE + 'x', opts)).rejects.toThrow(/not XML/);
    await expect(parseFeed('<urlset></urlset>', BASE + 'x', opts)).rejects.toThrow(/root element <urlset>/);
  });
  it('does not expand entities declared in a DOCTYPE (billion laughs, external files)', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&xxe;</title><link>https://news.example.com/a/1</link></item></channel></rss>`;
    const f = await parseFeed(xml, 'https://news.example.com/rss', opts);
    expect(f.title).toBe('&lol3;');
    expect(f.items[0]!.title).toBe('&xxe;');
  });
  it('skips items without a usable link and repeated links, keeping the rest', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>無連結</title></item>
      <item><title>壞連結</title><link>javascript:alert(1)</link></item>
      <item><title>好</title><link>/a/1?utm_source=x</link></item>
      <item><title>重複</title><link>/a/1</link></item></channel></rss>`;
    const f = await parseFeed(xml, 'https://news.example.com/rss', opts);
    expect(f.items.map((i) => i.title)).toEqual(['好']);
    expect(f.skipped.map((s) => s.index)).toEqual([0, 1, 3]);
  });
});

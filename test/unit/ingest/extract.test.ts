import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../../src/errors';
import { decodeBody } from '../../../src/ingest/charset';
import { extractArticle } from '../../../src/ingest/extract';

const DIR = join(import.meta.dirname, '../../../fixtures/pages');
interface Expected {
  contentType: string;
  charset: string;
  title: string;
  author: string | null;
  publishedAt: string;
  url: string | null;
  first: string;
  last: string;
  contains: string[];
  absent: string[];
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const PAGE_URL = 'http://news.example.com/pages/';

describe('extractArticle on the fixture pages', () => {
  for (const [file, exp] of Object.entries(expected)) {
    describe(file, () => {
      const decoded = decodeBody(readFileSync(join(DIR, file)), exp.contentType);
      const got = extractArticle(decoded.text, PAGE_URL + file);
      const paragraphs = got.text.split('\n');

      it('decodes with the right charset and no replacement characters', () => {
        expect(decoded.charset).toBe(exp.charset);
        expect(got.text).not.toContain('\uFFFD');
        expect(got.title).not.toContain('\uFFFD');
      });
      it('finds title, author, date and canonical URL', () => {
        expect(got.title).toBe(exp.title);
        expect(got.author).toBe(exp.author);
        expect(got.publishedAt).toBe(exp.publishedAt);
        expect(got.url).toBe(exp.url === null ? PAGE_URL + file : new URL(exp.url, PAGE_URL).toString());
      });
      it('keeps the article body from its first to its last paragraph', () => {
        expect(paragraphs[0]).toBe(exp.first);
        expect(paragraphs.at(-1)).toBe(exp.last);
        for (const c of exp.contains) expect(got.text).toContain(c);
      });
      it('drops navigation, ads, related lists, share bars and footers', () => {
        for (const a of exp.absent) expect(got.text, a).not.toContain(a);
      });
    });
  }
});

describe('extractArticle rules', () => {
  it('keeps short CJK paragraphs', () => {
    const html = '<html><head><title>短段落</title></head><body><nav><a href="/">首頁</a></nav><div class="content"><h1>短段落</h1><p>漲停。</p><p>台積電今日開高走高，收盤上漲百分之三。</p><p>量增。</p></div></body></html>';
    expect(extractArticle(html, 'https://a.example/x').text).toBe('漲停。\n台積電今日開高走高，收盤上漲百分之三。\n量增。');
  });
  it('reads <br>-separated text in old table layouts', () => {
    const html = '<html><body><table><tr><td class="menu"><a href="/a">新聞</a><br><a href="/b">股市</a></td><td>鴻海今日公告營收。<br>較去年同期成長一成。<br>法人看好後市。</td></tr></table><title>鴻海營收</title></body></html>';
    expect(extractArticle(html, 'https://a.example/x').text).toBe('鴻海今日公告營收。\n較去年同期成長一成。\n法人看好後市。');
  });
  it('drops an in-body 延伸閱讀 pointer and a link list, but keeps a sentence with a link in it', () => {
    const html = `<html><head><title>標題</title></head><body><article><p>第一段，<a href="/x">台積電</a>宣布擴產。</p>
      <p>延伸閱讀：<a href="/y">台積電擴產計畫全解析</a></p><ul><li><a href="/1">另一篇新聞標題一</a></li><li><a href="/2">另一篇新聞標題二</a></li></ul><p>第二段。</p></article></body></html>`;
    expect(extractArticle(html, 'https://a.example/x').text).toBe('第一段，台積電宣布擴產。\n第二段。');
  });
  it('reads 民國 dates and dates printed as 2026/01/12 10:30', () => {
    const roc = '<html><head><title>t</title></head><body><div class="info">中華民國115年3月5日 下午2:05</div><div><p>內文。</p></div></body></html>';
    expect(extractArticle(roc, 'https://a.example/x').publishedAt).toBe('2026-03-05T14:05:00+08:00');
    const west = '<html><head><title>t</title></head><body><span>2026/01/12 10:30</span><div><p>內文。</p></div></body></html>';
    expect(extractArticle(west, 'https://a.example/x').publishedAt).toBe('2026-01-12T10:30:00+08:00');
  });
  it('prefers the canonical link, without tracking parameters', () => {
    const html = '<html><head><title>t</title><link rel="canonical" href="/news/1?utm_source=fb&amp;id=7"></head><body><p>內文。</p></body></html>';
    expect(extractArticle(html, 'https://A.example/x?ref=1').url).toBe('https://a.example/news/1?id=7');
  });
  it('joins an article split in two by an ad block', () => {
    const html = `<html><head><title>分段</title></head><body><div class="nav-list"><a href="/">首頁</a></div><div class="story">
      <div class="text"><p>上半段第一句。</p><p>上半段第二句。</p></div><div class="ad-slot">廣告：開戶送好禮</div><div class="text"><p>下半段第一句。</p><p>下半段第二句。</p></div></div></body></html>`;
    expect(extractArticle(html, 'https://a.example/x').text).toBe('上半段第一句。\n上半段第二句。\n下半段第一句。\n下半段第二句。');
  });
  it('reads paragraphs laid out as one <div> each', () => {
    const html = '<html><head><title>t</title></head><body><div id="content"><div>第一段。</div><div>第二段較長一些的文字。</div><div>三。</div></div><div class="footer-links"><a href="/a">關於我們</a></div></body></html>';
    expect(extractArticle(html, 'https://a.example/x').text).toBe('第一段。\n第二段較長一些的文字。\n三。');
  });
  it('keeps an article whose wrapper has a chrome-like class name', () => {
    const html = `<html><head><title>t</title></head><body><div class="wrap has-sidebar"><article><p>正文一。</p><p>正文二。</p></article>
      <div class="sidebar"><ul>${'<li><a href="/x">其他新聞標題很長很長很長很長很長很長</a></li>'.repeat(20)}</ul></div></div></body></html>`;
    expect(extractArticle(html, 'https://a.example/x').text).toBe('正文一。\n正文二。');
  });
  it('throws ExtractError for a page without text', () => {
    expect(() => extractArticle('<html><head><title>空</title></head><body><nav><a href="/">首頁</a></nav></body></html>', 'https://a.example/x')).toThrow(ExtractError);
  });
});

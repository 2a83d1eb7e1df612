import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/ingest/meta';
import { splitTitle } from '../../../src/ingest/title';

const meta = (html: string) => readMeta(cheerio.load(html), 'https://news.example/a');

describe('headline', () => {
  it('splits <title> on | - _ :: -- but not on the hyphen of 1-10月 or Wi-Fi', () => {
    expect(splitTitle('台積電法說會心得 :: 小明的投資筆記 :: 痞客邦 ::').headline).toBe('台積電法說會心得');
    expect(splitTitle('新闻动态--中国地理学会官网').site).toEqual(['新闻动态']);
    expect(splitTitle('1-10月德清县固定资产投资结构趋稳趋优').headline).toBe('1-10月德清县固定资产投资结构趋稳趋优');
    expect(splitTitle('Wi-Fi 7 路由器開賣 - 科技新報').headline).toBe('Wi-Fi 7 路由器開賣');
  });
  it('takes the page element that <title> confirms, not the logo h1 and not the site suffix', () => {
    const html = `<html><head><title>法国全国大罢工再次严重影响交通-新华网</title></head><body>
      <h1 class="logo">新华网</h1><div class="nav">首页</div><div class="h-title">法国全国大罢工再次严重影响交通</div><p>正文。</p></body></html>`;
    expect(meta(html).title).toBe('法国全国大罢工再次严重影响交通');
  });
  it('confirms a headline followed by a space and a section name in <title>', () => {
    const html = '<html><head><title>区领导到金融街调研 东区办事处_中山网</title></head><body><span class="Title">区领导到金融街调研</span><p>正文。</p></body></html>';
    expect(meta(html).title).toBe('区领导到金融街调研');
  });
  it('prefers the headline part of <title> to a logo h1 that <title> does not confirm', () => {
    const html = '<html><head><title>山西品牌丝路行正式启动 - 山西省人民政府门户网站</title></head><body><h1>山西省人民政府网站</h1><p>正文。</p></body></html>';
    expect(meta(html).title).toBe('山西品牌丝路行正式启动');
  });
});

describe('publication date printed on the page', () => {
  it('takes the date under the headline, not the date in the page header or in related lists', () => {
    const html = `<html><head><title>逆水寒新版本上线 | 游民星空</title></head><body><div class="top">2026年3月1日 星期日</div>
      <h1>逆水寒新版本上线</h1><div>2026-02-27 11:10 游民星空</div><p>正文第一句。</p>
      <ul><li><time>2026-02-28</time><a href="/x">另一篇</a></li></ul></body></html>`;
    expect(meta(html).publishedAt).toBe('2026-02-27T11:10:00+08:00');
  });
  it('takes a labelled date after the story over the first date the story mentions', () => {
    const html = `<html><head><title>区领导到金融街调研 东区办事处_中山网</title></head><body><span class="Title">区领导到金融街调研</span>
      <p>2026年2月27日下午，区领导一行到金融街调研。</p><p>发布日期：2026-03-06 责任编辑：龙慧</p></body></html>`;
    expect(meta(html).publishedAt).toBe('2026-03-06T00:00:00+08:00');
  });
  it('reads a meta date written YYYY-MM-DD-HH:MM:SS, and a change date only when nothing else is given', () => {
    expect(meta('<html><head><meta name="firstpublishedtime" content="2007-08-20-23:59:59"><title>t</title></head><body><p>x</p></body></html>').publishedAt).toBe('2007-08-20T23:59:59+08:00');
    expect(meta('<html><head><meta name="dateUpdate" content="2019-10-08 12:00:57"><title>t</title></head><body><p>发布时间：10-08 12:00</p></body></html>').publishedAt).toBe('2019-10-08T12:00:57+08:00');
  });
});

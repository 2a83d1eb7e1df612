import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/extract';

// Layout patterns of Taiwanese and mainland news sites, written by hand: the
// chrome each kind of site wraps around its text, with a short article inside.

describe('site layouts', () => {
  it('drops an app pitch, a link paragraph and the date stamp inside the text, keeps the reporter line', () => {
    const html = `<html><head><title>台積電1月營收創同期新高 - 自由財經</title></head><body>
      <div class="whitecon boxTitle boxText"><h1>台積電1月營收創同期新高</h1>
      <div class="text boxTitle boxText" data-desc="內容頁">
        <p>〔記者王小明／新竹報導〕台積電今天公布1月營收。</p>
        <div class="suggest_pc"><p>不用抽 不用搶 現在用APP看新聞 保證天天中獎</p><a href="/app">點我下載APP</a></div>
        <p>法人預估首季營收將優於財測。</p>
        <p class="appE1121"><a href="https://example.com/app">點我下載APP\u3000按我看活動辦法</a></p>
        <span class="time">2026/02/10 14:35</span>
      </div></div>
      <div class="related"><p class="title">相關新聞</p><a href="/1">台股早盤</a></div>
      </body></html>`;
    const got = extractArticle(html, 'https://ec.example.com/news/1');
    expect(got.title).toBe('台積電1月營收創同期新高');
    expect(got.publishedAt).toBe('2026-02-10T14:35:00+08:00');
    expect(got.text).toBe('〔記者王小明／新竹報導〕台積電今天公布1月營收。\n法人預估首季營收將優於財測。');
  });

  it('drops the editor credit and the app line of a mainland portal', () => {
    const html = `<html><head><meta charset="utf-8"><title>央行开展逆回购操作_新浪财经_新浪网</title>
      <meta property="article:published_time" content="2026-01-12T09:15:00+08:00"></head><body>
      <div class="main-content"><h1 class="main-title">央行开展逆回购操作</h1>
      <div class="article" id="artibody">
        <p>\u3000\u3000新浪财经讯 1月12日，央行开展1000亿元7天期逆回购操作。</p>
        <p>\u3000\u3000当日有500亿元逆回购到期。</p>
        <p>海量资讯、精准解读，尽在新浪财经APP</p>
        <p class="article-editor">责任编辑：李四</p>
      </div></div>
      <div class="blk-related"><h3>相关阅读</h3><ul><li><a href="/x">LPR报价出炉</a></li></ul></div></body></html>`;
    const got = extractArticle(html, 'https://finance.example.cn/a.shtml');
    expect(got.title).toBe('央行开展逆回购操作');
    expect(got.publishedAt).toBe('2026-01-12T09:15:00+08:00');
    expect(got.text).toBe('新浪财经讯 1月12日，央行开展1000亿元7天期逆回购操作。\n当日有500亿元逆回购到期。');
  });

  it('drops a ►延伸閱讀 list inside the story body', () => {
    const html = `<html><head><title>鴻海法說會登場 | 財經 | 新聞雲</title></head><body>
      <header class="site-header"><nav><a href="/">首頁</a></nav></header>
      <div class="story" itemprop="articleBody">
        <p>記者李大華／台北報導</p><p>鴻海今日召開法說會。</p><p>董事長表示AI伺服器出貨翻倍。</p>
        <p><strong>►延伸閱讀</strong></p>
        <p><a href="/n/1">台股收盤大漲300點</a></p><p><a href="/n/2">外資連三買</a></p>
      </div>
      <div class="part_area_1"><h2>熱門新聞</h2><a href="/h/1">熱門一</a><a href="/h/2">熱門二</a></div></body></html>`;
    const got = extractArticle(html, 'https://www.example.com.tw/news/2');
    expect(got.text).toBe('記者李大華／台北報導\n鴻海今日召開法說會。\n董事長表示AI伺服器出貨翻倍。');
    expect(got.title).toBe('鴻海法說會登場');
  });

  it('keeps a short article on a heavy page, and drops teaser cards made of <article> elements', () => {
    const teaser = (i: number) => `<article class="card"><a href="/t/${i}"><h3>其他報導標題第${i}則</h3><p>這是一段很長的摘要文字，用來描述另一篇新聞的內容，讓版面看起來很豐富。</p></a></article>`;
    const html = `<html><head><title>快訊：央行理監事會維持利率不變</title></head><body>
      <div class="layout"><div class="content-main">
        <h1>快訊：央行理監事會維持利率不變</h1>
        <p>央行今天宣布利率維持不變。</p><p>市場早已預期。</p>
        <h3>延伸閱讀</h3><ul><li><a href="/r/1">升息循環結束了嗎</a></li></ul>
      </div>
      <section class="more-news"><h2>其他人也在看</h2>${Array.from({ length: 12 }, (_, i) => teaser(i)).join('')}</section></div></body></html>`;
    const got = extractArticle(html, 'https://news.example.com/flash/1');
    expect(got.text).toBe('央行今天宣布利率維持不變。\n市場早已預期。');
  });

  it('takes og:title without the site name when no <h1> confirms a headline', () => {
    const html = `<html><head><title>外資連五賣 台股收黑 | 鉅亨網 - 台股新聞</title><meta property="og:title" content="外資連五賣 台股收黑 | 鉅亨網 - 台股新聞"></head>
      <body><h1 class="logo">鉅亨網</h1><div><p>台股今天收黑。</p></div></body></html>`;
    expect(extractArticle(html, 'https://news.example.com/1').title).toBe('外資連五賣 台股收黑');
  });
});

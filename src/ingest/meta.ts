import type { CheerioAPI } from 'cheerio';
import { findDateAfter, findVisibleDate, parseMachineDate } from './dates';
import { cleanText } from './html-text';
import { pickTitle } from './title';
import { canonicalUrl } from './url';
import type { Element } from 'domhandler';

/** What a page says about itself, apart from its text. */
export interface PageMeta {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  /** Canonical URL (rel=canonical, og:url or the fetched URL), tracking parameters removed. */
  url: string;
  /** The article's text as JSON-LD gives it (`articleBody`), for pages whose markup holds none. */
  articleBody: string | null;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|Report|TechArticle)$/;

/** JSON-LD objects of article types, from every script block and @graph. */
function jsonLd($: CheerioAPI): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    const types = ([] as unknown[]).concat(o['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()), 0);
    } catch {
      // Broken JSON-LD is common; the other sources of metadata still apply.
    }
  });
  return out;
}

const first = <T>(xs: Array<T | null | undefined>): T | null => xs.find((x) => x !== null && x !== undefined && x !== '') ?? null;

type Metas = Map<string, string>;

/** Every `<meta>` by its name, property or itemprop (lower-cased), first one winning; one pass over the page. */
function metaTags($: CheerioAPI): Metas {
  const out: Metas = new Map();
  $('meta').each((_, el) => {
    const content = el.attribs.content?.trim();
    if (!content) return;
    for (const k of [el.attribs.property, el.attribs.name, el.attribs.itemprop]) {
      const key = k?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  });
  return out;
}

function metaContent(metas: Metas, names: string[]): string | null {
  for (const n of names) {
    const v = metas.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}

function authorName(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return first(v.map(authorName));
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return ((v as Json).name as string).trim() || null;
  return null;
}

function jsonLdHeadline(ld: Json[]): string | null {
  return first(ld.map((o) => (typeof o.headline === 'string' ? cleanText(o.headline) : null)));
}

function pickAuthor($: CheerioAPI, ld: Json[], metas: Metas): string | null {
  const meta = metaContent(metas, ['author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author']);
  const fromMeta = meta && !/^https?:\/\//.test(meta) ? meta : null;
  const byline = $('[itemprop="author"], [rel="author"], .author, .byline').first();
  const bylineText = byline.length ? cleanText(byline.attr('content') ?? byline.text()) : '';
  return first([fromMeta, first(ld.map((o) => authorName(o.author))), bylineText && bylineText.length <= 40 ? bylineText : null]);
}

/** Meta names of a publication date, best first; then, for pages with none, of a first or last change. */
const PUBLISHED = ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'PublishDate', 'publishedtime', 'firstpublishedtime', 'date', 'dc.date', 'DC.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'og:time', 'apub:time', 'weibo: article:create_at'];
const CHANGED = ['article:modified_time', 'og:updated_time', 'dateModified', 'lastmodifiedtime', 'dateupdate', 'weibo: article:update_at', 'maketime'];

/**
 * The publication date: machine-readable ones first (meta tags, JSON-LD,
 * `<time datetime>`); then a date printed after the headline (a labelled
 * one such as 发布日期：2019-03-06 anywhere in the article before an
 * unlabelled one right under the headline: the first date of a story is
 * often the day it tells of, and the dates above the headline are often
 * today's date in the page header); then dates in date-named elements; then
 * a page's last-change date; then any date on the page.
 */
function pickDate($: CheerioAPI, ld: Json[], metas: Metas, headline: Element | null): string | null {
  const machine = [
    metaContent(metas, PUBLISHED),
    ...ld.map((o) => (typeof o.datePublished === 'string' ? o.datePublished : null)),
    $('[itemprop="datePublished"]').first().attr('datetime') ?? null,
    $('time[datetime]').first().attr('datetime') ?? null,
  ];
  for (const m of machine) {
    const d = parseMachineDate(m);
    if (d) return d;
  }
  if (headline) {
    const d = findDateAfter(headline);
    if (d) return d;
  }
  // Printed dates where sites put them (small elements only: a "timeline"
  // widget is not a date).
  const dated = $('[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [id*="date" i], [id*="time" i], time').toArray();
  for (const el of dated) {
    const text = $(el).text();
    if (text.length > 300) continue;
    const d = findVisibleDate(cleanText(text));
    if (d) return d;
  }
  return parseMachineDate(metaContent(metas, CHANGED)) ?? findVisibleDate(cleanText($('body').text()));
}

function pickUrl($: CheerioAPI, pageUrl: string, metas: Metas): string {
  const candidates = [$('link[rel="canonical"]').first().attr('href'), metaContent(metas, ['og:url']), pageUrl];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return canonicalUrl(c, pageUrl);
    } catch {
      // a canonical that is not an http(s) URL is ignored
    }
  }
  return pageUrl;
}

/** Title, author, publication date and canonical URL of a page, before its chrome is removed. */
export function readMeta($: CheerioAPI, pageUrl: string): PageMeta {
  const ld = jsonLd($);
  const metas = metaTags($);
  const og = cleanText(metaContent(metas, ['og:title', 'twitter:title']) ?? '');
  const title = pickTitle($, jsonLdHeadline(ld), og);
  const articleBody = first(ld.map((o) => (typeof o.articleBody === 'string' ? o.articleBody : null)));
  return { title: title.title, author: pickAuthor($, ld, metas), publishedAt: pickDate($, ld, metas, title.element), url: pickUrl($, pageUrl, metas), articleBody };
}

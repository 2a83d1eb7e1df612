import type { CheerioAPI } from 'cheerio';
import { cleanText, textWeight } from './html-text';
import { findVisibleDate, parseMachineDate } from './dates';
import { canonicalUrl } from './url';

/** What a page says about itself, apart from its text. */
export interface PageMeta {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  /** Canonical URL (rel=canonical, og:url or the fetched URL), tracking parameters removed. */
  url: string;
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

const TITLE_SEPARATOR = /\s+[|｜\-–—]\s+|[｜_]|\s[|]\s/;

/** `標題 | 站名`, `標題_新浪财经_新浪网` → the headline (the longest part) and the site parts. */
function splitTitle(title: string): { headline: string; site: string[] } {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  const headline = parts.reduce((a, b) => (textWeight(b) > textWeight(a) ? b : a), parts[0] ?? title);
  return { headline, site: parts.filter((p) => p !== headline) };
}

/** og:title often repeats the site name of `<title>`; drop those trailing parts. */
function stripSite(title: string, site: string[]): string {
  let t = title;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of site) {
      const m = new RegExp(`(?:${TITLE_SEPARATOR.source})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).exec(t);
      if (m) {
        t = t.slice(0, m.index).trim();
        changed = true;
      }
    }
  }
  return t;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function pickTitle($: CheerioAPI, ld: Json[], metas: Metas): string | null {
  const headline = first(ld.map((o) => (typeof o.headline === 'string' ? cleanText(o.headline) : null)));
  if (headline) return headline;
  const og = cleanText(metaContent(metas, ['og:title', 'twitter:title']) ?? '');
  const docTitle = cleanText($('head > title').first().text() || $('title').first().text());
  const { headline: fromTitle, site } = splitTitle(docTitle);
  // An h1 that the <title> or og:title repeats is the headline; one that is the site's name is its logo.
  const siteNames = new Set(site.map(squash));
  const h1s = $('h1').toArray().map((el) => cleanText($(el).text())).filter((t) => textWeight(t) > 0 && !siteNames.has(squash(t)));
  const confirmed = h1s.find((h) => squash(og).includes(squash(h)) || squash(docTitle).includes(squash(h)));
  return first([confirmed, og ? stripSite(og, site) : null, h1s[0], docTitle ? fromTitle : null]);
}

function pickAuthor($: CheerioAPI, ld: Json[], metas: Metas): string | null {
  const meta = metaContent(metas, ['author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author']);
  const fromMeta = meta && !/^https?:\/\//.test(meta) ? meta : null;
  const byline = $('[itemprop="author"], [rel="author"], .author, .byline').first();
  const bylineText = byline.length ? cleanText(byline.attr('content') ?? byline.text()) : '';
  return first([fromMeta, first(ld.map((o) => authorName(o.author))), bylineText && bylineText.length <= 40 ? bylineText : null]);
}

function pickDate($: CheerioAPI, ld: Json[], metas: Metas): string | null {
  const machine = [
    metaContent(metas, ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'PublishDate', 'date', 'dc.date', 'DC.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date']),
    ...ld.map((o) => (typeof o.datePublished === 'string' ? o.datePublished : null)),
    $('[itemprop="datePublished"]').first().attr('datetime') ?? null,
    $('time[datetime]').first().attr('datetime') ?? null,
  ];
  for (const m of machine) {
    const d = parseMachineDate(m);
    if (d) return d;
  }
  // Printed dates: first where sites put them (small elements only: a
  // "timeline" widget is not a date), then anywhere in the page.
  const dated = $('[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [id*="date" i], [id*="time" i], time').toArray();
  for (const el of dated) {
    const text = $(el).text();
    if (text.length > 300) continue;
    const d = findVisibleDate(cleanText(text));
    if (d) return d;
  }
  return findVisibleDate(cleanText($('body').text()));
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
  return { title: pickTitle($, ld, metas), author: pickAuthor($, ld, metas), publishedAt: pickDate($, ld, metas), url: pickUrl($, pageUrl, metas) };
}

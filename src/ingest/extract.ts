import * as cheerio from 'cheerio';
import { ExtractError } from '../errors';
import { isChinese, readabilityCandidate } from './candidate';
import { removeChrome, removeNonText } from './chrome';
import { articleParagraphs } from './clean';
import { hiddenArticleHtml, jsonLdParagraphs } from './hidden';
import { textWeight } from './html-text';
import { readMeta } from './meta';
import { bestContainer } from './score';

/** What `newsflow extract` prints and `ingest:page` turns into an Article. */
export interface Extracted {
  /** Empty when the page names no headline anywhere (the feed item's title is used then). */
  title: string;
  author: string | null;
  publishedAt: string | null;
  /** Canonical URL of the page. */
  url: string;
  /** Main text, one paragraph per line. */
  text: string;
}

/** htmlparser2 rather than parse5: several times faster, and the reading Readability's DOM (linkedom) uses too. */
const FAST_HTML = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } } as unknown as Parameters<typeof cheerio.load>[1];

/** The article paragraphs of a page's markup (`$` is changed): Readability's container, else our own scoring's. */
function markupParagraphs($: cheerio.CheerioAPI, pageUrl: string, title: string): string[] {
  removeNonText($);
  removeChrome($, null);
  const candidate = readabilityCandidate($.html(), pageUrl, isChinese($('body').text()));
  if (candidate) {
    const $c = cheerio.load(candidate, FAST_HTML, false);
    const paragraphs = articleParagraphs($c, $c.root().toArray(), title);
    if (paragraphs.length) return paragraphs;
  }
  const container = bestContainer($);
  return container ? articleParagraphs($, [container], title) : [];
}

/**
 * Extract the article from a decoded HTML page:
 *
 * 1. metadata (title, author, date, canonical URL) from the untouched page,
 *    by our own rules, which read Chinese sites far better than Readability;
 * 2. the furniture our rules recognise by name goes (navigation, footers,
 *    share bars, related-article blocks, small forms; an element holding
 *    most of the page's text stays whatever it is called);
 * 3. Mozilla Readability picks the article container in what is left (our
 *    own container scoring when it finds none; a page rendered by a script
 *    is read from its `<noscript>` or template copy, or its JSON-LD body);
 * 4. inside it our Chinese rules drop what Readability keeps: related lists,
 *    login boxes, link lists, pointers, credits, pitches, counters, date
 *    stamps and furniture glued to the last paragraph.
 *
 * docs/ingestion.md has the measurements behind this split of the work.
 */
export function extractArticle(html: string, pageUrl: string): Extracted {
  const $ = cheerio.load(html, FAST_HTML);
  const meta = readMeta($, pageUrl);
  const title = meta.title ?? '';
  const hidden = hiddenArticleHtml($);
  let paragraphs = markupParagraphs($, pageUrl, title);
  // A page whose markup holds no article (rendered by a script): its
  // <noscript> or template version, else the JSON-LD articleBody.
  if (paragraphs.length === 0 && hidden) paragraphs = markupParagraphs(cheerio.load(hidden, FAST_HTML), pageUrl, title);
  if (paragraphs.length === 0) paragraphs = jsonLdParagraphs(meta.articleBody);
  if (paragraphs.length === 0 || textWeight(paragraphs.join('')) === 0) throw new ExtractError(pageUrl, 'no article text found');
  return { title, author: meta.author, publishedAt: meta.publishedAt, url: meta.url, text: paragraphs.join('\n') };
}

import * as cheerio from 'cheerio';
import { ExtractError } from '../errors';
import { isChinese, readabilityCandidate } from './candidate';
import { removeChrome, removeNonText } from './chrome';
import { articleParagraphs } from './clean';
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

/**
 * Extract the article from a decoded HTML page:
 *
 * 1. metadata (title, author, date, canonical URL) from the untouched page,
 *    by our own rules, which read Chinese sites far better than Readability;
 * 2. the furniture our rules recognise by name goes (navigation, footers,
 *    share bars, related-article blocks, small forms; an element holding
 *    most of the page's text stays whatever it is called);
 * 3. Mozilla Readability picks the article container in what is left (our
 *    own container scoring when it finds none);
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
  removeNonText($);
  removeChrome($, null);
  const candidate = readabilityCandidate($.html(), pageUrl, isChinese($('body').text()));
  let paragraphs: string[] = [];
  if (candidate) {
    const $c = cheerio.load(candidate, FAST_HTML, false);
    paragraphs = articleParagraphs($c, $c.root().toArray(), title);
  }
  if (paragraphs.length === 0) {
    const container = bestContainer($);
    if (container) paragraphs = articleParagraphs($, [container], title);
  }
  if (paragraphs.length === 0 || textWeight(paragraphs.join('')) === 0) throw new ExtractError(pageUrl, 'no article text found');
  return { title, author: meta.author, publishedAt: meta.publishedAt, url: meta.url, text: paragraphs.join('\n') };
}

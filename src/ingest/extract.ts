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

/**
 * The page as HTML for Readability, or null when it cannot be written out:
 * htmlparser2 nests unclosed tags (thousands of `<font>` on old pages) where
 * a browser would not, and the serializer's recursion then runs out of stack.
 * Such a page is read by our own scoring.
 */
function serialise($: cheerio.CheerioAPI): string | null {
  try {
    return $.html();
  } catch {
    return null;
  }
}

/** The paragraphs of Readability's candidate after our rules; none when there is no candidate or it cannot be read. */
function candidateParagraphs(candidate: string | null, title: string): string[] {
  if (!candidate) return [];
  try {
    const $c = cheerio.load(candidate, FAST_HTML, false);
    return articleParagraphs($c, $c.root().toArray(), title);
  } catch {
    // What Readability produced and our rules cannot walk is left to our own scoring.
    return [];
  }
}

/** The article paragraphs of a page's markup (`$` is changed): Readability's container, else our own scoring's. */
function markupParagraphs($: cheerio.CheerioAPI, pageUrl: string, title: string): string[] {
  removeNonText($);
  removeChrome($, null);
  const fromCandidate = candidateParagraphs(readabilityCandidate(serialise($), pageUrl, isChinese($('body').text())), title);
  if (fromCandidate.length) return fromCandidate;
  // Readability found nothing, or nothing but furniture: our own scoring.
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
  // htmlparser2 makes no <body> for a page that has no body tag (browsers
  // and parse5 do); such a page is read with parse5.
  let $ = cheerio.load(html, FAST_HTML);
  if ($('body').length === 0) $ = cheerio.load(html);
  const meta = readMeta($, pageUrl);
  const title = meta.title ?? '';
  const hidden = hiddenArticleHtml($);
  let paragraphs = markupParagraphs($, pageUrl, title);
  // A page whose markup holds no article (rendered by a script): its
  // <noscript> or template version, else the JSON-LD articleBody.
  if (paragraphs.length === 0 && hidden) paragraphs = markupParagraphs(cheerio.load(hidden, FAST_HTML), pageUrl, title);
  // htmlparser2 reads some malformed markup otherwise than browsers do (an
  // unclosed raw-text element can swallow the body); parse5 reads it the
  // browsers' way, at several times the cost, so only when all else failed.
  if (paragraphs.length === 0) paragraphs = markupParagraphs(cheerio.load(html), pageUrl, title);
  if (paragraphs.length === 0) paragraphs = jsonLdParagraphs(meta.articleBody);
  if (paragraphs.length === 0 || textWeight(paragraphs.join('')) === 0) throw new ExtractError(pageUrl, 'no article text found');
  return { title, author: meta.author, publishedAt: meta.publishedAt, url: meta.url, text: paragraphs.join('\n') };
}

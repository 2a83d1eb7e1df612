import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { FeedParseError, UnsupportedUrlError } from '../errors';
import { parseMachineDate } from './dates';
import { repairXml, stripIllegalXmlChars } from './feed-repair';
import { paragraphsOf, textWeight } from './html-text';
import { articleIdForUrl } from './url';

/** One item of a feed, with the article id it will be processed under. */
export interface FeedItem {
  /** Article id: hash of the canonical link. */
  id: string;
  /** Canonical link (tracking parameters removed). */
  url: string;
  /** The link as the feed wrote it, resolved against the feed URL. */
  link: string;
  title: string;
  author: string | null;
  publishedAt: string | null;
  /** The item's own text: the full article when `hasFullText`, else the summary. */
  text: string;
  /** The feed carries the whole article, so the page need not be fetched. */
  hasFullText: boolean;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
  /** Items left out, with why (no link, a link we do not fetch, a repeat). */
  skipped: Array<{ index: number; reason: string }>;
  /** The strict parse failed and the repaired text was used. */
  repaired: boolean;
}

type RawItem = Record<string, unknown>;

// rss-parser is used for its RSS/Atom/RDF mapping only; we fetch and decode ourselves.
const parser = new Parser<Record<string, unknown>, RawItem>({ customFields: { item: ['dc:creator', 'author'] } });

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The name of the first element of a document, skipping the prolog, comments and doctype. */
function rootName(text: string): string | null {
  const m = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w:.-]*)/i.exec(text);
  return m ? m[1]! : null;
}

function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const $ = cheerio.load(html, null, false);
  return paragraphsOf($.root().toArray()).join('\n');
}

function isoDate(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const d = parseMachineDate(str(c));
    if (d) return d;
  }
  return null;
}

async function parseXml(text: string, feedUrl: string): Promise<{ feed: Parser.Output<RawItem>; repaired: boolean }> {
  const clean = stripIllegalXmlChars(text);
  try {
    return { feed: await parser.parseString(clean), repaired: false };
  } catch (first) {
    const fixed = repairXml(clean);
    if (fixed !== clean) {
      try {
        return { feed: await parser.parseString(fixed), repaired: true };
      } catch {
        // fall through to report the original problem, which is the one to fix at the source
      }
    }
    const why = first instanceof Error ? first.message.split('\n')[0]! : String(first);
    throw new FeedParseError(feedUrl, why, { cause: first });
  }
}

/**
 * Parse a decoded feed (RSS 2.0, Atom or RDF). Malformed XML gets a second
 * chance after safe repairs; an HTML page where a feed was expected is a
 * FeedParseError that says so. Items without a usable link are skipped with
 * the reason; the others each get the article id of their canonical link.
 */
export async function parseFeed(text: string, feedUrl: string, opts: { fullTextMinChars: number }): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '');
  const root = rootName(body);
  if (!root) throw new FeedParseError(feedUrl, 'empty or not XML');
  if (root.toLowerCase() === 'html' || /^\s*<!DOCTYPE\s+html/i.test(body)) throw new FeedParseError(feedUrl, 'got an HTML page where a feed was expected');
  if (!['rss', 'feed', 'rdf:rdf'].includes(root.toLowerCase())) throw new FeedParseError(feedUrl, `root element <${root}> is not rss, feed or rdf:RDF`);

  const { feed, repaired } = await parseXml(body, feedUrl);
  const items: FeedItem[] = [];
  const skipped: ParsedFeed['skipped'] = [];
  const seen = new Set<string>();
  (feed.items ?? []).forEach((raw, index) => {
    const linkRaw = str(raw.link).trim() || (/^https?:\/\//i.test(str(raw.guid)) ? str(raw.guid).trim() : '');
    if (!linkRaw) {
      skipped.push({ index, reason: 'item has no link' });
      return;
    }
    let ref: { id: string; url: string };
    let link: string;
    try {
      ref = articleIdForUrl(linkRaw, feedUrl);
      link = new URL(linkRaw, feedUrl).toString();
    } catch (err) {
      skipped.push({ index, reason: err instanceof UnsupportedUrlError ? err.message : `bad link ${JSON.stringify(linkRaw)}` });
      return;
    }
    if (seen.has(ref.id)) {
      skipped.push({ index, reason: `repeats the link ${ref.url}` });
      return;
    }
    seen.add(ref.id);
    const texts = [str(raw['content:encoded']), str(raw.content), str(raw.summary)].map(htmlText);
    const longest = texts.reduce((a, b) => (textWeight(b) > textWeight(a) ? b : a), '');
    items.push({
      id: ref.id,
      url: ref.url,
      link,
      title: htmlText(str(raw.title)),
      author: str(raw.creator).trim() || str(raw['dc:creator']).trim() || str(raw.author).trim() || null,
      publishedAt: isoDate(raw.pubDate, raw.isoDate, raw['dc:date'], raw.published, raw.updated),
      text: longest,
      hasFullText: textWeight(longest) >= opts.fullTextMinChars,
    });
  });
  return { title: htmlText(str(feed.title)), items, skipped, repaired };
}

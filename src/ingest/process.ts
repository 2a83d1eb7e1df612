import { ExtractError, HttpStatusError } from '../errors';
import type { Article } from '../types';
import { decodeBody } from './charset';
import { extractArticle } from './extract';
import { parseFeed, type FeedItem } from './feed';
import { ACCEPT_FEED, ACCEPT_HTML, type Fetcher, type Validators } from './fetch';

/** Payload of an `ingest:feed` job. */
export interface FeedJobData {
  url: string;
  /** Source name given to its articles (`cnyes`); defaults to the feed's host. */
  name?: string;
}

/** Payload of an `ingest:page` job (job id = article id). */
export interface PageJobData {
  articleId: string;
  /** Canonical article URL, fetched as is. */
  url: string;
  source: string;
  /** What the feed said, used when the page does not say it. */
  title?: string;
  publishedAt?: string | null;
}

/** Conditional-GET validators kept between runs (Redis in production). */
export interface ValidatorCache {
  get(url: string): Promise<Validators | null>;
  set(url: string, v: Validators): Promise<void>;
}

/** Which feed items were taken already, so each is enqueued once. */
export interface SeenItems {
  /** The ids among `ids` not taken yet, in order. */
  unseen(ids: string[]): Promise<string[]>;
  markSeen(ids: string[]): Promise<void>;
}

export interface FeedDeps {
  fetcher: Fetcher;
  validators: ValidatorCache;
  seen: SeenItems;
  /** Hand articles to `analyse` (items that carry their full text). */
  enqueueArticles(articles: Article[]): Promise<void>;
  /** Hand items to `ingest:page`. */
  enqueuePages(pages: PageJobData[]): Promise<void>;
  fullTextMinChars: number;
  signal?: AbortSignal;
}

export interface FeedOutcome {
  url: string;
  notModified: boolean;
  items: number;
  /** Items not seen before: full-text ones went to analyse, the others to ingest:page. */
  new: number;
  fullText: number;
  pages: number;
  skipped: Array<{ index: number; reason: string }>;
}

/** The source name of a feed: its configured name, else its host without `www.`. */
export function sourceName(data: FeedJobData): string {
  return data.name?.trim() || new URL(data.url).hostname.replace(/^www\./, '');
}

/** An article from an item whose feed carries the whole text. */
export function itemArticle(item: FeedItem, source: string, fetchedAt: string): Article {
  return { id: item.id, url: item.url, source, title: item.title, body: item.text, publishedAt: item.publishedAt, fetchedAt };
}

/**
 * One run of one feed: fetch it (conditional GET), decode, parse, and pass
 * each item not seen before on: to `analyse` when the feed carries the full
 * text, else to `ingest:page`. Validators and the seen marks are written only
 * after the items are enqueued, so a failure half-way loses nothing: the next
 * run fetches the feed in full and enqueues what is still missing.
 */
export async function processFeed(data: FeedJobData, deps: FeedDeps): Promise<FeedOutcome> {
  const validators = await deps.validators.get(data.url);
  const res = await deps.fetcher.fetch(data.url, { validators, accept: ACCEPT_FEED, ...(deps.signal ? { signal: deps.signal } : {}) });
  if (res.notModified) return { url: data.url, notModified: true, items: 0, new: 0, fullText: 0, pages: 0, skipped: [] };
  const feed = await parseFeed(decodeBody(res.body, res.contentType).text, res.url, { fullTextMinChars: deps.fullTextMinChars });
  const unseen = new Set(await deps.seen.unseen(feed.items.map((i) => i.id)));
  const fresh = feed.items.filter((i) => unseen.has(i.id));
  const source = sourceName(data);
  const full = fresh.filter((i) => i.hasFullText).map((i) => itemArticle(i, source, res.fetchedAt));
  const pages = fresh
    .filter((i) => !i.hasFullText)
    .map((i): PageJobData => ({ articleId: i.id, url: i.url, source, title: i.title, publishedAt: i.publishedAt }));
  if (full.length) await deps.enqueueArticles(full);
  if (pages.length) await deps.enqueuePages(pages);
  if (fresh.length) await deps.seen.markSeen(fresh.map((i) => i.id));
  if (res.validators.etag || res.validators.lastModified) await deps.validators.set(data.url, res.validators);
  return { url: data.url, notModified: false, items: feed.items.length, new: fresh.length, fullText: full.length, pages: pages.length, skipped: feed.skipped };
}

export interface PageDeps {
  fetcher: Fetcher;
  enqueueArticles(articles: Article[]): Promise<void>;
  signal?: AbortSignal;
}

/**
 * One article page: fetch, decode, extract the main text and hand the
 * article to `analyse`. The article keeps the id and URL its feed gave it,
 * so the same item is never analysed under two ids.
 */
export async function fetchArticle(data: PageJobData, deps: Pick<PageDeps, 'fetcher' | 'signal'>): Promise<Article> {
  const res = await deps.fetcher.fetch(data.url, { accept: ACCEPT_HTML, ...(deps.signal ? { signal: deps.signal } : {}) });
  // Sent without validators, a 304 is the server's mistake; there is no text to use.
  if (res.notModified) throw new HttpStatusError(data.url, 304);
  const page = extractArticle(decodeBody(res.body, res.contentType).text, res.url);
  const title = page.title || data.title;
  if (!title) throw new ExtractError(res.url, 'no title found, on the page or in the feed');
  return {
    id: data.articleId,
    url: data.url,
    source: data.source,
    title,
    body: page.text,
    publishedAt: page.publishedAt ?? data.publishedAt ?? null,
    fetchedAt: res.fetchedAt,
  };
}

/** `ingest:page`: fetch and extract one page, then enqueue it for analysis. */
export async function processPage(data: PageJobData, deps: PageDeps): Promise<{ articleId: string; title: string; chars: number }> {
  const article = await fetchArticle(data, deps);
  await deps.enqueueArticles([article]);
  return { articleId: article.id, title: article.title, chars: article.body.length };
}

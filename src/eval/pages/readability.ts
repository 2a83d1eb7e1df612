import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { parseHTML } from 'linkedom';
import { parseMachineDate } from '../../ingest/dates';
import { paragraphsOf } from '../../ingest/html-text';

/** What Mozilla Readability finds in a page, in the shape the page evaluation compares. */
export interface ReadabilityResult {
  title: string;
  publishedAt: string | null;
  /** The article's text, one block per line. */
  text: string;
  /** The article as Readability serialises it. */
  html: string;
}

/** The text of an HTML fragment, one block element per line (the same reading for every extractor and reference). */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  return paragraphsOf($.root().toArray()).join('\n');
}

/**
 * Run Mozilla Readability (the library behind Firefox Reader View) on a
 * decoded page with linkedom as its DOM, default options. Null when
 * Readability finds no article.
 */
export function readabilityExtract(html: string, pageUrl: string): ReadabilityResult | null {
  const { document } = parseHTML(html);
  // Readability resolves links against the document's URL; linkedom has none of its own.
  Object.defineProperty(document, 'documentURI', { value: pageUrl, configurable: true });
  Object.defineProperty(document, 'baseURI', { value: pageUrl, configurable: true });
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!article) return null;
  const content = article.content ?? '';
  return { title: (article.title ?? '').trim(), publishedAt: parseMachineDate(article.publishedTime ?? null), text: htmlToText(content), html: content };
}

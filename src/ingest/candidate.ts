import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * Readability keeps its first, strictest reading of a page (the one that
 * strips headers, footers, comment threads and sidebars) only when it yields
 * `charThreshold` characters (500 by default); otherwise it reads again with
 * fewer rules and takes the longest result. A short Chinese article (a flash
 * of 50-300 characters) never reaches 500, and the longest result is then
 * the footer or the comment thread. Chinese pages therefore keep the strict
 * reading whenever it finds anything; other pages keep Readability's default.
 */
const CJK_THRESHOLD = 20;
const DEFAULT_THRESHOLD = 500;

/**
 * True for Chinese text: at least 30% of the letters (of its first 4000) are
 * Han characters, and hardly any are kana (Japanese, which mixes Han with
 * kana, keeps Readability's defaults).
 */
export function isChinese(text: string): boolean {
  let han = 0;
  let kana = 0;
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) han++;
    else if (/[\u3040-\u30ff]/.test(ch)) kana++;
    if (letters >= 4000) break;
  }
  return letters > 0 && han * 10 >= letters * 3 && kana * 20 < han;
}

type ReadabilityInternals = { _getInnerText(e: unknown, normalizeSpaces?: boolean): string };
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;

/**
 * Readability as it reads a Chinese page. Its rules measure text in
 * characters, calibrated on alphabetic text: a paragraph under 25 characters
 * scores nothing, a container needs 500, a length bonus comes every 100. A
 * Chinese character carries about what two Latin letters do, and Chinese
 * news paragraphs of 15-24 characters are common; ignored, they leave the
 * half of an article after an ad unscored and out of the result. So every
 * length it takes counts each CJK character twice (the text it returns is
 * untouched; commas, which it also counts, are not doubled).
 */
class CjkReadability extends Readability {
  _getInnerText(e: unknown, normalizeSpaces?: boolean): string {
    const text = (Readability.prototype as unknown as ReadabilityInternals)._getInnerText.call(this, e, normalizeSpaces);
    return text.replace(CJK_CHAR, '$&$&');
  }
}

/**
 * The article candidate of a page as Mozilla Readability finds it: the
 * container with the best paragraph score, its siblings that score close to
 * it (the other half of an article split around an ad), with forms, share
 * bars, comment threads and link-heavy blocks cleaned out. Class names are
 * kept so that the Chinese rules after it (src/ingest/clean.ts) can still
 * read them. Null when Readability finds no article at all.
 *
 * Readability scores paragraphs by length and commas, Chinese ones
 * included, and it is measured beside our own scoring in docs/ingestion.md
 * ("Why Readability picks the container"): on the pages we evaluate it
 * misses fewer first and last sentences, and on its own test pages our old
 * scoring reached a character F1 of 0.88 where it reaches 0.997.
 */
export function readabilityCandidate(html: string | null, pageUrl: string, cjk: boolean): string | null {
  if (html === null) return null;
  try {
    const { document } = parseHTML(html);
    // Readability resolves relative links against the document's URL; linkedom's document has none.
    Object.defineProperty(document, 'documentURI', { value: pageUrl, configurable: true });
    Object.defineProperty(document, 'baseURI', { value: pageUrl, configurable: true });
    const dom = document as unknown as ConstructorParameters<typeof Readability>[0];
    const options = { keepClasses: true, charThreshold: cjk ? CJK_THRESHOLD : DEFAULT_THRESHOLD };
    const article = cjk ? new CjkReadability(dom, options).parse() : new Readability(dom, options).parse();
    return article?.content ? article.content : null;
  } catch {
    // Markup that trips the DOM or Readability is read by our own scoring instead (src/ingest/score.ts).
    return null;
  }
}

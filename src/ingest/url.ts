import { UnsupportedUrlError } from '../errors';
import { articleId } from '../ids';

/**
 * Query parameters that only say how a reader arrived (campaign tags, click
 * ids); two links differing only in these are the same article.
 */
const TRACKING = [/^utm_/i, /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src|spm|scm|share_from|from_share)$/i];

/** Parse a URL that will be fetched: absolute, http or https, no credentials. */
export function parseFetchUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    throw new UnsupportedUrlError(raw, 'not a valid absolute URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UnsupportedUrlError(raw, `scheme ${u.protocol.replace(/:$/, '')} is not http or https`);
  if (u.username || u.password) throw new UnsupportedUrlError(raw, 'URLs with credentials are not fetched');
  if (!u.hostname) throw new UnsupportedUrlError(raw, 'no host');
  return u;
}

/**
 * The canonical form of an article URL: scheme and host lower-cased (the URL
 * parser also drops default ports, punycodes the host and resolves `..`),
 * the fragment and tracking parameters removed, the rest of the query sorted
 * so that parameter order does not make a new article.
 */
export function canonicalUrl(raw: string, base?: string): string {
  const u = parseFetchUrl(raw, base);
  u.hash = '';
  u.hostname = u.hostname.replace(/\.$/, '');
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.some((re) => re.test(k)));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.toString();
}

/** Article id of a link: the hash of its canonical URL. */
export function articleIdForUrl(raw: string, base?: string): { id: string; url: string } {
  const url = canonicalUrl(raw, base);
  return { id: articleId(url), url };
}

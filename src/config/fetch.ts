import { z } from 'zod';
import { PIPELINE_VERSION } from '../version';
import { allowList } from './allow';
import { duration, field, int } from './field';

/** Fetching feeds and pages: limits, politeness, the address allow-list (docs/ingestion.md). */
export const fetchSection = {
  fetchUserAgent: field('NEWSFLOW_FETCH_USER_AGENT', z.string().min(1), `newsflow/${PIPELINE_VERSION} (news ingestion bot)`, 'User-Agent sent with every feed and page request.'),
  fetchConnectTimeout: field('NEWSFLOW_FETCH_CONNECT_TIMEOUT', duration, '10s', 'Time allowed to open a connection (TCP + TLS).'),
  fetchTimeout: field('NEWSFLOW_FETCH_TIMEOUT', duration, '30s', 'Time allowed for one whole fetch, redirects and body included.'),
  fetchMaxRedirects: field('NEWSFLOW_FETCH_MAX_REDIRECTS', int(0, 20), '5', 'Redirects followed before giving up.'),
  fetchMaxBytes: field('NEWSFLOW_FETCH_MAX_BYTES', int(1024), '5242880', 'Largest body accepted, counted after gzip/brotli decoding.'),
  fetchHostConcurrency: field('NEWSFLOW_FETCH_HOST_CONCURRENCY', int(1, 100), '2', 'Requests at once to one host (per process).'),
  fetchHostInterval: field('NEWSFLOW_FETCH_HOST_INTERVAL', duration, '1s', 'Minimum time between the starts of two requests to one host (per process).'),
  fetchMaxRetryAfter: field('NEWSFLOW_FETCH_MAX_RETRY_AFTER', duration, '1h', 'Longest Retry-After honoured; longer values are cut to this.'),
  fetchAllow: field('NEWSFLOW_FETCH_ALLOW', allowList, '', 'Hosts (`feeds.corp`, `*.corp`), IPs or CIDRs that may be fetched although they are loopback, private or link-local.'),
  feedInterval: field('NEWSFLOW_FEED_INTERVAL', duration, '5m', 'Default polling interval of a feed added without `--every`.'),
  feedFullTextMinChars: field('NEWSFLOW_FEED_FULLTEXT_MIN_CHARS', int(1), '400', 'A feed item whose content has at least this many characters of text is taken as the full article and its page is not fetched.'),
};

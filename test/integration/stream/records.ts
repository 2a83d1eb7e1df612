import { articleId, contentHash, eventId } from '../../../src/ids';
import type { EventRecord } from '../../../src/types';

/**
 * Hand-written event records for stream tests, shaped like what the pipeline
 * publishes for the fixture articles. `n` makes each one a distinct article.
 */
export function tsmcCapex(n = 0): EventRecord {
  const title = `台積電擴產CoWoS 第${n}則`;
  const body = '台積電（2330）宣布擴大先進封裝產能，資本支出上修。';
  const art = articleId(`${title}\n${body}`);
  const hash = contentHash(title, body);
  return {
    schema: 1,
    id: eventId(art, hash, 'test-dict-1'),
    article: { id: art, url: null, source: 'file', title, publishedAt: '2026-01-12T00:00:00+08:00', fetchedAt: null, script: 'Hant', contentHash: hash, simhash: '9f3a00c1d2e4b567' },
    entities: [
      {
        id: 'TW:2330', kind: 'company', name: '台積電', ticker: { code: '2330', market: 'TWSE' },
        mentions: [{ text: '台積電', start: 0, end: 3, field: 'body', via: 'dictionary' }, { text: '2330', start: 4, end: 8, field: 'body', via: 'inline-code' }],
        relevance: 0.95, sentiment: 0.5,
      },
      { id: 'theme:cowos', kind: 'theme', name: 'CoWoS', mentions: [{ text: 'CoWoS', start: 5, end: 10, field: 'title', via: 'dictionary' }], relevance: 0.6, sentiment: 0.3 },
    ],
    tickers: ['2330.TW'],
    events: [{ type: 'capex', entities: ['TW:2330'], polarity: 1, confidence: 0.8, evidence: { text: '資本支出上修', start: 19, end: 25, field: 'body' } }],
    sentiment: { score: 0.4, label: 'positive' },
    keywords: ['CoWoS', '先進封裝'],
    novelty: { duplicateOf: null, similar: [] },
    versions: { pipeline: '0.1.0', dictionary: 'test-dict-1' },
  };
}

/** A Hon Hai / Nvidia partnership record: no TSMC, no capex. */
export function foxconnPartnership(n = 0): EventRecord {
  const title = `鴻海與輝達合作 第${n}則`;
  const body = '鴻海（2317）與輝達簽署合作備忘錄。';
  const art = articleId(`${title}\n${body}`);
  const hash = contentHash(title, body);
  return {
    schema: 1,
    id: eventId(art, hash, 'test-dict-1'),
    article: { id: art, url: `https://news.example/tw/${n}`, source: 'cnyes', title, publishedAt: '2026-01-13T09:30:00+08:00', fetchedAt: '2026-01-13T01:35:00.000Z', script: 'Hant', contentHash: hash, simhash: '01ab00c1d2e4b567' },
    entities: [
      { id: 'TW:2317', kind: 'company', name: '鴻海', ticker: { code: '2317', market: 'TWSE' }, mentions: [{ text: '鴻海', start: 0, end: 2, field: 'body', via: 'dictionary' }], relevance: 0.9, sentiment: 0.2 },
      { id: 'US:NVDA', kind: 'company', name: '輝達', ticker: { code: 'NVDA', market: 'NASDAQ' }, mentions: [{ text: '輝達', start: 9, end: 11, field: 'body', via: 'dictionary' }], relevance: 0.7, sentiment: 0.2 },
    ],
    tickers: ['2317.TW', 'NVDA.US'],
    events: [{ type: 'partnership', entities: ['TW:2317', 'US:NVDA'], polarity: 1, confidence: 0.7, evidence: { text: '簽署合作備忘錄', start: 12, end: 19 } }],
    sentiment: { score: 0.2, label: 'positive' },
    keywords: ['合作備忘錄'],
    novelty: { duplicateOf: null, similar: [] },
    versions: { pipeline: '0.1.0', dictionary: 'test-dict-1' },
  };
}

import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusItem } from '../../../src/eval/corpus/load';
import { aggregate, formatReport } from '../../../src/eval/corpus/report';
import { scoreArticle } from '../../../src/eval/corpus/score';
import type { Entity, EventLabel, EventRecord, Market } from '../../../src/types';

// Two passages written for this test (fixtures/corpus/raw) with gold written
// by reading them (fixtures/corpus/gold), and records made by hand to hit,
// miss and confuse on purpose, so that every count below is known.
const CORPUS = 'fixtures/corpus';
const GOLD = 'fixtures/corpus/gold';

type Where = { field: 'title' | 'body'; text: string };

function span(item: CorpusItem, w: Where): { start: number; end: number; field: 'title' | 'body' } {
  const src = w.field === 'title' ? item.passage.article.title : item.passage.article.body;
  const start = src.indexOf(w.text);
  if (start < 0) throw new Error(`test setup: ${w.text} not in ${w.field}`);
  return { start, end: start + w.text.length, field: w.field };
}

function entity(item: CorpusItem, id: string, kind: Entity['kind'], name: string, at: Where, ticker?: [string, Market]): Entity {
  const s = span(item, at);
  return {
    id,
    kind,
    name,
    ...(ticker ? { ticker: { code: ticker[0], market: ticker[1] } } : {}),
    mentions: [{ text: at.text, start: s.start, end: s.end, field: s.field, via: 'dictionary' }],
    relevance: 0.5,
    sentiment: 0,
  };
}

function event(item: CorpusItem, type: string, entities: string[], polarity: -1 | 0 | 1, at: Where): EventLabel {
  const s = span(item, at);
  return { type, entities, polarity, confidence: 0.5, evidence: { text: at.text, ...s } };
}

function record(item: CorpusItem, tickers: string[], entities: Entity[], events: EventLabel[]): EventRecord {
  const a = item.passage.article;
  return {
    schema: 1,
    id: 'evt_test',
    article: { id: a.id, url: a.url, source: a.source, title: a.title, publishedAt: a.publishedAt, fetchedAt: null, script: 'Hant', contentHash: '', simhash: '' },
    entities,
    tickers,
    events,
    sentiment: { score: 0, label: 'neutral' },
    keywords: [],
    novelty: { duplicateOf: null, similar: [] },
    versions: { pipeline: 'test', dictionary: 'test' },
  };
}

const body = (text: string): Where => ({ field: 'body', text });

function producedRecords(items: CorpusItem[]): EventRecord[] {
  const [a, b] = items as [CorpusItem, CorpusItem];
  const recA = record(
    a,
    ['2330.TW', '2303.TW', '6770.TW'],
    [
      entity(a, 'TW:2330', 'company', '積電', body('台積電（2330）'), ['2330', 'TWSE']),
      entity(a, 'TW:2303', 'company', '聯電', body('聯電'), ['2303', 'TWSE']),
      entity(a, 'TW:6770', 'company', '力積電', body('積電（2330）昨天'), ['6770', 'TWSE']),
      entity(a, 'person:魏哲家', 'person', '魏哲家', body('魏哲家')),
      entity(a, 'person:董事長', 'person', '董事長', body('董事長')),
      entity(a, 'org:金管會', 'org', '金管會', body('金管會')),
      entity(a, 'org:外資', 'org', '外資', body('外資')),
    ],
    [
      event(a, 'earnings', ['TW:2330'], 1, { field: 'title', text: '台積電去年營收創新高' }), // hit through `also`
      event(a, 'earnings', ['TW:2330'], 1, body('公布去年營收二兆八千億元')), // the same release again: false
      event(a, 'guidance', ['TW:2330'], -1, body('今年營收可望再成長兩成')), // hit, polarity wrong
      event(a, 'capex', ['TW:2303', 'TW:2330'], 0, body('同日出席論壇')), // false
      event(a, 'price_move', ['TW:2330'], 1, body('聯發科股價大漲五%')), // hit, entities wrong
    ],
  );
  const recB = record(
    b,
    ['600519.SH'],
    [
      entity(b, 'CN:600519', 'company', '貴州茅台', body('贵州茅台'), ['600519', 'SSE']),
      entity(b, 'person:張德芳', 'person', '張德芳', body('张德芳')),
      entity(b, 'company:路透', 'company', '路透', body('路透')),
    ],
    [
      event(b, 'management_change', ['CN:600519', 'person:張德芳'], 0, body('董事长张德芳辞职')),
      event(b, 'buyback', ['CN:600519'], 1, body('回购股份')),
      event(b, 'm_and_a', [], 0, body('考虑收购一家酒厂')), // on an optional gold event: not counted
    ],
  );
  return [recA, recB];
}

describe('corpus scorer on two hand-made passages', () => {
  const { items, unscored } = loadCorpus(CORPUS, GOLD, 'all');
  const [recA, recB] = producedRecords(items);
  const report = aggregate([scoreArticle(items[0]!.passage, items[0]!.gold, items[0]!.events, recA!), scoreArticle(items[1]!.passage, items[1]!.gold, items[1]!.events, recB!)], 'all', unscored);

  it('reads both passages, finds the headline, and splits by split.json', () => {
    expect(items.map((i) => [i.passage.file, i.split])).toEqual([
      ['001.txt', 'dev'],
      ['002.txt', 'test'],
    ]);
    expect(items[0]!.passage.article.title).toBe('台積電去年營收創新高');
    expect(items[1]!.passage.article.title).toBe('');
    expect(loadCorpus(CORPUS, GOLD, 'test').items.map((i) => i.passage.file)).toEqual(['002.txt']);
  });

  it('counts tickers by code and market, and company names as a reader writes them', () => {
    expect(report.kinds.ticker).toMatchObject({ gold: 5, found: 4, hit: 3 });
    expect(report.kinds.ticker.precision).toBeCloseTo(3 / 4);
    expect(report.kinds.ticker.recall).toBeCloseTo(3 / 5);
    expect(report.kinds.company).toMatchObject({ gold: 5, found: 4, hit: 2, fragments: 1, glued: 0, other: 0 });
  });

  it('matches people and organisations after folding the scripts, companies without a listing as organisations', () => {
    expect(report.kinds.person).toMatchObject({ gold: 3, found: 3, hit: 2 });
    expect(report.kinds.org).toMatchObject({ gold: 2, found: 3, hit: 2 });
  });

  it('matches events by type and sentence, each gold event once, optional ones uncounted', () => {
    expect(report.kinds.event).toMatchObject({ gold: 6, found: 7, hit: 5 });
    expect(report.kinds.event.precision).toBeCloseTo(5 / 7);
    expect(report.kinds.event.recall).toBeCloseTo(5 / 6);
    expect(report.events.byType.earnings).toMatchObject({ gold: 1, found: 2, hit: 1 });
    expect(report.events.byType.regulation).toMatchObject({ gold: 1, found: 0, hit: 0 });
    expect(report.events.byType.capex).toMatchObject({ gold: 0, found: 1, hit: 0 });
    expect(report.events.byType.m_and_a).toBeUndefined();
    expect(report.events).toMatchObject({ matched: 5, entityExact: 4, polarityAgree: 4 });
  });

  it('lists every error with its article and a quote', () => {
    const errs = report.errors.map((e) => `${e.article} ${e.kind} ${e.error} ${e.item}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        '001.txt ticker missed 2454.TW',
        '001.txt ticker false 6770.TW 力積電',
        '001.txt company fragment 2330.TW named "積電"',
        '001.txt person missed 王小明',
        '001.txt person false 董事長',
        '001.txt org false 外資',
        '001.txt event missed regulation []',
        '001.txt event false earnings',
        '001.txt event false capex',
        '002.txt ticker missed 000858.SZ',
      ]),
    );
    expect(report.errors).toHaveLength(10);
    expect(report.errors.find((e) => e.kind === 'event' && e.error === 'missed')!.quote).toContain('宣布調整外資持股規定');
    expect(formatReport(report).join('\n')).toContain('company names: 1 fragment(s)');
  });
});

describe('corpus gold is checked against its passage', () => {
  function scratch(edit: (gold: Record<string, unknown>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-gold-'));
    mkdirSync(join(dir, 'gold'));
    mkdirSync(join(dir, 'raw'));
    copyFileSync(join(CORPUS, 'raw', '001.txt'), join(dir, 'raw', '001.txt'));
    const g = JSON.parse(readFileSync(join(GOLD, '001.json'), 'utf8')) as Record<string, unknown>;
    edit(g);
    writeFileSync(join(dir, 'gold', '001.json'), JSON.stringify(g));
    return dir;
  }

  it('refuses gold written for another version of the passage', () => {
    const dir = scratch(() => undefined);
    writeFileSync(join(dir, 'raw', '001.txt'), `${readFileSync(join(dir, 'raw', '001.txt'), 'utf8')}補充一句。\n`);
    expect(() => loadCorpus(dir, join(dir, 'gold'), 'all')).toThrow(/001\.json: written for another version of 001\.txt/);
  });

  it('names a quote that is not in the passage and an entity that is not listed', () => {
    const quote = scratch((g) => ((g.events as Array<Record<string, unknown>>)[0]!.evidence = '營收三兆元'));
    expect(() => loadCorpus(quote, join(quote, 'gold'), 'all')).toThrow(/events\[0\]\.evidence: quote not found in 001\.txt: "營收三兆元"/);
    const ent = scratch((g) => ((g.events as Array<Record<string, unknown>>)[1]!.entities = ['2317.TW']));
    expect(() => loadCorpus(ent, join(ent, 'gold'), 'all')).toThrow(/events\[1\]: entity "2317\.TW" is neither a ticker/);
  });
});

describe('event entities of a dual-listed company', () => {
  // Passage 002 names 贵州茅台 without a market; suppose it had a Hong Kong
  // listing too: the gold then lists both listings as the buyback's entities.
  const { items } = loadCorpus(CORPUS, GOLD, 'all');
  const b = items[1]!;
  const gold = { ...b.gold, tickers: [...b.gold.tickers, { ticker: '06519.HK', names: ['贵州茅台'] }] };
  const events = b.events.map((e) => (e.type === 'buyback' ? { ...e, entities: ['600519.SH', '06519.HK'] } : e));
  const maotai = (listings: Entity['listings']): Entity => ({ ...entity(b, 'CN:600519', 'company', '貴州茅台', body('贵州茅台'), ['600519', 'SSE']), ...(listings ? { listings } : {}) });
  const score = (e: Entity) => scoreArticle(b.passage, gold, events, record(b, ['600519.SH'], [e], [event(b, 'buyback', ['CN:600519'], 1, body('回购股份'))]));

  it('count with every listing the record gives the company, as tickers do', () => {
    expect(score(maotai([{ code: '06519', market: 'HKEX' }]))).toMatchObject({ matched: 1, entityExact: 1 });
  });

  it('are not exact with the one listing only', () => {
    expect(score(maotai(undefined))).toMatchObject({ matched: 1, entityExact: 0 });
  });
});

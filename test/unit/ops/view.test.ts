import { describe, expect, it } from 'vitest';
import { entryFields, parseEntry } from '../../../src/stream/entry';
import { evidenceMarks, matchesView, parseFilter, toView } from '../../../src/serve/view';
import { foxconnPartnership, tsmcCapex } from '../../integration/stream/records';

const asEvent = (r: ReturnType<typeof tsmcCapex>, id = '1767225600000-0') => parseEntry(id, entryFields(r));

describe('the live page view of an event', () => {
  it('marks the mentions of the event entities inside the evidence sentence, as offsets into it', () => {
    const r = tsmcCapex(1);
    // Evidence 資本支出上修 (body 19–25) holds no mention; a body mention inside it is marked.
    r.events[0]!.evidence = { text: '台積電（2330）宣布', start: 0, end: 11, field: 'body' };
    const marks = evidenceMarks(r, r.events[0]!);
    expect(marks).toEqual([{ start: 0, end: 3, entity: '台積電' }, { start: 4, end: 8, entity: '台積電' }]);
    expect(r.events[0]!.evidence.text.slice(marks[1]!.start, marks[1]!.end)).toBe('2330');
  });

  it('leaves out mentions of other fields, other entities and overlaps', () => {
    const r = tsmcCapex(2);
    r.entities[0]!.mentions.push({ text: '台積', start: 0, end: 2, field: 'body', via: 'dictionary' }, { text: '台積電', start: 0, end: 3, field: 'title', via: 'dictionary' });
    r.events[0]!.evidence = { text: '台積電（2330）', start: 0, end: 9, field: 'body' };
    expect(evidenceMarks(r, r.events[0]!).map((m) => [m.start, m.end])).toEqual([[0, 3], [4, 8]]);
  });

  it('flattens the record: ticker names and sentiment, script as lang, publish time from the entry id', () => {
    const v = toView(asEvent(foxconnPartnership(3)));
    expect(v.lang).toBe('zh-Hant');
    expect(v.publishedMs).toBe(1767225600000);
    expect(v.tickers).toEqual([{ symbol: '2317.TW', name: '鴻海', sentiment: 0.2 }, { symbol: 'NVDA.US', name: '輝達', sentiment: 0.2 }]);
    expect(v.events[0]).toMatchObject({ type: 'partnership', evidence: '簽署合作備忘錄' });
    const hans = tsmcCapex(4);
    hans.article.script = 'Hans';
    expect(toView(asEvent(hans)).lang).toBe('zh-Hans');
  });

  it('filters by sentiment besides ticker, entity and type, and rejects an unknown sentiment', () => {
    const e = asEvent(tsmcCapex(5));
    expect(matchesView(e, parseFilter({ ticker: '2330', sentiment: 'positive' }))).toBe(true);
    expect(matchesView(e, parseFilter({ sentiment: 'negative' }))).toBe(false);
    expect(matchesView(e, parseFilter({ type: 'capex', entity: 'TW:2330' }))).toBe(true);
    expect(matchesView(e, parseFilter({ type: 'partnership' }))).toBe(false);
    expect(parseFilter({ ticker: ' ', type: '' })).toEqual({ ticker: undefined, entity: undefined, type: undefined, sentiment: undefined });
    expect(() => parseFilter({ sentiment: 'happy' })).toThrow(/sentiment/);
  });
});

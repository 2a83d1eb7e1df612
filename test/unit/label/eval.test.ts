import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateEvents, matchArticle, readGold, type GoldEvent } from '../../../src/label/eval';
import type { EventLabel } from '../../../src/types';

const ev = (type: string, entities: string[], polarity: -1 | 0 | 1 = 1): EventLabel => ({ type, entities, polarity, confidence: 0.8, evidence: { text: 'x', start: 0, end: 1, field: 'body' } });
const gold = (type: GoldEvent['type'], entities: string[], polarity: -1 | 0 | 1 = 1): GoldEvent => ({ type, entities, polarity, evidence: 'x' });

const dir = mkdtempSync(join(tmpdir(), 'gold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('event eval', () => {
  it('matches by type and the most shared entities, one produced event per gold event', () => {
    const rows = matchArticle(
      [gold('partnership', ['TW:2317', 'TW:1504']), gold('partnership', ['TW:2317', 'JP:7201'])],
      [ev('partnership', ['TW:2317', 'JP:7201']), ev('partnership', ['TW:2317', 'TW:1504']), ev('capex', ['TW:2330'])],
    );
    expect(rows.find((r) => r.type === 'partnership')).toMatchObject({ gold: 2, produced: 2, matched: 2 });
    expect(rows.find((r) => r.type === 'capex')).toMatchObject({ gold: 0, produced: 1, matched: 0 });
  });

  it('matches the pairs sharing most entities first, whatever the gold order', () => {
    const rows = matchArticle(
      [gold('partnership', ['US:ORCL', 'org:OpenAI']), gold('partnership', ['US:AMD', 'org:OpenAI'])],
      [ev('partnership', ['US:AMD', 'org:OpenAI'])],
    );
    // The AMD gold event takes the AMD event; the Oracle one (sharing only OpenAI) goes without.
    expect(rows[0]).toMatchObject({ gold: 2, produced: 1, matched: 1 });
    const r = matchArticle([gold('partnership', ['US:ORCL', 'org:OpenAI']), gold('partnership', ['US:AMD', 'org:OpenAI'])], [ev('partnership', ['org:OpenAI']), ev('partnership', ['US:AMD', 'org:OpenAI'])]);
    expect(r[0]).toMatchObject({ matched: 2 });
  });

  it('lets a gold event without entities match any event of its type, after the specific ones', () => {
    const rows = matchArticle([gold('price_move', []), gold('price_move', ['TW:5274'])], [ev('price_move', ['TW:5274'])]);
    expect(rows[0]).toMatchObject({ gold: 2, produced: 1, matched: 1 });
  });

  it('computes precision, recall and polarity agreement over the gold files', () => {
    writeFileSync(join(dir, 'a.events.json'), JSON.stringify({ article: 'a.txt', events: [gold('dividend', ['TW:00881']), gold('legal', ['TW:2330'], -1)] }));
    const r = evaluateEvents(
      [
        { article: 'fixtures/articles/a.txt', events: [ev('dividend', ['TW:00881'], 0), ev('price_move', ['TW:2330'])] },
        { article: 'b.txt', events: [ev('capex', ['TW:2330'])] },
      ],
      dir,
    );
    expect(r.articles).toEqual(['a.txt']);
    expect(r.unscored).toEqual(['b.txt']);
    expect(r.perType.dividend).toMatchObject({ matched: 1, precision: 1, recall: 1, polarityAgrees: 0 });
    expect(r.perType.legal.recall).toBe(0);
    expect(r.perType.price_move.precision).toBe(0);
    expect(r.overall).toMatchObject({ gold: 2, produced: 2, matched: 1, precision: 0.5, recall: 0.5 });
    expect(r.lines.some((l) => l.startsWith('all'))).toBe(true);
  });

  it('names the file and the event of a bad gold file', () => {
    const bad = join(dir, 'bad.events.json');
    writeFileSync(bad, JSON.stringify({ article: 'bad.txt', events: [{ type: 'rumour', entities: [], polarity: 1, evidence: 'x' }] }));
    expect(() => readGold(bad)).toThrow(/bad\.events\.json: events\[0\]: unknown type "rumour"/);
    writeFileSync(bad, '{ nope');
    expect(() => readGold(bad)).toThrow(/bad\.events\.json: not readable JSON/);
  });
});

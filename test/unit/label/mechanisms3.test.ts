import { describe, expect, it } from 'vitest';
import { label } from '../../../src/label/index';
import type { EventLabel } from '../../../src/types';
import { FOXCONN, TSMC, tagged, type EntitySpec } from './build';

// Hand-written sentences, one mechanism each (docs/labels.md, "Rules"):
// the third round of issue 13.
const LIU: EntitySpec = { id: 'person:劉大明', kind: 'person', names: ['劉大明'] };
const WANG: EntitySpec = { id: 'person:王小華', kind: 'person', names: ['王小華'] };
const ALL = [TSMC, FOXCONN, LIU, WANG];

const events = (body: string, opts: { title?: string } = {}): EventLabel[] =>
  label(tagged(body, ALL, { title: opts.title }), { publishedAt: '2026-01-15T00:00:00+08:00' }).events;

describe('a headline retold by the body', () => {
  it('joins a change the headline gives by company only to the body sentence naming the person', () => {
    const ev = events('鴻海今日公告，董事長劉大明請辭，即日生效。', { title: '鴻海董事長突然交棒' }).filter((e) => e.type === 'management_change');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.entities).toEqual(expect.arrayContaining(['TW:2317', 'person:劉大明']));
    expect(ev[0]!.evidence.field).toBe('body');
    expect(ev[0]!.mentions?.map((m) => m.field)).toEqual(['title']);
  });

  it('keeps two people’s changes in the body apart', () => {
    const ev = events('鴻海董事長劉大明請辭。\n另外，鴻海副總經理王小華到齡退休。', { title: '鴻海董事長突然交棒' }).filter((e) => e.type === 'management_change');
    expect(ev).toHaveLength(2);
  });
});

const types = (body: string) => events(body).map((e) => e.type);

describe('results are amounts', () => {
  it('takes a date as no figure of a result', () => {
    expect(types('鴻海週四（7日）表示，該公司營收受新規衝擊。')).not.toContain('earnings');
    expect(types('鴻海週四（7日）公布上月營收3,000億元。')).toContain('earnings');
  });
});

describe('quoted slogans', () => {
  it('does not read a modality marker inside quotation marks', () => {
    expect(types('鴻海貫徹「計畫引領、創新驅動」的方針，上半年營收年增10%。')).toEqual(['earnings']);
    expect(types('鴻海計畫引領創新，上半年營收年增10%。')).toEqual(['guidance']);
  });
});

describe('bylines', () => {
  const OUTLET: EntitySpec = { id: 'org:晨光', kind: 'org', names: ['晨光'] };
  it('takes the outlet in a byline bracket for no party, whatever its name', () => {
    const ev = label(tagged('【晨光專訊】鴻海公布，上半年營收年減1%至3,000億元。', [FOXCONN, OUTLET]), { publishedAt: '2026-01-15T00:00:00+08:00' }).events;
    expect(ev.map((e) => [e.type, e.entities])).toEqual([['earnings', ['TW:2317']]]);
  });
  it('still takes an organisation named outside a byline', () => {
    const ev = label(tagged('晨光公布，上半年營收年減1%至3,000億元。', [OUTLET]), { publishedAt: '2026-01-15T00:00:00+08:00' }).events;
    expect(ev.map((e) => e.entities)).toEqual([['org:晨光']]);
  });
});

describe('segments of a release', () => {
  const BRAND: EntitySpec = { id: 'org:晨星', kind: 'org', names: ['晨星'] };
  const run = (body: string) => label(tagged(body, [FOXCONN, TSMC, BRAND]), { publishedAt: '2026-01-15T00:00:00+08:00' }).events.filter((e) => e.type === 'earnings');
  it('takes a unit that is no listed company as a segment of the company’s results', () => {
    expect(run('鴻海上半年營收年增10%至3,000億元，旗下品牌晨星收入年增8%至500億元。').map((e) => e.entities)).toEqual([['TW:2317']]);
  });
  it('keeps two listed companies’ results apart', () => {
    expect(run('鴻海上半年營收年增10%至3,000億元，台積電營收年增8%至500億元。')).toHaveLength(2);
  });
});

describe('a time counted from an event', () => {
  it('takes 距離…上市 as a reference point, not a listing', () => {
    expect(types('鴻海今日完成收購，距離鴻海在港交所上市不到一年。')).not.toContain('offering');
    expect(types('鴻海今日在港交所上市。')).toContain('offering');
  });
});

describe('a distribution of profit', () => {
  it('is a dividend, not a result planned', () => {
    expect(types('鴻海擬進行中期利潤分配，每股派發現金2元。')).toEqual(['dividend']);
    expect(types('鸿海拟进行年度盈余分配，每股派发现金2元。')).toEqual(['dividend']);
  });
});

describe('a scheme of arrangement', () => {
  it('is the way a takeover is done, not an agreement between the two', () => {
    expect(types('鴻海宣布以協議安排方式將台積電私有化。')).not.toContain('partnership');
    expect(types('鴻海宣布與台積電簽署合作協議。')).toContain('partnership');
  });
});

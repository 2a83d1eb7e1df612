import { describe, expect, it } from 'vitest';
import { label } from '../../../src/label/index';
import { EVENT_TYPES } from '../../../src/label/taxonomy';
import { AMD, FOXCONN, NVDA, OPENAI, TSMC, tagged } from './build';

const events = (body: string, ents = [TSMC, FOXCONN, NVDA, AMD, OPENAI], title = '') => label(tagged(body, ents, { title })).events;
const types = (body: string, ents?: Parameters<typeof events>[1]) => events(body, ents).map((e) => e.type);

describe('trigger families', () => {
  // One hand-written sentence per type, in the script named; the entity is the company named in it.
  const cases: Array<[string, string, string, -1 | 0 | 1]> = [
    ['earnings', '台積電第四季營收達8,000億元，創歷史新高。', 'TW:2330', 1],
    ['earnings', '台积电第四季净利润同比下滑12%。', 'TW:2330', -1],
    ['guidance', '鴻海下修全年財測。', 'TW:2317', -1],
    ['capex', '台積電今年資本支出上看560億美元。', 'TW:2330', 1],
    ['capex', '台积电宣布在美国扩产。', 'TW:2330', 1],
    ['m_and_a', '輝達宣布收購一家以色列新創。', 'US:NVDA', 1],
    ['partnership', '鴻海與輝達簽署MOU。', 'TW:2317', 1],
    ['partnership', '鸿海获得英伟达大单。', 'TW:2317', 1],
    ['product_launch', '輝達發表新一代GPU。', 'US:NVDA', 1],
    ['regulation', '美國擴大出口管制，輝達首當其衝。', 'US:NVDA', -1],
    ['analyst_rating', '外資調升台積電目標價至1,500元。', 'TW:2330', 1],
    ['dividend', '台積電今日除息，每股配息4.5元。', 'TW:2330', 1],
    ['price_move', '鴻海股價跌停。', 'TW:2317', -1],
    ['price_move', '台积电涨超5%，鸿海跟涨。', 'TW:2330', 1],
    ['fund_flow', '外資今日賣超台積電3萬張。', 'TW:2330', -1],
    ['management_change', '鴻海執行長請辭，由副總接任。', 'TW:2317', 0],
    ['legal', 'AMD遭專利訴訟，求償10億美元。', 'US:AMD', -1],
    ['supply_pricing', '記憶體缺貨，台積電通知客戶漲價。', 'TW:2330', 1],
    ['stake_change', '鴻海大股東申報轉讓持股5000張。', 'TW:2317', -1],
    ['stake_change', '台积电控股股东宣布增持公司股份1亿元。', 'TW:2330', 1],
    ['buyback', '台積電董事會通過買回庫藏股1萬張。', 'TW:2330', 1],
    ['buyback', '鸿海公告回购股份3亿元。', 'TW:2317', 1],
    ['offering', '鴻海旗下子公司遞表申請在港股上市。', 'TW:2317', 1],
    ['offering', '台积电拟定增募资100亿元。', 'TW:2330', 1],
    ['credit_rating', '惠譽將台積電信用評等調升至AA。', 'TW:2330', 1],
  ];
  it.each(cases)('%s: %s', (type, text, entity, polarity) => {
    const ev = events(text).find((e) => e.type === type);
    expect(ev, `no ${type} in ${JSON.stringify(events(text))}`).toBeDefined();
    expect(ev!.entities).toContain(entity);
    expect(ev!.polarity).toBe(polarity);
    expect(ev!.confidence).toBeGreaterThan(0);
    expect(ev!.confidence).toBeLessThanOrEqual(0.95);
  });

  it('covers every type of the taxonomy', () => {
    expect(new Set(cases.map(([t]) => t))).toEqual(new Set(EVENT_TYPES));
  });
});

describe('rules', () => {
  it('drops negated triggers, also when other trigger words stand in between', () => {
    expect(types('OpenAI也沒有承諾向鴻海下單採購。')).not.toContain('partnership');
    expect(types('鴻海表示，目前並未與任何客戶簽署MOU。')).not.toContain('partnership');
    expect(types('雖然沒有要設立合資公司，鴻海仍看好後市。')).not.toContain('m_and_a');
    // The same sentence without the negator does report it.
    expect(types('鴻海表示，目前已與客戶簽署MOU。')).toContain('partnership');
  });

  it('lets a sentiment word take the negation, and does not count names against its reach', () => {
    const ev = events('分析師不看好英業達下半年展望。', [{ id: 'TW:2356', names: ['英業達'] }]);
    expect(ev.map((e) => [e.type, e.polarity])).toEqual([['guidance', -1]]);
    expect(types('若沒有足夠的 CoWoS 產能，晶片也無法出貨。', [{ id: 'product:CoWoS', kind: 'product', names: ['CoWoS'] }])).toEqual([]);
  });

  it('reports management changes at companies, not ministers taking office', () => {
    expect(types('郭智輝出任經濟部長。', [{ id: 'person:郭智輝', kind: 'person', names: ['郭智輝'] }, { id: 'org:經濟部', kind: 'org', names: ['經濟部'] }])).toEqual([]);
    expect(types('力積電董事長黃崇仁請辭。', [{ id: 'TW:6770', names: ['力積電'] }, { id: 'person:黃崇仁', kind: 'person', names: ['黃崇仁'] }])).toEqual(['management_change']);
  });

  it('drops hedged triggers (應、如果)', () => {
    expect(types('台灣應投資台積電等企業。')).not.toContain('m_and_a');
    expect(types('如果輝達收購AMD，市場將大幅洗牌。')).not.toContain('m_and_a');
    expect(types('輝達股價應聲重挫。')).toContain('price_move');
  });

  it('lets a yielding trigger give way: a record in a revenue sentence is earnings, not a price move', () => {
    const t = types('鴻海12月營收達8,625億元，年增20%，創歷年同期新高。');
    expect(t).toContain('earnings');
    expect(t).not.toContain('price_move');
    expect(types('鴻海股價創新高。')).toContain('price_move');
    expect(types('廣達股價今日未見重挫。', [{ id: 'TW:2382', names: ['廣達'] }])).toEqual([]);
  });

  it('needs an entity after 投資 for a stake, and a facility word makes it capex', () => {
    expect(events('輝達又投資OpenAI上千億美元。').find((e) => e.type === 'm_and_a')?.entities).toEqual(['US:NVDA', 'org:OpenAI']);
    expect(types('輝達持續投資。')).not.toContain('m_and_a');
    expect(types('OpenAI經過最新一輪外來投資後估值達5000億美元（逾15兆台幣）。', [OPENAI, { id: 'theme:新台幣', kind: 'theme', names: ['台幣'] }])).not.toContain('m_and_a');
    expect(types('台積電投資120億美元在亞利桑那州興建新廠。')).toEqual(['capex']);
  });

  it('vetoes a launch of a policy or a report', () => {
    expect(types('美國政府推出新政策，要求輝達繳交權利金。')).not.toContain('product_launch');
    expect(types('中国证监会近期发布相关政策，台积电回应。')).not.toContain('product_launch');
    expect(types('輝達推出新晶片。')).toContain('product_launch');
  });

  it('drops weak triggers without a company and keeps strong ones', () => {
    expect(events('雙方展開合作。')).toEqual([]);
    expect(events('本月27檔ETF除息。').map((e) => [e.type, e.entities])).toEqual([['dividend', []]]);
  });

  it('resolves entities from the clause before the sentence, never from the whole article', () => {
    const ev = events('台積電表現平穩。鴻海宣布擴產，輝達則維持不變。');
    const capex = ev.find((e) => e.type === 'capex')!;
    expect(capex.entities).toEqual(['TW:2317']);
  });

  it('adds the sentence subject to a deal found in a later clause', () => {
    const ev = events('日月光投控近期宣佈斥資65億元，收購穩懋位於南科的廠房。', [{ id: 'TW:3711', names: ['日月光投控'] }, { id: 'TW:3105', names: ['穩懋'] }]);
    expect(ev.find((e) => e.type === 'm_and_a')?.entities).toEqual(['TW:3711', 'TW:3105']);
  });

  it('takes the companies of the whole sentence for a regulation', () => {
    const ev = events('美國商務部宣布擴大對中國的出口管制，輝達股價應聲重挫。', [NVDA, { id: 'org:美國商務部', kind: 'org', names: ['美國商務部'] }]);
    const reg = ev.find((e) => e.type === 'regulation')!;
    expect(reg.entities).toContain('US:NVDA');
    expect(reg.polarity).toBe(-1);
  });

  it('leaves out news outlets and reporters', () => {
    const ev = events('[FTNN新聞網]記者王小明／綜合報導鴻海股價漲停。', [FOXCONN, { id: 'org:FTNN', kind: 'org', names: ['FTNN新聞網'] }, { id: 'person:王小明', kind: 'person', names: ['王小明'] }]);
    expect(ev.find((e) => e.type === 'price_move')?.entities).toEqual(['TW:2317']);
  });

  it('gives evidence offsets into the original text of the named field', () => {
    const body = '  前言。\n鴻海與OpenAI簽署MOU，雙方將合作開發伺服器。\n其他內容。';
    const title = '快訊：輝達發表新晶片';
    const ev = events(body, undefined, title);
    expect(ev.length).toBeGreaterThanOrEqual(2);
    for (const e of ev) {
      const src = e.evidence.field === 'title' ? title : body;
      expect(src.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    expect(ev.find((e) => e.type === 'product_launch')?.evidence.field).toBe('title');
    expect(ev.find((e) => e.type === 'partnership')?.evidence.text).toBe('鴻海與OpenAI簽署MOU，雙方將合作開發伺服器。');
  });

  it('merges the same event told twice and keeps the fuller entity list', () => {
    const ev = events('鴻海與OpenAI宣布合作。劉揚偉表示，鴻海將與OpenAI簽署MOU。');
    const p = ev.filter((e) => e.type === 'partnership');
    expect(p).toHaveLength(1);
    expect(p[0]!.entities.sort()).toEqual(['TW:2317', 'org:OpenAI']);
    expect(p[0]!.confidence).toBeGreaterThan(0.9);
  });

  it('carries the subject of the previous sentence into a subject-less one, within the paragraph', () => {
    const quanta = { id: 'TW:2382', names: ['廣達'] };
    const ev = events('廣達正雙線並進。一方面，公司持續擴大在墨西哥的生產基地。', [quanta]);
    expect(ev.find((e) => e.type === 'capex')?.entities).toEqual(['TW:2382']);
    // Not across a paragraph, when the article names more than one company (a
    // single company is the article's own: mechanisms2.test.ts).
    const foxconn = { id: 'TW:2317', names: ['鴻海'] };
    expect(events('廣達與鴻海正雙線並進。\n公司持續擴大在墨西哥的生產基地。', [quanta, foxconn]).find((e) => e.type === 'capex')).toBeUndefined();
  });

  it('keeps entity-less events of different paragraphs apart', () => {
    const ev = events('內資上看這檔飆股目標價300元。\n外資點名2台廠給予買進評等。', []);
    expect(ev.filter((e) => e.type === 'analyst_rating')).toHaveLength(2);
    expect(events('本月除息。每單位配息0.5元。', []).filter((e) => e.type === 'dividend')).toHaveLength(1);
  });

  it('takes a weak event word only on token boundaries when the tagger gave tokens', () => {
    const body = '鴻海與輝達的員工合作社今日改選。';
    const ents = [FOXCONN, NVDA];
    expect(label(tagged(body, ents, { tokens: ['鴻海', '與', '輝達', '的', '員工', '合作社', '今日', '改選'] })).events).toEqual([]);
    expect(label(tagged(body, ents, { tokens: ['鴻海', '與', '輝達', '的', '員工', '合作', '社', '今日', '改選'] })).events.map((e) => e.type)).toEqual(['partnership']);
    // A strong word inside a longer token still counts: 月營收.
    expect(label(tagged('鴻海12月營收達8,625億元。', ents, { tokens: ['鴻海', '12', '月營收', '達', '8,625', '億元'] })).events.map((e) => e.type)).toEqual(['earnings']);
  });

  it('is deterministic', () => {
    const t = tagged('台積電營收創新高，外資買超。', [TSMC]);
    expect(label(t)).toEqual(label(t));
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { namesOf, ownNlp } from './own-dict';

// Hand-written passages (not corpus text). 高盛 is listed here, as in the shipped dictionary.
const { nlp, dispose } = ownNlp([
  { id: 'TW:2330', kind: 'company', name: '台積電', aliases: [], ticker: { code: '2330', market: 'TWSE' } },
  { id: 'TW:2882', kind: 'company', name: '國泰金', aliases: ['國泰'], ticker: { code: '2882', market: 'TWSE' } },
  { id: 'US:GS', kind: 'company', name: '高盛', aliases: ['Goldman Sachs'], ticker: { code: 'GS', market: 'NYSE' } },
  { id: 'place:香港', kind: 'place', name: '香港', aliases: [] },
  { id: 'CN:601318', kind: 'company', name: '中國平安', aliases: [], ticker: { code: '601318', market: 'SSE' } },
  { id: 'CN:600519', kind: 'company', name: '貴州茅台', aliases: ['茅台'], ambiguousAliases: ['茅台'], ticker: { code: '600519', market: 'SSE' } },
]);
afterAll(dispose);

const tag = (body: string, title = '') => nlp.tag({ title, body });
const orgs = (body: string): string[] => namesOf(tag(body), 'org');
const orgIds = (body: string): string[] => tag(body).entities.filter((e) => e.kind === 'org').map((e) => e.id).sort();

describe('organisations from the curated list', () => {
  it('names regulators, exchanges and data houses in either script', () => {
    expect(orgs('金管會昨天表示，將檢討規定。港交所公布新規。')).toEqual(['金管會', '香港交易所']);
    expect(orgIds('据上交所统计，两市成交放量。')).toEqual(['org:上海證券交易所']);
  });

  it('gives a shared spelling to the body the article names in full, else by script', () => {
    expect(orgIds('央行宣布降息一碼。行情走高。')).toEqual(['org:中央銀行']);
    expect(orgIds('央行宣布下调存款准备金率，市场反应积极。')).toEqual(['org:中國人民銀行']);
    // 證監會 in a Traditional text is Hong Kong's, unless the article names the mainland one.
    expect(orgIds('中國證監會公布新規，證監會表示將加強監管。')).toEqual(['org:中國證監會']);
  });
});

describe('organisations by their last word', () => {
  it('takes a registered name back to its start, and the abbreviation it defines', () => {
    const r = tag('此前由林某控制的广东新宇金融信息科技有限公司（以下简称“广东新宇”）开具汇票，广东新宇未能兑付。');
    const o = r.entities.filter((e) => e.kind === 'org');
    expect(o.map((e) => e.name)).toEqual(['广东新宇金融信息科技有限公司']);
    expect(o[0]!.mentions.map((m) => m.text)).toEqual(['广东新宇金融信息科技有限公司', '广东新宇', '广东新宇']);
  });

  it('prefers a local authority to the national one inside it, and merges spellings of one body', () => {
    expect(orgs('公司向深圳市国资委请示。')).toEqual(['深圳市国资委']);
    expect(orgs('香港高等法院頒令清盤，高等法院押後聆訊。')).toEqual(['香港高等法院']);
    expect(orgs('深圳地铁集团入股后，深铁集团成为大股东。')).toEqual(['深圳地铁集团']);
  });

  it('makes a subsidiary of a listed company an organisation, not its parent ticker', () => {
    const r = tag('國泰人壽今天表示，避險成本下降。');
    expect(namesOf(r, 'org')).toEqual(['國泰人壽']);
    expect(r.tickers).toEqual([]);
  });

  it('takes no kind of company for a name', () => {
    expect(orgs('多家上市公司公告，公募基金加碼，長期投資者受惠；審計委員會通過。')).toEqual([]);
  });
});

describe('organisations by the phrase that quotes them', () => {
  it('reads sources, credits, papers and datelines', () => {
    expect(orgs('根據TrendForce最新統計，記憶體價格上揚。')).toEqual(['TrendForce']);
    expect(orgs('資料來源：萬得資訊\n')).toEqual(['Wind']);
    expect(orgs('《華爾街日報》報導，該案仍在審查。')).toEqual(['華爾街日報']);
    expect(orgs('北極星能源網訊：光伏裝機量創新高。')).toEqual(['北極星能源網']);
    expect(orgs('據知情人士透露，雙方仍在談判；《生物安全法》將生效。')).toEqual([]);
  });

  it('finds a foreign body after the word for what it is, with its Latin name', () => {
    const r = tag('德國航運巨擘赫伯羅特（Hapag-Lloyd）宣布收購計畫。');
    const o = r.entities.filter((e) => e.kind === 'org');
    expect(o.map((e) => e.name)).toEqual(['赫伯羅特']);
    expect(o[0]!.mentions.map((m) => m.text)).toEqual(['赫伯羅特', 'Hapag-Lloyd']);
  });

  it('skips names that only page chrome prints', () => {
    expect(orgs('首頁 要聞 財經 明報 娛樂 體育\n正文開始。')).toEqual([]);
    // A site's note that comments are not its position names the site, not a source.
    expect(orgs('營收成長。\n讀者留言僅為個人意見，並不代表經濟日報立場')).toEqual([]);
    expect(orgs('經濟日報指出，營收成長。')).toEqual(['經濟日報']);
  });
});

describe('brands a listed company establishes', () => {
  it('takes the name less its country as a brand before a subsidiary word, only where the company is printed', () => {
    expect(orgs('中國平安公布半年報，平安人壽的新業務價值成長。')).toEqual(['平安人壽']);
    expect(orgs('平安人壽的新業務價值成長。')).toEqual([]);
    // A province in front too, and a brand that alone needs evidence.
    expect(orgs('茅台集團宣布增持計畫，貴州茅台股價上漲。')).toEqual(['茅台集團']);
  });
});

describe('brokers quoted as sources', () => {
  it('are the organisation when quoted, the ticker when the news is about them', () => {
    const quoted = tag('高盛證券預估，今年資本支出將成長。');
    expect(orgIds('高盛證券預估，今年資本支出將成長。')).toEqual(['org:高盛']);
    expect(quoted.tickers).toEqual([]);
    expect(tag('高盛財報優於預期，獲利成長兩成。').tickers).toEqual(['GS.US']);
  });

  it('are quoted where a title or many mentions name what brokers do (上調目標價)', () => {
    const r = tag('高盛上調目標價至1500元。高盛看好AI需求，高盛預估明年需求成長，高盛報告指出毛利率走高。', '高盛上調台積電目標價');
    expect(r.tickers).toEqual(['2330.TW']);
    expect(namesOf(r, 'org')).toEqual(['高盛']);
    // A subject word in the clause: the news is about the broker.
    expect(tag('高盛公布財報，並上調全年目標。').tickers).toEqual(['GS.US']);
  });
});

describe('the organisation list file', () => {
  it('refuses a bad line, naming file and line', async () => {
    const { parseOrgList } = await import('../../../src/nlp/orglist');
    expect(() => parseOrgList('# comment\ngov\t金管會\t\tHant\nregulator\t某會\t\t*\n', 'orgs.tsv')).toThrow(/orgs\.tsv:3: .*known class/);
    expect(() => parseOrgList('gov\t金管會\t\tHant\ngov\t金管會\t\t*\n', 'orgs.tsv')).toThrow(/orgs\.tsv:2: 金管會 is listed twice/);
  });
});

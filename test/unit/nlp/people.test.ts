import { afterAll, describe, expect, it } from 'vitest';
import { namesOf, ownNlp } from './own-dict';

// Hand-written passages (not corpus text): each line exercises one cue.
const { nlp, dispose } = ownNlp([
  { id: 'TW:2330', kind: 'company', name: '台積電', aliases: [], ticker: { code: '2330', market: 'TWSE' } },
  { id: 'place:台北', kind: 'place', name: '台北', aliases: [] },
]);
afterAll(dispose);

const people = (body: string): string[] => namesOf(nlp.tag({ title: '', body }), 'person');

describe('people from bylines and credits', () => {
  it('reads the reporter of each byline shape, and the outlet that precedes a role', () => {
    expect(people('〔記者王大明／台北報導〕半導體族群今日走強。')).toEqual(['王大明']);
    const r = nlp.tag({ title: '', body: '【經濟日報記者林小華台北報導】台積電今日公告。' });
    expect(namesOf(r, 'person')).toEqual(['林小華']);
    expect(namesOf(r, 'org')).toEqual(['經濟日報']);
    expect(people('（中央社記者陳建宏新竹5日電）晶片廠今天表示')).toEqual(['陳建宏']);
    expect(people('責任編輯：張曉明\n')).toEqual(['張曉明']);
    expect(people('（資料照，記者李美玲攝）股東會昨登場')).toEqual(['李美玲']);
    expect(people('本報記者 王小明 實習生 李大同\n正文')).toEqual(['李大同', '王小明']);
    expect(people('（編輯 若寧）據統計')).toEqual(['若寧']);
  });

  it('takes no ordinary word, no credit of a company and not the paper itself for a name', () => {
    expect(people('《財經日報》記者注意到，投資人關注配息。')).toEqual([]);
    expect(people('（圖／台積電提供）')).toEqual([]);
    const r = nlp.tag({ title: '', body: '本報記者 王小明\n' });
    expect(namesOf(r, 'org')).toEqual([]);
  });
});

describe('people by title, verb of saying and list', () => {
  it('finds a name after a title, cut where the name ends', () => {
    expect(people('台積電董事長張國明表示，需求強勁。')).toEqual(['張國明']);
    expect(people('首席財務官李強指出，毛利率回升。')).toEqual(['李強']);
    expect(people('集團副總經理歐陽明華今天出席。')).toEqual(['歐陽明華']);
    // 也 is an adverb after the name, not its last character.
    expect(people('董事長王雷也表示，將擴產。')).toEqual(['王雷']);
  });

  it('finds a name before a verb of saying at the start of a clause, and the ones listed after a found name', () => {
    expect(people('股價回檔。林志成強調，長線不變。')).toEqual(['林志成']);
    expect(people('出席者包括董事長陳一明、總經理黃二明。')).toEqual(['陳一明', '黃二明']);
    expect(people('法院凍結創辦人許大文、丁小美和夏中天等人的資產。')).toEqual(['丁小美', '夏中天', '許大文']);
    // Names listed before a word that counts them, with no title.
    expect(people('兩名80後陳志遠、林雅婷雙雙獲提名為董事。')).toEqual(['林雅婷', '陳志遠']);
  });

  it('reads a foreign name after a title, and a rare surname before a verb of saying', () => {
    expect(people('蘋果執行長庫克下月訪台。')).toEqual(['庫克']);
    expect(people('研究部總監植耀輝指出，大市短期仍受壓。')).toEqual(['植耀輝']);
  });

  it('takes no ordinary word, honorific, class word or listed company for a name', () => {
    expect(people('董事長任內完成併購。')).toEqual([]);
    expect(people('對此，高層表示不予評論。')).toEqual([]);
    expect(people('市民李女士表示，房價太高。')).toEqual([]);
    expect(people('周大福（01929）表示，銷售回升。')).toEqual([]);
  });
});

describe('people by the shape of a name alone', () => {
  it('takes a one-token name opening a clause before a quotation or an adverb', () => {
    expect(people('李書衡"一個集團"的說法引起討論。')).toEqual(['李書衡']);
    expect(people('桂明悅顯然低估了對手。')).toEqual(['桂明悅']);
  });

  it('takes a one-token name after 的 before a verb', () => {
    expect(people('當時的林書豪宣布退休。')).toEqual(['林書豪']);
  });

  it('takes no ordinary words after 的 or before an adverb', () => {
    expect(people('報告的高增長顯然來自基期。當年的王牌顯然失靈。公司的張力持續。')).toEqual([]);
    expect(people('市場的黃金價格走高，投資人的周期判斷分歧。')).toEqual([]);
    expect(people('問題的嚴重性與轉型的緊迫性都已浮現。')).toEqual([]);
  });
});

describe('people in a counted list', () => {
  it('takes two-character names when the list holds as many names as its count says', () => {
    expect(people('名單上有王明、李華、張強3位董事。')).toEqual(['張強', '李華', '王明']);
    expect(people('名單上有王明、李華、張強4位董事。')).toEqual([]);
  });
});

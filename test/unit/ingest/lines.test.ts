import { describe, expect, it } from 'vitest';
import { isFurnitureLine, isMemberBox, isPitch, isRelatedHeading, POINTER_PARAGRAPH, stripGluedTail } from '../../../src/ingest/lines';

describe('paragraph-level rules', () => {
  it('knows related-article headings in both scripts, with decorations', () => {
    for (const h of ['延伸閱讀', '►相關新聞', '【推荐阅读】', '延伸 · 推荐', 'APP精彩推荐', '为你推荐', '為您推薦', '热门评论', '作者最新文章', '相关资讯 >']) expect(isRelatedHeading(h), h).toBe(true);
    for (const t of ['台積電推薦買進', '延伸閱讀台積電的擴產計畫之後，法人的看法', '相關新聞報導指出，央行將升息']) expect(isRelatedHeading(t), t).toBe(false);
  });
  it('drops pointers, credits and pitches, keeps sentences that mention the same words', () => {
    expect(POINTER_PARAGRAPH.test('责任编辑：李四')).toBe(true);
    expect(POINTER_PARAGRAPH.test('延伸閱讀：台積電擴產')).toBe(true);
    expect(POINTER_PARAGRAPH.test('编辑部认为，这次调整影响有限。')).toBe(false);
    expect(isPitch('(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)')).toBe(true);
    expect(isPitch('专注苹果新闻报道，每日推送最新苹果资讯。扫描下方二维码关注苹果汇官方微信')).toBe(true);
    expect(isPitch('扫一扫在手机打开当前页')).toBe(true);
    expect(isPitch('公司表示，今年將推出新的行動支付APP，下載量已突破百萬。')).toBe(false);
    expect(isPitch('用户只需扫一扫即可完成支付，这项服务推出后广受好评，下载该APP的用户已超过一亿。')).toBe(false);
  });
  it('drops counters, share prompts, ad labels and site notices', () => {
    for (const l of ['廣告', '分享到：', '瀏覽： 1234', '阅读 539', '2 条评论', '正在加载', '热门H5手游+更多', '本文仅代表作者个人观点。', '网友评论仅供其表达个人看法，并不表明网易立场。', '澎湃新闻报料：4009-20-4009 澎湃新闻，未经授权不得转载', '京ICP备05070218号 京公网安备11010202000001号', 'Copyright © 2019 观察者 All rights reserved。', '关键字 : 公园', '特别声明', '郑重声明：文章提及内容仅供参考，不构成实质性投资建议', '本文来源：新京报 责任编辑：杜硕_NB12556', '来源：本站原创 作者：医技药剂党支部', '图集', '+1', '自动播放苹果发布新iPhone 11：配6种颜色']) expect(isFurnitureLine(l), l).toBe(true);
    for (const l of ['广告业营收今年成长三成。', '分享经济在中国发展迅速，共享单车就是一例。', '他认为，版权保护仍有不足。', '二十条评论家的意见并不一致，有人看好也有人看淡。', '法院认定被告侵犯了版权所有者的权益。', '他说，这并不代表公司的立场转变。', '資料來源：Bloomberg · 永豐投顧整理', '据新华社报道，来源于海外的订单持续增加。']) expect(isFurnitureLine(l), l).toBe(false);
  });
  it('cuts furniture glued after the last sentence, and only there', () => {
    expect(stripGluedTail('投資人宜留意追高風險。點擊閱讀下一則新聞')).toBe('投資人宜留意追高風險。');
    expect(stripGluedTail('订单将对未来业绩产生积极影响。返回腾讯网首页>>')).toBe('订单将对未来业绩产生积极影响。');
    expect(stripGluedTail('市場傳出運價上調。廣告')).toBe('市場傳出運價上調。');
    expect(stripGluedTail('这家公司的广告')).toBe('这家公司的广告');
  });
  it('knows a login or paywall box from a sentence about members', () => {
    expect(isMemberBox('會員登入 帳號 密碼 忘記密碼 | 重寄啟用信 會員服務申請/試用')).toBe(true);
    expect(isMemberBox('该平台会员人数突破一亿，付费会员占比持续提升，公司计划明年推出新的会员权益。')).toBe(false);
  });
});

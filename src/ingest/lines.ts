/**
 * Paragraph-level rules for Chinese news pages: lines that are page
 * furniture although they sit inside the article container (pointers to
 * other articles, app and follow pitches, counters, share prompts, ad
 * labels), and furniture glued to the end of the last paragraph.
 */

const DECOR = String.raw`[\s►▶▷▲△▼■□●◆◇★☆※➤→【\[〔（(]*`;
const DECOR_END = String.raw`[\s】\]〕）)]*`;
/** Headings of blocks that list other articles, in both scripts. */
export const RELATED = '其他人也在看|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|相關報導|相关报道|熱門新聞|热门新闻|熱門文章|热门文章|熱門推薦|热门推荐|編輯推薦|编辑推荐|看更多|更多新聞|更多新闻|猜你喜歡|猜你喜欢|你可能也喜歡|你可能也喜欢|最新新聞|最新新闻|精選文章|今日熱門|大家都在看|網友都在看|更多相關|更多相关|相關連結|相关链接|延伸報導|延伸报道|同場加映|相關影音|相关内容|相關內容|相关推荐|相關推薦|相关搜索|相關搜尋|為你推薦|为你推荐|為您推薦|为您推荐|精彩推荐|精彩推薦|延伸推荐|延伸推薦|热点推荐|熱點推薦|推荐新闻|推薦新聞|热门评论|熱門評論|最新评论|最新評論|作者最新文章|作者最近文章|相关资讯|相關資訊|更多精彩|点击排行|點擊排行|新闻排行|新聞排行|热门排行|熱門排行';

const HEADING = new RegExp(`^${DECOR}(?:[A-Za-z]{0,4})(?:${RELATED})${DECOR_END}(?:[:：>»]|更多|[+＋])*$`);

/** True for the heading of a related-articles block (`延伸閱讀`, `►相關新聞`, `延伸 · 推荐`, `APP精彩推荐`). */
export function isRelatedHeading(text: string): boolean {
  return text.length <= 40 && HEADING.test(text.replace(/[\s·•・|｜]+/g, ''));
}

/** A paragraph that is only a pointer to another article or an editor's credit. */
export const POINTER_PARAGRAPH = new RegExp(`^${DECOR}(${RELATED}|責任編輯|责任编辑|編輯|编辑|核稿編輯|核稿编辑|责编|責編|此前報導|此前报道|相關報導|相关报道|更多報導|更多报道|原文連結|原文链接|相关资讯请关注|相關資訊請關注)${DECOR_END}\\s*[:：]`);

/**
 * App, newsletter and follow-us pitches that sites drop into the article
 * text. Phrases no sentence of news uses are pitches in any paragraph of up
 * to 100 characters; phrases a news sentence may use (下载APP, 扫描二维码,
 * 关注微信) only in a line of up to 40.
 */
const PITCH = /(用APP看新聞|天天中獎|點我訂閱|点我订阅|尽在新浪财经APP|本文来自.{0,12}(?:客户端|APP)|更多原创资讯|第一时间免费试玩|快来.{0,10}体验|看更多精彩|點擊閱讀下一則|点击阅读下一则|返回.{0,6}[首頁首页].{0,3}>+|[掃扫][描瞄].{0,6}二[維维][碼码].{0,4}(?:關注|关注|下[載载])|(?:請|请|歡迎|欢迎|長按|长按|掃碼|扫码)[關关]注|(?:請|请|立即|點擊|点击|馬上|马上)下[載载].{0,10}APP)/i;
const SHORT_PITCH = /(下[載载]\s*.{0,12}APP|打[開开].{0,8}APP|下[載载]客[戶户][端]|[掃扫][描瞄].{0,6}二[維维][碼码]|[關关]注.{0,12}(?:公[眾众][號号]|微信|微博)|加入.{0,10}LINE|追蹤我們|关注我们|按讚|點讚|立即訂閱|立即订阅|訂閱電子報|订阅电子报|免費訂閱|馬上訂閱|马上订阅|[掃扫]一[掃扫]|打印本[頁页]|[關关]閉[窗視视]口|关闭窗口|[點点][擊击]進入專題|点击进入专题)/i;

/** True for a short paragraph that only sells an app, a newsletter or a follow. */
export function isPitch(paragraph: string): boolean {
  return (paragraph.length <= 100 && PITCH.test(paragraph)) || (paragraph.length <= 40 && SHORT_PITCH.test(paragraph));
}

/** Whole lines that are page furniture: ad labels, share prompts, counters, print/close buttons. */
const FURNITURE_LINE = /^(?:廣告|广告|advertisement|ad|贊助|赞助|分享到[:：]?.{0,20}|分享本文|分享|收藏|打印|列印|關閉|关闭|返回顶部|返回頂部|回到頂部|回到顶部|上一篇.{0,40}|下一篇.{0,40}|上一页.{0,20}下一页|.{0,6}(?:瀏覽|浏览|閱讀|阅读|點擊|点击|人氣|人气)(?:數|数|次數|次数|量)?[:：]?\s*(?:\d[\d,]*|views)?\s*(?:次)?|字[號号][:：]?.{0,12}|【打印本页】.{0,12}|[\d,]*\s*(?:条评论|條評論|則留言|人参与|人參與)[\s\d,|｜/人参与參與条评论條評論网友評論]{0,20}|举报|舉報|文章导航|文章導航|[圖图]集|[組组][圖图]|[視视][頻频]|[+＋]\s*\d{0,3}|[自]動播放.{0,40}|自动播放.{0,40}|正在加载.{0,3}|正在載入.{0,3}|加载中.{0,3}|載入中.{0,3}|.{0,12}(?:[+＋]\s*)?(?:更多|more)\s*(?:>+|»|›)?)$/i;

/**
 * Site notices: disclaimers (本文仅代表作者观点, 不代表本网立场, 免责声明：),
 * copyright and reprint notices, licence numbers (京ICP备), report hotlines,
 * tag and keyword lines, scan-to-read and print/close prompts. Never article
 * text, whatever their length up to a short paragraph.
 */
const NOTICE = /(^[\s（(【[]*(?:本文|本篇|文章|以上|此文|該文|该文|網友評論|网友评论|評論|评论|注[:：])[^。]{0,40}(?:代表|表明)|(?:代表|表明).{0,8}(?:本網|本网|本站|本報|本报|本刊|本平台|平台|網易|网易|騰訊|腾讯|澎湃|新浪|搜狐|鳳凰|凤凰|觀察者|观察者).{0,8}(?:觀點|观点|立場|立场)|^[\s【[（(]*(?:免責|免责|鄭重|郑重|特別|特别|版權|版权|法律)(?:聲明|声明)[\s】\]）)]*(?:[:：]|$)|未[經经](?:授權|授权|許可|许可|同意).{0,16}(?:轉載|转载|複製|复制|使用)|轉載請註明|转载请注明|版[權权]所有(?![者人])|all rights reserved|copyright\s*©|©\s*\d{4}|ICP[備备證证]|公[網网]安[備备]|[違违]法和不良信息|不良信息[舉举][報报]|^[\s【[]*(?:關鍵字|关键字|關鍵詞|关键词|文章關鍵詞|文章关键词|標籤|标签|tags?)[\s】\]]*[:：>]|^.{0,12}[報报]料[:：])/i;

/**
 * Credit lines: `本文来源：新京报 责任编辑：杜硕`, `来源：本站原创 作者：…`, `来源：网络`.
 * Only short lines, so a sentence that cites its source stays; a chart's
 * `資料來源：Bloomberg` is the article's own and stays too.
 */
const EDITOR = '(?:責任編輯|责任编辑|責編|责编)\\s*[:：]';
const CREDIT = new RegExp(`(^[\\s（(【[]*(?:本文|文章|稿件|信息)?(?:來源|来源|出處|出处|稿源)(?:於|于)?[:：]|${EDITOR})`);
const EDITOR_CREDIT = new RegExp(`^[\\s（(【[]*${EDITOR}`);

/**
 * True for the editor's credit (`责任编辑：X`, `責編：X`) opening a line: the
 * last line of a Chinese news article.
 */
export function isEditorCredit(line: string): boolean {
  return EDITOR_CREDIT.test(line);
}

/** True for a line that is only an ad label, a share prompt, a counter, a button, a credit or a site notice. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return (t.length <= 60 && (FURNITURE_LINE.test(t) || CREDIT.test(t))) || (t.length <= 160 && NOTICE.test(t));
}

/** Furniture glued after the last sentence of a paragraph: `……下跌。 點擊閱讀下一則新聞`, `……。广告`. */
const GLUED_TAIL = /([。！？!?」』”）)])\s*(?:點擊閱讀下一則新聞|点击阅读下一则新闻|點擊閱讀下一則|点击阅读下一则|返回.{0,6}[首頁首页].{0,3}>*|廣告|广告|\[廣告\]|\[广告\]|（廣告）|（广告）|看更多.{0,10}|更多精彩.{0,10})\s*$/;

/** A paragraph without the furniture glued to its end. */
export function stripGluedTail(paragraph: string): string {
  return paragraph.replace(GLUED_TAIL, '$1');
}

/** Words of login boxes, paywalls and member services. */
const MEMBER = /(登入|登录|登錄|註冊|注册|密碼|密码|帳號|账号|會員|会员|忘記|忘记|訂閱方案|订阅方案|試用|试用|申請專線|申请专线|客服|週一至週五|周一至周五|立即購買|立即购买|付費|付费|解鎖|解锁|訂戶|订户)/g;

/** The longest text a login box may have. */
export const MEMBER_BOX_MAX = 400;

/** Words only a login box has (an article about members has the others too). */
const LOGIN = /(登入|登录|登錄|註冊|注册|密碼|密码|帳號|账号|試用|试用|申請專線|申请专线)/;

/**
 * True for a block that is a login box or a paywall pitch: short, made of
 * member-service words rather than sentences (at least three different
 * ones, one for every 25 characters), one of them a login word.
 */
export function isMemberBox(text: string): boolean {
  if (text.length > MEMBER_BOX_MAX || !LOGIN.test(text)) return false;
  const hits = text.match(MEMBER) ?? [];
  return new Set(hits).size >= 3 && hits.length * 25 >= text.length;
}

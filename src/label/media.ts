import { escapeRegExp, readWordList } from '../text/lists';

/**
 * News outlets and portals, by the shape of their names (data/media.txt). They are named in
 * bylines and teaser footers ([FTNN新聞網]記者…, 工商時報 ・ 1 天前): they report
 * events, they are neither parties to them nor keywords of the article.
 */
export const MEDIA = new RegExp(`(${readWordList(new URL('./data/media.txt', import.meta.url)).map(escapeRegExp).join('|')})`, 'i');

/** True when a person mention is a byline (記者王小明／綜合報導). */
export function isReporter(source: string, start: number): boolean {
  const before = source.slice(Math.max(0, start - 2), start);
  return before === '記者' || before === '记者';
}

const BYLINE_OPEN = '【〔［[（(';
const BYLINE_CLOSE = '】〕］]）)';
// What a byline says after the outlet: 【明報專訊】, 〔記者…／台北報導〕, （中央社…電）.
const BYLINE_END = /(?:專訊|专讯|特訊|特讯|訊|讯|報導|报道|報道|電|电)$/;

/**
 * True when the name at `start`–`end` stands in a byline bracket
 * (【明報專訊】, （中央社記者…電）): the outlet that reports the news,
 * whatever its name looks like.
 */
export function inByline(source: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - 12); i--) {
    const ch = source[i]!;
    if (BYLINE_CLOSE.includes(ch)) return false;
    if (BYLINE_OPEN.includes(ch)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  const want = BYLINE_CLOSE[BYLINE_OPEN.indexOf(source[open]!)]!;
  const close = source.indexOf(want, end);
  if (close < 0 || close - end > 24) return false;
  return BYLINE_END.test(source.slice(end, close));
}

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

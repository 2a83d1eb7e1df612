/**
 * News outlets and portals, by the shape of their names. They are named in
 * bylines and teaser footers ([FTNN新聞網]記者…, 工商時報 ・ 1 天前): they report
 * events, they are neither parties to them nor keywords of the article.
 */
export const MEDIA = /(新聞網?|新闻网?|時報|时报|日報|日报|晚報|晚报|週刊|周刊|財經|财经|電視台?|电视台?|新頭殼|新头壳|奇摩|NOWnews|Newtalk|CTWANT|Yahoo)/i;

/** True when a person mention is a byline (記者王小明／綜合報導). */
export function isReporter(source: string, start: number): boolean {
  const before = source.slice(Math.max(0, start - 2), start);
  return before === '記者' || before === '记者';
}

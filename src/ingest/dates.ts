import type { AnyNode, Element } from 'domhandler';
/**
 * Dates as Chinese news sites print them. Times without a zone are taken as
 * UTC+8, where Taiwan, the mainland and Hong Kong all publish. Results are
 * ISO 8601 in UTC+8 (`2026-01-12T10:30:00+08:00`), like the article files.
 */
const TZ_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as ISO 8601 wall time in UTC+8. */
export function formatUtc8(ms: number): string {
  const d = new Date(ms + TZ_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

function fromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - TZ_MS;
  const back = new Date(ms + TZ_MS);
  if (back.getUTCDate() !== d) return null; // 2026-02-30 and the like
  return formatUtc8(ms);
}

/**
 * A machine-readable date (meta tags, JSON-LD, `<time datetime>`, feeds):
 * ISO 8601 or RFC 2822. A value without a zone, or with CST/HKT, is UTC+8.
 */
export function parseMachineDate(raw: string | null | undefined): string | null {
  // "CST" in a Chinese feed is China Standard Time (UTC+8), not US Central;
  // HKT and "GMT+8" say the same in other words.
  const s = (raw ?? '')
    .trim()
    .replace(/\s*\b(?:CST|CCT|HKT|TWT)$/i, ' +0800')
    .replace(/\s*(?:GMT|UTC)\s*\+\s*0?8(?::?00)?$/i, ' +0800');
  if (!s) return null;
  const local = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s-](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (local) return fromParts(+local[1]!, +local[2]!, +local[3]!, +(local[4] ?? 0), +(local[5] ?? 0), +(local[6] ?? 0));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (compact && +compact[1]! >= 1990) return fromParts(+compact[1]!, +compact[2]!, +compact[3]!, +(compact[4] ?? 0), +(compact[5] ?? 0), +(compact[6] ?? 0));
  if (/^\d{10}$/.test(s)) return formatUtc8(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return formatUtc8(Number(s));
  const t = Date.parse(s);
  if (!Number.isNaN(t)) return formatUtc8(t);
  return findVisibleDate(s);
}

const WEEKDAY = String.raw`(?:\s*[(（]?\s*(?:週|周|星期|禮拜|礼拜)[一二三四五六日天]\s*[)）]?)?`;
const TIME = String.raw`(?:\s*(上午|下午|早上|晚上|中午|AM|PM|am|pm)?\s*(\d{1,2})\s*[:：時时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?\s*(AM|PM|am|pm)?)?`;
const ROC = new RegExp(String.raw`(?:中華民國|民國|民国)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日` + WEEKDAY + TIME);
const WESTERN = new RegExp(String.raw`(?<!\d)(\d{4})\s*(?:[/.\-]|年)\s*(\d{1,2})\s*(?:[/.\-]|月)\s*(\d{1,2})(?!\d)\s*日?` + WEEKDAY + TIME);

function hour(h: number, before: string | undefined, after: string | undefined): number {
  const mark = (before ?? after ?? '').toLowerCase();
  if ((mark === '下午' || mark === '晚上' || mark === 'pm') && h < 12) return h + 12;
  if ((mark === '上午' || mark === '早上' || mark === 'am') && h === 12) return 0;
  return h;
}

function isoOf(m: RegExpExecArray, roc: boolean): string | null {
  const y = roc ? +m[1]! + 1911 : +m[1]!;
  return fromParts(y, +m[2]!, +m[3]!, m[5] ? hour(+m[5], m[4], m[8]) : 0, +(m[6] ?? 0), +(m[7] ?? 0));
}

/** Every date printed in a text, in order, with where it starts. */
export function datesIn(text: string): Array<{ index: number; iso: string }> {
  const out: Array<{ index: number; iso: string }> = [];
  for (const [re, roc] of [[new RegExp(ROC.source, 'g'), true], [new RegExp(WESTERN.source, 'g'), false]] as const) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const iso = isoOf(m, roc);
      if (iso) out.push({ index: m.index, iso });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The first date printed in a text: `2026/01/12 10:30`, `2026-01-12`,
 * `2026年1月12日 週一 下午3:05`, `民國115年1月12日` (year + 1911).
 */
export function findVisibleDate(text: string): string | null {
  return datesIn(text)[0]?.iso ?? null;
}

/** A label just before a date that says it is the publication (or update) date. */
const DATE_LABEL = /(?:發布|发布|發佈|发佈|發表|发表|時間|时间|日期|刊登|出版|published|posted|updated|更新)\s*(?:時間|时间|日期|於|于|on|at)?\s*[:：]?\s*$/i;

/**
 * The publication date printed after an element (the headline): the first
 * labelled date (`发布日期：2019-03-06`) in the next few thousand characters
 * of text, else an unlabelled date right below it (the byline zone).
 */
export function findDateAfter(headline: Element): string | null {
  let text = '';
  let started = false;
  const walk = (n: AnyNode): boolean => {
    if (n === headline) {
      started = true;
      return true;
    }
    if (n.type === 'text') {
      if (started) text += ` ${(n as unknown as { data: string }).data}`;
      return text.length < 3000;
    }
    if (n.type === 'tag' || n.type === 'root') for (const c of (n as Element).children) if (!walk(c)) return false;
    return true;
  };
  let root: AnyNode = headline;
  while (root.parent) root = root.parent;
  walk(root);
  const clean = text.replace(/\s+/g, ' ');
  const dates = datesIn(clean);
  const labelled = dates.find((d) => DATE_LABEL.test(clean.slice(Math.max(0, d.index - 12), d.index)));
  if (labelled) return labelled.iso;
  return dates.find((d) => d.index < 300)?.iso ?? null;
}

const LABELS = /(發布|发布|發佈|发表|發表|更新|日期|時間|时间|最後|最后|修改|上午|下午|早上|晚上|週[一二三四五六日天]|周[一二三四五六日天]|星期[一二三四五六日天]|published|updated|posted|am|pm)/gi;

/** `来源：和讯网`, `作者：王小明`: the source or author beside a date stamp (up to the next space). */
const SOURCE = /(?:來源|来源|出處|出处|作者|記者|记者|編輯|编辑|責編|责编)\s*[:：]\s*[^\s:：]{0,16}|(?:瀏覽|浏览|閱讀|阅读|點擊|点击)(?:次數|次数|量)?\s*[:：]?\s*\d*\s*次?/g;

/**
 * A line that is only a date stamp (`2026/02/10 14:35`, `發布時間：2026年1月12日`,
 * `2026-01-13 15:20 来源：和讯网`), not article text.
 */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || !findVisibleDate(text)) return false;
  const rest = text
    .replace(SOURCE, '')
    .replace(new RegExp(ROC.source, 'g'), '')
    .replace(new RegExp(WESTERN.source, 'g'), '')
    .replace(LABELS, '')
    .replace(/[\s:：|｜\-–—/.,，()（）[\]【】]+/g, '');
  return rest.length === 0;
}

import type { EventModality } from '../types';
import type { Clause, SentenceView } from './views';

export type { EventModality };

/**
 * The modality of each clause of a sentence: whether what it says is
 * reported as done, expected, planned, rumoured, asked or history. Markers
 * (data/modality.tsv) hold for their own clause and the clauses after it in
 * the sentence: in 蔡力行預期，第4季營收將介於… the expectation governs the
 * revenue clause. A question holds for its own clause only.
 */
export interface ClauseModality {
  /** An expectation (預計, 料, 目標 …): results under it are guidance. */
  forecast: boolean;
  /** A possibility (可能, 有望 …): results under it are guidance; other events have not happened. */
  maybe: boolean;
  /** A plan or decision announced (將, 擬, 計畫 …): results under it are guidance, other events stay reported. */
  plan: boolean;
  /** Unconfirmed (傳出, 消息人士 …). */
  rumour: boolean;
  /** History or background: an old year, 曾經, 早在 … */
  past: boolean;
  /** A question: nothing is reported. */
  question: boolean;
  /** A bare year one year before the article's names when this happened (2023年 in 2024). */
  lastYear: boolean;
}


// A question word or particle in the clause; a clause that ends the
// sentence with ？ is one too.
const QUESTION = /(嗎|吗|是否|能否|會否|会否|為何|为何|為什麼|为什么|怎麼|怎么|何時|何时|難道|难道|可否)/;
const QUESTION_END = /[？?][」』”"）)]*\s*$/;
// 傳 opening a clause is hearsay (傳9月公布…, 同時又傳…), not 傳統 or 傳產.
const HEARSAY = /^[\s「『“"（(【[]*(?:同時|同时|另|又|亦|並|并|還|还|更|再|另外|此外|市場|市场|外界|網上|网上|網路|网络|業界|业界|坊間|坊间)*又?傳(?![統统媒產产輸输送承遞递奇真達达播染聞闻言出])/;
const YEARS_RECAP = /(?:近|過去|过去)[0-9一二三四五六七八九十兩两幾几]+年(?:來|来|間|间|以來|以来)?|[0-9一二三四五六七八九十兩两]+年(?:期間|期间)/;
// A bare year (2023年, not 2023年12月) a year before the article's: for a
// change of hands or of people that is already history (2023年,某某辭去…).
const BARE_YEAR = /(?<![0-9０-９])((?:19|20)\d\d)\s*年(?![0-9０-９]|度|第|上半|下半|前|全年|初|底|末)/g;
// Four-digit years of the Gregorian calendar, and ROC years (114年 = 2025).
const YEAR = /(?<![0-9０-９])((?:19|20)\d\d|1[0-2]\d)(?=\s*(?:年|年度|財年|财年))/g;

/** The years a text names before 年, as Gregorian years. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    out.push(y < 1000 ? y + 1911 : y);
  }
  return out;
}

/**
 * The year an article speaks from: the year it was published, else the
 * year it names most often, the later of equals (a report of this year's
 * results names this year more than last year's base or next year's
 * forecast).
 */
export function referenceYear(publishedAt: string | null | undefined, texts: readonly string[]): number | null {
  const fromDate = publishedAt ? /^(\d{4})-/.exec(publishedAt) : null;
  if (fromDate) return Number(fromDate[1]);
  const counts = new Map<number, number>();
  for (const t of texts) for (const y of yearsIn(t)) if (y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/**
 * A year at least this many years before the reference year puts a clause
 * in the past: a 2017 launch recalled in 2025 is background, last year's
 * results reported this year are not.
 */
export const PAST_YEARS = 2;

function clauseText(v: SentenceView, c: Clause): string {
  return v.source.slice(c.start, c.end);
}

/** What a sentence's markers pass on to its next part (a sentence split at ；). */
export type ModalityCarry = Pick<ClauseModality, 'forecast' | 'maybe' | 'plan' | 'rumour' | 'past'>;
export const NO_CARRY: ModalityCarry = { forecast: false, maybe: false, plan: false, rumour: false, past: false };

/**
 * The modality of every clause of `v`, in order, and what holds at its end;
 * pass that as `carry` to the next part of the same sentence (split at ；:
 * 蔡力行預期，第4季營收將…；毛利率約…).
 */
export function clauseModalities(v: SentenceView, refYear: number | null, carry: ModalityCarry = NO_CARRY): { clauses: ClauseModality[]; carry: ModalityCarry } {
  const out: ClauseModality[] = [];
  let { forecast, maybe, plan, rumour, past } = carry;
  let [carryF, carryM, carryP] = [forecast, maybe, plan];
  let asking = false;
  let lastYear = false;
  const quotes = quotedSpans(v.source, v.start, v.end);
  v.clauses.forEach((c, i) => {
    const text = clauseText(v, c);
    let recent = false;
    let pastHere = false;
    // This clause's own expectation, and whether it reaches the clauses
    // after it: a marker governs what follows it; when a trigger or a
    // direction word follows it in its own clause (營收可望成長，…), that is
    // what it governs.
    let f = false;
    let mb = false;
    let pl = false;
    let markerSeen = false;
    let reaches = false;
    let wordAfter = false;
    // From the end, so that "a trigger or direction follows" is known at each marker.
    for (let j = c.hits.length - 1; j >= 0; j--) {
      const h = c.hits[j]!;
      // A marker inside quotation marks belongs to a slogan or a title
      // (贯彻“坚持规划引领…”的方针), not to what the sentence says.
      const m = h.entry.modal && quotes.some(([a, b]) => h.start > a && h.end <= b) ? undefined : h.entry.modal;
      if (m === 'forecast' || m === 'maybe' || m === 'plan') {
        if (m === 'forecast') f = true;
        else if (m === 'maybe') mb = true;
        else pl = true;
        // The last marker of the clause decides whether it reaches on.
        if (!markerSeen) reaches = !wordAfter;
        markerSeen = true;
      } else if (m === 'rumour') rumour = true;
      else if (m === 'past') pastHere = true;
      else if (m === 'recent') recent = true;
      if (h.entry.trigger || h.entry.dir) wordAfter = true;
    }
    forecast ||= f;
    maybe ||= mb;
    plan ||= pl;
    if (HEARSAY.test(text)) rumour = true;
    // A span of years up to now (近三年來, 過去五年) is a recap.
    if (YEARS_RECAP.test(text)) pastHere = true;
    if (refYear !== null) {
      const ys = yearsIn(text);
      if (ys.length) {
        const latest = Math.max(...ys);
        if (latest <= refYear - PAST_YEARS) pastHere = true;
        else recent = true;
      }
    }
    // A past marker holds until a clause names the present again.
    if (pastHere) past = true;
    else if (recent) past = false;
    const last = i === v.clauses.length - 1;
    // A question word governs its clause and the ones it goes on into
    // (理想汽車能否穩住…，並在…把訂單轉化為交付，將決定…).
    if (QUESTION.test(text)) asking = true;
    const question = asking || (last && QUESTION_END.test(v.source.slice(v.start, v.end)));
    // Like a past marker, a bare year holds until a clause names the present.
    if (recent) lastYear = false;
    if (refYear !== null) for (const m of text.matchAll(BARE_YEAR)) lastYear = Number(m[1]) === refYear - 1;
    out.push({ forecast, maybe, plan, rumour, past, question, lastYear });
    // A marker that governed only its own clause does not pass on.
    if ((f || mb || pl) && !reaches) [forecast, maybe, plan] = [carryF, carryM, carryP];
    [carryF, carryM, carryP] = [forecast, maybe, plan];
  });
  return { clauses: out, carry: { forecast, maybe, plan, rumour, past } };
}

/** The record's modality for an event found under `m`. */
export function eventModality(m: ClauseModality): EventModality {
  if (m.rumour) return 'rumour';
  if (m.forecast || m.maybe) return 'forecast';
  return 'reported';
}

const OPEN_QUOTE: Record<string, string> = { '“': '”', '「': '」', '『': '』' };

/** The spans of `text` between paired quotation marks (“…”, 「…」, 『…』), opening mark to closing mark. */
export function quotedSpans(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = start; i < end; i++) {
    const close = OPEN_QUOTE[text[i]!];
    if (!close) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0 || j >= end) continue;
    out.push([i, j]);
    i = j;
  }
  return out;
}

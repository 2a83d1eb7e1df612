import { BadInputError } from '../../errors';
import { EVENT_TYPES } from '../../label/taxonomy';
import { SENTENCE_END, sentenceAt, type Passage } from './passage';

/**
 * Corpus gold (`eval/corpus/NNN.json`), one file per passage, written by
 * reading the passage under the corpus GUIDE.md; the format and the
 * project's reading of the guide are in docs/corpus.md. Quotes are short
 * exact substrings of the passage text that locate a sentence; the scorer
 * works with whole sentences.
 */
export interface GoldTicker {
  /** `2330.TW`, `6488.TWO`, `600519.SH`, `00700.HK`, `NVDA.US` … */
  ticker: string;
  /** The name a reader would write first, then the other full names. */
  names: string[];
}

/** A person or an organisation: one name, or the forms the text writes it in. */
export type GoldName = string | string[];

export interface GoldEvent {
  type: string;
  /** Tickers from `tickers`, names from `people`/`orgs`; empty for index, sector and macro events. */
  entities: string[];
  polarity: -1 | 0 | 1;
  evidence: string;
  also?: string[];
  optional?: boolean;
  note?: string;
}

export interface CorpusGold {
  file: string;
  sha256: string;
  script: 'Hant' | 'Hans';
  tickers: GoldTicker[];
  people: GoldName[];
  orgs: GoldName[];
  events: GoldEvent[];
  notes?: string;
}

/**
 * Types the gold may use: the labeller's taxonomy and the finer types the
 * guide allows for (stake changes, buybacks, offerings, credit ratings) even
 * before the labeller emits them, so that the gold need not change when it does.
 */
export const GOLD_EVENT_TYPES: readonly string[] = [...new Set<string>([...EVENT_TYPES, 'stake_change', 'buyback', 'offering', 'credit_rating'])];

const TICKER = /^(?:(?:[1-9]\d{3}[A-Z]?|00\d{2,4}[A-Z]?|91\d{4})\.TWO?|\d{6}\.(?:SH|SZ|BJ)|\d{5}\.HK|[A-Z]{1,5}(?:[.-][A-Z]{1,2})?\.US|\d[0-9A-Z]\d[0-9A-Z]\.JP|\d{5}[0-9A-Z]\.KR)$/;
const MAX_QUOTE = 30;

/** The forms of a person or organisation entry. */
export const formsOf = (n: GoldName): string[] => (Array.isArray(n) ? n : [n]);

/** A gold event with its quotes resolved to sentence indices of the passage. */
export interface ResolvedEvent extends GoldEvent {
  /** Sentence of `evidence` (its first occurrence). */
  sentence: number;
  /** Sentences of `evidence` and `also`. */
  sentences: Set<number>;
}

/**
 * Check a gold file against its passage and resolve its quotes. A problem is
 * a BadInputError naming the gold file and what is wrong; a gold file
 * written for another version of the passage is refused by its hash.
 */
export function readCorpusGold(where: string, raw: unknown, passage: Passage): { gold: CorpusGold; events: ResolvedEvent[] } {
  const fail = (msg: string): never => {
    throw new BadInputError(`${where}: ${msg}`);
  };
  if (!raw || typeof raw !== 'object') fail('not a JSON object');
  const g = raw as Partial<CorpusGold>;
  if (g.file !== passage.file) fail(`"file" is ${JSON.stringify(g.file)}, expected "${passage.file}"`);
  if (g.sha256 !== passage.sha256) fail(`written for another version of ${passage.file} (sha256 ${String(g.sha256).slice(0, 12)}…, the file now has ${passage.sha256.slice(0, 12)}…): read the passage again and update the gold`);
  if (g.script !== 'Hant' && g.script !== 'Hans') fail('"script" must be Hant or Hans');
  if (!Array.isArray(g.tickers)) fail('"tickers" must be an array');
  const tickers = new Set<string>();
  g.tickers!.forEach((t, i) => {
    if (!t || typeof t.ticker !== 'string' || !TICKER.test(t.ticker)) fail(`tickers[${i}]: not a CODE.MARKET ticker: ${JSON.stringify(t?.ticker)}`);
    if (tickers.has(t.ticker)) fail(`tickers[${i}]: ${t.ticker} listed twice`);
    if (!Array.isArray(t.names) || !t.names.length || t.names.some((n) => typeof n !== 'string' || !n)) fail(`tickers[${i}]: "names" must be a non-empty array of names`);
    tickers.add(t.ticker);
  });
  const names = new Set<string>();
  for (const key of ['people', 'orgs'] as const) {
    const list = g[key];
    if (!Array.isArray(list)) fail(`"${key}" must be an array`);
    list!.forEach((n, i) => {
      const forms = formsOf(n);
      if (!forms.length || forms.some((f) => typeof f !== 'string' || !f || f.trim() !== f)) fail(`${key}[${i}]: a name or an array of names, without surrounding spaces`);
      for (const f of forms) names.add(f);
    });
  }
  if (!Array.isArray(g.events)) fail('"events" must be an array');
  // A quote found more than once (a headline or a caption printed twice)
  // stands for every sentence it occurs in: they retell the same thing.
  const locate = (q: unknown, at: string): number[] => {
    if (typeof q !== 'string' || !q) return fail(`${at}: a quote must be a non-empty string`);
    if (q.length > MAX_QUOTE) fail(`${at}: quote longer than ${MAX_QUOTE} characters`);
    const inner = SENTENCE_END.test(q.slice(-1)) ? q.slice(0, -1) : q;
    if (SENTENCE_END.test(inner)) fail(`${at}: quote crosses a sentence end: ${JSON.stringify(q)}`);
    const found: number[] = [];
    for (let p = passage.text.indexOf(q); p >= 0; p = passage.text.indexOf(q, p + 1)) found.push(sentenceAt(passage.sentenceStarts, p));
    if (!found.length) fail(`${at}: quote not found in ${passage.file}: ${JSON.stringify(q)}`);
    return found;
  };
  const events = g.events!.map((e, i): ResolvedEvent => {
    const at = `events[${i}]`;
    if (!e || typeof e !== 'object') return fail(`${at}: not an object`);
    if (typeof e.type !== 'string' || !GOLD_EVENT_TYPES.includes(e.type)) fail(`${at}: unknown type ${JSON.stringify(e.type)} (known: ${GOLD_EVENT_TYPES.join(', ')})`);
    if (!Array.isArray(e.entities)) fail(`${at}: "entities" must be an array`);
    for (const x of e.entities) if (!tickers.has(x) && !names.has(x)) fail(`${at}: entity ${JSON.stringify(x)} is neither a ticker of "tickers" nor a name of "people"/"orgs"`);
    if (e.polarity !== -1 && e.polarity !== 0 && e.polarity !== 1) fail(`${at}: polarity must be -1, 0 or 1`);
    if (e.optional !== undefined && typeof e.optional !== 'boolean') fail(`${at}: "optional" must be true or false`);
    if (e.also !== undefined && !Array.isArray(e.also)) fail(`${at}: "also" must be an array of quotes`);
    const first = locate(e.evidence, `${at}.evidence`);
    const sentence = first[0]!;
    const sentences = new Set(first);
    (e.also ?? []).forEach((q, j) => {
      for (const s of locate(q, `${at}.also[${j}]`)) sentences.add(s);
    });
    return { ...e, sentence, sentences };
  });
  return { gold: g as CorpusGold, events };
}

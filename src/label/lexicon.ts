import { readFileSync } from 'node:fs';
import { FatalError } from '../errors';
import { foldScript, foldWidth, foldWidthCase } from '../text/fold';
import { Trie, TrieBuilder } from '../text/trie';
import { isEventType, type EventType } from './taxonomy';

/** What an event trigger word means (one line of data/events.tsv). */
export interface Trigger {
  type: EventType;
  polarity: -1 | 0 | 1;
  weight: number;
  /** Emit only when the event resolves to at least one entity. */
  weak: boolean;
  /** Drop when a non-yielding trigger is in the same clause (or sentence). */
  yields: false | 'clause' | 'sentence';
  /** Keep only when an entity mention follows the trigger in the clause. */
  object: boolean;
  /** Drop when one of these words follows the trigger in the clause. */
  veto: string[];
  /** Keep only with a figure (a digit) after the trigger in the clause. */
  money: boolean;
  /** Keep only when the clause has a figure or a sentiment word. */
  figure: boolean;
  /** A head of another kind in reach may give the type (src/label/sense.ts). */
  sense: boolean;
  /** A deal word: only with two parties, a counterparty's shape (與X簽署) or an amount in its sentence. */
  counterparty: boolean;
  /** A policy word: a decision only with an authority acting in its sentence (src/label/authority.ts). */
  authority: boolean;
}

/** What a head noun names (data/heads.tsv): the kind decides the type of a direction word's fact. */
export type HeadKind = 'stock' | 'index' | 'session' | 'metric' | 'profit' | 'price' | 'rate' | 'rating' | 'credit' | 'dividend' | 'outlook' | 'capacity' | 'holding' | 'fund' | 'none';
export const HEAD_KINDS: readonly HeadKind[] = ['stock', 'index', 'session', 'metric', 'profit', 'price', 'rate', 'rating', 'credit', 'dividend', 'outlook', 'capacity', 'holding', 'fund', 'none'];

/** A direction word (data/directions.tsv): a change up or down of its head. */
export interface Direction {
  sign: -1 | 1;
  /** Counts only with a figure right after it (single characters: 升68%). */
  figure: boolean;
  /** Transitive: its object (the head after it) comes first. */
  obj: boolean;
  /** A share-price move even with no head or company in reach. */
  strong: boolean;
  /** A record (新高): attaches to the head of its sentence. */
  record: boolean;
  /** A share-price word: a company named right before it is its stock. */
  move: boolean;
  /** A change against a period (年增): a reported figure when no head is in reach. */
  metric: boolean;
}

/** A modality marker (data/modality.tsv). */
export type Modal = 'forecast' | 'maybe' | 'plan' | 'rumour' | 'past' | 'recent';
const MODALS: readonly Modal[] = ['forecast', 'maybe', 'plan', 'rumour', 'past', 'recent'];

/** Every role one surface word can play; a word may have several. */
export interface LexEntry {
  word: string;
  trigger?: Trigger;
  /** Sentiment score, -1..1. */
  senti?: number;
  neg?: boolean;
  /** A modal or conditional (應、若、如果): the event after it is not reported as fact. */
  hedge?: boolean;
  /** Degree multiplier for the next sentiment word. */
  degree?: number;
  /** Hides the shorter words inside it (e.g. 不斷 hides 不). */
  block?: boolean;
  head?: HeadKind;
  dir?: Direction;
  modal?: Modal;
}

/** A lexicon word found in a text, with UTF-16 offsets into that text. */
export interface Hit {
  entry: LexEntry;
  start: number;
  end: number;
}

/** Thrown when a shipped lexicon file has a bad line; the process should not start. */
export class LexiconError extends FatalError {
  constructor(file: string, line: number, message: string) {
    super('E_LEXICON', `${file}:${line}: ${message}`);
  }
}

/** Full-width ASCII to ASCII and A-Z to a-z for one unit (src/text/fold.ts). */
export const foldCode = foldWidthCase;

/** The folded form of a word, as stored in the trie. */
export const fold = foldWidth;

/**
 * All lexicons of the label stage in one character trie (typed-array
 * transitions, src/text/trie.ts), built once per process.
 */
export class Lexicon {
  private readonly trie: Trie;
  /** Node → the entry ending there. */
  private readonly entryAt: Array<LexEntry | undefined>;
  readonly size: number;

  constructor(entries: Iterable<LexEntry>) {
    const b = new TrieBuilder();
    const at = new Map<number, LexEntry>();
    let n = 0;
    for (const e of entries) {
      const node = b.add(fold(e.word));
      const prev = at.get(node);
      // Two lines for one word merge their roles; the later line wins per role.
      at.set(node, { ...prev, ...e, word: prev?.word ?? e.word });
      n++;
    }
    this.trie = new Trie(b.tables());
    this.entryAt = new Array<LexEntry | undefined>(this.trie.nodes);
    for (const [node, e] of at) this.entryAt[node] = e;
    this.size = n;
  }

  /**
   * Leftmost-longest scan of `text[from, to)`: at each position take the
   * longest lexicon word and continue after it. Linear in the text length
   * times the longest word. Offsets are into `text`.
   */
  scan(text: string, from = 0, to = text.length): Hit[] {
    const hits: Hit[] = [];
    const starts = this.trie.starts;
    let i = from;
    while (i < to) {
      if (!starts[foldCode(text.charCodeAt(i))]) {
        i++;
        continue;
      }
      let node = 0;
      let best: LexEntry | undefined;
      let bestEnd = i;
      for (let j = i; j < to; j++) {
        node = this.trie.child(node, foldCode(text.charCodeAt(j)));
        if (node === 0) break;
        const e = this.entryAt[node];
        if (e) {
          best = e;
          bestEnd = j + 1;
        }
      }
      if (best) {
        if (!best.block) hits.push({ entry: best, start: i, end: bestEnd });
        i = bestEnd;
      } else i++;
    }
    return hits;
  }
}

const DATA_DIR = new URL('./data/', import.meta.url);

function readTsv(name: string, cols: number, each: (f: string[], line: number) => void): void {
  const file = new URL(name, DATA_DIR);
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim() || line.startsWith('#')) return;
      const f = line.split('\t');
      if (f.length !== cols || f.some((x) => x === '')) throw new LexiconError(`src/label/data/${name}`, i + 1, `expected ${cols} tab-separated fields, got ${JSON.stringify(line)}`);
      each(f, i + 1);
    });
}

function num(s: string, name: string, line: number, min: number, max: number): number {
  const n = Number(s);
  if (!Number.isFinite(n) || n < min || n > max) throw new LexiconError(`src/label/data/${name}`, line, `${JSON.stringify(s)} is not a number in ${min}..${max}`);
  return n;
}

/**
 * Read the shipped data files; each word also under its Simplified spelling
 * (folded character by character, src/text/fold.ts; where a phrase is
 * spelled otherwise in Simplified, 計畫 / 计划, the data lists both).
 */
export function loadLexicon(): Lexicon {
  const toHans = foldScript;
  const out: LexEntry[] = [];
  const both = (e: LexEntry) => {
    out.push(e);
    const hans = toHans(e.word);
    if (hans !== e.word) out.push({ ...e, word: hans, ...(e.trigger ? { trigger: { ...e.trigger, veto: e.trigger.veto } } : {}) });
  };
  readTsv('events.tsv', 5, ([type, pol, weight, flags, word], line) => {
    if (!isEventType(type!)) throw new LexiconError('src/label/data/events.tsv', line, `unknown event type ${JSON.stringify(type)}`);
    const fl = flags === '-' ? [] : flags!.split(',');
    const veto = fl.find((f) => f.startsWith('veto:'))?.slice(5).split('|') ?? [];
    for (const f of fl) if (!['weak', 'yield', 'yield-sentence', 'object', 'money', 'figure', 'sense', 'authority', 'counterparty'].includes(f) && !f.startsWith('veto:')) throw new LexiconError('src/label/data/events.tsv', line, `unknown flag ${JSON.stringify(f)}`);
    const trigger: Trigger = {
      type,
      polarity: num(pol!, 'events.tsv', line, -1, 1) as -1 | 0 | 1,
      weight: num(weight!, 'events.tsv', line, 0, 1),
      weak: fl.includes('weak'),
      yields: fl.includes('yield-sentence') ? 'sentence' : fl.includes('yield') ? 'clause' : false,
      object: fl.includes('object'),
      money: fl.includes('money'),
      figure: fl.includes('figure'),
      sense: fl.includes('sense'),
      authority: fl.includes('authority'),
      counterparty: fl.includes('counterparty'),
      veto: [...new Set([...veto, ...veto.map(toHans)])],
    };
    both({ word: word!, trigger });
  });
  readTsv('sentiment.tsv', 2, ([score, word], line) => both({ word: word!, senti: num(score!, 'sentiment.tsv', line, -1, 1) }));
  readTsv('modifiers.tsv', 3, ([kind, factor, word], line) => {
    if (kind === 'neg') both({ word: word!, neg: true });
    else if (kind === 'degree') both({ word: word!, degree: num(factor!, 'modifiers.tsv', line, 0, 5) });
    else if (kind === 'block') both({ word: word!, block: true });
    else if (kind === 'hedge') both({ word: word!, hedge: true });
    else throw new LexiconError('src/label/data/modifiers.tsv', line, `unknown kind ${JSON.stringify(kind)}`);
  });
  readSenseData(both);
  return new Lexicon(inheritSentiment(merge(out)));
}

// Heads, direction words and modality markers (data/heads.tsv,
// directions.tsv, modality.tsv; src/label/sense.ts and modality.ts use them).
function readSenseData(both: (e: LexEntry) => void): void {
  readTsv('heads.tsv', 2, ([kind, word], line) => {
    if (!HEAD_KINDS.includes(kind as HeadKind)) throw new LexiconError('src/label/data/heads.tsv', line, `unknown head kind ${JSON.stringify(kind)}`);
    both({ word: word!, head: kind as HeadKind });
  });
  readTsv('directions.tsv', 3, ([sign, flags, word], line) => {
    const fl = flags === '-' ? [] : flags!.split(',');
    for (const f of fl) if (!['figure', 'obj', 'strong', 'record', 'move', 'metric'].includes(f)) throw new LexiconError('src/label/data/directions.tsv', line, `unknown flag ${JSON.stringify(f)}`);
    if (sign !== '1' && sign !== '-1') throw new LexiconError('src/label/data/directions.tsv', line, `sign must be 1 or -1, got ${JSON.stringify(sign)}`);
    both({ word: word!, dir: { sign: Number(sign) as -1 | 1, figure: fl.includes('figure'), obj: fl.includes('obj'), strong: fl.includes('strong'), record: fl.includes('record'), move: fl.includes('move'), metric: fl.includes('metric') } });
  });
  readTsv('modality.tsv', 2, ([kind, word], line) => {
    if (!MODALS.includes(kind as Modal)) throw new LexiconError('src/label/data/modality.tsv', line, `unknown modality ${JSON.stringify(kind)}`);
    both({ word: word!, modal: kind as Modal });
  });
}

// A compound word hides the sentiment words inside it from the
// leftmost-longest scan (放緩擴產 hides 放緩, 削減資本支出 hides 削減), so it
// takes their score.
function inheritSentiment(entries: LexEntry[]): LexEntry[] {
  const senti = new Lexicon(entries.filter((e) => e.senti !== undefined).map((e) => ({ word: e.word, senti: e.senti })));
  return entries.map((e) => {
    if (e.senti !== undefined || !(e.trigger || e.head || e.dir || e.modal)) return e;
    const inner = senti.scan(e.word).reduce((sum, h) => sum + h.entry.senti!, 0);
    return inner ? { ...e, senti: Math.max(-1, Math.min(1, inner)) } : e;
  });
}

// One entry per surface word: a word listed as trigger and as sentiment word
// keeps both roles; a block line only wins where nothing else is known.
function merge(entries: LexEntry[]): LexEntry[] {
  const by = new Map<string, LexEntry>();
  for (const e of entries) {
    const k = fold(e.word);
    const prev = by.get(k);
    if (!prev) by.set(k, { ...e });
    else {
      const m: LexEntry = { ...prev, ...e, word: prev.word };
      if (m.block && (m.trigger || m.senti !== undefined || m.neg || m.hedge || m.degree || m.head || m.dir || m.modal)) delete m.block;
      by.set(k, m);
    }
  }
  return [...by.values()];
}

let shared: Lexicon | undefined;

/** The process-wide lexicon, loaded on first use. */
export function sharedLexicon(): Lexicon {
  shared ??= loadLexicon();
  return shared;
}

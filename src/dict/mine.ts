import { foldAlias } from './load';
import { marketsForIdPrefix } from './markets';
import type { DictEntry, Dictionary } from './types';

/** A name–code pair as printed in an article, e.g. `力積電（677）`. */
export interface PrintedPair {
  name: string;
  code: string;
  /** The whole phrase as printed, name through closing bracket. */
  phrase: string;
  /** 1-based line in the text. */
  line: number;
}

/** How a printed pair compares with the dictionary. */
export type PairStatus =
  /** The name resolves to an entity with this code. */
  | 'ok'
  /** The name resolves to an entity whose recorded correction is this printed code. */
  | 'corrected'
  /** The name resolves, but to an entity with another code and no correction. */
  | 'contradicts'
  /** The code is known, but not under this name: an alias is missing. */
  | 'missing-alias'
  /** Neither the name nor the code is in the dictionary. */
  | 'missing';

export interface PairFinding extends PrintedPair {
  status: PairStatus;
  /** The entity the pair was matched to, when there is one. */
  id?: string;
}

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
// Name: a run of Han characters (optionally with the -KY mark of foreign
// issuers and the * of non-standard par value), or Latin words. Then an
// opening bracket (full- or half-width), optional spaces, the code, an
// optional market suffix (-TW, .TWO, ...), optional spaces, the closing bracket.
const PAIR = new RegExp(
  `([${HAN}]{2,12}(?:-KY)?\\*?|[A-Za-z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*){0,3})[ \\u3000]?[（(][ \\u3000]*` +
    `([0-9０-９]{3,6}[A-Z]?|[A-Z]{1,5})(?:[-.](?:TW|TWO|TT|US|HK|JP|KR|SH|SZ))?[ \\u3000]*[）)]`,
  'g',
);

/**
 * Find every `名稱（2330）`, `名稱( 2330 )`, `名稱 (1519-TW)` and
 * `Name ( TICKER )` in a text. Letter-only codes count only after a Latin
 * name: after a Chinese name they are abbreviations (`漢翔 (AIDC)`).
 */
export function findPrintedPairs(text: string): PrintedPair[] {
  const out: PrintedPair[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const m of text.matchAll(PAIR)) {
    const rawName = m[1]!;
    const code = m[2]!.normalize('NFKC');
    const latinName = /^[A-Za-z]/.test(rawName);
    const letters = /^[A-Z]+$/.test(code);
    if (letters && !latinName) continue;
    if (!letters && latinName) continue;
    let line = 1;
    while (line < lineStarts.length && lineStarts[line]! <= m.index) line++;
    out.push({ name: rawName.replace(/\*$/, ''), code, phrase: m[0], line });
  }
  return out;
}

function codeOf(e: DictEntry | undefined): string | undefined {
  return e?.ticker?.code;
}

/**
 * The longest tail of `name` that is a dictionary spelling: the regex takes
 * every Han character before the bracket (`全球晶圓代工龍頭 台積電` would be
 * cut at the space, but `面板廠群創` would not), so the name proper is
 * usually a suffix of it.
 */
function resolveName(name: string, dict: Dictionary): { name: string; ids: readonly string[] } | undefined {
  for (let i = 0; i < name.length - 1; i++) {
    const tail = name.slice(i);
    const ids = dict.aliases.get(foldAlias(tail));
    if (ids?.length) return { name: tail, ids };
  }
  return undefined;
}

function entityForCode(code: string, dict: Dictionary): DictEntry | undefined {
  for (const prefix of ['TW', 'US', 'JP', 'KR', 'HK', 'CN']) {
    for (const m of marketsForIdPrefix(prefix)) {
      const e = dict.byTicker.get(`${m}:${code}`);
      if (e) return e;
    }
  }
  return undefined;
}

/** Compare each printed pair with the dictionary. */
export function classifyPairs(pairs: PrintedPair[], dict: Dictionary): PairFinding[] {
  return pairs.map((p) => {
    const hit = resolveName(p.name, dict);
    if (hit) {
      const entries = hit.ids.map((id) => dict.byId.get(id));
      const named = { ...p, name: hit.name, phrase: p.phrase.slice(p.name.length - hit.name.length) };
      const same = entries.find((e) => codeOf(e) === p.code);
      if (same) return { ...named, status: 'ok', id: same.id };
      const corrected = entries.find((e) => e?.correction?.printed === p.code);
      if (corrected) return { ...named, status: 'corrected', id: corrected.id };
      const listed = entries.find((e) => e?.ticker);
      if (listed) return { ...named, status: 'contradicts', id: listed.id };
    }
    const byCode = entityForCode(p.code, dict);
    if (byCode) return { ...p, status: 'missing-alias', id: byCode.id };
    return { ...p, status: 'missing' };
  });
}

import { foldAlias, isImported } from './load';
import { tickerKey } from './markets';
import { type DictProblem, type LocatedEntry, parseDictDir } from './parse';

/** A problem found by `dict check`; warnings do not fail the check. */
export interface CheckProblem extends DictProblem {
  severity: 'error' | 'warning';
}

/** What `checkDictionary` found, and how much it looked at. */
export interface CheckReport {
  files: number;
  entries: number;
  problems: CheckProblem[];
}

/**
 * Validate the dictionary directories (highest priority first) and report
 * every problem, not just the first: malformed lines, unknown markets and
 * malformed codes (per line), ids and tickers defined twice in one directory,
 * and a spelling given to two entities when not every one of them marks it
 * ambiguous. Entries from listings (`import:`) that share an id or a
 * spelling, and entries overridden by an earlier directory, are warnings:
 * at load the earlier one wins, so nothing breaks.
 */
export function checkDictionary(dirs: string[]): CheckReport {
  const problems: CheckProblem[] = [];
  let files = 0;
  let count = 0;
  const layers: LocatedEntry[][] = [];
  for (const dir of dirs) {
    const parsed = parseDictDir(dir);
    files += parsed.length;
    const layer: LocatedEntry[] = [];
    for (const f of parsed) {
      problems.push(...f.problems.map((p) => ({ ...p, severity: 'error' as const })));
      layer.push(...f.entries);
    }
    count += layer.length;
    problems.push(...duplicates(layer));
    layers.push(layer);
  }
  problems.push(...overridden(layers), ...sharedSpellings(layers));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files, entries: count, problems };
}

function at(le: LocatedEntry): string {
  return `${le.file}:${le.line}`;
}

function duplicates(layer: LocatedEntry[]): CheckProblem[] {
  const out: CheckProblem[] = [];
  const ids = new Map<string, LocatedEntry>();
  const tickers = new Map<string, LocatedEntry>();
  for (const le of layer) {
    const prev = ids.get(le.entry.id);
    if (prev) {
      if (isImported(prev) || isImported(le)) {
        const winner = isImported(prev) && !isImported(le) ? le : prev;
        // A hand-written entry over an imported one is how listings are
        // corrected (companies-tw-names.jsonl over listing-twse.jsonl): not a problem.
        if (isImported(prev) && isImported(le)) out.push({ file: le.file, line: le.line, severity: 'warning', message: `"${le.entry.id}" is also defined at ${at(prev)}; ${at(winner)} wins` });
        if (winner === le) ids.set(le.entry.id, le);
      } else {
        out.push({ file: le.file, line: le.line, severity: 'error', message: `duplicate id "${le.entry.id}" (first defined at ${at(prev)})` });
      }
      continue;
    }
    ids.set(le.entry.id, le);
    for (const t of [...(le.entry.ticker ? [le.entry.ticker] : []), ...(le.entry.listings ?? [])]) {
      const key = tickerKey(t);
      const other = tickers.get(key);
      if (other && other.entry.id !== le.entry.id) out.push({ file: le.file, line: le.line, severity: 'error', message: `ticker ${key} already belongs to "${other.entry.id}" at ${at(other)}` });
      else tickers.set(key, le);
    }
    const c = le.entry.correction;
    if (c && c.printed === le.entry.ticker?.code) out.push({ file: le.file, line: le.line, severity: 'error', message: `correction says the seed printed "${c.printed}", which is the ticker code itself` });
  }
  return out;
}

function overridden(layers: LocatedEntry[][]): CheckProblem[] {
  const out: CheckProblem[] = [];
  const seen = new Map<string, LocatedEntry>();
  for (const layer of layers) {
    const here = new Map<string, LocatedEntry>();
    for (const le of layer) {
      const prev = seen.get(le.entry.id);
      if (prev) out.push({ file: le.file, line: le.line, severity: 'warning', message: `"${le.entry.id}" is overridden by ${at(prev)}` });
      else if (!here.has(le.entry.id)) here.set(le.entry.id, le);
    }
    for (const [id, le] of here) seen.set(id, le);
  }
  return out;
}

interface Use {
  le: LocatedEntry;
  layer: number;
  form: string;
  marked: boolean;
}

function sharedSpellings(layers: LocatedEntry[][]): CheckProblem[] {
  const uses = new Map<string, Use[]>();
  layers.forEach((layer, li) => {
    for (const le of layer) {
      const e = le.entry;
      const ambiguous = new Set(e.ambiguousAliases ?? []);
      const seenHere = new Set<string>();
      for (const form of [e.name, ...e.aliases]) {
        const key = foldAlias(form);
        if (seenHere.has(key)) continue;
        seenHere.add(key);
        const list = uses.get(key) ?? [];
        if (!list.some((u) => u.le.entry.id === e.id)) list.push({ le, layer: li, form, marked: Boolean(e.ambiguous) || ambiguous.has(form) });
        uses.set(key, list);
      }
    }
  });
  const out: CheckProblem[] = [];
  for (const list of uses.values()) {
    if (list.length < 2 || list.every((u) => u.marked)) continue;
    const [first, ...rest] = list as [Use, ...Use[]];
    for (const u of rest) {
      const unmarked = [first, u].filter((x) => !x.marked).map((x) => x.le.entry.id);
      const soft = u.layer !== first.layer || (u.le.entry.source.startsWith('import:') && first.le.entry.source.startsWith('import:'));
      out.push({
        file: u.le.file,
        line: u.le.line,
        severity: soft ? 'warning' : 'error',
        message: `"${u.form}" names both "${u.le.entry.id}" and "${first.le.entry.id}" (${at(first.le)}); mark it ambiguous on ${unmarked.join(' and ')} or remove it`,
      });
    }
  }
  return out;
}

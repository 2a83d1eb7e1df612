import type { DictEntry, Dictionary } from '../dict/types';
import { WordListError } from '../errors';
import type { Script } from '../types';
import { type AliasHit, type AliasIndex, buildAliasIndex } from './aliases';
import { matchKey } from '../text/fold';
import { readDataFile } from '../text/lists';
import { normalise } from '../text/normalise';

/**
 * The curated organisations of `src/nlp/data/orgs.tsv` (regulators,
 * exchanges, central banks, ministries, research and data houses, media,
 * brokers, banks and fund houses), as one alias index of their own: a
 * layer under the dictionary, whose hits win where both match.
 */
export type OrgClass = 'gov' | 'central-bank' | 'exchange' | 'assoc' | 'research' | 'media' | 'broker';

export interface CuratedOrg {
  id: string;
  name: string;
  cls: OrgClass;
  /** The article script this entry is the default for, when it shares a spelling; `*` for either. */
  script: Script | '*';
}

export interface OrgList {
  index: AliasIndex;
  byId: ReadonlyMap<string, CuratedOrg>;
  /** Matching keys of spellings that need a source word next to them (Wind, 晨星). */
  needsContext: ReadonlySet<string>;
  /** Matching key of a spelling → the entries that spell it so. */
  byKey: ReadonlyMap<string, readonly CuratedOrg[]>;
  /** Every spelling as written, for the segmenter. */
  forms: readonly string[];
}

const CLASSES = new Set<OrgClass>(['gov', 'central-bank', 'exchange', 'assoc', 'research', 'media', 'broker']);
const FILE = new URL('./data/orgs.tsv', import.meta.url);

const keyOf = (s: string): string => matchKey(normalise(s).text);

/** Parse the list's text; `file` names it in errors. */
export function parseOrgList(text: string, file: string): OrgList {
  const entries: DictEntry[] = [];
  const byId = new Map<string, CuratedOrg>();
  const needsContext = new Set<string>();
  const byKey = new Map<string, CuratedOrg[]>();
  const forms: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const [cls, name, aliases = '', script = '*'] = line.split('\t');
    if (!cls || !CLASSES.has(cls as OrgClass) || !name) throw new WordListError(file, i + 1, `expected "class<TAB>name<TAB>aliases<TAB>script" with a known class, got ${JSON.stringify(line)}`);
    if (!['Hant', 'Hans', '*'].includes(script)) throw new WordListError(file, i + 1, `unknown script ${JSON.stringify(script)}`);
    const id = `org:${name}`;
    if (byId.has(id)) throw new WordListError(file, i + 1, `${name} is listed twice`);
    const org: CuratedOrg = { id, name, cls: cls as OrgClass, script: script as Script | '*' };
    byId.set(id, org);
    const spellings = [name, ...aliases.split('|').map((a) => a.trim()).filter(Boolean)];
    const clean: string[] = [];
    for (const sp of spellings) {
      const bare = sp.replace(/\?$/, '');
      const k = keyOf(bare);
      if (sp.endsWith('?')) needsContext.add(k);
      const list = byKey.get(k) ?? [];
      if (!list.includes(org)) list.push(org);
      byKey.set(k, list);
      clean.push(bare);
      forms.push(bare);
    }
    entries.push({ id, kind: 'org', name, aliases: clean.slice(1), source: 'curated' });
  });
  const dict: Dictionary = { version: 'orgs', entries, byId: new Map(entries.map((e) => [e.id, e])), byTicker: new Map(), aliases: new Map() };
  return { index: buildAliasIndex(dict), byId, needsContext, byKey, forms };
}

let cached: OrgList | null = null;

/** The shipped list, parsed on first use. */
export function orgList(): OrgList {
  if (!cached) {
    const { file, text } = readDataFile(FILE);
    cached = parseOrgList(text, file);
  }
  return cached;
}

/**
 * Which entry a hit names in this article: the only one, or of several
 * that share the spelling (央行, 證監會) the one the article names by an
 * unshared spelling, else the one of the article's script, else the first.
 */
export function resolveOrg(list: OrgList, key: string, named: ReadonlySet<string>, script: Script): CuratedOrg | undefined {
  const cands = list.byKey.get(key);
  if (!cands || cands.length <= 1) return cands?.[0];
  return cands.find((c) => named.has(c.id)) ?? cands.find((c) => c.script === script) ?? cands[0];
}

/** The hits of the list in one field (normalised text, key, token boundaries). */
export function curatedHits(list: OrgList, normalised: string, key: string, boundary: Uint8Array): AliasHit[] {
  return list.index.find(normalised, key, boundary);
}

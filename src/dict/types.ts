import type { EntityKind, Ticker } from '../types';
import type { CompiledAliasIndex } from './compile';

/**
 * One dictionary entry, as stored (one JSON object per line in `dict/*.jsonl`)
 * and as loaded. See docs/dictionary.md for the file format.
 */
export interface DictEntry {
  /** Stable id: `TW:2330`, `US:NVDA`, `person:黃仁勳`, `org:…`, `place:…`, `product:…`, `theme:…`. */
  id: string;
  kind: EntityKind;
  /** Canonical display name. */
  name: string;
  /** Every other spelling: short/full forms, Traditional, Simplified, English. */
  aliases: string[];
  ticker?: Ticker;
  /** Other listings of the same company (e.g. a Hong Kong line of a US-listed one); `ticker` is the primary. */
  listings?: Ticker[];
  /** The name is also an ordinary word or another thing: tag only with evidence. */
  ambiguous?: boolean;
  /** Only these spellings (name or aliases) are ordinary words or other things, e.g. `Delta` of 台達電. */
  ambiguousAliases?: string[];
  /** Free text for reviewers: why an alias is there, what a name is not. */
  note?: string;
  /** Provenance: the seed file that shows it, `curated`, or `import:<file>`. */
  source: string;
  /** The phrase in the seed that shows it (with `source` a seed file). */
  evidence?: string;
  /** The seed printed a wrong code for this entity; what it printed and why we differ. */
  correction?: { printed: string; note: string };
}

export interface Dictionary {
  /** Content hash of everything loaded; goes into event ids and `versions.dictionary`. */
  version: string;
  entries: readonly DictEntry[];
  byId: ReadonlyMap<string, DictEntry>;
  /** `${market}:${code}` → entry. */
  byTicker: ReadonlyMap<string, DictEntry>;
  /**
   * Alias surface forms → entry ids. Holds each alias as written and its
   * Traditional/Simplified conversions (opencc-js, length-preserving), keyed
   * by `foldAlias()` of the form.
   */
  aliases: ReadonlyMap<string, readonly string[]>;
  /**
   * Folded forms (keys of `aliases`) that need evidence before tagging: every
   * form of an `ambiguous` entry, each `ambiguousAliases` form, and any form
   * shared by two or more entities.
   */
  ambiguousForms?: ReadonlySet<string>;
  /**
   * Every surface form as written and as converted (not folded), each with the
   * ids it names: what a segmenter's user dictionary needs.
   */
  forms?: ReadonlyMap<string, readonly string[]>;
  /** The alias index compiled with the dictionary (src/dict/compile.ts), for the tagger. */
  compiled?: CompiledAliasIndex;
}

import type { Config } from '../config/index';
import { loadDictionary, SHIPPED_DICT_DIR } from '../dict/load';
import { createNlp } from '../nlp/index';
import type { Nlp } from '../nlp/types';

export interface LoadedNlp {
  nlp: Nlp;
  dictionaryVersion: string;
}

let cached: { key: string; value: LoadedNlp } | undefined;

/**
 * The dictionary and the segmenter/tagger built on it: loaded once per
 * process (they take a moment and a good part of the memory), shared by every
 * worker and command in it.
 */
export function loadNlp(config: Pick<Config, 'dictPath'>): LoadedNlp {
  const dirs = [SHIPPED_DICT_DIR, ...config.dictPath.split(':').filter(Boolean)];
  const key = dirs.join('\n');
  if (cached?.key === key) return cached.value;
  const dict = loadDictionary(dirs);
  const value = { nlp: createNlp(dict), dictionaryVersion: dict.version };
  cached = { key, value };
  return value;
}

import type { Config } from '../config/index';
import { getDictionary } from '../dict/load';
import type { Dictionary } from '../dict/types';
import { createNlp } from '../nlp/index';
import type { Nlp } from '../nlp/types';

export interface LoadedNlp {
  nlp: Nlp;
  dictionaryVersion: string;
}

const cache = new WeakMap<Dictionary, LoadedNlp>();

/**
 * The dictionary and the segmenter/tagger built on it: loaded once per
 * process (they take a moment and a good part of the memory), shared by every
 * worker and command in it.
 */
export function loadNlp(config: Pick<Config, 'dictPath'>): LoadedNlp {
  const dict = getDictionary(config);
  let loaded = cache.get(dict);
  if (!loaded) {
    loaded = { nlp: createNlp(dict), dictionaryVersion: dict.version };
    cache.set(dict, loaded);
  }
  return loaded;
}

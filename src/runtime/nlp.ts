import type { Config } from '../config/index';
import { getDictionary } from '../dict/load';
import type { Dictionary } from '../dict/types';
import { preloadLabelData } from '../label/index';
import { createNlp } from '../nlp/index';
import type { Nlp } from '../nlp/types';

export interface LoadedNlp {
  nlp: Nlp;
  dictionaryVersion: string;
}

const cache = new WeakMap<Dictionary, LoadedNlp>();

/**
 * The dictionary, the segmenter/tagger built on it and the label lexicons: loaded once per
 * process (they take a moment and a good part of the memory), shared by every
 * worker and command in it.
 */
export function loadNlp(config: Pick<Config, 'dictPath'>): LoadedNlp {
  const dict = getDictionary(config);
  let loaded = cache.get(dict);
  if (!loaded) {
    loaded = { nlp: createNlp(dict), dictionaryVersion: dict.version };
    // The label lexicons load lazily; load them here so the first article does not pay for it.
    preloadLabelData();
    cache.set(dict, loaded);
  }
  return loaded;
}

import { loadDictionary } from '../../../src/dict/load';
import { createNlp } from '../../../src/nlp/index';
import type { Nlp } from '../../../src/nlp/types';

let nlp: Nlp | null = null;

/** One NLP core over the shipped dictionary for all tests of a file (building it takes seconds). */
export function sharedNlp(): Nlp {
  nlp ??= createNlp(loadDictionary());
  return nlp;
}

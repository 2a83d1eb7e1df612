import type { Dictionary } from '../dict/types';
import { buildAliasIndex } from './aliases';
import { buildField } from './field';
import { detectScript } from './fold';
import { tagEntities } from './tag';
import { createSegmenter } from './segment';
import type { Nlp, Tagged } from './types';

export type { FieldText, Nlp, Sentence, Tagged, Token } from './types';

/**
 * Build the NLP core over a dictionary: the alias index and a jieba
 * segmenter that knows every alias (plus Taiwanese vocabulary; see
 * segment.ts). Building is the expensive part (about 0.5 s, plus about a
 * second once per process for the Taiwanese words); `tag` is then cheap.
 */
export function createNlp(dict: Dictionary): Nlp {
  const aliases = buildAliasIndex(dict);
  const segmenter = createSegmenter(aliases.forms().map((word) => ({ word })));
  return {
    tag(doc): Tagged {
      const title = buildField('title', doc.title, segmenter);
      const body = buildField('body', doc.body, segmenter);
      // The body decides; a title alone is too short to tell.
      const script = detectScript(doc.body.length >= 200 ? doc.body : `${doc.title}\n${doc.body}`);
      const { entities, tickers } = tagEntities({ dict, aliases, script, fields: [title, body] });
      return { script, title: title.text, body: body.text, entities, tickers };
    },
  };
}

import type { Dictionary } from '../dict/types';
import type { Entity, Mention } from '../types';
import type { FieldText, Nlp, Tagged } from './types';

// First cut: exact alias search, no segmentation. Replaced by the NLP core.
function field(name: 'title' | 'body', text: string): FieldText {
  return { field: name, original: text, normalised: text, toOriginal: (i) => i, tokens: [], sentences: [{ text, start: 0, end: text.length }] };
}

export function createNlp(dict: Dictionary): Nlp {
  return {
    tag(doc): Tagged {
      const title = field('title', doc.title);
      const body = field('body', doc.body);
      const entities: Entity[] = [];
      for (const e of dict.entries) {
        const mentions: Mention[] = [];
        for (const f of [title, body]) {
          for (const a of [e.name, ...e.aliases]) {
            let i = f.original.indexOf(a);
            while (i >= 0) {
              mentions.push({ text: a, start: i, end: i + a.length, field: f.field, via: 'dictionary' });
              i = f.original.indexOf(a, i + a.length);
            }
          }
        }
        if (mentions.length) entities.push({ id: e.id, kind: e.kind, name: e.name, ...(e.ticker ? { ticker: e.ticker } : {}), mentions, relevance: Math.min(1, mentions.length / 10), sentiment: 0 });
      }
      const tickers = entities.filter((e) => e.ticker).map((e) => `${e.ticker!.code}.TW`).sort();
      return { script: 'Hant', title, body, entities, tickers };
    },
  };
}

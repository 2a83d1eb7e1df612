import type { FieldText, Tagged, Token } from '../../../src/nlp/types';
import type { Entity, EntityKind } from '../../../src/types';

/** An entity for a hand-built Tagged: every occurrence of each name is a mention. */
export interface EntitySpec {
  id: string;
  kind?: EntityKind;
  names: string[];
}

function field(name: 'title' | 'body', text: string, tokens: Token[]): FieldText {
  return { field: name, original: text, normalised: text, toOriginal: (i) => i, tokens, sentences: text ? [{ text, start: 0, end: text.length }] : [] };
}

/**
 * A Tagged input built by hand, the way the tagger's first cut gives it (one
 * sentence per field), so the label rules are tested without the segmenter.
 */
export function tagged(body: string, entities: EntitySpec[] = [], opts: { title?: string; tokens?: string[]; script?: 'Hant' | 'Hans' } = {}): Tagged {
  const title = opts.title ?? '';
  const toks: Token[] = [];
  if (opts.tokens) {
    let at = 0;
    for (const t of opts.tokens) {
      const i = body.indexOf(t, at);
      if (i < 0) throw new Error(`token ${t} not in body after ${at}`);
      toks.push({ text: t, start: i, end: i + t.length });
      at = i + t.length;
    }
  }
  const ents: Entity[] = [];
  for (const e of entities) {
    const mentions: Entity['mentions'] = [];
    for (const [fname, text] of [['title', title], ['body', body]] as const) {
      for (const n of e.names) {
        for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) mentions.push({ text: n, start: i, end: i + n.length, field: fname, via: 'dictionary' });
      }
    }
    if (mentions.length) ents.push({ id: e.id, kind: e.kind ?? 'company', name: e.names[0]!, mentions, relevance: 0.5, sentiment: 0 });
  }
  return { script: opts.script ?? 'Hant', title: field('title', title, []), body: field('body', body, toks), entities: ents, tickers: [] };
}

export const TSMC: EntitySpec = { id: 'TW:2330', names: ['台積電', '台积电'] };
export const FOXCONN: EntitySpec = { id: 'TW:2317', names: ['鴻海', '鸿海'] };
export const NVDA: EntitySpec = { id: 'US:NVDA', names: ['輝達', '英伟达', 'NVIDIA'] };
export const AMD: EntitySpec = { id: 'US:AMD', names: ['AMD'] };
export const OPENAI: EntitySpec = { id: 'org:OpenAI', kind: 'org', names: ['OpenAI'] };

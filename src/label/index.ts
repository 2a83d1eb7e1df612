import { createHash } from 'node:crypto';
import type { Tagged } from '../nlp/types';
import type { EventLabel } from '../types';

// First cut: no events, neutral sentiment. Replaced by the labelling stage.
export interface Labels {
  events: EventLabel[];
  sentiment: { score: number; label: 'positive' | 'negative' | 'neutral' };
  entitySentiment: Record<string, number>;
  keywords: string[];
  simhash: string;
}

export function label(tagged: Tagged): Labels {
  const simhash = createHash('sha256').update(tagged.body.normalised).digest('hex').slice(0, 16);
  return { events: [], sentiment: { score: 0, label: 'neutral' }, entitySentiment: {}, keywords: [], simhash };
}

/** Near-duplicate lookup, kept behind an interface so `tag` works without Redis. */
export interface NoveltyStore {
  check(articleId: string, simhash: string): Promise<{ duplicateOf: string | null; similar: string[] }>;
}

export const noNovelty: NoveltyStore = { check: async () => ({ duplicateOf: null, similar: [] }) };

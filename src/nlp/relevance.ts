import type { Mention } from '../types';

/**
 * Relevance 0..1 of an entity to the article: being in the title counts
 * most, then being in the lead (the first paragraph of substance), then how
 * often it is mentioned, with diminishing returns.
 */
export function relevance(mentions: readonly Mention[], leadEnd: number): number {
  const inTitle = mentions.some((m) => m.field === 'title');
  const inLead = mentions.some((m) => m.field === 'body' && m.start < leadEnd);
  const n = mentions.length;
  const score = (inTitle ? 0.45 : 0) + (inLead ? 0.2 : 0) + 0.35 * (1 - Math.exp(-n / 3));
  return Math.round(Math.min(1, score) * 100) / 100;
}

/** End of the lead: the first paragraph with at least 40 characters of text (or the first 300 characters). */
export function leadEnd(body: string): number {
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    if (body.slice(start, end).trim().length >= 40) return end + 1;
    start = end + 1;
  }
  return Math.min(body.length, 300);
}

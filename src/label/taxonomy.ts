/**
 * The market-event taxonomy: every `EventLabel.type` the labeller emits. The
 * trigger words for each type are in data/events.tsv; the README table with
 * wording in both scripts is docs/labels.md.
 */
export const EVENT_TYPES = [
  'earnings',
  'guidance',
  'capex',
  'm_and_a',
  'partnership',
  'product_launch',
  'regulation',
  'analyst_rating',
  'dividend',
  'price_move',
  'fund_flow',
  'management_change',
  'legal',
  'supply_pricing',
  // Finer types the corpus guide allows for (issue 13): a shareholder's own
  // trades, a company buying back its shares, raising capital or listing,
  // and a credit agency's rating.
  'stake_change',
  'buyback',
  'offering',
  'credit_rating',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

/** True when `s` names a type of the taxonomy. */
export function isEventType(s: string): s is EventType {
  return TYPE_SET.has(s);
}

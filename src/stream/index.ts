/**
 * The event stream as downstream code sees it (docs/stream.md):
 * `consume()` for consumer groups, index reads by ticker and entity, lookups
 * by event id, and the lag check.
 */
export { consume } from './consume';
export type { ConsumeLogger, ConsumeOptions, ConsumeStats, ConsumerHandle, EventHandler, HandlerContext } from './consume';
export { entryFields, matchesTicker, parseEntry, streamIdTime } from './entry';
export type { StreamEvent } from './entry';
export { streamLag } from './lag';
export type { GroupLag, LagOptions, StreamLag } from './lag';
export { eventsAt, getEvent, indexedEvents, indexedIds } from './read';
export type { IndexQuery } from './read';
export { compareStreamIds, matchesFilter, tail } from './tail';
export type { EventFilter, TailOptions } from './tail';

import { BadInputError } from '../errors';
import type { EventRecord } from '../types';

/**
 * One entry of `<prefix>:events` as a consumer sees it. The flat fields are
 * copies of parts of `record` written next to it so that filters (by ticker,
 * entity, type) need not parse the JSON.
 */
export interface StreamEvent {
  /** Redis stream entry id, `<ms>-<seq>`: the publish time and the read position. */
  streamId: string;
  /** Event id (`evt_…`), the same as `record.id`. */
  id: string;
  /** Article id (`art_…`). */
  article: string;
  /** `CODE.SUFFIX`, e.g. `2330.TW`. */
  tickers: string[];
  /** Entity ids, e.g. `TW:2330`. */
  entities: string[];
  /** Event types, e.g. `capex`. */
  types: string[];
  record: EventRecord;
}

/** Publish time of an entry: the millisecond part of its stream id. */
export function streamIdTime(streamId: string): number {
  return Number(streamId.split('-')[0]);
}

const splitList = (s: string | undefined) => (s ? s.split(',').filter((p) => p.length > 0) : []);

/**
 * Turn the field list of a stream entry (`[name, value, name, value, …]`)
 * into a StreamEvent. An entry missing `record`, or whose `record` is not
 * JSON, is bad input: the error names the entry.
 */
export function parseEntry(streamId: string, fields: readonly string[]): StreamEvent {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  const raw = f.record;
  if (raw === undefined) throw new BadInputError(`stream entry ${streamId} has no "record" field`);
  let record: EventRecord;
  try {
    record = JSON.parse(raw) as EventRecord;
  } catch (err) {
    throw new BadInputError(`stream entry ${streamId}: "record" is not JSON`, { cause: err });
  }
  return {
    streamId,
    id: f.id ?? record.id,
    article: f.article ?? record.article?.id,
    tickers: f.tickers !== undefined ? splitList(f.tickers) : record.tickers ?? [],
    entities: f.entities !== undefined ? splitList(f.entities) : (record.entities ?? []).map((e) => e.id),
    types: f.types !== undefined ? splitList(f.types) : [...new Set((record.events ?? []).map((e) => e.type))],
    record,
  };
}

/**
 * The fields of the stream entry for a record, in the order the publish
 * script writes them (docs/stream.md). Used to write entries by hand, e.g. in
 * tests of consumers.
 */
export function entryFields(record: EventRecord): string[] {
  return [
    'id', record.id,
    'article', record.article.id,
    'tickers', record.tickers.join(','),
    'entities', record.entities.map((e) => e.id).join(','),
    'types', [...new Set(record.events.map((e) => e.type))].join(','),
    'record', JSON.stringify(record),
  ];
}

/** Does an event mention this ticker? `2330` matches `2330.TW`; `2330.TW` only itself. */
export function matchesTicker(event: Pick<StreamEvent, 'tickers'>, ticker: string): boolean {
  const want = ticker.toUpperCase();
  return event.tickers.some((t) => {
    const up = t.toUpperCase();
    return up === want || (!want.includes('.') && up.split('.')[0] === want);
  });
}

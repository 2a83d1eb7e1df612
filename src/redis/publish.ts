import type { RedisClient } from './cluster';
import type { Keys } from '../keys';
import type { EventRecord } from '../types';
import { runScript } from './scripts';

export interface PublishOptions {
  maxLen: number;
  retentionMs: number;
  now?: number;
}

/**
 * Add the record to `<prefix>:events` unless its event id was published
 * already (atomic), index it by ticker and entity id, record the article's
 * outcome and delete the article text it was made from
 * (`src/redis/lua/publish-4n.lua`). The record is serialised here, once.
 * Returns the stream entry id and whether it is new.
 */
export async function publishEvent(redis: RedisClient, keys: Keys, record: EventRecord, opts: PublishOptions): Promise<{ streamId: string; added: boolean }> {
  const indexKeys = [...record.tickers.map((t) => keys.tickerIndex(t)), ...record.entities.map((e) => keys.entityIndex(e.id))];
  const types = [...new Set(record.events.map((e) => e.type))];
  const [streamId, added] = await runScript<[string, number]>(
    redis,
    'publish-4n.lua',
    [keys.events, keys.seen(record.id), keys.outcome(record.article.id), keys.article(record.article.id), ...indexKeys],
    [
      record.id,
      record.article.id,
      JSON.stringify(record),
      String(opts.maxLen),
      String(opts.retentionMs),
      String(opts.now ?? Date.now()),
      record.tickers.join(','),
      record.entities.map((e) => e.id).join(','),
      types.join(','),
      record.article.contentHash,
    ],
  );
  return { streamId, added: added === 1 };
}

/** Parse one `<prefix>:events` entry's field list into its record. */
export function recordFromFields(fields: string[]): EventRecord {
  for (let i = 0; i < fields.length - 1; i += 2) if (fields[i] === 'record') return JSON.parse(fields[i + 1]!) as EventRecord;
  throw new Error('stream entry has no record field');
}

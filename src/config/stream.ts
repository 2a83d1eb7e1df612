import { z } from 'zod';
import { duration, field, int } from './field';

/**
 * Consumers of `<prefix>:events` (src/stream, `newsflow events`). The stream's
 * own length and the retention window are in the runtime section
 * (NEWSFLOW_STREAM_MAXLEN, NEWSFLOW_RETENTION) because the publish side trims
 * by them.
 */
export const streamSection = {
  consumerBlock: field('NEWSFLOW_CONSUMER_BLOCK', duration, '5s', 'How long one blocking read of a consumer waits for new events before it looks again (and may stop).'),
  consumerBatch: field('NEWSFLOW_CONSUMER_BATCH', int(1, 1000), '10', 'Events fetched per read by a consumer.'),
  consumerClaimIdle: field('NEWSFLOW_CONSUMER_CLAIM_IDLE', duration, '60s', 'An event delivered to a consumer and not acknowledged for this long is claimed by another consumer of the group (XAUTOCLAIM); set it above the longest handler run.'),
  consumerRetryDelay: field('NEWSFLOW_CONSUMER_RETRY_DELAY', duration, '5s', 'After a handler failure, the same consumer tries the event again after this delay.'),
  consumerMaxDeliveries: field('NEWSFLOW_CONSUMER_MAX_DELIVERIES', int(1, 1000), '5', 'Deliveries of one event to a group before it goes to `<prefix>:events:dead` instead of the handler.'),
  lagWarnMargin: field('NEWSFLOW_LAG_WARN_MARGIN', z.coerce.number().min(0).max(1), '0.1', 'Warn when a group\'s oldest unacknowledged event is within this fraction of NEWSFLOW_STREAM_MAXLEN (or of NEWSFLOW_RETENTION) of being trimmed.'),
  lagCheckInterval: field('NEWSFLOW_LAG_CHECK_INTERVAL', duration, '30s', 'How often a running consumer checks its group\'s lag.'),
};

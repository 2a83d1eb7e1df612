import type { Config } from '../config/index';
import { createFetcher, type Fetcher, type FetcherDeps, type FetcherOptions } from './fetch';

/** Fetcher limits from the `fetch` config section. */
export function fetcherOptions(config: Config): FetcherOptions {
  return {
    userAgent: config.fetchUserAgent,
    connectTimeoutMs: config.fetchConnectTimeout,
    timeoutMs: config.fetchTimeout,
    maxRedirects: config.fetchMaxRedirects,
    maxBytes: config.fetchMaxBytes,
    maxRetryAfterMs: config.fetchMaxRetryAfter,
    allow: config.fetchAllow,
    hostConcurrency: config.fetchHostConcurrency,
    hostIntervalMs: config.fetchHostInterval,
  };
}

/** The fetcher of a process: one per process, so per-host politeness is shared by its jobs. */
export function fetcherFromConfig(config: Config, deps: FetcherDeps = {}): Fetcher {
  return createFetcher(fetcherOptions(config), deps);
}

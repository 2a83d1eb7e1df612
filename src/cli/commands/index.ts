import type { Command } from '../command';

/** A command by name, loaded only when it runs (or when help lists them all). */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

/**
 * Every command of the `newsflow` CLI; add a command by adding its module
 * here. Each module is imported only when its command runs, so `newsflow
 * tag` does not load the Redis, BullMQ and fetcher code of the others.
 */
export const commands: CommandEntry[] = [
  { name: 'demo', load: async () => (await import('./demo')).demoCommand },
  { name: 'replay', load: async () => (await import('./replay')).replayCommand },
  { name: 'workers', load: async () => (await import('./workers')).workersCommand },
  { name: 'events', load: async () => (await import('./events')).eventsCommand },
  { name: 'tag', load: async () => (await import('./tag')).tagCommand },
  { name: 'eval', load: async () => (await import('./eval')).evalCommand },
  { name: 'config', load: async () => (await import('./config')).configCommand },
  { name: 'with-redis', load: async () => (await import('./with-redis')).withRedisCommand },
  { name: 'dict', load: async () => (await import('./dict')).dictCommand },
  { name: 'feeds', load: async () => (await import('./feeds')).feedsCommand },
  { name: 'ingest', load: async () => (await import('./ingest')).ingestCommand },
  { name: 'extract', load: async () => (await import('./extract')).extractCommand },
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
  { name: 'status', load: async () => (await import('./status')).statusCommand },
  { name: 'dead', load: async () => (await import('./dead')).deadCommand },
];

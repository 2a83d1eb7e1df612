import type { Command } from '../command';
import { configCommand } from './config';
import { deadCommand } from './dead';
import { demoCommand } from './demo';
import { evalCommand } from './eval';
import { eventsCommand } from './events';
import { dictCommand } from './dict';
import { extractCommand } from './extract';
import { feedsCommand } from './feeds';
import { ingestCommand } from './ingest';
import { replayCommand } from './replay';
import { serveCommand } from './serve';
import { statusCommand } from './status';
import { tagCommand } from './tag';
import { withRedisCommand } from './with-redis';
import { workersCommand } from './workers';

/** Every command of the `newsflow` CLI; add a command by adding its module here. */
export const commands: Command[] = [
  demoCommand,
  replayCommand,
  workersCommand,
  eventsCommand,
  tagCommand,
  evalCommand,
  configCommand,
  withRedisCommand,
  dictCommand,
  feedsCommand,
  ingestCommand,
  extractCommand,
  serveCommand,
  statusCommand,
  deadCommand,
];

import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger';

/**
 * A fastify instance as `newsflow serve` and the workers' metrics port use
 * it: our pino logger, no line per request (scrapes and health probes would
 * drown the rest), errors still logged, and open keep-alive connections
 * closed on `close()` so a stop is quick.
 */
export function createHttpServer(log: Logger): FastifyInstance {
  return Fastify({
    // pino's own Logger type is wider than fastify's base logger type; the instance is the same.
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
}

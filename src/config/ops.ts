import { z } from 'zod';
import { duration, field } from './field';

/** A TCP port, or empty for none. */
const optionalPort = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    ctx.addIssue({ code: 'custom', message: `expected a port 1-65535 or empty, got "${s}"` });
    return z.NEVER;
  }
  return n;
});

/** Metrics, health and the web view (`newsflow serve`, `newsflow workers`; README "Running it"). */
export const opsSection = {
  metricsPort: field('NEWSFLOW_METRICS_PORT', optionalPort, '', 'When set, `newsflow workers` serves `/metrics`, `/healthz` and `/readyz` of its own process on this port.'),
  metricsHost: field('NEWSFLOW_METRICS_HOST', z.string().min(1), '127.0.0.1', 'Address the workers\' metrics port binds to (`0.0.0.0` to let a Prometheus on another host scrape it).'),
  metricsInterval: field('NEWSFLOW_METRICS_INTERVAL', duration.pipe(z.number().min(100)), '5s', 'How often each worker process writes its counters and a heartbeat to Redis, where `newsflow serve` and `newsflow status` read them.'),
};

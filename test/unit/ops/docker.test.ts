import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker daemon runs where the tests do, so the compose file and the
 * Dockerfile are checked as data: what issue 16 asked of them.
 */
const root = join(import.meta.dirname, '../../..');
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  pull_policy?: string;
  environment?: Record<string, string>;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('Docker setup', () => {
  it('builds from a Node LTS image newer than 20', () => {
    const m = /^FROM node:(\d+)-/m.exec(dockerfile);
    expect(m).not.toBeNull();
    const major = Number(m![1]);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(major % 2).toBe(0); // even majors are the LTS lines
  });

  it('publishes Redis and the web view on the loopback interface only', () => {
    for (const [name, s] of Object.entries(services)) for (const p of s.ports ?? []) expect(p, `${name}: ${p}`).toMatch(/^127\.0\.0\.1:/);
  });

  it('runs Redis with AOF, a memory limit and noeviction', () => {
    const cmd = services.redis!.command!.join(' ');
    expect(cmd).toContain('--appendonly yes');
    expect(cmd).toMatch(/--maxmemory \S+/);
    expect(cmd).toContain('--maxmemory-policy noeviction');
  });

  it('builds one image, which every pipeline service runs', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined).map(([n]) => n);
    expect(built).toEqual(['workers']);
    const image = services.workers!.image;
    for (const name of ['serve', 'demo', 'cli']) expect(services[name], name).toMatchObject({ image, pull_policy: 'never' });
  });

  it('compiles the dictionary into the image, so a container does not compile it at every start', () => {
    const build = dockerfile.indexOf('RUN node bin/newsflow.mjs dict build');
    expect(build).toBeGreaterThan(dockerfile.indexOf('COPY . .'));
    expect(build).toBeLessThan(dockerfile.indexOf('USER node'));
  });

  it('starts node itself, in exec form, so SIGTERM reaches the worker without a wrapper (issue 17: npm does not pass it on)', () => {
    expect(dockerfile).toMatch(/^CMD \["node", "bin\/newsflow\.mjs", "workers"\]$/m);
    for (const name of ['workers', 'serve', 'demo']) expect(services[name]!.command![0], name).toBe('node');
  });

  it('has healthchecks: Redis by PING, workers and serve by /healthz', () => {
    expect(services.redis!.healthcheck!.test.join(' ')).toContain('redis-cli ping');
    expect(services.workers!.environment!.NEWSFLOW_METRICS_PORT).toBe('9464');
    expect(services.workers!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:9464/healthz');
    expect(services.serve!.command).toEqual(expect.arrayContaining(['serve', '--host', '0.0.0.0', '--port', '8080']));
    expect(services.serve!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8080/healthz');
  });
});

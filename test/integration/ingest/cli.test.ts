import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../helpers/http-server';
import { newsflow } from '../../helpers/processes';
import { dropPrefix, testPrefix } from '../../helpers/redis';

let server: FixtureServer;
const prefix = testPrefix('ingest-cli');
const env = { NEWSFLOW_FETCH_ALLOW: '127.0.0.1', NEWSFLOW_FETCH_HOST_INTERVAL: '0', NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'warn' };

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await dropPrefix(prefix);
});

async function run(args: string[], extra: Record<string, string> = {}) {
  const p = newsflow(args, { ...env, ...extra });
  const { code } = await p.exited;
  return { code, stdout: p.stdout.join(''), stderr: p.logs.map((l) => String(l.msg ?? JSON.stringify(l))).join('\n') };
}

describe('newsflow extract / ingest / feeds', () => {
  it('extract prints title, date, canonical URL and text of a Big5 file', async () => {
    const r = await run(['extract', join(import.meta.dirname, '../../../fixtures/pages/p001-big5.html')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    expect(out.title).toBe('地緣政治風險如何改寫 AI 晶片格局');
    expect(out.publishedAt).toBe('2026-01-12T10:30:00+08:00');
    expect(out.text).toContain('舊全球化正在崩解');
    expect(out.text).not.toContain('點我訂閱');
  });

  it('extract refuses a loopback URL when the allow-list does not cover it', async () => {
    const r = await run(['extract', server.url('/pages/p000-utf8.html')], { NEWSFLOW_FETCH_ALLOW: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('127.0.0.1 is a loopback address');
    expect(server.hits).not.toContain('/pages/p000-utf8.html');
  });

  it('ingest --dry-run prints one JSON line per item', async () => {
    const r = await run(['ingest', '--feed', server.url('/feeds/atom.atom'), '--dry-run']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { title: 'AI資本支出一飛衝天 定期定額是王道', link: server.url('/pages/p004-utf8.html'), published: '2026-01-21T08:00:00+08:00', fullText: false },
      { title: '2,500億美元對美授信的底層邏輯', link: server.url('/pages/p003-mislabelled.html'), published: '2026-01-12T09:00:00+08:00', fullText: false },
    ]);
  });

  it('ingest --once counts new items, and none on the next run', async () => {
    const first = await run(['ingest', '--feed', server.url('/feeds/atom.atom'), '--once']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2 items, 2 new/);
    const second = await run(['ingest', '--feed', server.url('/feeds/atom.atom'), '--once']);
    expect(second.stdout).toMatch(/0 new items/);
  });

  it('feeds add, list and remove', async () => {
    const url = server.url('/feeds/rdf.rdf');
    expect((await run(['feeds', 'add', url, '--every', '10m', '--name', 'rdfnews'])).code).toBe(0);
    const listed = await run(['feeds', 'list']);
    expect(JSON.parse(listed.stdout.trim())).toMatchObject({ url, name: 'rdfnews', everyMs: 600_000 });
    const removed = await run(['feeds', 'remove', url]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(`removed ${url}\n`);
    // Each step is a process start (several seconds on a loaded machine).
  }, 120_000);
});

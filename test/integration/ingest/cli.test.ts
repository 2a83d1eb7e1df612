import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('newsflow eval --pages', () => {
  it('scores the project and Readability side by side on a directory of pages with gold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsflow-eval-pages-'));
    try {
      mkdirSync(join(dir, 'hand'));
      for (const f of ['footer-wins', 'blog-comments']) copyFileSync(join(import.meta.dirname, '../../../fixtures/pages/failures', `${f}.html`), join(dir, 'hand', `${f}.html`));
      const gold = {
        'hand/footer-wins': { script: 'Hans', title: '沪指震荡收涨 券商板块午后走强', date: '2026-01-13', first: '和讯网消息，周二沪指震荡收涨', last: '两市成交额较前一交易日小幅放大。', middle: ['券商板块午后走强'], boilerplate: ['违法和不良信息举报电话'] },
        'hand/blog-comments': { script: 'Hant', title: '台積電法說會心得', date: '2026-01-16', first: '昨天聽完台積電法說會', last: '不構成投資建議。', middle: ['先進製程需求仍然強勁'], boilerplate: ['謝謝分享', '小明的投資筆記'] },
      };
      writeFileSync(join(dir, 'gold.json'), JSON.stringify({ pages: gold }));
      const json = await run(['eval', '--pages', dir, '--gold', join(dir, 'gold.json'), '--split', 'all', '--json']);
      expect(json.code).toBe(0);
      const out = JSON.parse(json.stdout) as { reports: Array<{ split: string; pages: number; summaries: Array<{ extractor: string; title: number; firstAndLast: number; boilerplateFree: number }> }> };
      expect(out.reports.map((r) => [r.split, r.pages])).toEqual([['all', 2]]);
      const [ours, theirs] = out.reports[0]!.summaries;
      expect(theirs!.extractor).toBe('readability');
      expect(ours).toMatchObject({ extractor: 'newsflow', title: 1, firstAndLast: 1, boilerplateFree: 1 });
      const text = await run(['eval', '--pages', dir, '--gold', join(dir, 'gold.json')]);
      expect(text.stdout).toMatch(/dev: 2 pages with gold/);
      expect(text.stdout).toMatch(/first and last\s+100\.0%/);
      expect((await run(['eval', '--pages', dir, '--split', 'later'])).code).toBe(64);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

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

import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as OpenCC from 'opencc-js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/article';
import { createLogger } from '../../../src/logger';
import { RedisNoveltyStore } from '../../../src/redis/novelty';
import { publishEvent } from '../../../src/redis/publish';
import { loadNlp } from '../../../src/runtime/nlp';
import { createRuntime, type Runtime } from '../../../src/runtime/runtime';
import { buildServer } from '../../../src/serve/app';
import { analyse } from '../../../src/stages/analyse';
import type { Article, EventRecord } from '../../../src/types';
import { fixtureArticles } from '../../helpers/articles';
import { dropPrefix, testConfig, testPrefix } from '../../helpers/redis';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Screenshots are kept here after the run (not committed; README images come from a run of this test). */
export const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts');

const prefix = testPrefix('browser');
let rt: Runtime;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let records: EventRecord[];

/** The records the pipeline makes of the fixtures, and of one of them in Simplified script. */
async function analysed(articles: Article[]): Promise<EventRecord[]> {
  const { nlp, dictionaryVersion } = loadNlp(rt.config);
  const novelty = new RedisNoveltyStore(rt.redis, rt.keys, { ttlMs: 3_600_000 });
  const out: EventRecord[] = [];
  for (const a of articles) out.push(await analyse(a, { nlp, dictionaryVersion, novelty }));
  return out;
}

const publish = (r: EventRecord) => publishEvent(rt.redis, rt.keys, r, { maxLen: 10_000, retentionMs: 86_400_000 });

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the live page is tested in Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  rt = createRuntime(testConfig(prefix), createLogger('silent'));
  const fixtures = fixtureArticles();
  const toHans = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const src = fixtures[4]!;
  const hans = parseArticleText(`---\ntitle: ${toHans(src.title)}\nsource: sina\npublishedAt: 2026-01-22\n---\n${toHans(src.body)}`, 'hans-004');
  records = await analysed([...fixtures, hans]);
  ({ app } = await buildServer(rt));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rt?.close();
  await dropPrefix(prefix);
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  await page.waitForSelector('#status[data-state="live"]', { timeout: 20_000 });
  expect(errors).toEqual([]);
  return page;
}

describe('the live page in headless Chromium', () => {
  it('shows the events already published, then one published after the page opened, in either script', async () => {
    const [first, second, third, , fifth, hans] = records as [EventRecord, EventRecord, EventRecord, EventRecord, EventRecord, EventRecord];
    for (const r of [first, second, third]) await publish(r);
    const page = await open('/');
    await expect.poll(() => page.locator('li.event').count()).toBe(3);

    expect(hans.article.script).toBe('Hans');
    await publish(hans);
    const card = page.locator(`li.event[data-id="${hans.id}"]`);
    await card.waitFor({ timeout: 15_000 });
    // Newest on top, marked as arrived live, in the Simplified script's language.
    expect(await page.locator('li.event').first().getAttribute('data-id')).toBe(hans.id);
    expect(await card.getAttribute('class')).toContain('fresh');
    expect(await card.getAttribute('lang')).toBe('zh-Hans');
    expect(await card.locator('h2').textContent()).toBe(hans.article.title);
    expect(await page.locator(`li.event[data-id="${first.id}"]`).getAttribute('lang')).toBe('zh-Hant');
    // Event types with their evidence sentence, the entities in it marked.
    expect(await card.locator('.labels .type').count()).toBe(new Set(hans.events.map((e) => e.type)).size);
    expect(await card.locator('.evidence mark').count()).toBeGreaterThan(0);
    expect(await card.locator('.chip', { hasText: '2330.TW' }).count()).toBe(1);

    await publish(fifth);
    await expect.poll(() => page.locator('li.event').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'live-page.png') });

    // A filter reconnects the stream with it: only matching events remain.
    const type = hans.events[0]!.type;
    await page.selectOption('select[name="type"]', type);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#status[data-state="live"]');
    await expect.poll(() => page.locator('li.event').count()).toBe(records.filter((r, i) => [0, 1, 2, 4, 5].includes(i) && r.events.some((e) => e.type === type)).length);
    expect(page.url()).toContain(`type=${type}`);
    await page.close();
  });

  it('the ticker page draws a timeline of the ticker\'s events and adds new ones to it', async () => {
    const held = records[3]!;
    expect(held.tickers).toContain('2330.TW');
    const page = await open('/ticker/2330.TW');
    // Evaluated in the page (a string: this project's TypeScript has no DOM types).
    const points = () => page.evaluate<number>("Chart.getChart('chart').data.datasets[0].data.length");
    const before = (await rt.redis.zcard(rt.keys.tickerIndex('2330.TW')));
    expect(before).toBe(5);
    await expect.poll(points).toBe(before);
    expect(await page.locator('#heading').textContent()).toContain('台積電');

    await publish(held);
    await page.locator(`li.event[data-id="${held.id}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(points).toBe(before + 1);
    // The chart is drawn: the canvas holds non-blank pixels.
    const inked = await page.evaluate<number>(`(() => {
      const c = document.getElementById('chart');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      return n;
    })()`);
    expect(inked).toBeGreaterThan(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'ticker-page.png') });
    await page.close();
  });
});

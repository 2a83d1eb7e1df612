import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/command';
import { replayCommand } from '../../../src/cli/commands/replay';
import { tagCommand } from '../../../src/cli/commands/tag';
import { createLogger } from '../../../src/logger';
import { createRuntime } from '../../../src/runtime/runtime';
import { fixtureArticles } from '../../helpers/articles';
import { dropPrefix, testConfig, testPrefix } from '../../helpers/redis';

/**
 * Bad input files beside good ones (issue 17): a binary, an empty file in a
 * directory, an article over the size limit, a file that does not parse.
 * Each is refused with a named error on stderr; the good ones go on.
 */
const dirs: string[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const p of prefixes) await dropPrefix(p);
});

function inputDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-inputs-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function context(overrides: Record<string, string> = {}) {
  const prefix = testPrefix('inputs');
  prefixes.push(prefix);
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (c, _e, cb) => (into.push(String(c)), cb()) });
  const ctx: CliContext = { config: testConfig(prefix, overrides), log: createLogger('silent'), stdout: sink(out), stderr: sink(err), stdin: Readable.from([]) };
  return { ctx, prefix, out: () => out.join(''), err: () => err.join('').trim().split('\n') };
}

const [fixture] = fixtureArticles();
const articleFile = (title: string, body: string) => `---\ntitle: ${title}\nsource: test\n---\n${body}`;

describe('bad input files beside good ones', () => {
  it('tag: refuses a binary, an empty file and an oversized article by name and tags the good file beside them', async () => {
    const dir = inputDir({ 'a-good.txt': articleFile(fixture!.title, fixture!.body), 'b-empty.txt': '', 'c-huge.txt': articleFile('大', '字'.repeat(25_000)) });
    const c = context({ NEWSFLOW_ARTICLE_MAX_CHARS: '20000' });
    const code = await tagCommand.run([dir, '/bin/ls'], c.ctx);
    expect(code).toBe(1);
    const records = c.out().trim().split('\n').map((l) => JSON.parse(l) as { article: { title: string } });
    expect(records.map((r) => r.article.title)).toEqual([fixture!.title]);
    const errors = c.err();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/b-empty\.txt: empty article .*\(BadInputError\)$/);
    expect(errors[1]).toMatch(/c-huge\.txt: article art_\w+ has 25,001 characters of text; the limit is 20,000 \(NEWSFLOW_ARTICLE_MAX_CHARS\) \(ArticleTooLargeError\)$/);
    expect(errors[2]).toMatch(/\/bin\/ls: not a text article \(it contains NUL bytes\) \(BinaryInputError\)$/);
  });

  it('replay: one file that does not parse is reported; the good ones are enqueued all the same', async () => {
    const [a, b] = fixtureArticles();
    const dir = inputDir({ '1.txt': articleFile(a!.title, a!.body), '2.txt': '---\ntitle: never closed\n', '3.txt': articleFile(b!.title, b!.body) });
    const c = context();
    const code = await replayCommand.run([dir], c.ctx);
    expect(code).toBe(1);
    expect(c.err()).toEqual([expect.stringMatching(/2\.txt: front matter opened with --- but never closed \(BadInputError\)$/)]);
    expect(c.out()).toMatch(/^enqueued 2 articles \(2 new jobs, 0 already queued or done\) under prefix .*; 1 files skipped\n$/);
    const rt = createRuntime(c.ctx.config, c.ctx.log);
    try {
      expect(await rt.queues.analyse.getWaitingCount()).toBe(2);
    } finally {
      await rt.close();
    }
  });
});

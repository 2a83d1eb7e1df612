import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/article';
import { BadInputError } from '../../../src/errors';
import { FIXTURE_DIR } from '../../helpers/articles';

describe('article files', () => {
  it('takes the first non-empty line as the title of a plain file', () => {
    const a = parseArticleText('\n\n  台積電法說會  \n營收創新高。\n', 'x.txt');
    expect(a.title).toBe('台積電法說會');
    expect(a.body).toBe('營收創新高。\n');
    expect(a.source).toBe('file');
    expect(a.publishedAt).toBeNull();
    expect(a.id).toMatch(/^art_[0-9a-f]{20}$/);
  });

  it('reads front matter and keeps the body verbatim', () => {
    const a = parseArticleText('---\ntitle: 標題\nsource: cnyes\npublishedAt: 2026-01-12\nurl: https://news.example/a/1\n---\n第一行\r\n第二行', 'y.txt');
    expect(a).toMatchObject({ title: '標題', source: 'cnyes', publishedAt: '2026-01-12T00:00:00+08:00', url: 'https://news.example/a/1', body: '第一行\n第二行' });
  });

  it('gives the same id for the same URL whatever the text, and different ids for different texts without URL', () => {
    const a = parseArticleText('---\nurl: https://n.example/1\n---\nA\nbody', 'a');
    const b = parseArticleText('---\nurl: https://n.example/1\n---\nB\nother', 'b');
    expect(a.id).toBe(b.id);
    expect(parseArticleText('A\nbody').id).not.toBe(parseArticleText('A\nbody2').id);
  });

  it('names the file and the problem for bad input', () => {
    expect(() => parseArticleText('   \n\n', 'empty.txt')).toThrow(BadInputError);
    expect(() => parseArticleText('   \n\n', 'empty.txt')).toThrow(/empty\.txt/);
    expect(() => parseArticleText('---\ntitle: x\n', 'open.txt')).toThrow(/open\.txt.*never closed/);
    expect(() => parseArticleText('---\nnot a pair\n---\nbody', 'bad.txt')).toThrow(/bad\.txt:2/);
    expect(() => parseArticleText('---\npublishedAt: yesterday\n---\nT\nB', 'd.txt')).toThrow(/unreadable date/);
  });

  it('parses every fixture with the seed text as its body', () => {
    const f = readFileSync(join(FIXTURE_DIR, '002-foxconn-openai.txt'), 'utf8');
    const a = parseArticleText(f, '002');
    expect(a.body.startsWith('文．劉煥彥\n\n鴻海（2317）董事長劉揚偉表示')).toBe(true);
    expect(a.body.trimEnd().endsWith('本文授權自今周刊')).toBe(true);
    expect(a.source).toBe('businesstoday');
  });
});

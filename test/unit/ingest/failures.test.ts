import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/ingest/charset';
import { extractArticle } from '../../../src/ingest/extract';

// One hand-written page for each way extraction failed on real pages (issue
// 14); expected.json says what a reader of each page takes as its article.
const DIR = join(import.meta.dirname, '../../../fixtures/pages/failures');
interface Expected {
  kind: string;
  title: string;
  publishedAt: string | null;
  text: string[];
  absent: string[];
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

describe('extraction failure kinds', () => {
  for (const [file, exp] of Object.entries(expected)) {
    it(`${exp.kind} (${file})`, () => {
      const got = extractArticle(decodeBody(readFileSync(join(DIR, file)), null).text, `https://news.example/${file}`);
      expect(got.title).toBe(exp.title);
      expect(got.publishedAt).toBe(exp.publishedAt);
      expect(got.text.split('\n')).toEqual(exp.text);
      for (const a of exp.absent) expect(got.text, a).not.toContain(a);
    });
  }
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/article';
import { MemoryNoveltyStore } from '../../../src/label/novelty';
import { bands, hamming, NEAR_DUPLICATE_BITS, simhash } from '../../../src/label/simhash';

const text = (p: string) => {
  const a = parseArticleText(readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8'), p);
  return `${a.title}\n${a.body}`;
};

const original = simhash(text('articles/002-foxconn-openai.txt'));
const repost = simhash(text('passages/events-repost-002.txt'));
const others = ['000-foxconn-power-alliance', '001-ai-chip-geopolitics', '003-taiwan-us-investment', '004-ai-capex-memory'].map((n) => simhash(text(`articles/${n}.txt`)));

describe('simhash', () => {
  it('is 16 hex digits and ignores spacing, punctuation and full-width forms', () => {
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash('鴻海與OpenAI簽署MOU，雙方合作。')).toBe(simhash('鴻海與ＯｐｅｎＡＩ 簽署 ＭＯＵ, 雙方合作'));
  });

  it('puts a lightly edited repost within the near-duplicate distance', () => {
    expect(hamming(original, repost)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
  });

  it('keeps different articles far apart', () => {
    for (const o of others) expect(hamming(original, o)).toBeGreaterThan(NEAR_DUPLICATE_BITS * 2);
  });

  it('indexes bands so that hashes within the distance share one', () => {
    // Flip NEAR_DUPLICATE_BITS bits spread over all bands: one band must still agree.
    let x = BigInt(`0x${original}`);
    for (const b of [0, 9, 18, 27, 36, 45, 54]) x ^= 1n << BigInt(b);
    const flipped = x.toString(16).padStart(16, '0');
    expect(hamming(original, flipped)).toBe(7);
    expect(bands(original).some((b) => bands(flipped).includes(b))).toBe(true);
    expect(bands(original)).toHaveLength(8);
  });

  it('rejects malformed hashes', () => {
    expect(() => hamming('xyz', original)).toThrow(/16 hex digits/);
  });
});

describe('MemoryNoveltyStore', () => {
  it('links a repost to the original and never an article to itself', async () => {
    let now = 1_000;
    const store = new MemoryNoveltyStore(60_000, () => now);
    expect(await store.check('art_a', original)).toEqual({ duplicateOf: null, similar: [] });
    now += 10;
    expect(await store.check('art_b', repost)).toEqual({ duplicateOf: 'art_a', similar: ['art_a'] });
    now += 10;
    // A replay of the original: still new (it came first), the repost is similar.
    expect(await store.check('art_a', original)).toEqual({ duplicateOf: null, similar: ['art_b'] });
    expect(await store.check('art_c', others[0]!)).toEqual({ duplicateOf: null, similar: [] });
  });

  it('forgets articles after the TTL', async () => {
    let now = 0;
    const store = new MemoryNoveltyStore(1_000, () => now);
    await store.check('art_a', original);
    now = 1_500;
    expect((await store.check('art_b', repost)).duplicateOf).toBeNull();
  });
});

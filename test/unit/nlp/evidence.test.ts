import { describe, expect, it } from 'vitest';
import { listedWithCompany } from '../../../src/nlp/evidence';

/** A span list whose element reads are counted, as the tagger builds it (appending as it goes). */
function countedSpans() {
  const spans: Array<[number, number]> = [];
  let reads = 0;
  const proxy = new Proxy(spans, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { spans: proxy, reads: () => reads };
}

/**
 * `n` companies in a list, 甲、乙、… each two characters and a joiner; every
 * other one is a tagged company, and the one after each is looked up the way
 * the tagger looks up a deferred ambiguous name.
 */
function run(n: number): { reads: number; hits: number } {
  const text = Array.from({ length: n }, () => '公司').join('、');
  const { spans, reads } = countedSpans();
  const places = countedSpans();
  let hits = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    spans.push([i * 3, i * 3 + 2]);
    if (listedWithCompany(text, (i + 1) * 3, (i + 1) * 3 + 2, spans, places.spans)) hits++;
  }
  return { reads: reads() + places.reads(), hits };
}

describe('listedWithCompany', () => {
  it('finds a name listed right after or before a tagged company', () => {
    const text = '華新、國巨與弘塑';
    expect(listedWithCompany(text, 3, 5, [[0, 2]])).toBe(true); // 國巨 after 華新、
    expect(listedWithCompany(text, 0, 2, [[3, 5]])).toBe(true); // 華新 before 、國巨
    expect(listedWithCompany(text, 6, 8, [[0, 2]])).toBe(false); // 弘塑 is next to 國巨, not 華新
    expect(listedWithCompany('東元及日本三菱', 5, 7, [[0, 2]], [[3, 5]])).toBe(true); // 三菱 behind a place, listed with 東元
  });

  it('does work linear in the number of spans: each span is read a bounded number of times (issue 17)', () => {
    const small = run(2_000);
    const large = run(8_000);
    expect(small.hits).toBe(1_000);
    expect(large.hits).toBe(4_000);
    // Four times the spans and lookups: about four times the reads, where scanning the list on every call gave sixteen.
    expect(large.reads / small.reads).toBeLessThan(6);
    expect(large.reads).toBeLessThan(8_000 * 4);
  });
});

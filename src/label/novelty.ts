import { hamming, NEAR_DUPLICATE_BITS } from './simhash';

/** What the novelty check says about one article. */
export interface NoveltyResult {
  /** The earliest-seen recent article this one nearly duplicates, or null when it is new. */
  duplicateOf: string | null;
  /** Every other recent article within the near-duplicate distance, closest first (at most 10). */
  similar: string[];
}

/**
 * Near-duplicate lookup, kept behind an interface so `tag` works without
 * Redis. `check` records the article and answers in one step, so concurrent
 * workers cannot both see each other as new. An article is never its own
 * duplicate: a replay of the same id finds the articles seen before it and
 * keeps its first-seen time.
 */
export interface NoveltyStore {
  check(articleId: string, simhash: string): Promise<NoveltyResult>;
}

/** A store that remembers nothing: every article is new. */
export const noNovelty: NoveltyStore = { check: async () => ({ duplicateOf: null, similar: [] }) };

export const MAX_SIMILAR = 10;

/** One remembered article, as both stores keep it. */
export interface Seen {
  id: string;
  simhash: string;
  firstSeen: number;
}

/**
 * The decision both stores share, given the candidates near `self`:
 * `duplicateOf` is the earliest candidate seen before `self` (ties on time
 * go to the smaller id), `similar` all candidates by distance then time.
 */
export function decide(self: Seen, candidates: readonly Seen[], maxBits = NEAR_DUPLICATE_BITS): NoveltyResult {
  const near = candidates
    .filter((c) => c.id !== self.id)
    .map((c) => ({ c, d: hamming(self.simhash, c.simhash) }))
    .filter((x) => x.d <= maxBits);
  const earlier = near
    .map((x) => x.c)
    .filter((c) => c.firstSeen < self.firstSeen || (c.firstSeen === self.firstSeen && c.id < self.id))
    .sort((a, b) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : 1));
  near.sort((a, b) => a.d - b.d || a.c.firstSeen - b.c.firstSeen || (a.c.id < b.c.id ? -1 : 1));
  return { duplicateOf: earlier[0]?.id ?? null, similar: near.slice(0, MAX_SIMILAR).map((x) => x.c.id) };
}

/**
 * In-process store for `tag`, replay without Redis and tests. Entries older
 * than `ttlMs` (by last sight) are forgotten. Not shared between processes.
 */
export class MemoryNoveltyStore implements NoveltyStore {
  private readonly seen = new Map<string, Seen & { lastSeen: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxBits = NEAR_DUPLICATE_BITS,
  ) {}

  async check(articleId: string, simhash: string): Promise<NoveltyResult> {
    const t = this.now();
    for (const [id, s] of this.seen) if (s.lastSeen <= t - this.ttlMs) this.seen.delete(id);
    const prev = this.seen.get(articleId);
    // A newly seen article counts as later than everything stored, even
    // within the same millisecond.
    const self: Seen = { id: articleId, simhash, firstSeen: prev?.firstSeen ?? t + 0.5 };
    const result = decide(self, [...this.seen.values()], this.maxBits);
    this.seen.set(articleId, { id: articleId, simhash, firstSeen: prev?.firstSeen ?? t, lastSeen: t });
    return result;
  }
}

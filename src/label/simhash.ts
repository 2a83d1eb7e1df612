/**
 * 64-bit SimHash of a text, as 16 hex digits. Features are overlapping
 * 3-grams of UTF-16 units of the text after folding (NFKC, lower case) and dropping
 * everything that is not a letter or digit, so spacing, punctuation and
 * full/half-width differences do not change the hash, while a few edited
 * sentences move only a few bits.
 */
export function simhash(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  // Count set bits per position, then turn counts into the usual ±1 sums:
  // sum = 2 * ones - grams. The counts are kept bit-sliced (plane k holds
  // bit k of all 32 counters of a half), so adding a feature is a short
  // ripple of word-wide carries instead of a visit to each of its ~32 set
  // bits. The 3-gram window rolls over the kept units; no array of them is
  // built.
  const ones = new Int32Array(64);
  const hiPlanes = new Int32Array(PLANES);
  const loPlanes = new Int32Array(PLANES);
  let pending = 0;
  let grams = 0;
  let kept = 0;
  let a = 0;
  let b = 0;
  // No closure over the counters: the loop is the whole cost of the hash.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWordUnit(c, s, i)) continue;
    if (++kept >= 3) {
      const h = mix(a, b, c, 0x9e3779b9);
      addSliced(hiPlanes, h);
      addSliced(loPlanes, fmix(h ^ 0x85ebca6b));
      if (++pending === FLUSH_AT) {
        flush(hiPlanes, ones, 0);
        flush(loPlanes, ones, 32);
        pending = 0;
      }
      grams++;
    }
    a = b;
    b = c;
  }
  if (kept === 0) return '0'.repeat(16);
  if (kept < 3) {
    const h = kept === 1 ? mix(b, 0, 0, 0x9e3779b9) : mix(a, b, 0, 0x9e3779b9);
    addSliced(hiPlanes, h);
    addSliced(loPlanes, fmix(h ^ 0x85ebca6b));
    grams = 1;
  }
  flush(hiPlanes, ones, 0);
  flush(loPlanes, ones, 32);
  const acc = ones.map((o) => 2 * o - grams);
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (acc[b]! > 0) hi |= 1 << b;
    if (acc[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

// Bit planes per half: counts up to 2^16 - 1 before they are flushed.
const PLANES = 16;
const FLUSH_AT = (1 << PLANES) - 1;

// Add one to counter b of the bit-sliced counters for every set bit b of x.
function addSliced(planes: Int32Array, x: number): void {
  for (let k = 0; x !== 0; k++) {
    const p = planes[k]!;
    planes[k] = p ^ x;
    x &= p;
  }
}

// Move bit-sliced counts into plain counters (`out[offset + b]`) and clear them.
function flush(planes: Int32Array, out: Int32Array, offset: number): void {
  for (let k = 0; k < PLANES; k++) {
    const p = planes[k]!;
    if (p === 0) continue;
    for (let b = 0; b < 32; b++) if ((p >>> b) & 1) out[offset + b]! += 1 << k;
    planes[k] = 0;
  }
}

const LETTER = /[\p{L}\p{N}]/u;

// ASCII letters/digits and the CJK blocks by range (the common case, no
// regex); other code units by Unicode category, asked once per code unit per
// process (full-width punctuation is a tenth of a Chinese text).
const wordUnit = new Uint8Array(65536); // 0 not asked yet, 1 yes, 2 no

function isWordUnit(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0x3400 && c <= 0x9fff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let k = wordUnit[c]!;
  if (k === 0) {
    k = LETTER.test(s[i]!) ? 1 : 2;
    wordUnit[c] = k;
  }
  return k === 1;
}

// A 32-bit hash of a 3-gram of UTF-16 units (murmur3-style mixing).
function mix(a: number, b: number, c: number, seed: number): number {
  return fmix(round(round(round(seed, a), b), c));
}

// murmur3's finaliser: every input bit moves about half the output bits, so
// fmix(h ^ k) gives the second 32-bit half from the first.
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // Signed: the same 32 bits, and a small integer for V8 (no boxing).
  return h | 0;
}

function round(h: number, k0: number): number {
  let k = Math.imul(k0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Number of differing bits between two SimHashes (16 hex digits each). */
export function hamming(a: string, b: string): number {
  if (a.length !== 16 || b.length !== 16) throw new RangeError(`simhash must be 16 hex digits, got ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

function popcount(x: number): number {
  x >>>= 0;
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/**
 * Two texts whose SimHashes differ in at most this many bits are taken as
 * near-duplicates. A repost with a new title, a dropped byline and a few
 * changed words moves 4 to 6 of 64 bits (3-gram features change by a few
 * per cent); unrelated finance articles differ in about 32 (23 at the
 * closest among the fixtures). 7 sits well between.
 */
export const NEAR_DUPLICATE_BITS = 7;

/**
 * The eight 8-bit bands used to index SimHashes, each tagged with its
 * position (`3a7` = band 3, bits `a7`). Two hashes within 7 bits agree on at
 * least one band (pigeonhole), so looking up all eight finds every candidate.
 */
export function bands(hash: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < 8; k++) out.push(`${k}${hash.slice(2 * k, 2 * k + 2)}`);
  return out;
}

/**
 * Text comparison for the page evaluation: one normal form for gold quotes
 * and extracted text, and character-level F1 by longest common subsequence.
 */

/** NFKC, lower case, no whitespace: quotes match whatever spacing, width or line breaks a page uses. */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Length of the longest common subsequence of two strings, by code unit,
 * with the bit-parallel algorithm of Hyyrö (2004): one pass over `b`, each
 * step a few word operations per 32 characters of `a`, so two 50,000
 * character texts compare in well under a second.
 */
export function lcsLength(a: string, b: string): number {
  const n = a.length;
  if (n === 0 || b.length === 0) return 0;
  const words = Math.ceil(n / 32);
  // Match masks only for the characters of `a`; a character of `b` absent from `a` changes nothing.
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(i);
    let m = masks.get(c);
    if (!m) masks.set(c, (m = new Uint32Array(words)));
    m[i >>> 5]! |= 1 << (i & 31);
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  const tail = n & 31;
  if (tail) v[words - 1] = (1 << tail) - 1 >>> 0;
  for (let j = 0; j < b.length; j++) {
    const m = masks.get(b.charCodeAt(j));
    if (!m) continue;
    // V' = (V + (V & M)) | (V & ~M), with the carry running across words.
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]!;
      const u = (vw & m[w]!) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = ((sum >>> 0) | (vw & ~m[w]!)) >>> 0;
    }
    if (tail) v[words - 1]! &= (1 << tail) - 1;
  }
  let ones = 0;
  for (let w = 0; w < words; w++) {
    let x = v[w]!;
    while (x) {
      x &= x - 1;
      ones++;
    }
  }
  return n - ones;
}

/** Precision, recall and F1 of `got` against `reference`, by characters of their normal forms (see `lcsLength`). */
export function charF1(got: string, reference: string): { precision: number; recall: number; f1: number } {
  const g = normaliseText(got);
  const r = normaliseText(reference);
  if (g.length === 0 && r.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const common = lcsLength(g, r);
  const precision = g.length ? common / g.length : 0;
  const recall = r.length ? common / r.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

import type { DictEntry } from './types';

// Common characters of company names; combinations of three or four give
// millions of distinct names, like a real listing.
const CHARS = '台中華新大東南北國際科技電子精密光學半導體材料能源工業化學金融控股集團生醫藥環球聯合宏達興業鋼鐵建設開發通訊網路資訊系統機械汽車航運海空綠色永續創新智慧晶圓封測設備數位雲端醫療食品紡織塑膠水泥玻璃紙業觀光百貨證券銀行保險投資';

/** Deterministic pseudo-random numbers (mulberry32), so benchmark data is the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` synthetic, valid, listed-company entries for load benchmarks: the first
 * 8,000 on TWSE (codes 1100–9099), the rest on SZSE (6-digit codes), each
 * with a unique 3–4 character name, its full legal name and an English alias.
 * Not real companies; never ship them.
 */
export function syntheticEntries(n: number, seed = 1): DictEntry[] {
  const rand = rng(seed);
  const names = new Set<string>();
  const out: DictEntry[] = [];
  for (let i = 0; i < n; i++) {
    let name: string;
    do {
      const len = 3 + Math.floor(rand() * 2);
      name = Array.from({ length: len }, () => CHARS[Math.floor(rand() * CHARS.length)]).join('');
    } while (names.has(name));
    names.add(name);
    const tw = i < 8000;
    const code = tw ? String(1100 + i) : String(i - 8000 + 1).padStart(6, '0');
    const market = tw ? ('TWSE' as const) : ('SZSE' as const);
    out.push({
      id: `${tw ? 'TW' : 'CN'}:${code}`,
      kind: 'company',
      name,
      aliases: [`${name}股份有限公司`, `Synthetic ${i}`],
      ticker: { code, market },
      source: 'import:synthetic',
    });
  }
  return out;
}

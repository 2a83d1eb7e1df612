import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import { isHanUnit } from './han';

/**
 * The one module that builds OpenCC converters. They are tens of megabytes
 * of Maps and take about 0.2 s each to build, so nothing on a worker's load
 * path uses them: the character tables of fold.ts come from a data file
 * generated here, and a dictionary's script variants are computed when it
 * is compiled (src/dict/compile.ts), not when it is loaded. Converters are
 * built on first use and dropped by `releaseConverters()` when the build
 * step is done.
 */
type Convert = (s: string) => string;

const require = createRequire(import.meta.url);
let opencc: typeof OpenCCModule | undefined;

/**
 * opencc-js itself, loaded when a converter is first built: its import
 * takes about 0.07 s and holds its tables as megabytes of strings, and the
 * modules that import this one (the dictionary's compiler, the Taiwanese
 * word generator) are on every tagger's load path without converting.
 */
function lib(): typeof OpenCCModule {
  opencc ??= require('opencc-js') as typeof OpenCCModule;
  return opencc;
}

interface Converters {
  twToCn: Convert;
  hkToCn: Convert;
  cnToTw: Convert;
}

let converters: Converters | undefined;

function get(): Converters {
  converters ??= {
    twToCn: lib().Converter({ from: 'tw', to: 'cn' }),
    hkToCn: lib().Converter({ from: 'hk', to: 'cn' }),
    cnToTw: lib().Converter({ from: 'cn', to: 'tw' }),
  };
  return converters;
}

/** Let the converters go (the next call that needs one builds it again). */
export function releaseConverters(): void {
  converters = undefined;
}

/** Simplified (mainland) spelling of a text, with OpenCC's phrase tables. */
export function toSimplified(s: string): string {
  return get().twToCn(s);
}

/** Traditional (Taiwan) spelling of a text, with OpenCC's phrase tables. */
export function toTraditional(s: string): string {
  return get().cnToTw(s);
}

/**
 * Convert Simplified text to Taiwanese Traditional with OpenCC's phrase and
 * idiom tables (软件 → 軟體, 内存 → 記憶體; lengths may change). Builds a
 * converter per call, for one-off generation.
 */
export function toTaiwanese(text: string): string {
  return lib().Converter({ from: 'cn', to: 'twp' })(text);
}

/**
 * For each form, its Simplified (tw→cn) and Traditional (cn→tw) spellings
 * that differ from it and have the same UTF-16 length: mention offsets
 * found on a converted text must map back one to one (DESIGN.md, offsets).
 * Forms are converted in one batch joined by `\n` (about twice as fast as
 * one call per form), so they must not contain newlines.
 */
export function scriptVariants(forms: readonly string[]): string[][] {
  const out: string[][] = forms.map(() => []);
  const idx: number[] = [];
  forms.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) {
      if (isHanUnit(f.charCodeAt(k))) {
        idx.push(i);
        return;
      }
    }
  });
  if (idx.length === 0) return out;
  const { twToCn, cnToTw } = get();
  const joined = idx.map((i) => forms[i]).join('\n');
  const cn = twToCn(joined).split('\n');
  const tw = cnToTw(joined).split('\n');
  // A conversion that changed the line structure cannot be trusted item by item.
  if (cn.length !== idx.length || tw.length !== idx.length) return out;
  idx.forEach((formIndex, k) => {
    const form = forms[formIndex]!;
    const vs = out[formIndex]!;
    for (const v of [cn[k]!, tw[k]!]) if (v !== form && v.length === form.length && !vs.includes(v)) vs.push(v);
  });
  return out;
}

/** The fold tables' range: CJK radicals and symbols up to the end of the unified ideographs. */
export const FOLD_LO = 0x2e80;
export const FOLD_HI = 0x9fff;

/**
 * Character-by-character conversion tables over FOLD_LO..FOLD_HI, each
 * character handed to OpenCC on a line of its own so that no phrase rule
 * applies: `tw` (Taiwan Traditional → Simplified), `hk` (Hong Kong
 * Traditional → Simplified) and `cn` (Simplified → Taiwan Traditional).
 * A character that converts to anything but one unit maps to itself.
 */
export function generateCharTables(): { tw: Map<number, number>; hk: Map<number, number>; cn: Map<number, number> } {
  const chars: string[] = [];
  for (let c = FOLD_LO; c <= FOLD_HI; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const table = (convert: Convert): Map<number, number> => {
    const outs = convert(joined).split('\n');
    const m = new Map<number, number>();
    if (outs.length !== chars.length) return m;
    for (let i = 0; i < chars.length; i++) {
      const r = outs[i]!;
      if (r.length === 1 && r.charCodeAt(0) !== FOLD_LO + i) m.set(FOLD_LO + i, r.charCodeAt(0));
    }
    return m;
  };
  const c = get();
  return { tw: table(c.twToCn), hk: table(c.hkToCn), cn: table(c.cnToTw) };
}

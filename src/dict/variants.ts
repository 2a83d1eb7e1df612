import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
let converters: { toCn: Convert; toTw: Convert } | undefined;

// Building the converters takes ~0.2 s, so it happens once per process and
// only when something asks for variants.
function getConverters(): { toCn: Convert; toTw: Convert } {
  converters ??= {
    toCn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    toTw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  };
  return converters;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * For each form, its Simplified (tw→cn) and Traditional (cn→tw) spellings
 * that differ from it and have the same UTF-16 length; mention offsets
 * found on a converted text must map back one to one (DESIGN.md, offsets).
 * Forms must not contain newlines: they are converted in one batch joined by
 * `\n`, which is ~2x faster than one call per form.
 */
export function scriptVariants(forms: readonly string[]): string[][] {
  const out: string[][] = forms.map(() => []);
  const idx: number[] = [];
  forms.forEach((f, i) => {
    if (HAN.test(f)) idx.push(i);
  });
  if (idx.length === 0) return out;
  const { toCn, toTw } = getConverters();
  const joined = idx.map((i) => forms[i]).join('\n');
  const cn = toCn(joined).split('\n');
  const tw = toTw(joined).split('\n');
  // A conversion that changed the line structure cannot be trusted item by item.
  if (cn.length !== idx.length || tw.length !== idx.length) return out;
  idx.forEach((formIndex, k) => {
    const form = forms[formIndex]!;
    const vs = out[formIndex]!;
    for (const v of [cn[k]!, tw[k]!]) if (v !== form && v.length === form.length && !vs.includes(v)) vs.push(v);
  });
  return out;
}

/** Simplified (mainland) spelling of one text with the same converter the dictionary uses. */
export function toSimplified(s: string): string {
  return getConverters().toCn(s);
}

/** Traditional (Taiwan) spelling of one text. */
export function toTraditional(s: string): string {
  return getConverters().toTw(s);
}

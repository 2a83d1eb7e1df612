/**
 * The Han ranges the whole pipeline uses, in one place: the CJK Unified
 * Ideographs with Extension A (U+3400–U+9FFF) and the CJK Compatibility
 * Ideographs (U+F900–U+FAFF). Normalisation maps compatibility ideographs to
 * their unified forms, so normalised text holds only the first range; raw
 * text and data files may hold both. Characters beyond the BMP (Extension B
 * and later) are rare in news and are not folded or matched as Han.
 */
export const HAN_LO = 0x3400;
export const HAN_HI = 0x9fff;
export const COMPAT_LO = 0xf900;
export const COMPAT_HI = 0xfaff;

/** A regular-expression character class body for Han (use inside `[...]`). */
export const HAN_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';

/** Whether one UTF-16 unit is a Han character. */
export function isHanUnit(c: number): boolean {
  return (c >= HAN_LO && c <= HAN_HI) || (c >= COMPAT_LO && c <= COMPAT_HI);
}

/** Whether a one-character string (or its first unit) is Han; false for undefined. */
export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isHanUnit(ch.charCodeAt(0));
}

/** Whether every unit of `s` is Han (false for the empty string). */
export function allHan(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (!isHanUnit(s.charCodeAt(i))) return false;
  return true;
}

/** How many units of `s` are Han. */
export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHanUnit(s.charCodeAt(i))) n++;
  return n;
}

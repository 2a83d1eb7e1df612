import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file of named sections, for tables computed once and read back at every
 * start (the compiled dictionary, the IDF table): 8 bytes of magic, a
 * 4-byte header length, a JSON header (the caller's fields and where each
 * section lies), then the sections, each at a multiple of 8 so that typed
 * arrays are read as views of the file's bytes, without copying or parsing.
 */
export type SectionKind = 'i32' | 'u16' | 'u8' | 'f64' | 'utf8';
type Typed = Int32Array | Uint16Array | Uint8Array | Float64Array;

interface Section {
  name: string;
  kind: SectionKind;
  offset: number;
  /** Elements (bytes for utf8). */
  length: number;
}

const SIZE: Record<SectionKind, number> = { i32: 4, u16: 2, u8: 1, f64: 8, utf8: 1 };

/** Where computed tables are kept: `node_modules/.cache/newsflow` of the checkout. */
export function cacheDir(): string {
  return fileURLToPath(new URL('../../node_modules/.cache/newsflow', import.meta.url));
}

/** Serialise `parts` (name, kind, data) after a header holding `fields`. */
export function encodeSections(magic: string, fields: object, parts: Array<[string, SectionKind, Typed]>): Buffer {
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, kind, arr] of parts) {
    sections.push({ name, kind, offset, length: kind === 'utf8' ? arr.byteLength : arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const head = Buffer.from(JSON.stringify({ ...fields, sections }), 'utf8');
  const start = Math.ceil((12 + head.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.write(magic, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  parts.forEach(([, , arr], i) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, start + sections[i]!.offset));
  return out;
}

/** A decoded file: the header's fields and a view of each section. */
export interface Sections<F> {
  fields: F;
  i32(name: string): Int32Array;
  u16(name: string): Uint16Array;
  /** A u8 section, or the bytes of a utf8 one. */
  u8(name: string): Uint8Array;
  f64(name: string): Float64Array;
  /** A utf8 section as text. */
  text(name: string): string;
}

/** Read a file of sections; undefined when it is not one (wrong magic, bad header, a section out of bounds). */
export function decodeSections<F>(bytes: Buffer, magic: string): Sections<F> | undefined {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== magic) return undefined;
  const len = bytes.readUInt32LE(8);
  let header: F & { sections: Section[] };
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + len)) as F & { sections: Section[] };
  } catch {
    return undefined;
  }
  const start = Math.ceil((12 + len) / 8) * 8;
  // Views need the file's bytes on an 8-byte boundary; a pooled Buffer may not be.
  const base = (bytes.byteOffset + start) % 8 === 0 ? bytes : Buffer.from(bytes);
  const at = new Map(header.sections.map((s) => [s.name, s]));
  for (const s of at.values()) if (!(s.kind in SIZE) || start + s.offset + s.length * SIZE[s.kind] > base.length) return undefined;
  const view = <T>(name: string, kind: SectionKind, make: (buf: ArrayBuffer, o: number, n: number) => T): T => {
    const s = at.get(name);
    // A text section may be read as its bytes.
    if (!s || (s.kind !== kind && !(kind === 'u8' && s.kind === 'utf8'))) throw new Error(`no ${kind} section ${name}`);
    return make(base.buffer as ArrayBuffer, base.byteOffset + start + s.offset, s.length);
  };
  return {
    fields: header,
    i32: (n) => view(n, 'i32', (b, o, l) => new Int32Array(b, o, l)),
    u16: (n) => view(n, 'u16', (b, o, l) => new Uint16Array(b, o, l)),
    u8: (n) => view(n, 'u8', (b, o, l) => new Uint8Array(b, o, l)),
    f64: (n) => view(n, 'f64', (b, o, l) => new Float64Array(b, o, l)),
    text: (n) => view(n, 'utf8', (b, o, l) => Buffer.from(b, o, l).toString('utf8')),
  };
}

/** The bytes of `name` in `dir`, or undefined. */
export function readCached(name: string, dir = cacheDir()): Buffer | undefined {
  try {
    return readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
}

/**
 * Write `bytes` as `name` in `dir` (through a temporary file and a rename,
 * so a process starting meanwhile never reads half of one) and drop all but
 * the newest `keep` files starting with `family`. Returns the path, or
 * undefined when the directory cannot be written (callers then compute
 * their tables at every start).
 */
export function writeCached(name: string, bytes: Buffer, family: string, keep: number, dir = cacheDir()): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(family) && f.endsWith('.bin'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(keep)) unlinkSync(join(dir, f));
    return path;
  } catch {
    return undefined;
  }
}

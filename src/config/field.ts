import { z } from 'zod';
import { ConfigError } from '../errors';

/**
 * One setting: the environment variable it is read from, its zod schema
 * (which also coerces the string), the default, and a line for the README
 * table. Sections of the config are plain records of these.
 */
export interface Field<T> {
  env: string;
  schema: z.ZodType<T>;
  default: string | undefined;
  doc: string;
}

export function field<T>(env: string, schema: z.ZodType<T>, def: string | undefined, doc: string): Field<T> {
  return { env, schema, default: def, doc };
}

export const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

/** A comma-separated list; empty string is an empty list. */
export const list = z
  .string()
  .transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p.length > 0));

/** Redis Cluster startup nodes: a comma-separated list of `host:port` or `redis[s]://[user:password@]host:port`. */
export const clusterNodes = list.pipe(
  z.array(z.string().regex(/^(rediss?:\/\/([^@/\s]*@)?)?[^:/@\s]+:\d{1,5}$/, 'each node must be host:port or redis://[user:password@]host:port')),
);

/** Durations as `500ms`, `30s`, `5m`, `2h`, `7d` or a bare number of milliseconds. */
export const duration = z.string().transform((s, ctx) => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(s);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `expected a duration like 500ms, 30s, 5m, 2h or 7d, got "${s}"` });
    return z.NEVER;
  }
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms'];
  return Math.round(Number(m[1]) * unit);
});

/** A duration that must be more than zero (a TTL, a lock, a retention window). */
export const positiveDuration = duration.refine((ms) => ms > 0, { message: 'must be more than zero' });

export type Section = Record<string, Field<unknown>>;
export type SectionValue<S extends Section> = { readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Parse a duration given on the command line; the error names the option. */
export function durationMs(raw: string, name: string): number {
  const r = duration.safeParse(raw);
  if (!r.success) throw new ConfigError(`${name}: ${r.error.issues[0]?.message ?? 'bad duration'}`);
  return r.data;
}

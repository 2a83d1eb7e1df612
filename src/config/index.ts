import { ConfigError } from '../errors';
import type { Field, Section, SectionValue } from './field';
import { fetchSection } from './fetch';
import { opsSection } from './ops';
import { runtimeSection } from './runtime';
import { streamSection } from './stream';

/**
 * All settings, one table. Each section lives in its own file next to this
 * one; add a section by importing it here. Nothing outside src/config reads
 * process.env: the parsed, frozen Config is passed down.
 */
export const sections = {
  runtime: runtimeSection,
  fetch: fetchSection,
  stream: streamSection,
  ops: opsSection,
} as const;

type AllFields = (typeof sections)[keyof typeof sections];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Config = SectionValue<UnionToIntersection<AllFields> & Section>;

/** Every field with its config key, for the README table and `newsflow config`. */
export function allFields(): Array<[string, Field<unknown>]> {
  return Object.values(sections).flatMap((s) => Object.entries(s as Section));
}

/**
 * Parse the environment once. A bad value throws a ConfigError naming every
 * variable that was wrong and why.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Record<string, string>> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, f] of allFields()) {
    const raw = overrides[f.env] ?? env[f.env] ?? f.default;
    if (raw === undefined) {
      problems.push(`${f.env}: required`);
      continue;
    }
    const parsed = f.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${f.env}=${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  // One line, so a process that refuses to start says why in one line.
  if (problems.length > 0) throw new ConfigError(`bad configuration: ${problems.join('; ')}`, problems);
  return Object.freeze(out) as Config;
}

/** The settings table in Markdown, as printed by `newsflow config --markdown`. */
export function configTable(): string {
  const rows = allFields().map(([, f]) => `| \`${f.env}\` | ${f.default === undefined ? '(required)' : f.default === '' ? '(empty)' : `\`${f.default}\``} | ${f.doc} |`);
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** This process's environment plus `extra`, for child processes (the only other reader of the environment). */
export function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}

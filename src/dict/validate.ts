import type { EntityKind, Ticker } from '../types';
import { codeProblem, entityIdFor, isMarket } from './markets';

const KINDS: readonly EntityKind[] = ['company', 'etf', 'person', 'org', 'place', 'product', 'theme'];
const FIELDS = new Set(['id', 'kind', 'name', 'aliases', 'ticker', 'listings', 'ambiguous', 'ambiguousAliases', 'source', 'evidence', 'correction', 'note']);
/** A seed article file name as in ../shared/seeds (`002_58b913a21f0d624b.txt`). */
const SEED_FILE = /^[\w.-]+\.txt$/;
// Control characters would break the newline-joined batch conversion in variants.ts
// and can never be matched in text anyway.
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/**
 * Longest name or alias accepted. The longest real one is under 40
 * characters; a runaway value (a whole text pasted as an alias) would
 * otherwise pass and cost hundreds of MB in the alias index (issue 17).
 */
export const MAX_NAME_CHARS = 100;

function nameProblem(v: unknown, what: string): string | undefined {
  if (!isString(v) || !v.trim()) return `${what} must be a non-empty string`;
  if (v.length > MAX_NAME_CHARS) return `${what} is ${v.length.toLocaleString('en-US')} characters long; the limit is ${MAX_NAME_CHARS} (MAX_NAME_CHARS)`;
  if (v !== v.trim()) return `${what} "${v}" has leading or trailing spaces`;
  if (hasControlChars(v)) return `${what} ${JSON.stringify(v)} contains control characters`;
  return undefined;
}

function tickerProblems(v: unknown, what: string): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${what} must be an object {code, market}`];
  const t = v as Record<string, unknown>;
  if (!isString(t.code) || !isString(t.market)) return [`${what} needs string "code" and "market"`];
  const extra = Object.keys(t).filter((k) => k !== 'code' && k !== 'market');
  if (extra.length) return [`${what} has unknown field(s) ${extra.join(', ')}`];
  const p = codeProblem(t.code, t.market);
  return p ? [`${what}: ${p}`] : [];
}

/**
 * Every problem with one parsed dictionary line, as short phrases (empty
 * when the entry is valid). Checks shapes only; cross-entry checks
 * (duplicates, shared aliases) are in check.ts.
 */
export function entryProblems(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['entry must be a JSON object'];
  const e = raw as Record<string, unknown>;
  const out: string[] = [];
  const unknown = Object.keys(e).filter((k) => !FIELDS.has(k));
  if (unknown.length) out.push(`unknown field(s) ${unknown.join(', ')}`);
  if (!isString(e.id) || !e.id) out.push('"id" must be a non-empty string');
  if (!isString(e.kind) || !KINDS.includes(e.kind as EntityKind)) out.push(`"kind" must be one of ${KINDS.join(', ')}`);
  const np = nameProblem(e.name, '"name"');
  if (np) out.push(np);
  if (!Array.isArray(e.aliases)) out.push('"aliases" must be an array of strings');
  else e.aliases.forEach((a, i) => {
    const p = nameProblem(a, `alias #${i + 1}`);
    if (p) out.push(p);
  });
  if (e.ambiguous !== undefined && typeof e.ambiguous !== 'boolean') out.push('"ambiguous" must be true or false');
  if (e.ambiguousAliases !== undefined) {
    const all = new Set([e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])]);
    if (!Array.isArray(e.ambiguousAliases) || !e.ambiguousAliases.every(isString)) out.push('"ambiguousAliases" must be an array of strings');
    else for (const a of e.ambiguousAliases) if (!all.has(a)) out.push(`ambiguous alias "${a}" is neither the name nor an alias`);
  }
  if (e.note !== undefined && !isString(e.note)) out.push('"note" must be a string');
  out.push(...sourceProblems(e));
  const kind = e.kind as EntityKind;
  const listed = kind === 'company' || kind === 'etf';
  if (e.ticker !== undefined) out.push(...tickerProblems(e.ticker, '"ticker"'));
  if (e.listings !== undefined) {
    if (!Array.isArray(e.listings)) out.push('"listings" must be an array of {code, market}');
    else e.listings.forEach((t, i) => out.push(...tickerProblems(t, `listing #${i + 1}`)));
    if (e.ticker === undefined) out.push('"listings" needs a primary "ticker"');
  }
  if (listed && e.ticker === undefined) out.push(`a ${kind} is listed and needs a "ticker" (an unlisted company is kind "org")`);
  if (!listed && e.ticker !== undefined) out.push(`a ${String(kind)} has no "ticker" (only company and etf do)`);
  if (out.length === 0 && isString(e.id)) {
    if (listed) {
      const t = e.ticker as Ticker;
      if (isMarket(t.market) && e.id !== entityIdFor(t)) out.push(`id "${e.id}" does not match its ticker: expected "${entityIdFor(t)}"`);
    } else if (!e.id.startsWith(`${kind}:`) || e.id.length === kind.length + 1) {
      out.push(`id "${e.id}" must be "${kind}:<name>"`);
    }
  }
  return out;
}

function sourceProblems(e: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (!isString(e.source) || !e.source) return ['"source" must be "curated", "import:<file>" or a seed file name'];
  const s = e.source;
  const seed = SEED_FILE.test(s);
  if (!(s === 'curated' || (s.startsWith('import:') && s.length > 7) || seed)) out.push(`"source" "${s}" must be "curated", "import:<file>" or a seed file name`);
  if (seed && (!isString(e.evidence) || !e.evidence)) out.push(`"evidence" (the phrase as printed in ${s}) is required with a seed source`);
  if (e.evidence !== undefined && !isString(e.evidence)) out.push('"evidence" must be a string');
  if (e.correction !== undefined) {
    const c = e.correction as Record<string, unknown> | null;
    if (typeof c !== 'object' || c === null || !isString(c.printed) || !isString(c.note) || !c.note) out.push('"correction" must be {printed, note} strings');
    else if (e.ticker === undefined) out.push('"correction" only makes sense with a "ticker"');
  }
  return out;
}

/** True when `source` names a seed article rather than `curated` or an import. */
export function isSeedSource(source: string): boolean {
  return SEED_FILE.test(source) && !source.startsWith('import:');
}

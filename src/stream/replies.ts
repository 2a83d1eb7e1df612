/**
 * Shapes of the Redis stream replies we read, from `unknown` (ioredis's
 * `call` and RESP3 legacy mapping give flat arrays). Kept in one place so the
 * rest of src/stream works with typed values.
 */

/** `[[id, [field, value, …] | null], …]` → entries; a null field list means the entry was deleted. */
export type RawEntry = [id: string, fields: string[] | null];

export function asEntries(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((e) => {
    const [id, fields] = e as [unknown, unknown];
    return [String(id), Array.isArray(fields) ? fields.map(String) : null];
  });
}

/**
 * XREADGROUP / XREAD for one stream: `[[stream, entries]]` over RESP2, the
 * flattened map `[stream, entries]` over RESP3, null on timeout.
 */
export function asReadReply(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  if (Array.isArray(reply[0])) return asEntries((reply[0] as unknown[])[1]);
  return asEntries(reply[1]);
}

/** A flat `[key, value, key, value, …]` reply as a record. */
export function asMap(reply: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = reply[i + 1];
  return out;
}

export function asNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** ZRANGE … WITHSCORES: flat `[member, score, …]` over RESP2, `[[member, score], …]` over RESP3. */
export function asScored(reply: unknown): Array<[string, number]> {
  if (!Array.isArray(reply)) return [];
  if (reply.every((r) => Array.isArray(r))) return reply.map((r) => [String((r as unknown[])[0]), Number((r as unknown[])[1])]);
  const out: Array<[string, number]> = [];
  for (let i = 0; i + 1 < reply.length; i += 2) out.push([String(reply[i]), Number(reply[i + 1])]);
  return out;
}

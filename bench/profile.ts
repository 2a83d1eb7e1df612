import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** One function's share of the sampled time. */
export interface Hot {
  fn: string;
  /** Time spent in the function itself. */
  selfPct: number;
  /** Time spent in it or anything it called. */
  totalPct: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function label(n: ProfileNode): string {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(ROOT, '');
  const where = url.replace(/^node_modules\/([^/]+)\/.*/, '$1').replace(/^node:.*/, 'node');
  return `${n.callFrame.functionName || '(anonymous)'}${where ? ` [${where}]` : n.callFrame.functionName.startsWith('(') ? '' : ' [native or built-in]'}`;
}

/**
 * Fold a V8 CPU profile into per-function self and inclusive shares, largest
 * first. With `within`, only samples whose stack holds a function whose
 * label starts with it count (so the profiler's own stop and the caller's
 * loop stay out); shares are then of that function's time, and `gcPct` is
 * garbage collection as a share of all samples (V8 reports it outside any stack).
 */
export function summarise(p: Profile, top = 15, within?: string): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfT = new Map<string, number>();
  const inclT = new Map<string, number>();
  let sum = 0;
  let all = 0;
  let gc = 0;
  const stack = (id: number): string[] => {
    const out: string[] = [];
    // Bounded by the tree depth: each step moves to a parent.
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(label(byId.get(cur)!));
    return out;
  };
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    all += dt;
    const leaf = byId.get(id)!;
    if (label(leaf).startsWith('(garbage collector)')) gc += dt;
    const frames = stack(id);
    if (within && !frames.some((f) => f.startsWith(within))) return;
    sum += dt;
    selfT.set(label(leaf), (selfT.get(label(leaf)) ?? 0) + dt);
    for (const k of new Set(frames)) inclT.set(k, (inclT.get(k) ?? 0) + dt);
  });
  const pct = (t: number) => Math.round((1000 * t) / Math.max(1, sum)) / 10;
  const self = [...selfT].sort((a, b) => b[1] - a[1]).slice(0, top);
  const total = [...inclT].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    gcPct: Math.round((1000 * gc) / Math.max(1, all)) / 10,
    self: self.map(([fn, t]) => ({ fn, selfPct: pct(t), totalPct: pct(inclT.get(fn) ?? t) })),
    total: total.map(([fn, t]) => ({ fn, selfPct: pct(selfT.get(fn) ?? 0), totalPct: pct(t) })),
  };
}

export interface ProfileSummary {
  gcPct: number;
  self: Hot[];
  total: Hot[];
}

/** Run `fn` under the V8 sampling profiler of this process and summarise where the time went (see `summarise`). */
export async function profile(fn: () => Promise<void>, top = 15, within?: string): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await fn();
    const { profile: p } = await session.post('Profiler.stop');
    return summarise(p as unknown as Profile, top, within);
  } finally {
    session.disconnect();
  }
}

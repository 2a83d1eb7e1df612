import { parseArgs } from 'node:util';
import { describeTarget, requireRedis } from '../../redis/cluster';
import { collectStatus, type Status } from '../../ops/status';
import { createRuntime } from '../../runtime/runtime';
import type { Command } from '../command';
import { renderTable } from '../table';

const n = (v: number) => v.toLocaleString('en-US');
const span = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000}d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 1000)}s`);
const ago = (ms: number | null) => (ms === null ? '-' : ms < 60_000 ? `${Math.round(ms / 1000)}s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)}m` : `${(ms / 3_600_000).toFixed(1)}h`);
const when = (streamId: string | null) => (streamId ? new Date(Number(streamId.split('-')[0])).toISOString().slice(0, 19).replace('T', ' ') : '-');

/** The one screen of `newsflow status`. */
export function renderStatus(s: Status, target: string): string {
  const out: string[] = [`newsflow status  prefix ${s.prefix}  at ${target}  ${s.at}`, ''];
  out.push(renderTable(['queue', 'waiting', 'active', 'delayed', 'failed', 'completed', 'workers'], s.queues.map((q) => [q.queue, n(q.waiting), n(q.active), n(q.delayed), n(q.failed), n(q.completed), String(q.workers)]), [12, 9, 7, 8, 8, 10, 8]));
  out.push('');
  out.push(`dead letters   ${n(s.dead.entries)} in ${s.dead.key} (${n(s.dead.open)} open, ${n(s.dead.retried)} retried)${s.dead.open ? '  → newsflow dead list' : ''}`);
  out.push(`consumer dead  ${n(s.consumerDead.entries)} in ${s.consumerDead.key}`);
  const st = s.stream;
  out.push(`stream         ${st.key}: ${n(st.length)} entries (${n(st.entriesAdded)} ever added), MAXLEN ~${n(st.maxLen)}, retention ${span(st.retentionMs)}, oldest ${when(st.oldestId)}, newest ${when(st.newestId)} UTC`);
  out.push('');
  if (s.groups.length === 0) out.push('consumer groups: none');
  else {
    const rows = s.groups.map((g) => [g.group, String(g.consumers), n(g.unread), n(g.pending), ago(g.oldestAgeMs), n(g.headroom), g.risks.length ? `WARN ${g.risks.join('+')}` : 'ok']);
    out.push(renderTable(['consumer group', 'consumers', 'unread', 'pending', 'oldest age', 'headroom', 'status'], rows, [24, 9, 9, 9, 10, 10, 16]));
  }
  out.push('');
  const live = s.processes.filter((p) => p.live);
  out.push(`worker processes: ${live.length} live${s.processes.length > live.length ? `, ${s.processes.length - live.length} stopped or silent in the last 24 h` : ''}`);
  for (const p of live) out.push(`  ${p.id}  ${p.queues.join(',')}  ${p.ready ? 'ready' : 'NOT READY'}  last report ${p.lastReportAt}`);
  return out.join('\n');
}

/** `newsflow status [--json]`: queue depths, dead letters, the stream and its consumer groups, the worker processes. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'one screen: queue depths, failed and dead jobs, stream length and retention, consumer groups and their lag, live workers',
  usage: 'newsflow status [--json]',
  async run(argv, ctx) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
    await requireRedis(ctx.config);
    const rt = createRuntime(ctx.config, ctx.log);
    try {
      const s = await collectStatus(rt);
      ctx.stdout.write(values.json ? `${JSON.stringify(s)}\n` : `${renderStatus(s, describeTarget(ctx.config))}\n`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};

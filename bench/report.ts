import type { AnalyseResult } from './analyse';
import type { Bare } from './bare';
import type { ColdTag } from './cold';
import type { DictLoads } from './dictionary';
import type { FixedRate, Saturation } from './e2e';
import type { Hot, ProfileSummary } from './profile';

/** Everything one run measured; written to bench/results.json. */
export interface Results {
  generatedAt: string;
  durationSec: number;
  machine: { nproc: number; cpu: string; node: string; platform: string; loadAvgAtStart: number[]; loadAvgAtEnd: number[]; memTotalMb: number };
  setup: { workerProcesses: number; concurrencyAnalyse: number; logLevel: string };
  coldTag: ColdTag;
  bare: Bare;
  analyse: AnalyseResult;
  analyseProfile: ProfileSummary & { articles: number };
  dictionary: { shipped: DictLoads; synthetic50k: DictLoads; synthetic50kProfile: ProfileSummary };
  e2e: {
    flash: { description: string; avgChars: number };
    full: { description: string; avgChars: number };
    saturationFlash: Saturation;
    fixedRateFlash: FixedRate;
    fixedRateBelowFlash: FixedRate;
    saturationFull: Saturation;
    workerReadyMs: number[];
    rssAfterLoadMb: number[];
    rssAfterRunMb: number[];
    peakRssMb: number[];
  };
  e2e50k: { workerProcesses: number; workerReadyMs: number[]; rssAfterLoadMb: number[]; rssAfterRunMb: number[]; peakRssMb: number[]; saturationFlash: Saturation };
  targets: Array<{ what: string; target: string; measured: string; met: boolean }>;
}

const n = (x: number | null | undefined, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cpu = (s: Saturation) => `${n(s.cpuMsPerArticle.total, 2)} ms (${n(s.cpuMsPerArticle.workers, 2)} + ${n(s.cpuMsPerArticle.redis, 2)} + ${n(s.cpuMsPerArticle.driver, 2)})`;
const late = (f: FixedRate, k: FixedRate['atLeast'][number]) => `${f.atLeast.includes(k) ? '≥ ' : ''}${n(f.latencyMs[k])}`;
const latencies = (f: FixedRate, bold: boolean) => {
  const b = (s: string) => (bold ? `**${s}**` : s);
  return `p50 ${b(late(f, 'p50'))} / p95 ${b(late(f, 'p95'))} / p99 ${b(late(f, 'p99'))} ms`;
};
const list = (xs: number[], unit: string) => xs.map((x) => `${n(x)}${unit}`).join(', ');

/** The targets of issue 15, judged against one run (whole-market dictionary loaded). */
export function judge(r: Omit<Results, 'targets'>): Results['targets'] {
  const s = r.e2e.saturationFlash;
  const f = r.e2e.fixedRateFlash;
  const rssMax = Math.max(...r.e2e.rssAfterLoadMb, ...r.e2e.rssAfterRunMb);
  const p99 = f.latencyMs.p99;
  const p99Exact = !f.atLeast.includes('p99');
  const c = r.coldTag;
  const share = s.articlesPerSec / Math.max(1, r.bare.jobsPerSec);
  const d = r.dictionary;
  return [
    { what: `cold \`newsflow tag\` of one article, wall (worst of ${c.runs.length})`, target: '≤ 1.0 s', measured: `${n(c.worstWallSec, 2)} s`, met: c.worstWallSec <= 1.0 },
    { what: `cold \`newsflow tag\` of one article, peak RSS (worst of ${c.runs.length})`, target: '≤ 200 MB', measured: c.worstRssMb === null ? 'not measured' : `${n(c.worstRssMb)} MB`, met: c.worstRssMb !== null && c.worstRssMb <= 200 },
    { what: `worker RSS after load and after the ${n(s.articles)}-article run (max of ${r.setup.workerProcesses})`, target: '≤ 200 MB', measured: `${n(rssMax)} MB`, met: rssMax <= 200 },
    { what: `shipped whole-market dictionary load (${n(d.shipped.entries)} entries, cold process)`, target: '≤ 150 ms', measured: `${n(d.shipped.coldLoadMs)} ms`, met: d.shipped.coldLoadMs <= 150 },
    { what: `50k-entry dictionary load (${n(d.synthetic50k.entries)} entries, cold process)`, target: '≤ 300 ms', measured: `${n(d.synthetic50k.coldLoadMs)} ms`, met: d.synthetic50k.coldLoadMs <= 300 },
    { what: 'analyse / raw jieba cut on the same text (plain dictionary)', target: '≥ 40%', measured: pct(r.analyse.ratioPlain), met: r.analyse.ratioPlain >= 0.4 },
    { what: `end to end / bare one-queue BullMQ (${n(s.articlesPerSec)} articles/s vs ${n(r.bare.jobsPerSec)} jobs/s, same run)`, target: '≥ 30%', measured: pct(share), met: share >= 0.3 && s.published === s.articles },
    { what: `p99 enqueue→published at ${f.offeredPerSec} articles/s`, target: '≤ 100 ms', measured: `${p99Exact ? '' : '≥ '}${n(p99)} ms${f.published < f.articles ? ` (${n(f.published)}/${n(f.articles)} published in time)` : ''}`, met: p99Exact && p99 <= 100 },
  ];
}

/** The results as Markdown: the table `npm run bench` prints and docs/performance.md shows. */
export function markdown(r: Results): string {
  const a = r.analyse;
  const e = r.e2e;
  const d = r.dictionary;
  const rows: Array<[string, string, string]> = [
    ['**Analyse in-process**', '', ''],
    ['corpus', `${n(a.corpus.articles)} full-length articles (numbered copies of the 5 fixtures), ${n(a.corpus.chars)} chars, ${(a.corpus.utf8Bytes / 1048576).toFixed(1)} MiB UTF-8`, `avg ${n(a.corpus.avgChars)} chars/article`],
    ['analyse (normalise, segment, tag, label)', `${n(a.analyse.charsPerSec)} chars/s, ${n(a.analyse.articlesPerSec, 1)} articles/s`, `${n(a.analyse.ms)} ms`],
    ['raw `cut`, plain `Jieba.withDict(dict)`', `${n(a.rawPlain.charsPerSec)} chars/s`, `${n(a.rawPlain.ms)} ms`],
    ['raw `cut`, the tagger\'s segmenter (folded text)', `${n(a.rawTagger.charsPerSec)} chars/s`, `${n(a.rawTagger.ms)} ms`],
    ['**ratio analyse / raw (plain jieba) — headline**', `**${pct(a.ratioPlain)}**`, 'target ≥ 40%'],
    ['ratio analyse / raw (tagger\'s segmenter)', pct(a.ratioTagger), ''],
    ['**End to end through Redis**', `${r.setup.workerProcesses} × \`newsflow workers --only analyse\``, `concurrency analyse ${r.setup.concurrencyAnalyse}; LOG_LEVEL=${r.setup.logLevel}`],
    ['"article" (news flash)', e.flash.description, `avg ${n(e.flash.avgChars)} chars`],
    ['saturation, news flashes', `**${n(e.saturationFlash.articlesPerSec, 1)} articles/s** (${n(e.saturationFlash.published)}/${n(e.saturationFlash.articles)} published in ${n(e.saturationFlash.wallMs / 1000, 1)} s)`, `steady ${n(e.saturationFlash.steadyArticlesPerSec, 1)}/s; enqueue took ${n(e.saturationFlash.enqueueMs)} ms`],
    ['CPU per news flash (workers + Redis + driver)', `${cpu(e.saturationFlash)}`, `2 idle cores ÷ this ≈ ${n(e.saturationFlash.idleTwoCoreEstimatePerSec)} articles/s (an estimate, not a measurement)`],
    [`fixed rate ${e.fixedRateBelowFlash.offeredPerSec}/s (half of saturation) for ${e.fixedRateBelowFlash.durationMs / 1000} s`, latencies(e.fixedRateBelowFlash, false), `max ${late(e.fixedRateBelowFlash, 'max')} ms; ${n(e.fixedRateBelowFlash.published)}/${n(e.fixedRateBelowFlash.articles)} published`],
    [`fixed rate ${e.fixedRateFlash.offeredPerSec}/s for ${e.fixedRateFlash.durationMs / 1000} s, news flashes`, latencies(e.fixedRateFlash, true), `max ${late(e.fixedRateFlash, 'max')} ms; ${n(e.fixedRateFlash.published)}/${n(e.fixedRateFlash.articles)} published in time (≥ marks a lower bound); driver enqueued ${n(e.fixedRateFlash.enqueuedPerSec, 1)}/s`],
    ['"article" (full length)', e.full.description, `avg ${n(e.full.avgChars)} chars`],
    ['saturation, full-length articles', `**${n(e.saturationFull.articlesPerSec, 1)} articles/s** (${n(e.saturationFull.published)}/${n(e.saturationFull.articles)} in ${n(e.saturationFull.wallMs / 1000, 1)} s)`, `steady ${n(e.saturationFull.steadyArticlesPerSec, 1)}/s; CPU ${cpu(e.saturationFull)}`],
    ['**Bare BullMQ baseline**', `${r.bare.workerProcesses} worker processes, one queue, concurrency ${r.bare.concurrency}, a processor that does nothing`, 'bench/bare.ts'],
    ['saturation, bare one-queue BullMQ', `**${n(r.bare.jobsPerSec, 1)} jobs/s** (${n(r.bare.completed)}/${n(r.bare.jobs)} in ${n(r.bare.wallMs / 1000, 1)} s)`, `CPU per job ${n(r.bare.cpuMsPerJob.total, 3)} ms (${n(r.bare.cpuMsPerJob.workers, 3)} workers + ${n(r.bare.cpuMsPerJob.redis, 3)} Redis)`],
    ['end to end / bare', `**${pct(e.saturationFlash.articlesPerSec / Math.max(1, r.bare.jobsPerSec))}**`, 'target ≥ 30%'],
    ['**Cold start and dictionary**', '', ''],
    [`cold \`newsflow tag\` of one article (${r.coldTag.runs.length} fresh processes)`, r.coldTag.runs.map((x) => `${n(x.wallSec, 2)} s / ${x.maxRssMb === null ? '?' : n(x.maxRssMb)} MB`).join(', '), `${r.coldTag.how}; ${r.coldTag.article}`],
    ['shipped whole-market dictionary, cold load', `**${n(d.shipped.coldLoadMs)} ms** (${n(d.shipped.entries)} entries)`, `first load after a change (compiles): ${n(d.shipped.compileLoadMs)} ms; warm ${n(d.shipped.warmLoadMs)} ms; tagger build ${n(d.shipped.coldNlpMs)} ms`],
    ['shipped + 50k synthetic entries, cold load', `**${n(d.synthetic50k.coldLoadMs)} ms** (${n(d.synthetic50k.entries)} entries)`, `first load after a change (compiles): ${n(d.synthetic50k.compileLoadMs)} ms; warm ${n(d.synthetic50k.warmLoadMs)} ms; tagger build ${n(d.synthetic50k.coldNlpMs)} ms`],
    ['worker start → ready (shipped)', list(e.workerReadyMs, ' ms'), ''],
    ['worker RSS after load / after run (shipped)', `${list(e.rssAfterLoadMb, ' MB')} / ${list(e.rssAfterRunMb, ' MB')}`, `peak ${list(e.peakRssMb, ' MB')}`],
    ['worker start → ready (50k)', list(r.e2e50k.workerReadyMs, ' ms'), ''],
    ['worker RSS after load / after run (50k)', `${list(r.e2e50k.rssAfterLoadMb, ' MB')} / ${list(r.e2e50k.rssAfterRunMb, ' MB')}`, `peak ${list(r.e2e50k.peakRssMb, ' MB')}`],
    [`saturation, news flashes (50k dictionary, ${r.e2e50k.workerProcesses} worker process)`, `${n(r.e2e50k.saturationFlash.articlesPerSec, 1)} articles/s (${n(r.e2e50k.saturationFlash.published)}/${n(r.e2e50k.saturationFlash.articles)})`, `steady ${n(r.e2e50k.saturationFlash.steadyArticlesPerSec, 1)}/s`],
  ];
  const table = ['| Measure | Result | Detail |', '| --- | --- | --- |', ...rows.map((c) => `| ${c.join(' | ')} |`)];
  const targets = ['| Target | Wanted | Measured | Met |', '| --- | --- | --- | --- |', ...r.targets.map((t) => `| ${t.what} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`)];
  const m = r.machine;
  const machine = `Machine: ${m.nproc} cores (${m.cpu}), ${n(m.memTotalMb)} MB RAM, Node ${m.node}, ${m.platform}; load average (1, 5, 15 min) at start ${m.loadAvgAtStart.map((x) => x.toFixed(1)).join(' ')}, at end ${m.loadAvgAtEnd.map((x) => x.toFixed(1)).join(' ')}. Run ${r.generatedAt}, ${n(r.durationSec)} s.`;
  return [table.join('\n'), '', targets.join('\n'), '', machine].join('\n');
}

/** Top functions of a profile as Markdown lines. */
export function hotList(hots: Hot[]): string {
  return hots.map((h) => `- ${h.fn}: ${h.selfPct}% self, ${h.totalPct}% with callees`).join('\n');
}

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { noNovelty } from '../../label/index';
import { evaluateEntities, formatEntityEval, meetsTargets } from '../../nlp/eval';
import { loadNlp } from '../../runtime/nlp';
import { analyse } from '../../stages/analyse';
import type { EventLabel, EventRecord } from '../../types';
import { usageError, type Command } from '../command';
import { readArticleInputs, reportBadInputs } from '../files';
import { runCorpusEval } from './eval-corpus';
import { runPagesEval } from './eval-pages';

const DEFAULT_INPUTS = ['fixtures/articles', 'fixtures/passages'];
const DEFAULT_GOLD = 'fixtures/gold';

/** One printed section of the evaluation; `ok` false makes the command exit non-zero. */
interface Section {
  lines: string[];
  ok: boolean;
}

type Scored = { article: string; record: EventRecord };

function entitySection(scored: Scored[], goldDir: string): Section {
  const e = evaluateEntities(scored.map((s) => ({ article: s.article, tickers: s.record.tickers, entities: s.record.entities })), goldDir);
  return { lines: formatEntityEval(e), ok: meetsTargets(e) };
}

interface EventEvalModule {
  evaluateEvents(records: ReadonlyArray<{ article: string; events: readonly EventLabel[] }>, goldDir: string): { lines: string[] };
}

// The event scorer belongs to the labelling stage; it is loaded only here,
// and entity scoring runs on its own where it does not load. (A literal
// specifier, so that the precompiled build of bin/build.mjs finds it.)
async function eventSection(scored: Scored[], goldDir: string): Promise<Section | null> {
  let mod: EventEvalModule;
  try {
    mod = (await import('../../label/eval')) as EventEvalModule;
  } catch {
    return null;
  }
  if (typeof mod.evaluateEvents !== 'function') return null;
  const e = mod.evaluateEvents(scored.map((s) => ({ article: s.article, events: s.record.events })), goldDir);
  return { lines: e.lines, ok: true };
}

/**
 * `newsflow eval`: tag the fixture articles and passages in-process and
 * score them against the hand-written gold files: tickers and entities per
 * kind (precision, recall, F1, misses, false hits), then events when the
 * labelling stage provides its scorer. Exits 1 below the ticker targets.
 */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'score tagging and events against the seed gold (exit 1 below target), with --corpus against the corpus gold, with --pages page extraction beside Readability',
  usage: 'newsflow eval [--gold DIR] [FILE|DIR...]  |  newsflow eval --corpus DIR [--gold DIR] [--split dev|test|all] [--json]  |  newsflow eval --pages DIR [--gold FILE] [--split dev|test|all] [--json] [--misses]',
  async run(argv, ctx) {
    if (argv.some((a) => a === '--corpus' || a.startsWith('--corpus='))) return runCorpusEval(this, argv, ctx);
    if (argv.some((a) => a === '--pages' || a.startsWith('--pages='))) return runPagesEval(this, argv, ctx);
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { gold: { type: 'string' } }, allowPositionals: true });
    } catch (err) {
      return usageError(ctx, this, (err as Error).message);
    }
    const goldDir = parsed.values.gold ?? DEFAULT_GOLD;
    const inputs = parsed.positionals.length ? parsed.positionals : DEFAULT_INPUTS.filter((d) => existsSync(d));
    const read = await readArticleInputs(inputs, ctx.stdin);
    const bad = reportBadInputs(read, ctx.stderr, 'eval');
    const docs = read.flatMap((i) => (i.article ? [{ name: i.name, article: i.article }] : []));
    const { nlp, dictionaryVersion } = loadNlp(ctx.config);
    const scored: Scored[] = [];
    for (const { name, article } of docs) scored.push({ article: name, record: await analyse(article, { nlp, dictionaryVersion, novelty: noNovelty }) });
    const sections = [entitySection(scored, goldDir), await eventSection(scored, goldDir)].filter((s): s is Section => s !== null);
    ctx.stdout.write(`${sections.map((s) => s.lines.join('\n')).join('\n\n')}\n`);
    return !bad && sections.every((s) => s.ok) ? 0 : 1;
  },
};

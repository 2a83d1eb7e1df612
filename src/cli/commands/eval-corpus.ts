import { parseArgs } from 'node:util';
import { DEFAULT_GOLD_DIR, loadCorpus, type Split } from '../../eval/corpus/load';
import { aggregate, formatReport } from '../../eval/corpus/report';
import { scoreArticle } from '../../eval/corpus/score';
import { noNovelty } from '../../label/index';
import { loadNlp } from '../../runtime/nlp';
import { analyse } from '../../stages/analyse';
import { usageError, type CliContext, type Command } from '../command';

const SPLITS = ['dev', 'test', 'all'] as const;

/**
 * `newsflow eval --corpus DIR [--gold DIR] [--split dev|test|all] [--json]`:
 * tag every corpus passage that has gold in-process (shipped dictionary,
 * no Redis) and score tickers, company names, people, organisations and
 * events against it (docs/corpus.md). A measure, not a gate: exit 0 unless
 * the corpus or its gold cannot be read.
 */
export async function runCorpusEval(cmd: Command, argv: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { corpus: { type: 'string' }, gold: { type: 'string' }, split: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError(ctx, cmd, (err as Error).message);
  }
  const split = (values.split ?? 'all') as (typeof SPLITS)[number];
  if (!SPLITS.includes(split)) return usageError(ctx, cmd, `--split must be one of ${SPLITS.join(', ')}`);
  if (!values.corpus) return usageError(ctx, cmd, '--corpus needs the corpus directory');
  const { items, unscored } = loadCorpus(values.corpus, values.gold ?? DEFAULT_GOLD_DIR, split as Split | 'all');
  const { nlp, dictionaryVersion } = loadNlp(ctx.config);
  const scores = [];
  for (const it of items) {
    const record = await analyse(it.passage.article, { nlp, dictionaryVersion, novelty: noNovelty });
    scores.push(scoreArticle(it.passage, it.gold, it.events, record));
  }
  const report = aggregate(scores, split, unscored);
  ctx.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report).join('\n')}\n`);
  return 0;
}

import { parseArgs } from 'node:util';
import { MemoryNoveltyStore } from '../../label/index';
import { loadNlp } from '../../runtime/nlp';
import { analyse } from '../../stages/analyse';
import { usageError, type Command } from '../command';
import { readArticles } from '../files';

/**
 * `newsflow tag FILE… | -`: the analyse stage in-process, no Redis. One event
 * record per input as one JSON line, in input order. A file that cannot be
 * read or parsed is reported on stderr and the others still print.
 */
export const tagCommand: Command = {
  name: 'tag',
  summary: 'tag article files (or - for stdin) in-process, without Redis; one JSON event record per line',
  usage: 'newsflow tag [--with-text] FILE... | -',
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { 'with-text': { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length === 0) return usageError(ctx, this, 'no input files (use - for stdin)');
    const { nlp, dictionaryVersion } = loadNlp(ctx.config);
    // Near-duplicates among the inputs of one run are linked; nothing is remembered across runs.
    const novelty = new MemoryNoveltyStore(ctx.config.noveltyTtl);
    let failed = 0;
    for (const input of positionals) {
      let docs;
      try {
        docs = await readArticles([input], ctx.stdin);
      } catch (err) {
        failed++;
        ctx.stderr.write(`newsflow tag: ${input}: ${(err as Error).message}\n`);
        continue;
      }
      for (const { article } of docs) {
        const record = await analyse(article, { nlp, dictionaryVersion, novelty });
        if (values['with-text']) record.article = { ...record.article, title: article.title, body: article.body };
        ctx.stdout.write(`${JSON.stringify(record)}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};

import { parseArgs } from 'node:util';
import { MemoryNoveltyStore } from '../../label/index';
import { loadNlp } from '../../runtime/nlp';
import { analyse } from '../../stages/analyse';
import { usageError, type Command } from '../command';
import { readArticleInputs, reportBadInputs } from '../files';

/**
 * `newsflow tag FILE… | -`: the analyse stage in-process, no Redis. One event
 * record per input as one JSON line, in input order. A file that cannot be
 * read, is not text, does not parse or is over NEWSFLOW_ARTICLE_MAX_CHARS is
 * reported on stderr with its error and the others still print; the exit
 * code is 1 if any was.
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
      for (const doc of await readArticleInputs([input], ctx.stdin)) {
        if (doc.error) {
          failed += reportBadInputs([doc], ctx.stderr, 'tag');
          continue;
        }
        try {
          const record = await analyse(doc.article, { nlp, dictionaryVersion, novelty, maxChars: ctx.config.articleMaxChars });
          if (values['with-text']) record.article = { ...record.article, title: doc.article.title, body: doc.article.body };
          ctx.stdout.write(`${JSON.stringify(record)}\n`);
        } catch (err) {
          failed += reportBadInputs([{ name: doc.name, error: err as Error }], ctx.stderr, 'tag');
        }
      }
    }
    return failed ? 1 : 0;
  },
};

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDictionary } from '../../dict/check';
import { importListing, listingFileName, type ListingFormat, writeDictFile } from '../../dict/import';
import { buildListings, listingNotice } from '../../dict/listings';
import { artefactName, cacheDir, readArtefact } from '../../dict/artefact';
import { compileDirs, dictionaryDirs, dictionaryVersion, loadDictionary, SHIPPED_DICT_DIR } from '../../dict/load';
import { parseMarket } from '../../dict/markets';
import { classifyPairs, findPrintedPairs, type PairFinding } from '../../dict/mine';
import { syntheticEntries } from '../../dict/synthetic';
import { type CliContext, type Command, usageError } from '../command';

const FIXTURE_ARTICLES = fileURLToPath(new URL('../../../fixtures/articles', import.meta.url));

function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}

/** Split argv into positional arguments and `--name value` / `--flag` options. */
function parseArgs(argv: string[], valued: string[]): { args: string[]; opts: Map<string, string | true> } {
  const args: string[] = [];
  const opts = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) opts.set(k, v);
      else if (valued.includes(k)) opts.set(k, argv[++i] ?? '');
      else opts.set(k, true);
    } else args.push(a);
  }
  return { args, opts };
}

function check(argv: string[], ctx: CliContext): number {
  const dirs = argv.length ? argv : dictionaryDirs(ctx.config);
  const report = checkDictionary(dirs);
  for (const p of report.problems) ctx.stderr.write(`${rel(p.file)}:${p.line}: ${p.severity}: ${p.message}\n`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  ctx.stdout.write(`${report.entries} entries in ${report.files} files: ${errors} errors, ${warnings} warnings\n`);
  // The compiled artefact is a cache: a missing one is compiled at the next
  // load, so it is reported, not an error.
  const version = dictionaryVersion(dirs);
  const compiled = readArtefact(version);
  ctx.stdout.write(compiled
    ? `compiled: ${rel(join(cacheDir(), artefactName(version)))} is up to date (${compiled.count} entries)\n`
    : `compiled: none for version ${version}; the next load compiles it (or run newsflow dict build)\n`);
  return errors ? 1 : 0;
}

function build(argv: string[], ctx: CliContext): number {
  const dirs = argv.length ? argv : dictionaryDirs(ctx.config);
  const t0 = performance.now();
  const { path, dict } = compileDirs(dirs);
  const ms = Math.round(performance.now() - t0);
  ctx.stdout.write(`${dict.entries.length} entries compiled in ${ms} ms (version ${dict.version})${path ? `: ${rel(path)}` : '; the cache directory is not writable, nothing written'}\n`);
  return path ? 0 : 1;
}

function articleFiles(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => join(p, f)) : [p]));
}

function mine(argv: string[], ctx: CliContext): number {
  const { args, opts } = parseArgs(argv, []);
  const dict = loadDictionary(dictionaryDirs(ctx.config));
  const findings: Array<PairFinding & { file: string }> = [];
  for (const file of articleFiles(args.length ? args : [FIXTURE_ARTICLES])) {
    for (const f of classifyPairs(findPrintedPairs(readFileSync(file, 'utf8')), dict)) findings.push({ ...f, file: rel(file) });
  }
  const bad = findings.filter((f) => f.status === 'contradicts' || f.status === 'missing' || f.status === 'missing-alias');
  if (opts.has('json')) {
    for (const f of findings) ctx.stdout.write(`${JSON.stringify(f)}\n`);
  } else {
    const why: Record<string, string> = {
      contradicts: 'the dictionary has another code for this name and no correction',
      missing: 'neither the name nor the code is in the dictionary',
      'missing-alias': 'the code is known but not under this name',
    };
    for (const f of bad) ctx.stdout.write(`${f.file}:${f.line}: ${f.status}: ${f.phrase} → ${f.id ?? '?'}: ${why[f.status]}\n`);
    const count = (s: string): number => findings.filter((f) => f.status === s).length;
    ctx.stdout.write(`${findings.length} printed name–code pairs: ${count('ok')} ok, ${count('corrected')} corrected, ${count('contradicts')} contradict, ${count('missing-alias')} missing alias, ${count('missing')} missing\n`);
  }
  return bad.length ? 1 : 0;
}

function importCmd(argv: string[], ctx: CliContext, cmd: Command): number {
  const { args, opts } = parseArgs(argv, ['format', 'out', 'market']);
  const [file] = args;
  const format = opts.get('format');
  if (!file || args.length > 1) return usageError(ctx, cmd, 'dict import needs exactly one listing FILE');
  if (format !== 'csv' && format !== 'twse') return usageError(ctx, cmd, '--format must be csv or twse');
  const out = typeof opts.get('out') === 'string' ? (opts.get('out') as string) : ctx.config.dictPath.split(':').map((d) => d.trim()).find(Boolean);
  if (!out) return usageError(ctx, cmd, 'no --out DIR and NEWSFLOW_DICT_PATH is empty');
  const marketOpt = opts.get('market');
  const market = typeof marketOpt === 'string' ? parseMarket(marketOpt) : undefined;
  if (marketOpt !== undefined && market !== 'TWSE' && market !== 'TPEx') return usageError(ctx, cmd, '--market (for --format twse) must be TWSE or TPEx');
  const result = importListing(readFileSync(file, 'utf8'), file, format as ListingFormat, { market });
  for (const p of result.rejected) ctx.stderr.write(`${rel(p.file)}:${p.line}: skipped: ${p.message}\n`);
  const path = writeDictFile(out, listingFileName(file), result.entries, [`Imported by newsflow dict import --format ${format} from ${file}.`, 'Regenerate rather than edit; put corrections in a curated file, which wins.']);
  ctx.stdout.write(`${result.entries.length} entries written to ${rel(path)}; ${result.rejected.length} rows skipped\n`);
  // A partial import is a success: what was usable is written, the rest is listed above.
  return result.entries.length ? 0 : 1;
}

function listings(argv: string[], ctx: CliContext, cmd: Command): number {
  const { args, opts } = parseArgs(argv, ['out']);
  const [dir] = args;
  if (!dir || args.length > 1) return usageError(ctx, cmd, 'dict listings needs the listings DIR (e.g. ../shared/listings)');
  const out = typeof opts.get('out') === 'string' ? (opts.get('out') as string) : SHIPPED_DICT_DIR;
  const built = buildListings(dir);
  for (const p of built.rejected) ctx.stderr.write(`${rel(p.file)}:${p.line}: skipped: ${p.message}\n`);
  for (const { file, entries, dropped } of built.files) {
    const path = writeDictFile(out, file.out, entries, [
      `Built by newsflow dict listings from ${file.name} (${file.origin}).`,
      `${file.copyright}; MIT licence, see LICENSE-listings.md beside this file.`,
      'Regenerate rather than edit; corrections go in a curated file, which wins.',
      ...(dropped.length ? [`Left out as among jieba's commonest words (a printed code still tags them): ${dropped.join(', ')}.`] : []),
    ]);
    const ambiguous = entries.filter((e) => e.ambiguous || e.ambiguousAliases).length;
    ctx.stdout.write(`${entries.length} entries (${ambiguous} with ambiguous spellings) written to ${rel(path)}\n`);
  }
  writeFileSync(join(out, 'LICENSE-listings.md'), listingNotice());
  ctx.stdout.write(`${built.rejected.length} rows skipped; licence notices in ${rel(join(out, 'LICENSE-listings.md'))}\n`);
  return 0;
}

function synth(argv: string[], ctx: CliContext, cmd: Command): number {
  const { args, opts } = parseArgs(argv, ['out']);
  const n = Number(args[0]);
  const out = opts.get('out');
  if (!Number.isInteger(n) || n < 1 || typeof out !== 'string') return usageError(ctx, cmd, 'dict synth needs N (a positive integer) and --out DIR');
  const path = writeDictFile(out, `synthetic-${n}.jsonl`, syntheticEntries(n), ['Synthetic entries for benchmarks (newsflow dict synth); not real companies.']);
  ctx.stdout.write(`${n} synthetic entries written to ${rel(path)}\n`);
  return 0;
}

/** `newsflow dict check|build|mine|import|listings|synth`: validate, compile, mine, grow the dictionary. */
export const dictCommand: Command = {
  name: 'dict',
  summary: 'Check and compile the dictionary, mine articles for name–code pairs, import exchange listings',
  usage: [
    'newsflow dict check [DIR...]                 validate the dictionary (default: shipped + NEWSFLOW_DICT_PATH) and say whether its compiled form is current',
    '       newsflow dict build [DIR...]                  compile the dictionary (script variants, alias index) into the cache that loads read',
    '       newsflow dict mine [--json] [ARTICLE|DIR...]  report printed name–code pairs the dictionary lacks or contradicts (default: fixtures/articles)',
    '       newsflow dict import FILE --format csv|twse [--market TWSE|TPEx] [--out DIR]',
    '       newsflow dict listings DIR [--out DIR]        build dict/listing-*.jsonl from the exchange listings in DIR (../shared/listings)',
    '       newsflow dict synth N --out DIR               write N synthetic entries (benchmarks)',
  ].join('\n'),
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'check') return check(rest, ctx);
    if (sub === 'build') return build(rest, ctx);
    if (sub === 'mine') return mine(rest, ctx);
    if (sub === 'import') return importCmd(rest, ctx, this);
    if (sub === 'synth') return synth(rest, ctx, this);
    if (sub === 'listings') return listings(rest, ctx, this);
    return usageError(ctx, this, sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  },
};

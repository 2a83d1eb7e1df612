// The precompiled JavaScript build of the sources (issue 15: a cold
// `newsflow tag` spent about half its time in tsx, which transpiles every
// TypeScript module at run time and runs its module hooks on a loader thread,
// in the NLP thread of the analyse worker a second time).
//
// Each TypeScript file of src/ and workers/ is transpiled on its own by
// esbuild (which tsx brings) into node_modules/.cache/newsflow/build-<hash>/,
// the same tree with `.js` files; <hash> covers every source file, so an edit
// gives a new build and an old one is never used (a start whose files'
// sizes and modification times are already in build-index.json skips the
// hashing). A file keeps its own
// `import.meta.url` (that of the source file), so data files, the cache and
// `createRequire` resolve exactly as under tsx. `compiledMain()` returns the
// build's CLI module, building it first when no build of these sources
// exists; null when the build cannot be made (no esbuild, read-only tree),
// and the caller falls back to tsx. `npm ci` builds it (the `prepare` script);
// so does the first run after an edit.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'newsflow');
const DIRS = ['src', 'workers'];
const MAIN = 'src/cli/main.js';
/** The analyse worker's thread module in the build (src/runtime/nlp-thread.ts starts it instead of the tsx entry). */
const THREAD = 'src/runtime/nlp-thread-main.js';
/**
 * Packages of many small ES modules, each bundled into one module of the
 * build (`vendor/<name>.js`): zod is 95 files, which cost a cold start about
 * 0.15 s to resolve, read and compile one by one.
 */
const VENDOR = ['zod'];
/** Older builds kept next to the current one (a process may still be loading from one). */
const KEEP = 3;

/** Every TypeScript source file, relative to the root, sorted. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const d of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) walk(rel);
      else if (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const d of DIRS) walk(d);
  return out.sort();
}

/**
 * A key of the sources' sizes and modification times (with what sourceHash
 * covers besides their bytes): a start whose key is in the index reuses the
 * build found for it without reading every file; an edit changes the key.
 */
function statKey(files) {
  const h = createHash('sha256');
  h.update(`${ROOT}\0${process.version}\0`);
  for (const f of [...files, 'bin/build.mjs', 'package.json']) {
    const st = statSync(join(ROOT, f));
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return h.digest('hex').slice(0, 20);
}

const INDEX = join(CACHE, 'build-index.json');

function readIndex() {
  try {
    return JSON.parse(readFileSync(INDEX, 'utf8'));
  } catch {
    return {};
  }
}

/** Remember `name` for `key` (a few recent keys; written aside and renamed, as other processes read it). */
function writeIndex(key, name) {
  try {
    const index = Object.fromEntries(Object.entries(readIndex()).filter(([, n]) => existsSync(join(CACHE, n, 'COMPLETE'))).slice(-7));
    index[key] = name;
    const tmp = `${INDEX}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(index));
    renameSync(tmp, INDEX);
  } catch {
    // Only a shortcut: the next start hashes the sources again.
  }
}

/** Hash of the sources, of this file, of the package manifest and of the checkout's place (the build holds absolute source URLs). */
function sourceHash(files) {
  const h = createHash('sha256');
  h.update(`${ROOT}\0${process.version}\0`);
  for (const f of [...files, 'bin/build.mjs', 'package.json']) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(ROOT, f)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/** The relative specifier `spec` of `importer` as a file: `./x` → `./x.ts` or `./x/index.ts`; null when it is not a source file. */
function sourceOf(importer, spec) {
  const base = resolve(dirname(importer), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (c.endsWith('.ts') && existsSync(c)) return c;
  }
  return null;
}

/** esbuild plugin: relative imports of source files become imports of their `.js` twins, JSON is bundled in, any other relative import (.mjs) is of the source file itself; `import.meta.url` is the source file's URL. */
function perFile() {
  return {
    name: 'newsflow-per-file',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const src = sourceOf(args.importer, args.path);
        // JSON (package.json for the version) is bundled in: package.json is in the hash.
        if (!src && args.path.endsWith('.json')) return undefined;
        if (!src) return { path: pathToFileURL(resolve(dirname(args.importer), args.path)).href, external: true };
        let rel = relative(dirname(args.importer), src).replace(/\.ts$/, '.js');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return { path: rel, external: true };
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!VENDOR.includes(args.path)) return { path: args.path, external: true };
        let rel = relative(dirname(args.importer), join(ROOT, 'vendor', `${args.path}.js`));
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return { path: rel, external: true };
      });
      build.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }));
    },
  };
}

/** Build the sources into `dir` (a fresh directory). */
async function buildInto(dir, files) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: files,
    outdir: dir,
    outbase: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    logLevel: 'silent',
    define: { NEWSFLOW_THREAD_ENTRY: JSON.stringify(pathToFileURL(join(dir.replace(/\.tmp-\d+$/, ''), THREAD)).href) },
    plugins: [perFile()],
  });
  for (const name of VENDOR) {
    await esbuild.build({
      absWorkingDir: ROOT,
      stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: ROOT, loader: 'js' },
      outfile: join(dir, 'vendor', `${name}.js`),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'COMPLETE'), `${new Date().toISOString()}\n`);
}

/** Remove all but the newest KEEP builds other than `current`. */
function prune(current) {
  let names;
  try {
    names = readdirSync(CACHE).filter((n) => n.startsWith('build-') && n !== current);
  } catch {
    return;
  }
  const dated = names.map((n) => {
    try {
      return { n, t: Date.parse(readFileSync(join(CACHE, n, 'COMPLETE'), 'utf8').trim()) || 0 };
    } catch {
      return { n, t: 0 };
    }
  });
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(KEEP)) rmSync(join(CACHE, n), { recursive: true, force: true });
}

/**
 * The URL of the build's CLI module for the sources as they are now,
 * building it when there is none; null when it cannot be built.
 */
export async function compiledMain() {
  try {
    const files = sources();
    const key = statKey(files);
    const known = readIndex()[key];
    if (typeof known === 'string' && /^build-[0-9a-f]{20}$/.test(known) && existsSync(join(CACHE, known, 'COMPLETE'))) return pathToFileURL(join(CACHE, known, MAIN)).href;
    const name = `build-${sourceHash(files)}`;
    const dir = join(CACHE, name);
    if (!existsSync(join(dir, 'COMPLETE'))) {
      // Built aside and renamed into place, so that processes starting at the
      // same moment never load a half-written build.
      const tmp = `${dir}.tmp-${process.pid}`;
      mkdirSync(CACHE, { recursive: true });
      rmSync(tmp, { recursive: true, force: true });
      await buildInto(tmp, files);
      try {
        renameSync(tmp, dir);
      } catch {
        rmSync(tmp, { recursive: true, force: true });
        if (!existsSync(join(dir, 'COMPLETE'))) return null;
      }
      prune(name);
    }
    writeIndex(key, name);
    return pathToFileURL(join(dir, MAIN)).href;
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = await compiledMain();
  process.stdout.write(url ? `newsflow: built ${relative(ROOT, dirname(dirname(dirname(fileURLToPath(url)))))}\n` : 'newsflow: no build (tsx runs the sources)\n');
}

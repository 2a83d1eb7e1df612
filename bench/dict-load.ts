import { loadDictionary } from '../src/dict/load';
import { createNlp } from '../src/nlp/index';

/**
 * Run in a fresh process by the benchmark: a cold load of the dictionary
 * directories given as arguments, then the tagger built on it, then the same
 * again warm. Prints one JSON line.
 */
const dirs = process.argv.slice(2);
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
let t = performance.now();
const dict = loadDictionary(dirs);
const coldLoadMs = performance.now() - t;
t = performance.now();
createNlp(dict);
const coldNlpMs = performance.now() - t;
const rssAfterMb = mb();
t = performance.now();
const again = loadDictionary(dirs);
const warmLoadMs = performance.now() - t;
const r = (x: number) => Math.round(x);
process.stdout.write(`${JSON.stringify({ entries: again.entries.length, aliasKeys: again.aliases.size, coldLoadMs: r(coldLoadMs), warmLoadMs: r(warmLoadMs), coldNlpMs: r(coldNlpMs), rssAfterMb })}\n`);

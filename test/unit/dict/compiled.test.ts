import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArtefact, encodeArtefact, readArtefact } from '../../../src/dict/artefact';
import { compileDictionary } from '../../../src/dict/compile';
import { loadDictionary } from '../../../src/dict/load';
import { parseDictText } from '../../../src/dict/parse';
import { createNlp } from '../../../src/nlp/index';

const root = mkdtempSync(join(tmpdir(), 'newsflow-compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const line = (o: object) => JSON.stringify(o);
const DICT = [
  line({ id: 'TW:2330', kind: 'company', name: '台積電', aliases: ['TSMC', '台灣積體電路'], ticker: { code: '2330', market: 'TWSE' }, source: 'curated' }),
  line({ id: 'TW:3167', kind: 'company', name: '大量', aliases: [], ticker: { code: '3167', market: 'TPEx' }, ambiguous: true, source: 'curated' }),
  line({ id: 'US:AMD', kind: 'company', name: 'AMD', aliases: ['超微'], ticker: { code: 'AMD', market: 'NASDAQ' }, source: 'curated' }),
  line({ id: 'TW:2454', kind: 'company', name: '聯發', aliases: [], ticker: { code: '2454', market: 'TWSE' }, source: 'import:x.csv' }),
  line({ id: 'TW:1459', kind: 'company', name: '聯發', aliases: ['聯發紡織'], ticker: { code: '1459', market: 'TWSE' }, source: 'curated' }),
].join('\n');

describe('the compiled dictionary', () => {
  it('round-trips through the artefact: same entries, spellings and alias tables', () => {
    const c = compileDictionary([parseDictText(DICT, 'a.jsonl').entries], 'v1');
    const back = decodeArtefact(encodeArtefact(c), 'v1')!;
    expect(back).toBeDefined();
    expect(back.count).toBe(c.entries.length);
    expect(c.entries.map((_, i) => back.entry(i))).toEqual(c.entries);
    expect(back.ids).toEqual(c.entries.map((e) => e.id));
    expect(back.tickers.get('TPEx:3167')).toBe(1);
    expect(back.formText()).toEqual(c.formText);
    expect([...back.formEntry]).toEqual([...c.formEntry]);
    expect(back.ambiguousKeys().sort()).toEqual([...c.ambiguousKeys].sort());
    expect([...back.alias.trie.childAt]).toEqual([...c.alias.trie.childAt]);
    expect([...back.alias.termEntry]).toEqual([...c.alias.termEntry]);
    expect(Buffer.from(back.alias.segmenterWords as Uint8Array).toString('utf8')).toBe(c.alias.segmenterWords);
    // Another version's artefact is never taken for this one.
    expect(decodeArtefact(encodeArtefact(c), 'v2')).toBeUndefined();
    expect(decodeArtefact(Buffer.from('not an artefact'), 'v1')).toBeUndefined();
  });

  it('gives a hand-written entry the spellings an imported one shares, and keeps script variants', () => {
    const c = compileDictionary([parseDictText(DICT, 'a.jsonl').entries], 'v1');
    const ids = (form: string) => [...new Set(c.formText.flatMap((f, i) => (f === form ? [c.entries[c.formEntry[i]!]!.id] : [])))];
    expect(ids('聯發')).toEqual(['TW:1459']);
    expect(ids('台积电')).toEqual(['TW:2330']);
    expect(c.ambiguousKeys).toContain('大量');
  });

  it('is written on the first load, read on the next, and tags exactly as a fresh compile does', () => {
    const dir = join(root, 'dict');
    const cache = join(root, 'cache');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.jsonl'), `${DICT}\n`);
    const first = loadDictionary([dir], { cacheDir: cache });
    expect(readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(readArtefact(first.version, cache)).toBeDefined();
    const second = loadDictionary([dir], { cacheDir: cache });
    const fresh = loadDictionary([dir], { cache: false });
    expect(second.version).toBe(fresh.version);
    const doc = { title: '台積電與AMD結盟', body: '台积电（2330）與超微合作，大量採購設備；聯發紡織與TSMC。' };
    const a = createNlp(second).tag(doc);
    const b = createNlp(fresh).tag(doc);
    expect(a.entities).toEqual(b.entities);
    expect(a.tickers).toEqual(['1459.TW', '2330.TW', 'AMD.US']);
    expect(a.tickers).toEqual(b.tickers);
    // A changed file is a new version: the old artefact is not read for it.
    writeFileSync(join(dir, 'a.jsonl'), `${DICT}\n${line({ id: 'TW:2317', kind: 'company', name: '鴻海', aliases: [], ticker: { code: '2317', market: 'TWSE' }, source: 'curated' })}\n`);
    const third = loadDictionary([dir], { cacheDir: cache });
    expect(third.version).not.toBe(first.version);
    expect(third.byId.has('TW:2317')).toBe(true);
  });
});

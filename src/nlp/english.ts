import { createRequire } from 'node:module';
import type nlpType from 'compromise';

/**
 * English person names in Chinese text that the dictionary lacks (Sam
 * Altman, Howard Lutnick). compromise finds only some names, so this is a
 * supplement to the dictionary, never a replacement. Chinese text introduces
 * a person with a title before the name (執行長, 部長, 分析師 …) or a verb of
 * saying after it (表示, 說 …): only runs of two or three capitalised words
 * in such a place are offered to compromise, and kept when it reads the
 * whole run as a person. That keeps product and company names out (Vera
 * Rubin the platform, Arista Networks) and compromise's cost down.
 */
export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

const RUN = /(?<![A-Za-z])[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}(?![A-Za-z])/g;

// compromise takes about a millisecond a call; names recur across articles.
const seen = new Map<string, boolean>();
const SEEN_MAX = 50_000;

// compromise costs about half a second and 40 MB to load; most articles
// never offer it a name, so it is loaded on the first one that does.
const require = createRequire(import.meta.url);
let compromise: typeof nlpType | null = null;

/** Whether compromise reads the whole run of capitalised words as one person's name. */
export function isPerson(run: string): boolean {
  let yes = seen.get(run);
  if (yes === undefined) {
    compromise ??= require('compromise') as typeof nlpType;
    const people = compromise(run).people().out('array') as string[];
    yes = people.length === 1 && people[0] === run;
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(run, yes);
  }
  return yes;
}

const TITLE_BEFORE = /(?:執行長|执行长|董事長|董事长|總裁|总裁|總經理|总经理|創辦人|创办人|创始人|分析師|分析师|經濟學家|经济学家|部長|部长|總統|总统|主席|副總|副总|首席|經理人|经理人|記者|记者|作者|教授|法官|律師|律师|清盤人|清盘人|發言人|发言人|合夥人|合伙人|總監|总监|主管|財長|财长|CEO|CFO|CTO|COO|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Messrs\.?|Messers\.?|[文:：])\s*$/;
const SAYING_AFTER = /^\s*(?:表示|說|说|指出|認為|认为|強調|强调|坦言|透露|提到|預估|预估|預期|预期|在|於|于)/;

/** Person-name spans in `text` (normalised offsets), leaving out runs for which `skip` says so (already a dictionary name). */
export function englishPersons(text: string, skip: (start: number, end: number) => boolean = () => false): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const end = m.index + run.length;
    if (skip(m.index, end)) continue;
    if (!TITLE_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index)) && !SAYING_AFTER.test(text.slice(end, end + 4))) continue;
    if (isPerson(run)) out.push({ start: m.index, end: m.index + run.length, name: run });
  }
  return out;
}

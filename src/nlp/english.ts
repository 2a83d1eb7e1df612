import nlp from 'compromise';

/**
 * English person names in Chinese text that the dictionary lacks (Sam
 * Altman, Howard Lutnick). compromise finds only some names, so this is a
 * supplement to the dictionary, never a replacement: runs of two or three
 * capitalised words are offered to it one by one and kept when it reads the
 * whole run as a person.
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

function isPerson(run: string): boolean {
  let yes = seen.get(run);
  if (yes === undefined) {
    const people = nlp(run).people().out('array') as string[];
    yes = people.length === 1 && people[0] === run;
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(run, yes);
  }
  return yes;
}

/** Person-name spans in `text` (normalised offsets), leaving out runs for which `skip` says so (already a dictionary name). */
export function englishPersons(text: string, skip: (start: number, end: number) => boolean = () => false): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (skip(m.index, m.index + run.length)) continue;
    if (isPerson(run)) out.push({ start: m.index, end: m.index + run.length, name: run });
  }
  return out;
}

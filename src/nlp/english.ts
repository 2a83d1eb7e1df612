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

/** Person-name spans in `text` (normalised offsets). */
export function englishPersons(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const people = nlp(run).people().out('array') as string[];
    if (people.length === 1 && people[0] === run) out.push({ start: m.index, end: m.index + run.length, name: run });
  }
  return out;
}

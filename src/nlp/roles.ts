import type { Dictionary } from '../dict/types';
import type { AliasHit } from './aliases';
import { foldedList, WordSet } from './cues';
import type { FieldWork } from './field';
import { orgList } from './orglist';

/**
 * Brokers, research houses and media quoted as sources are organisations,
 * not their listed parent's ticker, unless the news is about them (the
 * corpus guide): 高盛證券預估… is `org:高盛`, 高盛財報… is GS. A listed
 * company whose printed spelling is in the organisation list is the
 * subject when a mention stands in the title, when the article prints its
 * code, when a subject word (財報, 股價, 收購 …) follows a mention in its
 * clause, or when it is named four times or more; otherwise the article
 * only quotes or uses it.
 */
export interface RoleField {
  fw: FieldWork;
  hits: readonly AliasHit[];
}

let subject: WordSet | null = null;
let analyst: WordSet | null = null;
const WINDOW = 10;
const CLAUSE_END = /[,.;:!?。，；：！？\n]/;

// Where the first word of a list stands in the mention's clause after `end`, or -1.
function firstAfter(words: WordSet, key: string, end: number): number {
  for (let i = end; i < key.length && i - end < WINDOW && !CLAUSE_END.test(key[i]!); i++) if (words.startsAt(key, i) > 0) return i;
  return -1;
}

/**
 * What follows a broker's mention in its clause: a subject word (財報, 股價,
 * 營收 …) and whether it does what brokers do as a source (大摩上調目標價).
 */
function wordsAfter(key: string, end: number): { subject: boolean; quoted: boolean } {
  subject ??= new WordSet(foldedList('subject-words.txt'));
  analyst ??= new WordSet(foldedList('analyst-words.txt'));
  return { subject: firstAfter(subject, key, end) >= 0, quoted: firstAfter(analyst, key, end) >= 0 };
}

/** Ids of listed companies that the article names only as a source or a service provider. */
export function sourceRoleIds(dict: Dictionary, fields: readonly RoleField[], codedIds: ReadonlySet<string>): Set<string> {
  const list = orgList();
  const verdict = new Map<string, boolean>();
  const count = new Map<string, number>();
  for (const { fw, hits } of fields) {
    for (const h of hits) {
      if (!list.byKey.has(fw.key.slice(h.start, h.end))) continue;
      for (const id of h.ids) {
        if (!dict.byId.get(id)?.ticker) continue;
        const { subject: subjectWord, quoted } = wordsAfter(fw.key, h.end);
        // A title that quotes it (大摩上調目標價) does not make the news its own.
        const isSubject = (fw.text.field === 'title' && !quoted) || codedIds.has(id) || subjectWord;
        verdict.set(id, (verdict.get(id) ?? false) || isSubject);
        // A mention that quotes it (大摩上調目標價) does not count towards its being the subject.
        if (!quoted) count.set(id, (count.get(id) ?? 0) + 1);
      }
    }
  }
  // A source is quoted once or twice; a company named again and again is what the article is about (两家券商合并).
  return new Set([...verdict].filter(([id, s]) => !s && (count.get(id) ?? 0) < SUBJECT_MENTIONS).map(([id]) => id));
}

const SUBJECT_MENTIONS = 4;

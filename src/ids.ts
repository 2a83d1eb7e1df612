import { createHash } from 'node:crypto';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Article id from its canonical URL, or from its text for replayed files. */
export function articleId(canonicalUrlOrText: string): string {
  return `art_${sha(canonicalUrlOrText).slice(0, 20)}`;
}

export function contentHash(title: string, body: string): string {
  return sha(`${title}\n${body}`).slice(0, 32);
}

/** Event id: same article, same content, same dictionary → same event id. */
export function eventId(articleId: string, contentHash: string, dictionaryVersion: string): string {
  return `evt_${sha(`${articleId}\n${contentHash}\n${dictionaryVersion}`).slice(0, 24)}`;
}

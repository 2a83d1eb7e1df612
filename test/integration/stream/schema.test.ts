import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Entity, EntityKind, EventLabel, EventModality, EventRecord, Market, Mention, MentionVia, Script } from '../../../src/types';
import { eventSchema, eventSchemaErrors } from '../../helpers/schema';
import { foxconnPartnership, tsmcCapex } from './records';

/**
 * Keeps src/types.ts EventRecord and schema/event.schema.json in step. The
 * `Presence<T>` and `Record<Union, true>` tables below must name every key and
 * every member of the TypeScript types, or `tsc` (run by `npm test`) fails; the
 * tests then compare them with the schema's properties, required lists and
 * enums. Changing one side without the other fails here.
 */
type Presence<T> = { [K in keyof T]-?: object extends Pick<T, K> ? 'optional' : 'required' };
type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; $defs?: Record<string, JsonSchema>; items?: JsonSchema; $ref?: string };

const record: Presence<EventRecord> = { schema: 'required', id: 'required', article: 'required', entities: 'required', tickers: 'required', events: 'required', sentiment: 'required', keywords: 'required', novelty: 'required', versions: 'required' };
const article: Presence<ArticleMeta & { body?: string }> = { id: 'required', url: 'required', source: 'required', title: 'required', publishedAt: 'required', fetchedAt: 'required', script: 'required', contentHash: 'required', simhash: 'required', body: 'optional' };
const entity: Presence<Entity> = { id: 'required', kind: 'required', name: 'required', ticker: 'optional', listings: 'optional', mentions: 'required', relevance: 'required', sentiment: 'required' };
const ticker: Presence<NonNullable<Entity['ticker']>> = { code: 'required', market: 'required' };
const mention: Presence<Mention> = { text: 'required', start: 'required', end: 'required', field: 'required', via: 'required', flag: 'optional' };
const eventLabel: Presence<EventLabel> = { type: 'required', entities: 'required', polarity: 'required', confidence: 'required', evidence: 'required', modality: 'optional', mentions: 'optional' };
const evidence: Presence<EventLabel['evidence']> = { text: 'required', start: 'required', end: 'required', field: 'optional' };
const sentiment: Presence<EventRecord['sentiment']> = { score: 'required', label: 'required' };
const novelty: Presence<EventRecord['novelty']> = { duplicateOf: 'required', similar: 'required' };
const versions: Presence<EventRecord['versions']> = { pipeline: 'required', dictionary: 'required' };

const scripts: Record<Script, true> = { Hant: true, Hans: true };
const kinds: Record<EntityKind, true> = { company: true, etf: true, person: true, org: true, place: true, product: true, theme: true };
const markets: Record<Market, true> = { TWSE: true, TPEx: true, SSE: true, SZSE: true, BSE: true, HKEX: true, NASDAQ: true, NYSE: true, TSE: true, KRX: true };
const vias: Record<MentionVia, true> = { dictionary: true, 'inline-code': true, 'english-ner': true, pattern: true };
const fields: Record<Mention['field'], true> = { title: true, body: true };
const polarities: Record<EventLabel['polarity'], true> = { '-1': true, '0': true, '1': true };
const labels: Record<EventRecord['sentiment']['label'], true> = { positive: true, negative: true, neutral: true };
const modalities: Record<EventModality, true> = { reported: true, forecast: true, rumour: true };

const root = eventSchema as JsonSchema;
const defs = root.$defs!;
const nodes: Array<[string, Record<string, 'required' | 'optional'>, JsonSchema]> = [
  ['EventRecord', record, root],
  ['article', article, defs.article!],
  ['entity', entity, defs.entity!],
  ['entity.ticker', ticker, defs.entity!.properties!.ticker!],
  ['mention', mention, defs.mention!],
  ['eventLabel', eventLabel, defs.eventLabel!],
  ['eventLabel.evidence', evidence, defs.evidence!],
  ['sentiment', sentiment, root.properties!.sentiment!],
  ['novelty', novelty, root.properties!.novelty!],
  ['versions', versions, root.properties!.versions!],
];

const sorted = (xs: Iterable<unknown>) => [...xs].map(String).sort();

describe('event schema and EventRecord stay in step', () => {
  it.each(nodes)('%s has the same properties and required list', (_name, presence, node) => {
    expect(sorted(Object.keys(node.properties ?? {}))).toEqual(sorted(Object.keys(presence)));
    expect(sorted(node.required ?? [])).toEqual(sorted(Object.entries(presence).filter(([, p]) => p === 'required').map(([k]) => k)));
  });

  it('has the same enums', () => {
    expect(sorted(defs.article!.properties!.script!.enum!)).toEqual(sorted(Object.keys(scripts)));
    expect(sorted(defs.entity!.properties!.kind!.enum!)).toEqual(sorted(Object.keys(kinds)));
    expect(sorted(defs.entity!.properties!.ticker!.properties!.market!.enum!)).toEqual(sorted(Object.keys(markets)));
    expect(sorted(defs.mention!.properties!.via!.enum!)).toEqual(sorted(Object.keys(vias)));
    expect(sorted(defs.mention!.properties!.field!.enum!)).toEqual(sorted(Object.keys(fields)));
    expect(sorted(defs.eventLabel!.properties!.polarity!.enum!)).toEqual(sorted(Object.keys(polarities)));
    expect(sorted(root.properties!.sentiment!.properties!.label!.enum!)).toEqual(sorted(Object.keys(labels)));
    expect(sorted(defs.eventLabel!.properties!.modality!.enum!)).toEqual(sorted(Object.keys(modalities)));
    expect(defs.eventLabel!.properties!.mentions!.items!.$ref).toBe('#/$defs/evidence');
    expect(defs.eventLabel!.properties!.evidence!.$ref).toBe('#/$defs/evidence');
  });
});

describe('event schema validation', () => {
  it('accepts records typed as EventRecord', () => {
    expect(eventSchemaErrors(tsmcCapex(1))).toEqual([]);
    expect(eventSchemaErrors(foxconnPartnership(2))).toEqual([]);
  });

  it('rejects a record with an unknown field, naming it', () => {
    const bad = { ...tsmcCapex(), extra: 1 };
    expect(eventSchemaErrors(bad).join('\n')).toContain('extra');
  });

  it('rejects a wrong schema version, a bad ticker and a sentiment out of range', () => {
    const r = tsmcCapex();
    const bad = { ...r, schema: 2, tickers: ['2330'], sentiment: { score: 3, label: 'positive' } };
    const errors = eventSchemaErrors(bad);
    expect(errors.some((e) => e.startsWith('/schema'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/tickers/0'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/sentiment/score'))).toBe(true);
  });

  it('rejects an entity of an unknown kind', () => {
    const r = tsmcCapex();
    const bad = { ...r, entities: [{ ...r.entities[0]!, kind: 'fund' }] };
    expect(eventSchemaErrors(bad).some((e) => e.startsWith('/entities/0/kind'))).toBe(true);
  });

  it('accepts an event with its modality and the sentences that retell it, and rejects an unknown modality', () => {
    const r = tsmcCapex();
    const ev = r.events[0]!;
    const told = { ...r, events: [{ ...ev, modality: 'forecast', mentions: [{ ...ev.evidence }] }] };
    expect(eventSchemaErrors(told)).toEqual([]);
    const bad = { ...r, events: [{ ...ev, modality: 'hinted' }] };
    expect(eventSchemaErrors(bad).some((e) => e.startsWith('/events/0/modality'))).toBe(true);
    const badMention = { ...r, events: [{ ...ev, mentions: [{ text: 'x' }] }] };
    expect(eventSchemaErrors(badMention).some((e) => e.startsWith('/events/0/mentions/0'))).toBe(true);
  });
});
